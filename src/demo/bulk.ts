// FOR BENCHMARKS AND TEST DATA ONLY.
//
// Writes synthetic persons straight into the tables, about a thousand at a time. Identifying
// fields are still encrypted (encryptIdentity, matchKeysFor) exactly as createPerson does, but no
// domain checks run and NOTHING is written to the audit trail: these records have no history.
// Never run it against a database that holds real records; use loadDemoData for the demo set.
import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { personRow } from '../victims/persons.ts';
import { eventRow } from '../victims/records.ts';
import { agencyIds } from './load-persons.ts';
import { syntheticPersons, type GenerateOptions, type SyntheticPerson } from './persons.ts';

export interface BulkOptions extends GenerateOptions {
  /** Persons per transaction (default 1000). */
  batchSize?: number;
  /** User ids to stamp as creators, by intake role; rows stay creator-less without them. */
  createdBy?: Partial<Record<SyntheticPerson['intake']['role'], string>>;
  /** Batches written at once (default 1; PostgreSQL only). */
  concurrency?: number;
  onBatch?: (personsSoFar: number) => void;
}

// Parent tables first.
const TABLES = ['persons', 'children', 'identification_decisions', 'exploitation_events', 'reflection_periods', 'consents', 'referrals', 'assistance', 'payments'] as const;
type Table = (typeof TABLES)[number];
// Typed against the tables, so a renamed or added NOT NULL column fails the type check here too.
type Rows = { [T in Table]: Insertable<Database[T]>[] };

type Cast = 'uuid' | 'text' | 'int' | 'numeric' | 'bool' | 'date' | 'timestamptz' | 'bytea' | 'text[]';
const created = { person_id: 'uuid', created_by: 'uuid' } as const;
/** Every column the bulk path writes, with its SQL type: rows travel as one text array per column. */
const COLUMNS: { [T in Table]: { [C in keyof Database[T] & string]?: Cast } } = {
  persons: {
    id: 'uuid', case_code: 'text', owner_agency_id: 'uuid', given_name_enc: 'bytea', family_name_enc: 'bytea', patronymic_enc: 'bytea', birth_date_enc: 'bytea',
    documents_enc: 'bytea', phones_enc: 'bytea', address_enc: 'bytea', match_keys: 'text[]', gender: 'text', birth_year: 'int', is_minor: 'bool', citizenship: 'text',
    residence_region: 'text', languages: 'text[]', vulnerabilities: 'text[]', channel: 'text', contact_date: 'date', identification_status: 'text', identified_on: 'date',
    closure_reason: 'text', closed_on: 'date', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  children: { ...created, id: 'uuid', label: 'text', birth_year: 'int', gender: 'text' },
  identification_decisions: { ...created, status: 'text', decided_on: 'date', deciding_agency_id: 'uuid', note_enc: 'bytea' },
  exploitation_events: {
    ...created, kind: 'text', country: 'text', region: 'text', start_date: 'date', end_date: 'date', forms: 'text[]', subtypes: 'text[]', isic_section: 'text',
    means_of_control: 'text[]', recruitment_method: 'text', online_platform: 'text', recruiter_relation: 'text',
  },
  reflection_periods: { ...created, start_date: 'date', length_days: 'int', extension_days: 'int', outcome: 'text', outcome_date: 'date' },
  consents: { ...created, purpose: 'text', agency_id: 'uuid', given: 'bool', recorded_on: 'date' },
  referrals: {
    ...created, from_agency_id: 'uuid', to_agency_id: 'uuid', status: 'text', sent_at: 'timestamptz', responded_at: 'timestamptz', completed_at: 'timestamptz',
    consent_override_enc: 'bytea', note_enc: 'bytea',
  },
  assistance: { ...created, child_id: 'uuid', kind: 'text', provider_agency_id: 'uuid', date: 'date', end_date: 'date', legal_stage: 'text', notes_enc: 'bytea' },
  payments: { ...created, kind: 'text', amount: 'numeric', currency: 'text', paid_on: 'date', payer_agency_id: 'uuid', idempotency_key: 'text', override_reason_enc: 'bytea' },
};

const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value as string[]);
  return String(value);
}

/**
 * One INSERT … SELECT FROM unnest(…) per table: a parameter per column instead of one per value,
 * which is several times faster than multi-row VALUES and has no 65,535-parameter ceiling.
 */
