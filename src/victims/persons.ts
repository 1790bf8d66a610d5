import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { appendAudit, fieldChanges, type AuditEntry } from '../audit/record.ts';
import { decryptField, decryptOptional, encryptField, encryptOptional, matchKey, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { invalid, notFound } from '../errors.ts';
import type { Profile } from '../profile/schema.ts';
import { indexTokens } from './names.ts';
import type { CreatePersonInput, Identity, PersonSummary, UpdatePersonInput } from './schema.ts';
import type { PersonsTable } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
export const IDENTITY_FIELDS = ['givenName', 'familyName', 'patronymic', 'birthDate', 'documentNumbers', 'phones', 'address'] as const;

/** Checks values against the profile; each problem names its field. */
export function checkPersonAgainstProfile(profile: Profile, input: Pick<UpdatePersonInput, 'residenceRegion' | 'birthYear'> & { identity?: Partial<Identity> | undefined }) {
  const problems = [];
  if (input.residenceRegion && !profile.regions.regions.some((r) => r.code === input.residenceRegion)) {
    problems.push({ path: 'residenceRegion', message: `unknown region "${input.residenceRegion}" in the country profile` });
  }
  if (input.identity?.birthDate && input.birthYear && Number(input.identity.birthDate.slice(0, 4)) !== input.birthYear) {
    problems.push({ path: 'birthYear', message: 'does not match identity.birthDate' });
  }
  if (problems.length) throw invalid('The person record does not fit the country profile', problems);
}

async function nextCaseCode(trx: Kysely<Database>, prefix: string): Promise<string> {
  const year = new Date().getUTCFullYear();
  const row = await trx
    .insertInto('case_code_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`case_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last).padStart(5, '0')}`;
}

export function encryptIdentity(key: FieldKey, id: Partial<Identity>) {
  const out: Record<string, Uint8Array | null> = {};
  if (id.givenName !== undefined) out.given_name_enc = encryptField(key, id.givenName);
  if (id.familyName !== undefined) out.family_name_enc = encryptOptional(key, id.familyName);
  if (id.patronymic !== undefined) out.patronymic_enc = encryptOptional(key, id.patronymic);
  if (id.birthDate !== undefined) out.birth_date_enc = encryptOptional(key, id.birthDate);
  if (id.documentNumbers !== undefined) out.documents_enc = encryptOptional(key, JSON.stringify(id.documentNumbers));
  if (id.phones !== undefined) out.phones_enc = encryptOptional(key, JSON.stringify(id.phones));
  if (id.address !== undefined) out.address_enc = encryptOptional(key, id.address);
  return out;
}

type EncryptedIdentity = Pick<PersonsTable, 'given_name_enc' | 'family_name_enc' | 'patronymic_enc' | 'birth_date_enc' | 'documents_enc' | 'phones_enc' | 'address_enc'>;

export function decryptIdentity(key: FieldKey, row: EncryptedIdentity): Identity {
  const json = (b: Uint8Array | null) => (b ? (JSON.parse(decryptField(key, b)) as string[]) : []);
  return {
    givenName: decryptField(key, row.given_name_enc),
    familyName: decryptOptional(key, row.family_name_enc),
    patronymic: decryptOptional(key, row.patronymic_enc),
    birthDate: decryptOptional(key, row.birth_date_enc),
    documentNumbers: json(row.documents_enc),
    phones: json(row.phones_enc),
    address: decryptOptional(key, row.address_enc),
  };
}

export const matchKeysFor = (key: FieldKey, id: Pick<Identity, 'givenName' | 'familyName' | 'birthDate'>) => indexTokens(id).map((t) => matchKey(key, t));

/** The row of a new person (shared with the bulk loader): identity encrypted, statistics in the clear. */
export function personRow(key: FieldKey, input: CreatePersonInput, at: { caseCode: string; ownerAgencyId: string; createdBy: string | null }): Insertable<PersonsTable> {
  return {
    case_code: at.caseCode,
    owner_agency_id: at.ownerAgencyId,
    ...(encryptIdentity(key, input.identity) as EncryptedIdentity),
    match_keys: matchKeysFor(key, input.identity),
    gender: input.gender,
    birth_year: input.birthYear ?? (input.identity.birthDate ? Number(input.identity.birthDate.slice(0, 4)) : null),
    is_minor: input.isMinor ?? null,
    citizenship: input.citizenship ?? null,
    residence_region: input.residenceRegion ?? null,
    languages: input.languages ?? [],
    vulnerabilities: input.vulnerabilities ?? [],
    channel: input.channel,
    contact_date: input.contactDate,
    identification_status: 'potential',
    created_by: at.createdBy,
  };
}

/** Opens a person record as a potential victim; the case code is the only name it carries outside. */
export async function createPerson(
  trx: Kysely<Database>,
  ctx: { key: FieldKey; profile: Profile },
  input: CreatePersonInput,
  who: { userId: string; agencyId: string },
  audit: AuditBase,
) {
  checkPersonAgainstProfile(ctx.profile, input);
  const caseCode = await nextCaseCode(trx, ctx.profile.settings.caseCodePrefix);
  const person = await trx
    .insertInto('persons')
    .values(personRow(ctx.key, input, { caseCode, ownerAgencyId: who.agencyId, createdBy: who.userId }))
    .returning(['id', 'case_code'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('identification_decisions')
    .values({ person_id: person.id, status: 'potential', decided_on: input.contactDate, deciding_agency_id: who.agencyId, note_enc: null, created_by: who.userId })
    .execute();
  const { identity, ...rest } = input;
  await appendAudit(trx, {
    ...audit,
    action: 'persons.create',
    outcome: 'ok',
    targetType: 'person',
    targetId: person.id,
    details: { caseCode, changes: fieldChanges({}, { ...rest, ...identity }, { masked: IDENTITY_FIELDS }) },
  });
  return person;
}

const summaryColumns = [
  'persons.id',
  'persons.case_code',
  'persons.gender',
  'persons.birth_year',
  'persons.is_minor',
  'persons.citizenship',
  'persons.identification_status',
  'persons.identified_on',
  'persons.owner_agency_id',
  'persons.assigned_to',
  'persons.contact_date',
  'persons.created_at',
] as const;

type SummaryRow = {
  id: string;
  case_code: string;
  gender: string;
  birth_year: number | null;
  is_minor: boolean | null;
  citizenship: string | null;
  identification_status: string;
  identified_on: string | null;
  owner_agency_id: string;
  assigned_to: string | null;
  contact_date: string;
  created_at: Date;
  status: string;
};

export function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
    caseCode: r.case_code,
    gender: r.gender as PersonSummary['gender'],
    birthYear: r.birth_year,
    isMinor: r.is_minor,
    citizenship: r.citizenship,
    identificationStatus: r.identification_status as PersonSummary['identificationStatus'],
    identifiedOn: r.identified_on,
    status: r.status as PersonSummary['status'],
    ownerAgencyId: r.owner_agency_id,
    assignedTo: r.assigned_to,
    openedOn: r.contact_date,
    createdAt: r.created_at.toISOString(),
  };
}

export interface PersonQuery {
  status?: string | undefined;
  identificationStatus?: string | undefined;
  year?: number | undefined;
  country?: string | undefined;
  agencyId?: string | undefined;
  caseCode?: string | undefined;
  /** Keyed hashes of the name search's words (nameSearchTokens): a person must carry them all. */
  nameKeys?: string[] | undefined;
  /** Only the cases assigned to this user. */
  assignedTo?: string | undefined;
  sort?: 'created' | 'opened' | 'caseCode' | 'identified' | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
}

const SORT_COLUMNS = { created: 'created_at', opened: 'contact_date', caseCode: 'case_code', identified: 'identified_on' } as const;

/** Identified in that calendar year: the very expression persons_identified_year_idx (0091) indexes, so it serves the default order too. */
const identifiedInYear = (year: number) => sql<SqlBool>`extract(year from persons.identified_on) = ${year}`;

/**
 * How far the list counts its matches. Beyond it the total says "more than LIST_COUNT_CAP": an
 * exact count of hundreds of thousands of persons costs more than the page itself, and nobody pages
 * that far (docs/victims.md, "Lists").
 */
export const LIST_COUNT_CAP = 10_000;

/**
 * The person list through the visibility filter; filters combine with AND. The status filter reads
 * the stored status and the year filter the indexed year, so that the (status, sort column) and
 * (year, created) indexes serve them (0091); the total is exact up to LIST_COUNT_CAP.
 */
export async function listPersons(db: Kysely<Database>, visible: Expression<SqlBool>, q: PersonQuery, countCap = LIST_COUNT_CAP) {
  let base = db.selectFrom('persons').where(visible);
  if (q.status) base = base.where('persons.case_status', '=', q.status);
  if (q.identificationStatus) base = base.where('persons.identification_status', '=', q.identificationStatus);
  if (q.year) base = base.where(identifiedInYear(q.year));
  if (q.country) {
    base = base.where(sql<SqlBool>`exists (select 1 from exploitation_events e where e.person_id = persons.id and e.kind = 'exploitation' and e.country = ${q.country})`);
  }
  if (q.agencyId) {
    const agencyId = q.agencyId;
    base = base.where((eb) =>
      eb.or([eb('persons.owner_agency_id', '=', agencyId), sql<SqlBool>`exists (select 1 from referrals r where r.person_id = persons.id and r.to_agency_id = ${agencyId})`]),
    );
  }
  if (q.nameKeys) base = base.where(sql<SqlBool>`persons.match_keys @> ${sql.val(q.nameKeys)}::text[]`);
  if (q.assignedTo) base = base.where('persons.assigned_to', '=', q.assignedTo);
  if (q.caseCode) base = base.where('persons.case_code', 'ilike', `%${q.caseCode.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const column = SORT_COLUMNS[q.sort ?? 'created'];
  const order = q.order ?? 'desc';
  // Not yet identified (null) goes last either way; the other columns are never null, and their
  // plain order lets the (column, id) indexes serve the page. The id breaks ties so pages never overlap.
  const nulls = sql.raw(column === 'identified_on' ? `${order} nulls last` : order);
  const page = base
    .select([...summaryColumns, 'persons.case_status as status'])
    .orderBy(sql`${sql.ref(`persons.${column}`)} ${nulls}`)
    .orderBy('persons.id', order)
    .limit(q.limit)
    .offset(q.offset);
  // Counting stops one past the cap: enough to know there are more.
  const counted = db.selectFrom(base.select(sql<number>`1`.as('one')).limit(countCap + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
  // The count rides along with the page (one round trip); a page past the end has no row to carry it.
  const rows = await page.select(counted.as('total_n')).execute();
  const n = Number(rows[0] ? rows[0].total_n : (await counted.executeTakeFirstOrThrow()).n);
  return { items: rows.map((r) => toSummary(r as SummaryRow)), total: Math.min(n, countCap), totalExact: n <= countCap };
}

export async function updatePerson(
  trx: Kysely<Database>,
  ctx: { key: FieldKey; profile: Profile },
  visible: Expression<SqlBool>,
  id: string,
  input: UpdatePersonInput,
  audit: AuditBase,
) {
  const before = await trx.selectFrom('persons').selectAll().where(visible).where('persons.id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('Person');
  const storedBirthDate = decryptOptional(ctx.key, before.birth_date_enc);
  // The year is checked against the birth date as it will be after this change.
  const birthDate = input.identity?.birthDate !== undefined ? input.identity.birthDate : storedBirthDate;
  checkPersonAgainstProfile(ctx.profile, { ...input, identity: { birthDate } });
  const { identity, ...plain } = input;
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (plain.gender !== undefined) set.gender = plain.gender;
  if (plain.birthYear !== undefined) set.birth_year = plain.birthYear;
  if (plain.isMinor !== undefined) set.is_minor = plain.isMinor;
  if (plain.citizenship !== undefined) set.citizenship = plain.citizenship;
  if (plain.residenceRegion !== undefined) set.residence_region = plain.residenceRegion;
  if (plain.languages !== undefined) set.languages = plain.languages;
  if (plain.vulnerabilities !== undefined) set.vulnerabilities = plain.vulnerabilities;
  if (identity?.birthDate && plain.birthYear === undefined) set.birth_year = Number(identity.birthDate.slice(0, 4));
  if (identity) {
    Object.assign(set, encryptIdentity(ctx.key, identity));
    const merged = { ...decryptIdentity(ctx.key, before), ...identity };
    set.match_keys = matchKeysFor(ctx.key, merged);
  }
  await trx.updateTable('persons').set(set).where('id', '=', id).execute();
  const old = { gender: before.gender, birthYear: before.birth_year, isMinor: before.is_minor, citizenship: before.citizenship, residenceRegion: before.residence_region, languages: before.languages, vulnerabilities: before.vulnerabilities };
  await appendAudit(trx, {
    ...audit,
    action: 'persons.update',
    outcome: 'ok',
    targetType: 'person',
    targetId: id,
    details: { changes: fieldChanges({ ...old, ...Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, 'old'])) }, { ...plain, ...identity }, { masked: IDENTITY_FIELDS }) },
  });
}
