// Types and addresses for the screening pages, from the server's zod schemas.
import type { z } from 'zod';
import type { BatchResult, ItemDetail, ItemList, QuestionList, QuestionnaireList, QuestionnaireResult, ScreenResult } from '../../../src/screening/schema.ts';

export type Screened = z.infer<typeof ScreenResult>;
export type Batch = z.infer<typeof BatchResult>;
export type Item = z.infer<typeof ItemDetail>;
export type Items = z.infer<typeof ItemList>;
export type Questions = z.infer<typeof QuestionList>;
export type QResult = z.infer<typeof QuestionnaireResult>;
export type QList = z.infer<typeof QuestionnaireList>;

export const itemApi = (id: string) => `/api/screening/items/${id}`;
export const itemPage = (id: string) => `/screening/items/${id}`;

export { formatScore } from '../../../src/screening/format.ts';
