import type { LoginFailuresTable, SessionsTable, UsersTable } from '../accounts/table.ts';
import type { AgenciesTable } from '../agencies/table.ts';
import type { AuditLogTable } from '../audit/table.ts';
import type { AssistanceTable, PaymentsTable } from '../assistance/table.ts';
import type { HotlineContactsTable, HotlineIdentifiersTable, HotlineTipsTable } from '../hotline/table.ts';
import type { ReferralsTable } from '../referrals/table.ts';
import type { SettingsTable } from '../settings/table.ts';
import type { ScreeningDecisionsTable, ScreeningItemsTable, ScreeningQuestionnairesTable } from '../screening/table.ts';
import type {
  CaseCodeCountersTable,
  ChildrenTable,
  ConsentsTable,
  ExploitationEventsTable,
  IdentificationDecisionsTable,
  PersonsTable,
  ReflectionPeriodsTable,
} from '../victims/table.ts';

/** The whole database as Kysely sees it; each module owns its tables' types. */
export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  case_code_counters: CaseCodeCountersTable;
  persons: PersonsTable;
  identification_decisions: IdentificationDecisionsTable;
  exploitation_events: ExploitationEventsTable;
  reflection_periods: ReflectionPeriodsTable;
  consents: ConsentsTable;
  children: ChildrenTable;
  referrals: ReferralsTable;
  assistance: AssistanceTable;
  payments: PaymentsTable;
  hotline_contacts: HotlineContactsTable;
  hotline_tips: HotlineTipsTable;
  hotline_identifiers: HotlineIdentifiersTable;
  screening_items: ScreeningItemsTable;
  screening_decisions: ScreeningDecisionsTable;
  screening_questionnaires: ScreeningQuestionnairesTable;
}
