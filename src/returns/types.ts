import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Profile } from '../profile/schema.ts';
import type { Shared } from './check.ts';
import type { Finding, Period, ReturnInfo, Sheet } from './schema.ts';

export interface MakeContext {
  db: Kysely<Database>;
  profile: Profile;
  period: Period;
}

/** A return: what it is, and how its sheets and the figures it shares with the annual report are made. */
export interface ReturnDefinition {
  info: ReturnInfo;
  make(ctx: MakeContext): Promise<{ sheets: Sheet[]; shared: Shared[]; findings?: Finding[] }>;
}
