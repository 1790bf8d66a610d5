import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { prosecutionFigures } from '../prosecution/statistics.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { loadSyntheticProsecution } from './prosecution.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('the synthetic registry is shaped like the published figures and goes through the domain rules', async () => {
  const police = t.users.police_investigator;
  const out = await loadSyntheticProsecution(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, { id: police.id, username: police.username, agencyId: police.agencyId }, { seed: 5, fromYear: 2024, toYear: 2024 });
  assert.equal(out.facts, 159 + 44 + 3 + 20 + 4, 'every planned fact of a past year is registered');
  const f = new Map((await prosecutionFigures(t.db.kysely, 2024)).map((x) => [x.id, x]));
  // Published 2023: 159 trafficking, 44 document, 3 forced labour facts; 58 online, 20 of them under 243.1.
  assert.deepEqual(f.get('crimes.share_chart')?.breakdown, { trafficking: 159, document_forgery: 44, forced_labour: 3 });
  assert.equal(f.get('online.facts')?.value, 58);
  assert.equal(f.get('online.facts.art_243_1')?.value, 20);
  const cases = f.get('cases.initiated')?.value ?? 0;
  assert.ok(cases >= 12 && cases <= 16, `about 16 cases (${cases})`);
  const charged = f.get('defendants.charged');
  assert.ok((charged?.value ?? 0) >= cases, 'at least one person charged per case');
  assert.ok((charged?.breakdown?.female ?? 0) > (charged?.breakdown?.male ?? 0), 'mostly women, as published');
  const countries = f.get('wanted.interpol.hiding_countries')?.categories ?? [];
  assert.ok(countries.length > 0 && countries.every((c) => ['TR', 'AE', 'RU', 'PK'].includes(c)), countries.join());
  assert.ok((f.get('wanted.local')?.value ?? 0) > 0);
  // Through the domain functions: audited, and no name in the clear.
  const audited = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'prosecution.fact_registered').executeTakeFirstOrThrow();
  assert.equal(Number(audited.n), out.facts);
  const dump = (await sql<{ j: string }>`select row_to_json(x)::text as j from prosecuted_persons x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
  assert.ok(!/Nümunə|Sınaq|Uydurma|Fiktiv|Demo\d/.test(dump));
});
