// The indicator catalogue in the web app: the server's schemas as types, and the page's path.
import type { z } from 'zod';
import type { CatalogueOut } from '../../../src/indicators/schema.ts';

export type CatalogueData = z.infer<typeof CatalogueOut>;
export type Catalogue = CatalogueData['catalogue'];
export type CatalogueIndicator = Catalogue['indicators'][number];
export type CatalogueAttribute = CatalogueIndicator['attributes'][number];

export const cataloguePage = (year: number) => `/indicators?year=${year}`;

/** A blank indicator the coordinator starts from: counted yearly, on the forms. */
export const blankIndicator = (): CatalogueIndicator => ({ id: '', label: { az: '', en: '', ru: '' }, unit: 'count', periodType: 'year', agencies: [], source: 'form', attributes: [], renamedFrom: [], retired: false });
export const blankAttribute = (): CatalogueAttribute => ({ id: '', unit: 'azn', label: { az: '', en: '', ru: '' } });

/** Reporters as typed ("mia, level:ngo, kind:ngo"), as the catalogue lists them. */
export const reportersOf = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
