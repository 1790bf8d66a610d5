// The agencies' indicator catalogue as the coordinator edits it per year (docs/indicator-catalogue.md).
// Shared with the web app and the CLI, so this file imports only zod and the profile's zod schemas.
import { z } from 'zod';
import { IndicatorCatalogue } from '../profile/schema.ts';

export { Indicator, IndicatorAttribute, IndicatorCatalogue, IndicatorRule } from '../profile/schema.ts';

export const CatalogueYear = z.coerce.number().int().min(1990).max(2100);
export const CatalogueQuery = z.strictObject({ year: CatalogueYear });
export const StartInput = z.strictObject({ year: CatalogueYear });

/** The catalogue a year follows: its own (`stored`), the latest earlier year's (`inherited`), or the profile's file. */
export const CatalogueOut = z.object({
  year: z.number().int(),
  source: z.enum(['stored', 'inherited', 'profile']),
  fromYear: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  catalogue: IndicatorCatalogue,
});
export type CatalogueOut = z.infer<typeof CatalogueOut>;
