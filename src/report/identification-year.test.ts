// Which year a victim counts in: persons.identified_on, as docs/victims.md and
// docs/interchange/record-types.md say. Through the API it is derived from the decisions; an
// interchange file gives it as it stands, and its decisions do not move it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { importLines } from '../interchange/import.ts';
import type { Profile } from '../profile/schema.ts';
import { seededDatabase } from '../test/harness.ts';
import type { ReportDefinition } from './definition/schema.ts';
import { compareYears } from './report.ts';

let profile: Profile;
let db: Db;
before(async () => {
  ({ db, profile } = await seededDatabase());
});
after(() => db.close());

const three = (x: string) => ({ az: x, en: x, ru: x });
const definition: ReportDefinition = {
  format: 'azad-report-definition/1',
  languages: ['az', 'en', 'ru'],
  title: three('R'),
  figures: [{ id: 'victims.identified', label: three('v'), from: 'persons', date: 'identified', count: 'persons' }],
  sections: [{ id: 'main', title: three('M'), blocks: [{ kind: 'text', text: three('{victims.identified}') }] }],
};
const person = (n: number, identifiedOn: string | null, status: string) =>
  JSON.stringify({ type: 'person', id: `syn:P-${n}`, case_code: `AZ-2023-0009${n}`, owner_agency: 'mia', given_name: 'Sinaq', gender: 'female', languages: [], vulnerabilities: [], channel: 'police', contact_date: '2023-12-01', identification_status: status, identified_on: identifiedOn });
const decision = (n: number, on: string) => JSON.stringify({ type: 'identification_decision', id: `syn:P-${n}/d1`, person: `syn:P-${n}`, status: 'identified', decided_on: on, deciding_agency: 'mia' });

test('an imported person counts in the year of its identified_on, whatever its decisions say', async () => {
  async function* lines() {
    yield JSON.stringify({ type: 'header', format: 'azad-interchange', version: 1, source: 'identification year test' });
    yield person(0, '2024-05-01', 'identified'); // no decision
    yield person(1, '2024-05-01', 'identified');
    yield decision(1, '2023-12-20'); // an earlier identified decision does not move it to 2023
    yield person(2, null, 'identified');
    yield decision(2, '2024-02-01'); // a decision without identified_on counts in no year
  }
  const result = await importLines(db.kysely, { key: fieldKey(randomBytes(32)), profile }, lines(), {});
  assert.equal(result.committed, true, JSON.stringify(result.errors));
  const year = async (y: number) => (await compareYears(db.kysely, profile, y, { definition })).figures.find((f) => f.id === 'victims.identified')?.value;
  assert.equal(await year(2024), 2);
  assert.equal(await year(2023), 0);
});
