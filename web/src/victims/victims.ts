// The victim record as the web app uses it: types from the server's zod schemas, addresses, helpers.
import type { z } from 'zod';
import type { AssistanceList, PaymentList } from '../../../src/assistance/schema.ts';
import type { Referral as ReferralSchema, ReferralList } from '../../../src/referrals/schema.ts';
import type { DuplicateCandidates, PersonDetail, PersonList, ReflectionQueue, Timeline } from '../../../src/victims/schema.ts';

export type Person = PersonDetail;
export type Persons = z.infer<typeof PersonList>;
export type TimelineData = z.infer<typeof Timeline>;
export type Duplicates = z.infer<typeof DuplicateCandidates>;
export type Queue = z.infer<typeof ReflectionQueue>;
export type Referral = ReferralSchema;
export type Referrals = z.infer<typeof ReferralList>;
export type AssistanceData = z.infer<typeof AssistanceList>;
export type Payments = z.infer<typeof PaymentList>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | undefined): s is string => typeof s === 'string' && UUID.test(s);

/** `/api/persons/:id` or one of its sub-resources. */
export const personApi = (id: string, sub?: string) => `/api/persons/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`;
export const personPage = (id: string) => `/persons/${encodeURIComponent(id)}`;

/** Whether the person's latest word on referral to the agency is a yes (the server decides; this picks the form). */
export function hasReferralConsent(person: Person, agencyId: string): boolean {
  const mine = person.consents.filter((c) => c.purpose === 'referral' && c.agencyId === agencyId);
  const latest = [...mine].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn)).at(-1);
  return latest?.given === true;
}

/** A random key for one submission (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** ISO 3166-1 alpha-2 as the server wants it, from what was typed ("tr " → "TR"). */
export const countryCode = (s: string) => s.trim().toUpperCase();
export const isCountryCode = (s: string) => /^[A-Z]{2}$/.test(countryCode(s));
