import { z } from 'zod';

/** Roles a user may hold; a user holds one or more. Shared by server, web and CLI. */
export const Role = z.enum([
  'administrator',
  'coordinator',
  'police_investigator',
  'hotline_operator',
  'case_worker',
  'agency_reporter',
  'analyst',
  'auditor',
  'prosecutor',
]);
export type Role = z.infer<typeof Role>;
export const roles = Role.options;

/**
 * How far a grant reaches:
 * own — records the user is (or created); agency — records of the user's agency;
 * referred — persons referred to the user's agency; all — everything.
 */
export const Scope = z.enum(['own', 'agency', 'referred', 'all']);
export type Scope = z.infer<typeof Scope>;
