// The criminal-justice registry as the web app uses it: types from the server's zod schemas, addresses.
import type { z } from 'zod';
import type { CaseDetail, CaseList, DefendantDetail, FactDetail, FactList, Figures, WantedList } from '../../../src/prosecution/schema.ts';
import type { PersonList } from '../../../src/victims/schema.ts';
import { api } from '../api.ts';

export type Fact = z.infer<typeof FactDetail>;
export type Facts = z.infer<typeof FactList>;
export type Case = z.infer<typeof CaseDetail>;
export type Cases = z.infer<typeof CaseList>;
export type Defendant = z.infer<typeof DefendantDetail>;
export type Wanted = z.infer<typeof WantedList>;
export type FiguresData = z.infer<typeof Figures>;

const enc = encodeURIComponent;
export const factApi = (id: string) => `/api/prosecution/facts/${enc(id)}`;
export const factPage = (id: string) => `/prosecution/facts/${enc(id)}`;
export const caseApi = (id: string, sub?: string) => `/api/prosecution/cases/${enc(id)}${sub ? `/${sub}` : ''}`;
export const casePage = (id: string) => `/prosecution/cases/${enc(id)}`;
export const defendantApi = (id: string, sub?: string) => `/api/prosecution/persons/${enc(id)}${sub ? `/${sub}` : ''}`;
export const defendantPage = (id: string) => `/prosecution/persons/${enc(id)}`;

/** Article references typed into one field: "243.1, 144-1" → ["243.1", "144-1"]. */
export const splitArticles = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The person record with this case code, among those the user may see; null when there is none. */
export async function personByCaseCode(caseCode: string): Promise<string | null> {
  const res = await api.get<z.infer<typeof PersonList>>('/api/persons', { caseCode: caseCode.trim(), limit: 5 });
  return res.items.find((p) => p.caseCode.toLowerCase() === caseCode.trim().toLowerCase())?.id ?? null;
}
