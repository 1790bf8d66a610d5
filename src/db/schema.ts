import type { LoginFailuresTable, SessionsTable, UsersTable } from '../accounts/table.ts';
import type { AgenciesTable } from '../agencies/table.ts';
import type { AuditLogTable } from '../audit/table.ts';
import type { SettingsTable } from '../settings/table.ts';

/** The whole database as Kysely sees it; each module owns its tables' types. */
export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
