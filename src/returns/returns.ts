// The registry of international returns and `makeReturn`: records → sheets → checks → the file.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { compareWithReport, reportValuesFor } from './check.ts';
import { glotip } from './glotip.ts';
import { tip } from './tip.ts';
import { htcds } from './htcds.ts';
import { ctdc } from './ctdc.ts';
import { greta } from './greta.ts';
import { eurostat } from './eurostat.ts';
import { findingsSheet, toCsv, toXlsx } from './output.ts';
import { checkedPeriod, periodSlug } from './period.ts';
import type { Finding, Period, ReturnFormat, ReturnInfo, ReturnName, Sheet } from './schema.ts';
import type { ReturnDefinition } from './types.ts';

/** In the brief's order of priority. */
const RETURNS: Record<ReturnName, ReturnDefinition> = { glotip, tip, htcds, ctdc, greta, eurostat };

export const returnList = (): ReturnInfo[] => Object.values(RETURNS).map((r) => r.info);
export const returnDefinition = (name: string): ReturnDefinition | undefined => (Object.hasOwn(RETURNS, name) ? RETURNS[name as ReturnName] : undefined);

export interface MadeReturn {
  name: ReturnName;
  period: Period;
  format: ReturnFormat;
  fileName: string;
  sheets: Sheet[];
  findings: Finding[];
}

/** Makes a return for a period: its sheets, and the findings of its checks against the annual report. */
export async function makeReturn(db: Kysely<Database>, profile: Profile, def: ReturnDefinition, period: Period): Promise<MadeReturn> {
  checkedPeriod(period);
  const made = await def.make({ db, profile, period });
  const report = await reportValuesFor(db, profile, period);
  const findings = [...(made.findings ?? []), ...compareWithReport(report, period, made.shared)];
  const { name, format } = def.info;
  return { name, period, format, fileName: `azad-${name}-${profile.settings.code.toLowerCase()}-${periodSlug(period)}.${format}`, sheets: made.sheets, findings };
}

/**
 * The file in the receiver's layout. An XLSX carries the findings on a last sheet; a CSV is the
 * receiver's single table, so its findings travel beside it (CLI output, HTTP header, JSON).
 */
export async function renderReturn(r: MadeReturn): Promise<Buffer> {
  if (r.format === 'xlsx') return toXlsx([...r.sheets, findingsSheet(r.findings)]);
  const [sheet] = r.sheets;
  if (!sheet) throw new Error(`return ${r.name} made no sheet`);
  return toCsv(sheet);
}
