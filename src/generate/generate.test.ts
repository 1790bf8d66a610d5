import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { importRecords } from '../interchange/import.ts';
import { prosecutionFigures } from '../prosecution/statistics.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { generate, type GenerateOptions } from './generate.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const opts: GenerateOptions = { scale: 1, fromYear: 2024, toYear: 2024, seed: 5, asOf: '2026-06-30' };
const countOf = (records: { type: string }[], type: string) => records.filter((r) => r.type === type).length;

test('seeded: the same options give the same records, another seed other ids', () => {
  const a = [...generate(t.ctx.profile, { ...opts, parts: ['persons', 'registry'] })];
  const b = [...generate(t.ctx.profile, { ...opts, parts: ['persons', 'registry'] })];
  assert.deepEqual(a, b);
  const c = [...generate(t.ctx.profile, { ...opts, seed: 6, parts: ['persons'] })];
  const ids = new Set(a.map((r) => r.id));
  assert.ok(c.every((r) => !ids.has(r.id)), 'ids carry the seed');
});

test('scale multiplies the national volume', () => {
  const one = [...generate(t.ctx.profile, { ...opts, parts: ['hotline', 'registry'] })];
  const three = [...generate(t.ctx.profile, { ...opts, scale: 3, parts: ['hotline', 'registry'] })];
  assert.equal(countOf(one, 'hotline_contact'), 10_254, 'the published 2024 volume');
  assert.equal(countOf(three, 'hotline_contact'), 3 * 10_254);
  assert.equal(countOf(three, 'crime_fact'), 3 * countOf(one, 'crime_fact'));
  const future = [...generate(t.ctx.profile, { ...opts, asOf: '2024-06-30', parts: ['hotline'] })];
  assert.ok(future.every((r) => r.type !== 'hotline_contact' || String(r.started_at) <= '2024-06-30T23:59:59'), 'nothing after --as-of');
});

test('imported, a year at scale 1 is shaped like the published figures: registry, hotline and victims', async () => {
  const result = await importRecords(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, generate(t.ctx.profile, opts));
  assert.equal(result.rejected, 0);

  const f = new Map((await prosecutionFigures(t.db.kysely, t.ctx.profile, 2024)).map((x) => [x.id, x]));
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

  const identified = await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).where('identified_on', '>=', '2024-01-01').where('identified_on', '<=', '2024-12-31').executeTakeFirstOrThrow();
  assert.ok(Number(identified.n) >= 80 && Number(identified.n) <= 100, `about 90 identified victims (${identified.n})`);

  const stats = (await (await t.as('analyst')).get('/api/hotline/stats?from=2024-01-01&to=2024-12-31')).body;
  assert.equal(stats.total, 10_254);
  assert.ok(stats.byChannel.phone_152 > stats.total * 0.7, 'mostly phone calls to 152');
  assert.ok(stats.byTopic.work_abroad_info > stats.byTopic.report_trafficking, 'information requests dominate');
  const found = await (await t.as('police_investigator')).post('/api/hotline/search', { identifier: 'https://t.me/synthetic.recruiter.1' });
  assert.ok(found.body.contacts.length >= 2, 'repeated reports about one invented recruiter meet');

  // Encrypted at rest: no synthetic name in the clear.
  const dump = (await sql<{ j: string }>`select row_to_json(x)::text as j from prosecuted_persons x`.execute(t.db.kysely)).rows.map((r) => r.j).join('');
  assert.ok(dump.length > 0 && !/Nümunə|Sınaq|Uydurma|Fiktiv|Demo\d/.test(dump));
});

test('this year, nothing is dated later than now: no call, referral or stay from the future', () => {
  const year = new Date().getUTCFullYear();
  const now = new Date().toISOString();
  const records = [...generate(t.ctx.profile, { scale: 1, fromYear: year, toYear: year, seed: 7, parts: ['persons', 'hotline'] })];
  const stamps = records.flatMap((r) => ['started_at', 'sent_at', 'responded_at', 'completed_at'].map((k) => r[k]).filter((v): v is string => typeof v === 'string' && v.includes('T')));
  assert.ok(stamps.length > 1000);
  const late = stamps.filter((s) => s > now);
  assert.deepEqual(late, [], 'timestamps after now');
});
