// The stored case status (persons.case_status, kept by the triggers of migration 0091) equals the
// rule, caseStatusSql(), for every person: after random sequences of writes through the API
// (seeded and bounded; AZAD_STATUS_RUNS and AZAD_STATUS_SEED widen or vary the search), and after
// a bulk interchange import and its re-import.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { generate } from '../generate/generate.ts';
import { importRecords } from '../interchange/import.ts';
import { agencyId, daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { ClosureReason } from './schema.ts';
import { caseStatusSql } from './status.ts';

const RUNS = Number(process.env.AZAD_STATUS_RUNS ?? 12);
const SEED = Number(process.env.AZAD_STATUS_SEED ?? 20_261_207);

let t: TestApp;
let coordinator: Client;
let mia: string;
before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  mia = await agencyId(t, 'mia');
});
after(() => t.close());

/** Persons whose stored status is not what the rule says, with both. */
async function disagreements() {
  const { rows } = await sql<{ id: string; stored: string; rule: string }>`
    select id, case_status as stored, ${caseStatusSql()} as rule from persons
     where case_status is distinct from ${caseStatusSql()}`.execute(t.db.kysely);
  return rows;
}

type Op =
  | { kind: 'intake' }
  | { kind: 'assist' | 'pay' | 'reflect' | 'outcome'; p: number }
  | { kind: 'void' | 'adjust'; entry: number }
  | { kind: 'close'; p: number; reason: string }
  | { kind: 'merge'; p: number; q: number }
  | { kind: 'undo'; merge: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'intake' as const }),
  fc.record({ kind: fc.constantFrom('assist' as const, 'pay' as const, 'reflect' as const, 'outcome' as const), p: fc.nat() }),
  fc.record({ kind: fc.constantFrom('void' as const, 'adjust' as const), entry: fc.nat() }),
  fc.record({ kind: fc.constant('close' as const), p: fc.nat(), reason: fc.constantFrom(...ClosureReason.options) }),
  fc.record({ kind: fc.constant('merge' as const), p: fc.nat(), q: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const), merge: fc.nat() }),
);

