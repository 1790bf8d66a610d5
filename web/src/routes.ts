// The pages, their addresses, and the access-rule action each needs (from src/access/rules.ts).
import type { ComponentType } from 'react';
import type { Action } from '../../src/access/rules.ts';
import { AccountPage } from './accounts/Account.tsx';
import { AgenciesPage } from './agencies/Agencies.tsx';
import { AgencyCreatePage } from './agencies/AgencyCreate.tsx';
import { AuditPage } from './audit/Audit.tsx';
import { HomePage } from './home/Home.tsx';
import { HotlineContactPage } from './hotline/HotlineContact.tsx';
import { HotlineContactsPage } from './hotline/HotlineContacts.tsx';
import { HotlineFollowUpsPage } from './hotline/HotlineFollowUps.tsx';
import { HotlineNewPage } from './hotline/HotlineNew.tsx';
import { HotlineStatsPage } from './hotline/HotlineStats.tsx';
import { HotlineTipPage } from './hotline/HotlineTip.tsx';
import { HotlineTipsPage } from './hotline/HotlineTips.tsx';
import { PersonPage } from './victims/Person.tsx';
import { ProsecutionCasePage } from './prosecution/ProsecutionCase.tsx';
import { ProsecutionCasesPage } from './prosecution/ProsecutionCases.tsx';
import { ProsecutionFactPage } from './prosecution/ProsecutionFact.tsx';
import { ProsecutionFactNewPage } from './prosecution/ProsecutionFactNew.tsx';
import { ProsecutionFactsPage } from './prosecution/ProsecutionFacts.tsx';
import { ProsecutionPersonPage } from './prosecution/ProsecutionPerson.tsx';
import { ProsecutionStatsPage } from './prosecution/ProsecutionStats.tsx';
import { ProsecutionWantedPage } from './prosecution/ProsecutionWanted.tsx';
import { PersonCreatePage } from './victims/PersonCreate.tsx';
import { PersonsPage } from './victims/Persons.tsx';
import { ReportPage } from './report/Report.tsx';
import { ReportEditorPage } from './report/ReportEditor.tsx';
import { ReturnsPage } from './returns/Returns.tsx';
import { QuestionnairePage } from './screening/Questionnaire.tsx';
import { ReferralInboxPage } from './referrals/ReferralInbox.tsx';
import { ReflectionQueuePage } from './victims/ReflectionQueue.tsx';
import { ScreeningItemPage, ScreeningPage, ScreeningQueuePage } from './screening/Screening.tsx';
import { SecuritySettingsPage } from './settings/SecuritySettings.tsx';
import { UserCreatePage } from './accounts/UserCreate.tsx';
import { AccountChangesPage } from './accounts/AccountChanges.tsx';
import { UserEditPage } from './accounts/UserEdit.tsx';
import { UsersPage } from './accounts/Users.tsx';
import { CompletenessPage } from './submissions/Completeness.tsx';
import { FiguresPage } from './submissions/Figures.tsx';
import { IndicatorCataloguePage } from './indicators/IndicatorCatalogue.tsx';
import { SubmissionPage } from './submissions/Submission.tsx';
import { SubmissionFormPage } from './submissions/SubmissionForm.tsx';
import { SubmissionsPage } from './submissions/Submissions.tsx';
import { ActivitiesPage } from './activities/Activities.tsx';
import { ActionPlanPage } from './action-plan/ActionPlan.tsx';
import { MeasurePage } from './action-plan/Measure.tsx';
import { NotificationsPage } from './notifications/Notifications.tsx';
import { PublicStatsPage } from './public/PublicStats.tsx';
import { DuplicatesPage } from './duplicates/Duplicates.tsx';
import { RetentionPage } from './retention/Retention.tsx';

export type NavKey = 'home' | 'persons' | 'reflection' | 'referrals' | 'hotlineNew' | 'hotline' | 'followUps' | 'tips' | 'hotlineStats' | 'crimeFacts' | 'criminalCases' | 'wanted' | 'prosecutionStats' | 'report' | 'returns' | 'users' | 'agencies' | 'audit' | 'security' | 'account'
  | 'submissions' | 'completeness' | 'figures' | 'indicators' | 'activities' | 'actionPlan' | 'screening' | 'screeningQueue' | 'questionnaire' | 'duplicates' | 'retention';

export interface Route {
  path: string;
  action: Action;
  /** Shown in the navigation under this label key. */
  nav?: NavKey;
  component: ComponentType<{ params: Record<string, string> }>;
}

