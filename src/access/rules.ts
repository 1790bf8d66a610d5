import type { Role, Scope } from './roles.ts';

/** A role's reach for an action: one scope, or several that add up. */
type Grants = Partial<Record<Role, Scope | readonly Scope[]>>;

const everyone = (scope: Scope): Grants => ({
  administrator: scope,
  coordinator: scope,
  police_investigator: scope,
  hotline_operator: scope,
  case_worker: scope,
  agency_reporter: scope,
  analyst: scope,
  auditor: scope,
  prosecutor: scope,
});

/**
 * The access map: action → role → scope. A role absent from an action is denied.
 * Every API route names one action here (or is explicitly public); a test enforces it.
 */
export const rules = {
  // One's own session, password and second factor.
  'session.self': everyone('own'),

  'profile.read': everyone('all'),
  'agencies.list': everyone('all'),
  'agencies.create': { administrator: 'all' },
  'agencies.update': { administrator: 'all' },

  // Colleagues see their agency's staff list; the analyst works on aggregates only.
  'users.list': {
    administrator: 'all',
    coordinator: 'all',
    auditor: 'all',
    police_investigator: 'agency',
    hotline_operator: 'agency',
    case_worker: 'agency',
    agency_reporter: 'agency',
    analyst: 'own',
    prosecutor: 'agency',
  },
  'users.create': { administrator: 'all' },
  'users.update': { administrator: 'all' },
  // A second administrator approves changes to administrators and auditors, and resets that would hand over a whole account.
  'users.approve': { administrator: 'all' },

  'settings.read': { administrator: 'all' },
  'settings.update': { administrator: 'all' },

  // Victims. Administrators and analysts never see person records; case workers see the persons
  // referred to their agency (a declined or revoked referral ends that at once) and their own intakes.
  'persons.list': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'own', case_worker: ['referred', 'own'] },
  'persons.identity': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'own', case_worker: ['referred', 'own'] },
  'persons.create': { coordinator: 'own', police_investigator: 'own', hotline_operator: 'own', case_worker: 'own' },
  'persons.update': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  // Identification is a decision of the competent authority (the police), or the coordinator.
  'persons.identify': { coordinator: 'all', police_investigator: 'all' },
  'referrals.create': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  'referrals.inbox': { coordinator: 'all', police_investigator: 'agency', case_worker: 'agency' },
  'assistance.record': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  'payments.record': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  // Case notes and attachments are free text and documents that name people: read where the
  // identity is readable, written by those who work on the case. Only a note's author edits it.
  'notes.read': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'own', case_worker: ['referred', 'own'] },
  'notes.write': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  'attachments.read': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'own', case_worker: ['referred', 'own'] },
  'attachments.add': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  // Assigning a case to a named worker: whoever may change the case (the assignee must be staff of the owning agency).
  'persons.assign': { coordinator: 'all', police_investigator: 'all', case_worker: ['referred', 'own'] },
  // Recording that the law allows processing despite a refused consent is the coordinator's call.
  'consents.override': { coordinator: 'all' },

  // The hotline. Contacts belong to the agency that took them; tips go to the police queue.
  'hotline.read': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'agency', case_worker: 'agency' },
  'hotline.log': { coordinator: 'agency', police_investigator: 'agency', hotline_operator: 'agency', case_worker: 'agency' },
  'tips.read': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'own', case_worker: 'own' },
  'tips.file': { coordinator: 'own', police_investigator: 'own', hotline_operator: 'own', case_worker: 'own' },
  'tips.review': { coordinator: 'all', police_investigator: 'all' },
  // Counts only: no contact, note or identifier.
  'hotline.stats': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'all', analyst: 'all' },

  // The annual report: aggregates only, so analysts read it; the coordinator writes and publishes it.
  // Opening the records behind a figure needs the right to see those records (persons.list scope).
  'report.read': { coordinator: 'all', police_investigator: 'all', analyst: 'all' },
  'report.sources': { coordinator: 'all', police_investigator: 'all' },
  'report.narrative': { coordinator: 'all' },
  // The report's definition (figures, sentences, charts) is the coordinator's to edit and preview.
  'report.definition': { coordinator: 'all' },
  'report.publish': { coordinator: 'all' },
  'report.history': { coordinator: 'all' },
  // International returns (UNODC, US TIP, CTDC/HTCDS, GRETA, Eurostat) go out under the national
  // coordinator's name; the HTCDS file is case-level, so only the coordinator makes them.
  'returns.make': { coordinator: 'all' },
  // The criminal-justice registry: police, prosecution and the coordinator see records (national
  // registry, so scope all); police and prosecutors write; analysts get aggregates only. Case
  // workers see no record here, only a yes/no on a person they may already open.
  'prosecution.read': { coordinator: 'all', police_investigator: 'all', prosecutor: 'all' },
  'prosecution.record': { police_investigator: 'all', prosecutor: 'all' },
  'prosecution.stats': { coordinator: 'all', police_investigator: 'all', prosecutor: 'all', analyst: 'all' },
  // Agency submissions: reporters fill in their own agency's forms; the coordinator reviews, approves
  // and reopens; analysts read the approved national figures.
  'submissions.read': { coordinator: 'all', agency_reporter: 'agency' },
  'submissions.edit': { agency_reporter: 'agency' },
  'submissions.review': { coordinator: 'all' },
  'submissions.figures': { coordinator: 'all', analyst: 'all' },
  // The indicator catalogue (what agencies report, per year): everyone who fills in or reads the
  // figures reads it; the coordinator owns it.
  'indicators.read': { coordinator: 'all', analyst: 'all', agency_reporter: 'all' },
  'indicators.edit': { coordinator: 'all' },
  'activities.read': { coordinator: 'all', analyst: 'all', agency_reporter: 'agency' },
  'activities.record': { coordinator: 'all', agency_reporter: 'agency' },
  // The National Action Plan is read by all who work on it; agencies report on their measures.
  'nap.read': { coordinator: 'all', analyst: 'all', agency_reporter: 'all' },
  'nap.manage': { coordinator: 'all' },
  'nap.report': { agency_reporter: 'agency' },
  // Screening texts for trafficking indicators. Screening stores nothing; kept items hold texts
  // that may name people, so they follow the hotline's reach. Analysts get counts only.
  'screening.screen': { coordinator: 'own', police_investigator: 'own', hotline_operator: 'own', case_worker: 'own' },
  'screening.keep': { coordinator: 'own', police_investigator: 'own', hotline_operator: 'own', case_worker: 'own' },
  'screening.read': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'agency', case_worker: 'own' },
  'screening.review': { coordinator: 'all', police_investigator: 'all', hotline_operator: 'agency' },
  'screening.export': { coordinator: 'all', police_investigator: 'all' },
  'screening.stats': { coordinator: 'all', police_investigator: 'all', analyst: 'all' },
  // First responders of every front-line role interview; a linked person must be one they may see.
  'questionnaire.record': { coordinator: 'own', police_investigator: 'own', hotline_operator: 'own', case_worker: 'own' },

  // Retention: the coordinator sees what is due and puts persons on legal hold (docs/retention.md).
  'retention.read': { coordinator: 'all' },
  'retention.hold': { coordinator: 'all' },
  // Running the anonymisation now, instead of waiting for the daily job: the same coordinator, after a dry run.
  'retention.run': { coordinator: 'all' },
  // Duplicates across all agencies: only the national coordinator sees candidate pairs, merges and links them.
  'duplicates.review': { coordinator: 'all' },
  'duplicates.merge': { coordinator: 'all' },

  // Separation of duties: administrators manage accounts, auditors read the trail.
  'audit.list': { auditor: 'all' },
  'audit.verify': { auditor: 'all' },
} satisfies Record<string, Grants>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

export function isAction(value: string): value is Action {
  return Object.hasOwn(rules, value);
}

/** The scopes a user's roles grant for an action; empty means denied. */
export function scopesFor(userRoles: readonly Role[], action: Action): Scope[] {
  const grants: Grants = rules[action];
  const found = new Set<Scope>();
  for (const r of userRoles) {
    const s = grants[r];
    if (typeof s === 'string') found.add(s);
    else for (const one of s ?? []) found.add(one);
  }
  return [...found];
}
