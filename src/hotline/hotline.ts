import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { appendAudit, type AuditEntry } from '../audit/record.ts';
import { decryptField, decryptOptional, encryptField, encryptOptional, matchKey, type FieldKey } from '../crypto/fields.ts';
import type { Database } from '../db/schema.ts';
import { invalid, type FieldError } from '../errors.ts';
import { hiddenOrMissing } from '../access/scope.ts';
import type { Profile } from '../profile/schema.ts';
import { assertAgencies } from '../victims/records.ts';
import { normalizeAny, normalizeHandle, normalizePhone, type NormalizedIdentifier } from './identifiers.ts';
import { TIP_EXCERPT_CHARS, type ContactInput, type ContactSummary, type TipInput, type TipSummary } from './schema.ts';
import type { HotlineContactsTable, HotlineTipsTable } from './table.ts';

type AuditBase = Omit<AuditEntry, 'action' | 'outcome'>;
type Who = { userId: string; agencyId: string };
type Ctx = { key: FieldKey; profile: Profile };

export const identifierKey = (key: FieldKey, n: Pick<NormalizedIdentifier, 'kind' | 'normalized'>) => matchKey(key, `${n.kind}:${n.normalized}`);

/** Normalises phones and handles; an unparseable phone is kept as written, with a warning naming it. */
function normalizeAll(profile: Profile, input: { phones?: string[] | undefined; handles?: string[] | undefined }) {
  const warnings: FieldError[] = [];
  const phones = (input.phones ?? []).map((raw, i) => {
    const n = normalizePhone(raw, profile.settings.code);
    if (!n.valid) warnings.push({ path: `phones.${i}`, message: 'not a valid phone number; kept as written' });
    return n;
  });
  const handles = (input.handles ?? []).map((raw, i) => {
    const n = normalizeHandle(raw, profile.settings.code);
    if (!n.valid) warnings.push({ path: `handles.${i}`, message: 'not an account or address; kept as written' });
    return n;
  });
  return { all: [...phones, ...handles], warnings };
}

async function storeIdentifiers(trx: Kysely<Database>, key: FieldKey, owner: { contact_id: string } | { tip_id: string }, ids: NormalizedIdentifier[]) {
  if (ids.length === 0) return;
  await trx
    .insertInto('hotline_identifiers')
    .values(
      ids.map((n) => ({
        contact_id: 'contact_id' in owner ? owner.contact_id : null,
        tip_id: 'tip_id' in owner ? owner.tip_id : null,
        kind: n.kind,
        value_enc: encryptField(key, n.value),
        normalized_enc: encryptField(key, n.normalized),
        match_key: n.linkable ? identifierKey(key, n) : null,
        valid: n.valid,
      })),
    )
    .execute();
}