async function insertColumns(trx: Kysely<Database>, table: Table, columns: Partial<Record<string, Cast>>, rows: readonly object[]) {
  const names = Object.keys(columns);
  const params = names.map((c) => sql`${rows.map((r) => asText((r as Record<string, unknown>)[c]))}::text[]`);
  const selects = names.map((c) => {
    const cast = columns[c] as Cast;
    return cast === 'bytea' ? sql`decode(${sql.ref(c)}, 'hex')` : cast === 'text' ? sql.ref(c) : sql`${sql.ref(c)}::${sql.raw(cast)}`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))})
    select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(names.map((c) => sql.ref(c)))})`.execute(trx);
}

const stamp = (date: string, minute = 0) => new Date(Date.parse(`${date}T09:00:00Z`) + minute * 60_000);

/**
 * Bulk-inserts synthetic persons with all their records; returns counts and the time taken.
 * Each batch is one transaction. With `concurrency` above 1 (PostgreSQL only: PGlite has one
 * connection) several batches are written at once while the next is generated and encrypted.
 */
export async function bulkLoadPersons(db: Kysely<Database>, ctx: { key: FieldKey; profile: Profile }, opts: BulkOptions): Promise<{ persons: number; rows: number; ms: number }> {
  const started = performance.now();
  const agency = await agencyIds(db);
  const run = randomUUID().slice(0, 8);
  const batchSize = opts.batchSize ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  let persons = 0;
  let rows = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let batch: SyntheticPerson[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const built = buildRows(ctx, agency, opts, run, batch);
    batch = [];
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure) throw failure;
    // Codes first, in order and outside the batch's transaction, so concurrent batches never wait on the counter row.
    const codes = await db.transaction().execute((trx) => reserveCaseCodes(trx, ctx.profile.settings.caseCodePrefix, built.years));
    for (const [i, row] of built.rows.persons.entries()) row.case_code = codes[i] as string;
    const write: Promise<void> = db
      .transaction()
      .execute((trx) => writeRows(trx, built.rows))
      .then((n) => {
        rows += n;
        persons += built.years.length;
        opts.onBatch?.(persons);
      })
      .catch((err: unknown) => {
        failure ??= err;
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  };
  for (const p of syntheticPersons(ctx.profile, opts)) {
    batch.push(p);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  return { persons, rows, ms: Math.round(performance.now() - started) };
}

/** Case codes are gapless per year: reserve a block from the same counter createPerson uses. */
async function reserveCaseCodes(trx: Kysely<Database>, prefix: string, years: number[]): Promise<string[]> {
  const need = new Map<number, number>();
  for (const y of years) need.set(y, (need.get(y) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, n] of need) {
    const row = await trx
      .insertInto('case_code_counters')
      .values({ year, last: n })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`case_code_counters.last + excluded.last` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    next.set(year, row.last - n + 1);
  }
  return years.map((y) => {
    const n = next.get(y) as number;
    next.set(y, n + 1);
    return `${prefix}-${y}-${String(n).padStart(5, '0')}`;
  });
}

interface BuiltBatch {
  rows: Rows;
  /** The contact year of each person row, for its case code. */
  years: number[];
}

function buildRows(ctx: { key: FieldKey; profile: Profile }, agency: (code: string) => string, opts: BulkOptions, run: string, batch: SyntheticPerson[]): BuiltBatch {
  const { key, profile } = ctx;
  const out: Rows = { persons: [], identification_decisions: [], exploitation_events: [], reflection_periods: [], consents: [], referrals: [], children: [], assistance: [], payments: [] };
  for (const [i, p] of batch.entries()) {
    const id = randomUUID();
    const owner = agency(p.intake.agency);
    const createdBy = opts.createdBy?.[p.intake.role] ?? null;
    const input = p.input;
    // The same derived state decide() and closeCase() would leave behind.
    const latest = p.decisions.at(-1);
    const identifiedOn = latest?.status === 'identified' ? (p.decisions.find((d) => d.status === 'identified')?.decidedOn ?? null) : null;
    out.persons.push({
      ...personRow(key, input, { caseCode: '', ownerAgencyId: owner, createdBy }),
      id,
      identification_status: latest?.status ?? 'potential',
      identified_on: identifiedOn,
      closure_reason: p.closure?.reason ?? null,
      closed_on: p.closure?.closedOn ?? null,
      created_at: stamp(input.contactDate, i % 480),
      updated_at: stamp(p.closure?.closedOn ?? latest?.decidedOn ?? input.contactDate),
    });
    const common = { person_id: id, created_by: createdBy };
    out.identification_decisions.push({ ...common, status: 'potential', decided_on: input.contactDate, deciding_agency_id: owner, note_enc: null });
    for (const d of p.decisions) out.identification_decisions.push({ ...common, status: d.status, decided_on: d.decidedOn, deciding_agency_id: agency(d.agency), note_enc: null });
    for (const e of p.events) out.exploitation_events.push(eventRow(id, e, createdBy));
    if (p.reflection) {
      const r = p.reflection;
      out.reflection_periods.push({ ...common, start_date: r.startDate, length_days: profile.settings.reflectionPeriodDays, extension_days: r.extensionDays, outcome: r.outcome, outcome_date: r.outcomeDate });
    }
    for (const c of p.consents) out.consents.push({ ...common, purpose: c.purpose, agency_id: c.agency ? agency(c.agency) : null, given: c.given, recorded_on: c.recordedOn });
    for (const r of p.referrals) {
      out.referrals.push({
        ...common,
        from_agency_id: owner,
        to_agency_id: agency(r.to),
        status: r.status,
        sent_at: stamp(r.sentOn),
        responded_at: stamp(r.respondedOn),
        completed_at: r.completedOn ? stamp(r.completedOn) : null,
        consent_override_enc: null,
        note_enc: null,
      });
    }
    const childIds = p.children.map(() => randomUUID());
    for (const [k, c] of p.children.entries()) out.children.push({ ...common, id: childIds[k] as string, label: c.label, birth_year: c.birthYear, gender: c.gender });
    for (const a of p.assistance) {
      out.assistance.push({
        ...common,
        child_id: a.child === null ? null : childIds[a.child],
        kind: a.kind,
        provider_agency_id: agency(a.provider),
        date: a.date,
        end_date: a.endDate,
        legal_stage: a.legalStage,
        notes_enc: null,
      });
    }
    for (const pay of p.payments) {
      out.payments.push({
        ...common,
        kind: pay.kind,
        amount: pay.amount.toFixed(2),
        currency: profile.settings.currency,
        paid_on: pay.paidOn,
        payer_agency_id: agency(pay.payer),
        idempotency_key: `bulk:${run}:${opts.seed}:${p.key}:${pay.kind}`,
        override_reason_enc: null,
      });
    }
  }
  return { rows: out, years: batch.map((p) => Number(p.input.contactDate.slice(0, 4))) };
}

async function writeRows(trx: Kysely<Database>, rows: Rows): Promise<number> {
  let written = 0;
  for (const table of TABLES) {
    const list = rows[table];
    if (!list.length) continue;
    await insertColumns(trx, table, COLUMNS[table], list);
    written += list.length;
  }
  return written;
}