test('after random writes through the API, the stored status is the rule for every person', async () => {
  const persons: string[] = [];
  const entries: { table: 'assistance' | 'payments'; id: string }[] = [];
  const merges: string[] = [];
  let keys = 0;
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
  /** A person to write to: a merged record is written through its survivor, as the app redirects a user to it. */
  const target = async (i: number) => {
    const id = pick(persons, i);
    const row = await t.db.kysely.selectFrom('persons').select('merged_into').where('id', '=', id).executeTakeFirstOrThrow();
    return row.merged_into ?? id;
  };
  /** The person an entry belongs to now (a merge moves entries to the survivor). */
  const ownerOf = async (e: { table: string; id: string }) =>
    (await sql<{ person_id: string }>`select person_id from ${sql.table(e.table)} where id = ${e.id}`.execute(t.db.kysely)).rows[0]?.person_id ?? '';

  async function apply(o: Op) {
    if (o.kind === 'intake' || persons.length === 0) {
      persons.push((await intake(coordinator)).id);
      return;
    }
    switch (o.kind) {
      case 'assist': {
        const res = await coordinator.post(`/api/persons/${await target(o.p)}/assistance`, { kind: 'psychological', providerAgencyId: mia, date: daysAgo(3) });
        if (res.status === 201) entries.push({ table: 'assistance', id: res.body.id });
        return res;
      }
      case 'pay': {
        const body = { kind: 'aid_fund_payment', amount: 150, currency: 'AZN', paidOn: daysAgo(3), payerAgencyId: mia, idempotencyKey: `status-key-${++keys}` };
        const res = await coordinator.post(`/api/persons/${await target(o.p)}/payments`, body);
        if (res.status === 201) entries.push({ table: 'payments', id: res.body.id });
        return res;
      }
      case 'reflect':
        return coordinator.post(`/api/persons/${await target(o.p)}/reflection`, { startDate: daysAgo(10) });
      case 'outcome': {
        // A period still running, when there is one (else the refusal is part of the sequence).
        const open = await t.db.kysely.selectFrom('reflection_periods').select('person_id').where('outcome', 'is', null).orderBy('person_id').execute();
        const id = open.length ? pick(open, o.p).person_id : await target(o.p);
        return coordinator.patch(`/api/persons/${id}/reflection`, { outcome: 'cooperate', outcomeDate: daysAgo(1) });
      }
      case 'void': {
        if (entries.length === 0) return;
        const e = pick(entries, o.entry);
        return coordinator.post(`/api/persons/${await ownerOf(e)}/${e.table}/${e.id}/void`, { reason: 'Recorded in error' });
      }
      case 'adjust': {
        // An adjustment voids the entry it replaces and records a new one, in one transaction.
        const e = entries.find((x, i) => x.table === 'assistance' && i >= o.entry % entries.length) ?? entries.find((x) => x.table === 'assistance');
        if (!e) return;
        const res = await coordinator.post(`/api/persons/${await ownerOf(e)}/assistance`, { kind: 'legal', providerAgencyId: mia, date: daysAgo(2), replaces: e.id, correctionReason: 'Wrong kind' });
        if (res.status === 201) entries.push({ table: 'assistance', id: res.body.id });
        return res;
      }
      case 'close':
        return coordinator.post(`/api/persons/${await target(o.p)}/close`, { reason: o.reason, closedOn: daysAgo(0) });
      case 'merge': {
        const res = await coordinator.post('/api/duplicates/merges', { survivorId: pick(persons, o.p), mergedId: pick(persons, o.q) });
        if (res.status === 201) merges.push(res.body.id);
        return res;
      }
      case 'undo':
        if (merges.length === 0) return;
        return coordinator.post(`/api/duplicates/merges/${pick(merges, o.merge)}/undo`, {});
      default: {
        const never: never = o;
        throw new Error(`unknown operation ${JSON.stringify(never)}`);
      }
    }
  }

  const succeeded = new Set<string>();
  const seen = new Set<string>();
  const refusals = new Map<string, string>();
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 20 }), async (ops) => {
      for (const o of ops) {
        const res = await apply(o);
        if (res) assert.ok(res.status < 500, `${JSON.stringify(o)}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res && res.status < 300) succeeded.add(o.kind);
        else if (res) refusals.set(o.kind, `${res.status} ${JSON.stringify(res.body)}`);
      }
      assert.deepEqual(await disagreements(), [], `after ${JSON.stringify(ops)}`);
      const { rows } = await sql<{ s: string }>`select distinct case_status as s from persons`.execute(t.db.kysely);
      for (const r of rows) seen.add(r.s);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  // Every kind of write took effect and every kind of status was reached, so the comparison was not vacuous.
  for (const k of ['assist', 'pay', 'reflect', 'outcome', 'void', 'adjust', 'close', 'merge', 'undo']) assert.ok(succeeded.has(k), `some ${k} took effect: ${refusals.get(k)}`);
  for (const s of ['new', 'assisted', 'in_reflection', 'reintegrated']) assert.ok(seen.has(s), `some person was ${s}: ${[...seen].join()}`);
});

test('a bulk import, and importing the same file again, leave the stored status equal to the rule', async () => {
  const gen = () => generate(t.ctx.profile, { seed: 7, fromYear: 2020, toYear: 2022, asOf: '2023-01-01', scale: 0.3, parts: ['persons'] });
  for (const pass of ['import', 're-import']) {
    const r = await importRecords(t.db.kysely, { key: t.ctx.fieldKey, profile: t.ctx.profile }, gen(), { audit: { actor: null, details: { via: 'test' } } });
    assert.ok(r.committed, `${pass}: ${JSON.stringify(r.errors.slice(0, 3))}`);
    assert.deepEqual(await disagreements(), [], pass);
  }
  const { rows } = await sql<{ n: number }>`select count(distinct case_status)::int as n from persons`.execute(t.db.kysely);
  assert.ok(Number(rows[0]?.n) >= 3, 'the generated persons have several statuses');
});