export async function logContact(trx: Kysely<Database>, { key, profile }: Ctx, input: ContactInput, who: Who, audit: AuditBase) {
  const problems: FieldError[] = [];
  if (!profile.hotlineTopics.some((t) => t.code === input.topic)) problems.push({ path: 'topic', message: `unknown topic "${input.topic}" in the country profile` });
  if (input.region && !profile.regions.regions.some((r) => r.code === input.region)) problems.push({ path: 'region', message: `unknown region "${input.region}"` });
  if (new Date(input.startedAt).getTime() > Date.now() + 5 * 60_000) problems.push({ path: 'startedAt', message: 'must not be in the future' });
  if (problems.length) throw invalid('The contact is not valid', problems);
  await assertAgencies(trx, { referredAgencyId: input.referredAgencyId });
  const { all, warnings } = normalizeAll(profile, input);
  const row = await trx
    .insertInto('hotline_contacts')
    .values({
      agency_id: who.agencyId,
      started_at: new Date(input.startedAt),
      duration_seconds: input.durationSeconds,
      channel: input.channel,
      language: input.language,
      caller_type: input.callerType,
      topic: input.topic,
      region: input.region ?? null,
      outcome: input.outcome,
      referred_agency_id: input.referredAgencyId ?? null,
      follow_up_due: input.followUpDue ?? null,
      follow_up_done_at: null,
      person_id: null,
      notes_enc: encryptOptional(key, input.notes),
      created_by: who.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeIdentifiers(trx, key, { contact_id: row.id }, all);
  await appendAudit(trx, { ...audit, action: 'hotline.contact_logged', outcome: 'ok', targetType: 'contact', targetId: row.id, details: { topic: input.topic, outcome: input.outcome, identifiers: all.length } });
  return { id: row.id, warnings };
}

export function toContact(r: Selectable<HotlineContactsTable>): z.infer<typeof ContactSummary> {
  return {
    id: r.id,
    startedAt: r.started_at.toISOString(),
    durationSeconds: r.duration_seconds,
    channel: r.channel as z.infer<typeof ContactSummary>['channel'],
    language: r.language,
    callerType: r.caller_type as z.infer<typeof ContactSummary>['callerType'],
    topic: r.topic,
    region: r.region,
    outcome: r.outcome as z.infer<typeof ContactSummary>['outcome'],
    followUpDue: r.follow_up_due,
    followUpDone: r.follow_up_done_at !== null,
    personId: r.person_id,
    agencyId: r.agency_id,
  };
}

export function toTip(key: FieldKey, r: Selectable<HotlineTipsTable> & { identifier_count: number }): z.infer<typeof TipSummary> {
  const summary = decryptField(key, r.summary_enc);
  const excerpt = summary.length > TIP_EXCERPT_CHARS ? `${summary.slice(0, TIP_EXCERPT_CHARS - 1).trimEnd()}…` : summary;
  return { id: r.id, status: r.status as z.infer<typeof TipSummary>['status'], contactId: r.contact_id, crimeRecordId: r.crime_record_id, createdAt: r.created_at.toISOString(), identifierCount: Number(r.identifier_count), excerpt };
}

const tipColumns = (db: Kysely<Database>) =>
  db
    .selectFrom('hotline_tips')
    .selectAll('hotline_tips')
    .select(sql<number>`(select count(*)::int from hotline_identifiers i where i.tip_id = hotline_tips.id)`.as('identifier_count'));

export async function fileTip(trx: Kysely<Database>, { key, profile }: Ctx, input: z.infer<typeof TipInput>, contactVisible: Expression<SqlBool>, who: Who, audit: AuditBase) {
  if (input.contactId) {
    const contact = await trx.selectFrom('hotline_contacts').select('id').where(contactVisible).where('id', '=', input.contactId).executeTakeFirst();
    if (!contact) throw invalid('Unknown contact', [{ path: 'contactId', message: 'no such contact' }]);
  }
  const police = profile.agencies.find((a) => a.kind === 'police');
  const policeRow = police ? await trx.selectFrom('agencies').select('id').where('code', '=', police.code).executeTakeFirst() : undefined;
  const { all, warnings } = normalizeAll(profile, input);
  const row = await trx
    .insertInto('hotline_tips')
    .values({ contact_id: input.contactId ?? null, agency_id: policeRow?.id ?? who.agencyId, status: 'new', summary_enc: encryptField(key, input.summary), crime_record_id: null, reviewed_by: null, reviewed_at: null, created_by: who.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeIdentifiers(trx, key, { tip_id: row.id }, all);
  await appendAudit(trx, { ...audit, action: 'tips.file', outcome: 'ok', targetType: 'tip', targetId: row.id, details: { contactId: input.contactId ?? null, identifiers: all.length } });
  return { id: row.id, warnings };
}

/**
 * The other contacts and tips naming any of the same identifiers, among those visible, newest
 * first; a tip's own call is not "related" to it (`ownContactId`).
 */
async function relatedTo(db: Kysely<Database>, owner: { contactId?: string; tipId?: string; ownContactId?: string | null }, contactVisible: Expression<SqlBool>, tipVisible: Expression<SqlBool>) {
  const keys = db
    .selectFrom('hotline_identifiers')
    .select('match_key')
    .where(owner.contactId ? 'contact_id' : 'tip_id', '=', (owner.contactId ?? owner.tipId) as string);
  const contacts = await db
    .selectFrom('hotline_contacts')
    .select(['hotline_contacts.id', 'hotline_contacts.started_at', 'hotline_contacts.channel'])
    .where(contactVisible)
    .where('hotline_contacts.id', 'in', db.selectFrom('hotline_identifiers').select('contact_id').where('match_key', 'in', keys).where('contact_id', 'is not', null) as never)
    .where('hotline_contacts.id', '!=', owner.contactId ?? owner.ownContactId ?? '00000000-0000-0000-0000-000000000000')
    .orderBy('hotline_contacts.started_at', 'desc')
    .execute();
  const tips = await db
    .selectFrom('hotline_tips')
    .select(['hotline_tips.id', 'hotline_tips.created_at', 'hotline_tips.status'])
    .where(tipVisible)
    .where('hotline_tips.id', 'in', db.selectFrom('hotline_identifiers').select('tip_id').where('match_key', 'in', keys).where('tip_id', 'is not', null) as never)
    .where('hotline_tips.id', '!=', owner.tipId ?? '00000000-0000-0000-0000-000000000000')
    .orderBy('hotline_tips.created_at', 'desc')
    .execute();
  return {
    contacts: contacts.map((c) => ({ id: c.id, startedAt: c.started_at.toISOString(), channel: c.channel })),
    tips: tips.map((t) => ({ id: t.id, createdAt: t.created_at.toISOString(), status: t.status as z.infer<typeof TipSummary>['status'] })),
  };
}

async function identifiersOf(db: Kysely<Database>, key: FieldKey, column: 'contact_id' | 'tip_id', id: string) {
  const rows = await db.selectFrom('hotline_identifiers').selectAll().where(column, '=', id).orderBy('created_at').execute();
  return rows.map((r) => ({ kind: r.kind as 'phone' | 'handle', value: decryptField(key, r.value_enc), normalized: decryptField(key, r.normalized_enc), valid: r.valid }));
}

export async function contactDetail(db: Kysely<Database>, key: FieldKey, id: string, contactVisible: Expression<SqlBool>, tipVisible: Expression<SqlBool>) {
  const row = await db.selectFrom('hotline_contacts').selectAll().where(contactVisible).where('id', '=', id).executeTakeFirst();
  if (!row) throw await hiddenOrMissing(db, 'hotline_contacts', id, 'Contact');
  return {
    ...toContact(row),
    notes: decryptOptional(key, row.notes_enc),
    identifiers: await identifiersOf(db, key, 'contact_id', id),
    related: await relatedTo(db, { contactId: id }, contactVisible, tipVisible),
  };
}

export async function tipDetail(db: Kysely<Database>, key: FieldKey, id: string, contactVisible: Expression<SqlBool>, tipVisible: Expression<SqlBool>) {
  const row = await tipColumns(db).where(tipVisible).where('hotline_tips.id', '=', id).executeTakeFirst();
  if (!row) throw await hiddenOrMissing(db, 'hotline_tips', id, 'Tip');
  return { ...toTip(key, row), summary: decryptField(key, row.summary_enc), identifiers: await identifiersOf(db, key, 'tip_id', id), related: await relatedTo(db, { tipId: id, ownContactId: row.contact_id }, contactVisible, tipVisible) };
}

export async function listContacts(
  db: Kysely<Database>,
  visible: Expression<SqlBool>,
  q: { from?: string | undefined; to?: string | undefined; topic?: string | undefined; channel?: string | undefined; outcome?: string | undefined; personId?: string | undefined; limit: number; offset: number },
) {
  let base = db.selectFrom('hotline_contacts').where(visible);
  if (q.from) base = base.where('started_at', '>=', new Date(`${q.from}T00:00:00Z`));
  if (q.to) base = base.where('started_at', '<', new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000));
  if (q.topic) base = base.where('topic', '=', q.topic);
  if (q.channel) base = base.where('channel', '=', q.channel);
  if (q.outcome) base = base.where('outcome', '=', q.outcome);
  if (q.personId) base = base.where('person_id', '=', q.personId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('started_at', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toContact), total: Number(count.n) };
}

export async function listTips(db: Kysely<Database>, key: FieldKey, visible: Expression<SqlBool>, status?: string) {
  let q = tipColumns(db).where(visible);
  if (status) q = q.where('hotline_tips.status', '=', status);
  return (await q.orderBy('hotline_tips.created_at', 'desc').limit(500).execute()).map((r) => toTip(key, r));
}

/** Every visible contact and tip that names this phone number or account, whatever its format. */
export async function searchIdentifier(db: Kysely<Database>, { key, profile }: Ctx, raw: string, contactVisible: Expression<SqlBool>, tipVisible: Expression<SqlBool>) {
  const n = normalizeAny(raw, profile.settings.code);
  const mk = identifierKey(key, n);
  const contacts = await db
    .selectFrom('hotline_contacts')
    .selectAll()
    .where(contactVisible)
    .where('id', 'in', db.selectFrom('hotline_identifiers').select('contact_id').where('match_key', '=', mk).where('contact_id', 'is not', null) as never)
    .orderBy('started_at', 'desc')
    .execute();
  const tips = await tipColumns(db)
    .where(tipVisible)
    .where('hotline_tips.id', 'in', db.selectFrom('hotline_identifiers').select('tip_id').where('match_key', '=', mk).where('tip_id', 'is not', null) as never)
    .orderBy('hotline_tips.created_at', 'desc')
    .execute();
  return { normalized: n.normalized, contacts: contacts.map(toContact), tips: tips.map((r) => toTip(key, r)) };
}

/** Counts for a period: `hotline.calls` in the annual report is `total` over the year. */
export async function hotlineStats(db: Kysely<Database>, from: string, to: string) {
  const base = () =>
    db
      .selectFrom('hotline_contacts')
      .where('started_at', '>=', new Date(`${from}T00:00:00Z`))
      .where('started_at', '<', new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000));
  const by = async (col: 'topic' | 'channel' | 'outcome') => {
    const rows = await base().select([col, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col).execute();
    return Object.fromEntries(rows.map((r) => [r[col] as string, Number(r.n)]));
  };
  const total = await base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { from, to, total: Number(total.n), byTopic: await by('topic'), byChannel: await by('channel'), byOutcome: await by('outcome') };
}
