import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';

/** Ordered by name; add new migrations at the end and never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
