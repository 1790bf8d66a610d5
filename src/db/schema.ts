import type { AssignmentsTable, AttachmentsTable, CaseNotesTable, CaseNoteVersionsTable } from '../casework/table.ts';
import type { NotificationsTable } from '../notifications/table.ts';
import type { AccountChangesTable, AccountCodesTable, LoginFailuresTable, SessionsTable, UsersTable } from '../accounts/table.ts';
import type { AgenciesTable } from '../agencies/table.ts';
import type { AuditLogTable } from '../audit/table.ts';
import type { AssistanceTable, PaymentsTable } from '../assistance/table.ts';
import type { HotlineContactsTable, HotlineIdentifiersTable, HotlineTipsTable } from '../hotline/table.ts';
import type {
  CaseFactsTable,
  CaseStatusHistoryTable,
  CaseVictimsTable,
  CrimeFactsTable,
  CriminalCasesTable,
  FactVictimsTable,
  ProceduralStepsTable,
  ProsecutedPersonsTable,
  SentencesTable,
  WantedPersonsTable,
} from '../prosecution/table.ts';
import type { RateLimitsTable } from '../limits/table.ts';
import type { RetentionHoldsTable } from '../retention/table.ts';
import type { PersonLinksTable, PersonPairKeysTable, PersonMergesTable } from '../duplicates/table.ts';
import type { ReferralsTable } from '../referrals/table.ts';
import type { HistoricalAggregatesTable, ReportDefinitionsTable, ReportDocumentsTable, ReportEditionsTable, ReportNarrativesTable } from '../report/table.ts';
import type { SettingsTable } from '../settings/table.ts';
import type { IndicatorCataloguesTable, SubmissionEventsTable, SubmissionValuesTable, SubmissionsTable } from '../submissions/table.ts';
import type { ActivitiesTable } from '../activities/table.ts';
import type { NapMeasuresTable, NapReportsTable } from '../action-plan/table.ts';
import type { ScreeningDecisionsTable, ScreeningItemsTable, ScreeningQuestionnairesTable } from '../screening/table.ts';
import type {
  CaseCodeCountersTable,
  ChildrenTable,
  ConsentsTable,
  ConsentOverridesTable,
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
  rate_limits: RateLimitsTable;
  account_codes: AccountCodesTable;
  account_changes: AccountChangesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  case_code_counters: CaseCodeCountersTable;
  persons: PersonsTable;
  identification_decisions: IdentificationDecisionsTable;
  exploitation_events: ExploitationEventsTable;
  reflection_periods: ReflectionPeriodsTable;
  consents: ConsentsTable;
  consent_overrides: ConsentOverridesTable;
  children: ChildrenTable;
  referrals: ReferralsTable;
  assistance: AssistanceTable;
  payments: PaymentsTable;
  case_notes: CaseNotesTable;
  case_note_versions: CaseNoteVersionsTable;
  attachments: AttachmentsTable;
  assignments: AssignmentsTable;
  notifications: NotificationsTable;
  hotline_contacts: HotlineContactsTable;
  hotline_tips: HotlineTipsTable;
  hotline_identifiers: HotlineIdentifiersTable;
  historical_aggregates: HistoricalAggregatesTable;
  report_narratives: ReportNarrativesTable;
  report_editions: ReportEditionsTable;
  report_documents: ReportDocumentsTable;
  report_definitions: ReportDefinitionsTable;
  crime_facts: CrimeFactsTable;
  fact_victims: FactVictimsTable;
  criminal_cases: CriminalCasesTable;
  case_facts: CaseFactsTable;
  case_status_history: CaseStatusHistoryTable;
  case_victims: CaseVictimsTable;
  prosecuted_persons: ProsecutedPersonsTable;
  procedural_steps: ProceduralStepsTable;
  sentences: SentencesTable;
  wanted_persons: WantedPersonsTable;
  submissions: SubmissionsTable;
  submission_values: SubmissionValuesTable;
  submission_events: SubmissionEventsTable;
  indicator_catalogues: IndicatorCataloguesTable;
  activities: ActivitiesTable;
  nap_measures: NapMeasuresTable;
  nap_reports: NapReportsTable;
  screening_items: ScreeningItemsTable;
  screening_decisions: ScreeningDecisionsTable;
  screening_questionnaires: ScreeningQuestionnairesTable;
  retention_holds: RetentionHoldsTable;
  person_merges: PersonMergesTable;
  person_links: PersonLinksTable;
  person_pair_keys: PersonPairKeysTable;
}
