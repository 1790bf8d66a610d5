// The report's wire types, inferred from the server's schemas.
import type { z } from 'zod';
import type { Diff, Edition, ReportOverview, Sources } from '../../src/report/schema.ts';

export type Overview = z.infer<typeof ReportOverview>;
export type EditionData = z.infer<typeof Edition>;
export type DiffData = z.infer<typeof Diff>;
export type SourcesData = z.infer<typeof Sources>;