// More specific patterns first: /users/new before /users/:id.
export const routes: Route[] = [
  { path: '/', action: 'session.self', nav: 'home', component: HomePage },
  { path: '/persons', action: 'persons.list', nav: 'persons', component: PersonsPage },
  { path: '/persons/new', action: 'persons.create', component: PersonCreatePage },
  { path: '/persons/:id', action: 'persons.list', component: PersonPage },
  { path: '/duplicates', action: 'duplicates.review', nav: 'duplicates', component: DuplicatesPage },
  { path: '/retention', action: 'retention.read', nav: 'retention', component: RetentionPage },
  { path: '/reflection-queue', action: 'persons.list', nav: 'reflection', component: ReflectionQueuePage },
  { path: '/referrals', action: 'referrals.inbox', nav: 'referrals', component: ReferralInboxPage },
  { path: '/hotline/new', action: 'hotline.log', nav: 'hotlineNew', component: HotlineNewPage },
  { path: '/hotline', action: 'hotline.read', nav: 'hotline', component: HotlineContactsPage },
  { path: '/hotline/contacts/:id', action: 'hotline.read', component: HotlineContactPage },
  { path: '/hotline/follow-ups', action: 'hotline.log', nav: 'followUps', component: HotlineFollowUpsPage },
  { path: '/hotline/tips', action: 'tips.read', nav: 'tips', component: HotlineTipsPage },
  { path: '/hotline/tips/:id', action: 'tips.read', component: HotlineTipPage },
  { path: '/hotline/stats', action: 'hotline.stats', nav: 'hotlineStats', component: HotlineStatsPage },
  { path: '/report', action: 'report.read', nav: 'report', component: ReportPage },
  { path: '/report/editor', action: 'report.definition', component: ReportEditorPage },
  { path: '/returns', action: 'returns.make', nav: 'returns', component: ReturnsPage },
  { path: '/prosecution/facts', action: 'prosecution.read', nav: 'crimeFacts', component: ProsecutionFactsPage },
  { path: '/prosecution/facts/new', action: 'prosecution.record', component: ProsecutionFactNewPage },
  { path: '/prosecution/facts/:id', action: 'prosecution.read', component: ProsecutionFactPage },
  { path: '/prosecution/cases', action: 'prosecution.read', nav: 'criminalCases', component: ProsecutionCasesPage },
  { path: '/prosecution/cases/:id', action: 'prosecution.read', component: ProsecutionCasePage },
  { path: '/prosecution/persons/:id', action: 'prosecution.read', component: ProsecutionPersonPage },
  { path: '/prosecution/wanted', action: 'prosecution.read', nav: 'wanted', component: ProsecutionWantedPage },
  { path: '/prosecution/stats', action: 'prosecution.stats', nav: 'prosecutionStats', component: ProsecutionStatsPage },
  { path: '/submissions', action: 'submissions.read', nav: 'submissions', component: SubmissionsPage },
  { path: '/submissions/form', action: 'submissions.edit', component: SubmissionFormPage },
  { path: '/submissions/completeness', action: 'submissions.review', nav: 'completeness', component: CompletenessPage },
  { path: '/submissions/:id', action: 'submissions.read', component: SubmissionPage },
  { path: '/figures', action: 'submissions.figures', nav: 'figures', component: FiguresPage },
  { path: '/indicators', action: 'indicators.edit', nav: 'indicators', component: IndicatorCataloguePage },
  { path: '/activities', action: 'activities.read', nav: 'activities', component: ActivitiesPage },
  { path: '/action-plan', action: 'nap.read', nav: 'actionPlan', component: ActionPlanPage },
  { path: '/action-plan/:id', action: 'nap.read', component: MeasurePage },
  { path: '/screening', action: 'screening.screen', nav: 'screening', component: ScreeningPage },
  { path: '/screening/queue', action: 'screening.read', nav: 'screeningQueue', component: ScreeningQueuePage },
  { path: '/screening/items/:id', action: 'screening.read', component: ScreeningItemPage },
  { path: '/screening/questionnaire', action: 'questionnaire.record', nav: 'questionnaire', component: QuestionnairePage },
  { path: '/users', action: 'users.list', nav: 'users', component: UsersPage },
  { path: '/users/new', action: 'users.create', component: UserCreatePage },
  { path: '/users/changes', action: 'users.approve', component: AccountChangesPage },
  { path: '/users/:id', action: 'users.update', component: UserEditPage },
  { path: '/agencies', action: 'agencies.list', nav: 'agencies', component: AgenciesPage },
  { path: '/agencies/new', action: 'agencies.create', component: AgencyCreatePage },
  { path: '/audit', action: 'audit.list', nav: 'audit', component: AuditPage },
  { path: '/settings/security', action: 'settings.read', nav: 'security', component: SecuritySettingsPage },
  { path: '/account', action: 'session.self', nav: 'account', component: AccountPage },
  { path: '/notifications', action: 'session.self', component: NotificationsPage },
];

/** Pages anyone may open, signed in or not: they read only the public API (src/publicstats/). */
export const publicRoutes: { path: string; component: ComponentType }[] = [{ path: '/public', component: PublicStatsPage }];
