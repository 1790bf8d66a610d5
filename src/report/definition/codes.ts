// The codes each breakdown dimension and each code filter can hold, taken from where they are
// defined: the country profile and the zod enums of the modules that record them. The checker, the
// labels and the "Code lists" section of docs/report-definition.md all use this.
import { ActivityKind, Audience } from '../../activities/schema.ts';
import { LegalStage } from '../../assistance/schema.ts';
import { CallerType, ContactChannel, ContactInput } from '../../hotline/schema.ts';
import { AgencyKind, AgencyLevel, ArticleGroup, HotlineOutcome, type Profile } from '../../profile/schema.ts';
import { CaseStatus, DefendantRole, Platform, Punishment, SearchKind, Stage, WantedStatus } from '../../prosecution/schema.ts';
import { ReferralStatus } from '../../referrals/schema.ts';
import { EventKind, Gender, IdentificationChannel, IdentificationStatus, RecruiterRelation, RecruitmentMethod, ReflectionOutcome } from '../../victims/schema.ts';
import type { Source } from './schema.ts';

/** Dimensions whose keys are ISO 3166 country codes ("TR"); any two capital letters pass. */
export const COUNTRY_DIMS = new Set(['citizenship', 'country_of_exploitation', 'country', 'hiding_country']);

/** Dimensions whose codes the country profile lists (docs: read them in profiles/<country>/*.json). */
export const PROFILE_DIMS = new Set(['region', 'exploitation_form', 'form', 'agency', 'from_agency', 'kind', 'topic', 'article', 'article_part', 'report_key']);

/** Dimensions with no closed list: countries, years, ISIC sections, age bands (the figure's own). */
const OPEN = new Set([...COUNTRY_DIMS, 'exploitation_year', 'sector', 'age']);

const known = (gender: boolean) => (gender ? Gender.options : Gender.options.filter((g) => g !== 'unknown'));

/**
 * The codes records hold for one dimension of one source (what a breakdown key or a group member
 * may be), or null when the list is open. `withUnknown`: a filter may also name `unknown` sex.
 */
export function dimensionCodes(source: Source, dim: string, profile: Profile, withUnknown = false): readonly string[] | null {
  if (OPEN.has(dim)) return null;
  switch (dim) {
    case 'sex':
      return known(withUnknown);
    case 'region':
      return profile.regions.regions.map((r) => r.code);
    case 'residence':
      return ['capital', 'other'];
    case 'minor':
      return ['minor', 'adult'];
    case 'person_status':
      return ['victim', 'potential'];
    case 'exploitation_form':
    case 'form':
      return profile.exploitationForms.map((f) => f.code);
    case 'agency':
    case 'from_agency':
      return profile.agencies.map((a) => a.code);
    case 'agency_kind':
      return AgencyKind.options;
    case 'agency_level':
      return AgencyLevel.options;
    case 'channel':
      return source === 'contacts' ? ContactChannel.options : IdentificationChannel.options;
    case 'status':
      if (source === 'referrals') return ReferralStatus.options;
      if (source === 'cases') return CaseStatus.options;
      if (source === 'searches') return WantedStatus.options;
      return IdentificationStatus.options;
    case 'platform':
      return Platform.options;
    case 'recruitment':
      return RecruitmentMethod.options;
    case 'recruiter_relation':
      return RecruiterRelation.options;
    case 'kind':
      if (source === 'payments') return profile.paymentKinds.map((k) => k.code);
      if (source === 'exploitation') return EventKind.options;
      if (source === 'activities') return ActivityKind.options;
      return profile.assistanceKinds.map((k) => k.code);
    case 'legal_stage':
      return LegalStage.options;
    case 'outcome':
      return source === 'contacts' ? HotlineOutcome.options : ReflectionOutcome.options;
    case 'topic':
      return profile.hotlineTopics.map((t) => t.code);
    case 'caller_type':
      return CallerType.options;
    case 'language':
      return ContactInput.shape.language.options;
    case 'article':
      return profile.criminalArticles.map((a) => a.code);
    case 'article_part':
      return profile.criminalArticles.flatMap((a) => [a.code, ...(a.parts ?? []).map((p) => `${a.code}.${p}`)]);
    case 'group':
      return ArticleGroup.options;
    case 'report_key':
      return [...new Set(profile.criminalArticles.flatMap((a) => (a.reportKey ? [a.reportKey] : [])))];
    case 'online':
      return ['online', 'offline'];
    case 'stage':
      return Stage.options;
    case 'role':
      return DefendantRole.options;
    case 'punishment':
      return Punishment.options;
    case 'search':
      return SearchKind.options;
    case 'attendance':
      return ['physical', 'online'];
    case 'venue':
      return ['abroad', 'in_country'];
    case 'audience':
      return Audience.options;
    default:
      return null;
  }
}

/** The dimension whose codes a code filter takes (`stage` on searches is the kind of search). */
export function filterDimension(source: Source, filter: string): string | null {
  if (filter === 'stage') return source === 'searches' ? 'search' : 'stage';
  const dims: Record<string, string> = {
    sex: 'sex',
    citizenship: 'citizenship',
    countryOfExploitation: 'country_of_exploitation',
    forms: 'exploitation_form',
    regions: 'region',
    platforms: 'platform',
    kinds: 'kind',
    agencies: 'agency',
    agencyKinds: 'agency_kind',
    agencyLevels: 'agency_level',
    search: 'search',
    status: 'status',
    groups: 'group',
    channels: 'channel',
    topics: 'topic',
    punishments: 'punishment',
    audiences: 'audience',
  };
  return dims[filter] ?? null;
}

/** Every dimension and its codes for every source, for the code list the coordinator reads. */
export function codeLists(profile: Profile, sources: Record<Source, { dims: object }>): Record<string, Record<string, readonly string[] | null>> {
  return Object.fromEntries(Object.entries(sources).map(([source, spec]) => [source, Object.fromEntries(Object.keys(spec.dims).map((d) => [d, dimensionCodes(source as Source, d, profile)]))]));
}
