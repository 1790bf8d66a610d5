// The returns' wire types, inferred from the server's schemas.
import type { z } from 'zod';
import type { Finding, ReturnJson, ReturnList } from '../../../src/returns/schema.ts';

export type ReturnListData = z.infer<typeof ReturnList>;
export type ReturnInfoData = ReturnListData['items'][number];
export type ReturnData = z.infer<typeof ReturnJson>;
export type FindingData = z.infer<typeof Finding>;

/** The period a receiver asks for by default: the last whole calendar year, or the last whole TIP year (1 April – 31 March). */
export function defaultPeriod(kind: ReturnInfoData['periodKind'], today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  if (kind === 'april-march') {
    const end = today.getMonth() >= 3 ? y : y - 1;
    return { from: `${end - 1}-04-01`, to: `${end}-03-31` };
  }
  return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
}

export const returnUrl = (name: string, p: { from: string; to: string }, as: 'file' | 'json' = 'file') =>
  `/api/returns/${encodeURIComponent(name)}?from=${p.from}&to=${p.to}${as === 'json' ? '&as=json' : ''}`;
