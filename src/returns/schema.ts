import { z } from 'zod';

/** Shared by server, web and CLI: the international returns and how they cross the wire. */

export const RETURN_NAMES = ['glotip', 'tip', 'htcds', 'ctdc', 'greta', 'eurostat'] as const;
export const ReturnName = z.enum(RETURN_NAMES);
export type ReturnName = z.infer<typeof ReturnName>;

export const ReturnFormat = z.enum(['xlsx', 'csv']);
export type ReturnFormat = z.infer<typeof ReturnFormat>;

/** A period of records: inclusive calendar dates. */
export const Period = z.object({ from: z.iso.date(), to: z.iso.date() });
export type Period = z.infer<typeof Period>;

/** One cell of a return: a count, a text, or empty (a layout cell, never a figure: figures say 0, ":" or "-99"). */
export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** Lines above the table (title, period, notes); CSV files carry none. */
  title?: string[];
  columns: string[];
  rows: Cell[][];
}

/** Where the return and the annual report count the same thing and do not agree, or cannot be compared. */
export const Finding = z.object({
  code: z.enum(['report_disagrees', 'report_not_comparable', 'records_incomplete']),
  severity: z.enum(['error', 'warning', 'info']),
  /** The report figure (and part) compared, when there is one. */
  figure: z.string().optional(),
  part: z.string().optional(),
  ours: z.number().optional(),
  report: z.number().nullable().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const ReturnInfo = z.object({
  name: ReturnName,
  title: z.string(),
  receiver: z.string(),
  format: ReturnFormat,
  /** The period the receiver asks for by default ("calendar" or the TIP year "april-march"). */
  periodKind: z.enum(['calendar', 'april-march']),
  doc: z.string(),
});
export type ReturnInfo = z.infer<typeof ReturnInfo>;

export const ReturnList = z.object({ items: z.array(ReturnInfo) });

export const ReturnParams = z.strictObject({ name: ReturnName });
export const ReturnQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** `file` (default): the file in the receiver's layout; `json`: the sheets and findings, for the page. */
  as: z.enum(['file', 'json']).default('file'),
});

export const ReturnJson = z.object({
  name: ReturnName,
  period: Period,
  format: ReturnFormat,
  fileName: z.string(),
  findings: z.array(Finding),
  sheets: z.array(z.object({ name: z.string(), title: z.array(z.string()).optional(), columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) })),
});
export type ReturnJson = z.infer<typeof ReturnJson>;
