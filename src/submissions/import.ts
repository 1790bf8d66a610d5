import type { Kysely } from 'kysely';
import type { AuditEntry } from '../audit/record.ts';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { formFor, saveForm, type Who } from './submissions.ts';
import { catalogueFor, yearOfPeriod } from '../indicators/store.ts';
import { filledKey, readSubmissionFile, templateCsv, templateXlsx } from './spreadsheet.ts';
import type { ValueInput } from './schema.ts';

/** The template for an agency's form, prefilled with what it holds; the file name says whose it is. */
export async function submissionTemplate(db: Kysely<Database>, profile: Profile, who: Who, q: { agencyId: string; period: string; format: 'xlsx' | 'csv'; lang?: string }) {
  const form = await formFor(db, profile, who, q.agencyId, q.period);
  const catalogue = await catalogueFor(db, profile, yearOfPeriod(q.period));
  const indicators = catalogue.indicators.filter((i) => form.indicators.some((f) => f.id === i.id));
  const filled = new Map<string, ValueInput>((form.submission?.values ?? []).map((v) => [filledKey(v), v]));
  const lang = q.lang ?? profile.settings.defaultLanguage;
  const filename = `azad-${form.agencyCode}-${q.period}.${q.format}`;
  const body = q.format === 'xlsx' ? await templateXlsx(form.agencyCode, q.period, indicators, lang, filled) : templateCsv(form.agencyCode, q.period, indicators, lang, filled);
  return { filename, body, contentType: q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8' };
}

/**
 * Imports a filled template into the agency's form for the period, in the caller's transaction:
 * a file with any error is refused whole, and nothing from it is stored.
 */
export async function importSubmission(
  trx: Kysely<Database>,
  profile: Profile,
  who: Who,
  input: { agencyId: string; period: string; format: 'xlsx' | 'csv'; content: Buffer },
  audit: Omit<AuditEntry, 'action' | 'outcome'>,
) {
  const form = await formFor(trx, profile, who, input.agencyId, input.period);
  const catalogue = await catalogueFor(trx, profile, yearOfPeriod(input.period));
  const indicators = catalogue.indicators.filter((i) => form.indicators.some((f) => f.id === i.id));
  const values = await readSubmissionFile(input.format, input.content, { agencyCode: form.agencyCode, period: input.period, indicators, catalogue });
  const id = await saveForm(trx, profile, { agencyId: input.agencyId, period: input.period, values }, who, audit, 'import');
  // Rows left blank are not answers: count what was stored.
  return { id, values: values.filter((v) => v.state !== 'reported' || (v.value !== null && v.value !== undefined)).length };
}
