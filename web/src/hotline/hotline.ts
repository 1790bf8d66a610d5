// The hotline as the web app uses it: types from the server's zod schemas, addresses, helpers.
import type { z } from 'zod';
import type { ContactDetail, ContactInput, ContactList, ContactSummary, FollowUps, SearchResult, Stats, TipDetail, TipList, TipSummary, Warning } from '../../../src/hotline/schema.ts';

export type Contact = z.infer<typeof ContactSummary>;
export type ContactFull = z.infer<typeof ContactDetail>;
export type Contacts = z.infer<typeof ContactList>;
export type NewContact = ContactInput;
export type Tip = z.infer<typeof TipSummary>;
export type TipFull = z.infer<typeof TipDetail>;
export type Tips = z.infer<typeof TipList>;
export type Found = z.infer<typeof SearchResult>;
export type FollowUpList = z.infer<typeof FollowUps>;
export type StatsData = z.infer<typeof Stats>;
export type SaveWarning = z.infer<typeof Warning>;
export interface Saved {
  id: string;
  warnings: SaveWarning[];
}

export const contactApi = (id: string, sub?: string) => `/api/hotline/contacts/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`;
export const contactPage = (id: string) => `/hotline/contacts/${encodeURIComponent(id)}`;
export const tipApi = (id: string) => `/api/hotline/tips/${encodeURIComponent(id)}`;
export const tipPage = (id: string) => `/hotline/tips/${encodeURIComponent(id)}`;

/** Phone numbers or accounts typed into one field, separated by commas, semicolons or new lines. */
export function splitList(s: string): string[] {
  return s
    .split(/[,;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** "4:05", "1:02:03" or plain seconds ("245") → seconds; null when it is none of these. */
export function parseDuration(s: string): number | null {
  const v = s.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^(?:(\d+):)?(\d{1,3}):(\d{1,2})$/.exec(v);
  if (!m) return null;
  const sec = Number(m[3]);
  if (sec > 59) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + sec;
}

/** Seconds as "m:ss" (or "h:mm:ss"). */
export function formatDuration(total: number): string {
  const s = Math.max(0, Math.floor(total));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A moment as a datetime-local value on this device's clock ("2025-05-01T14:03"). */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value back to an ISO moment, or null when it is not one. */
export function isoFromLocal(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
