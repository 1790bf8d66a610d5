// The report counts a date as told by the year it names (issue 17, docs/victims.md): an event
// that started in "2023" or "2023-05" counts in 2023, as one on 2023-05-14 does.
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
  figures: [
    { id: 'events.started', label: three('e'), from: 'exploitation', date: 'started', count: 'records' },
    { id: 'victims.by_exploitation_year', label: three('v'), from: 'persons', date: 'identified', count: 'persons', breakdown: { by: 'exploitation_year' } },
    { id: 'victims.by_age', label: three('a'), from: 'persons', date: 'identified', count: 'persons', breakdown: { by: 'age', bands: [{ key: 'under-18', min: 0, max: 17 }, { key: 'adult', min: 18 }] } },
  ],
  sections: [{ id: 'main', title: three('M'), blocks: [{ kind: 'text', text: three('{events.started}') }] }],
};

const person = (n: number, birthDate: string) =>
  JSON.stringify({ type: 'person', id: `told:P-${n}`, case_code: `AZ-2024-0080${n}`, owner_agency: 'mia', given_name: 'Sınaq', birth_date: birthDate, birth_year: Number(birthDate.slice(0, 4)), gender: 'female', languages: [], vulnerabilities: [], channel: 'police', contact_date: '2024-02-01', identification_status: 'identified', identified_on: '2024-03-01' });
const event = (n: number, start: string) =>
  JSON.stringify({ type: 'exploitation_event', id: `told:E-${n}`, person: `told:P-${n}`, kind: 'exploitation', country: 'RU', start_date: start, forms: [], subtypes: [], means_of_control: [] });

test('an event told as a year or a month counts in that year; ages follow the birth year', async () => {
  async function* lines() {
    yield JSON.stringify({ type: 'header', format: 'azad-interchange', version: 1, source: 'told dates test' });
    // Born "2006" and "2006-11-30" alike are 18 in the 2024 report (report year − birth year).
    const told: [string, string][] = [['2006', '2023'], ['2006-11-30', '2023-05'], ['1990-07', '2023-12-31'], ['2007', '2022-12'], ['1985', '2024']];
    for (const [n, [birth, start]] of told.entries()) {
      yield person(n, birth);
      yield event(n, start);
    }
  }
  const result = await importLines(db.kysely, { key: fieldKey(randomBytes(32)), profile }, lines(), {});
  assert.equal(result.committed, true, JSON.stringify(result.errors));
  const figures = async (y: number) => new Map((await compareYears(db.kysely, profile, y, { definition })).figures.map((f) => [f.id, f]));
  const y2023 = await figures(2023);
  const y2024 = await figures(2024);
  assert.equal(y2023.get('events.started')?.value, 3, '"2023", "2023-05" and 2023-12-31');
  assert.equal((await figures(2022)).get('events.started')?.value, 1, '"2022-12"');
  assert.equal(y2024.get('events.started')?.value, 1, '"2024"');
  assert.deepEqual(y2024.get('victims.by_exploitation_year')?.breakdown, { 2022: 1, 2023: 3, 2024: 1 });
  assert.deepEqual(y2024.get('victims.by_age')?.breakdown, { 'under-18': 1, adult: 4 });
});
