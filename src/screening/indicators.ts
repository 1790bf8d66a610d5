// The closed list of indicator codes (documented with definitions and sources in docs/screening.md).

export const INDICATORS = [
  'deceptive_offer', 'recruiter_pays_travel', 'advance_fee', 'urgency_pressure', 'contact_only_messenger',
  'debt', 'document_retention', 'restricted_movement', 'isolation', 'threats_violence',
  'withheld_wages', 'excessive_hours', 'abusive_conditions',
  'targets_young_women', 'sexualised_role', 'marriage_offer', 'minor', 'forced_begging', 'irregular_migration',
  'victim_voice',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Context cues: not indicators themselves, they change how the indicators are read. */
export const CONTEXTS = ['abroad', 'news', 'awareness', 'legit', 'negation'] as const;
export type Context = (typeof CONTEXTS)[number];
export type Cue = Indicator | Context;

export const GROUP: Record<Indicator, 'recruitment' | 'control' | 'work' | 'who_what' | 'first_person'> = {
  deceptive_offer: 'recruitment', recruiter_pays_travel: 'recruitment', advance_fee: 'recruitment', urgency_pressure: 'recruitment', contact_only_messenger: 'recruitment',
  debt: 'control', document_retention: 'control', restricted_movement: 'control', isolation: 'control', threats_violence: 'control',
  withheld_wages: 'work', excessive_hours: 'work', abusive_conditions: 'work',
  targets_young_women: 'who_what', sexualised_role: 'who_what', marriage_offer: 'who_what', minor: 'who_what', forced_begging: 'who_what', irregular_migration: 'who_what',
  victim_voice: 'first_person',
};

/** Strength in the style of the ILO/EC Delphi grades: strong 3, medium 2, weak 1. */
export const STRENGTH: Record<Indicator, 1 | 2 | 3> = {
  deceptive_offer: 2, recruiter_pays_travel: 1, advance_fee: 2, urgency_pressure: 1, contact_only_messenger: 1,
  debt: 3, document_retention: 3, restricted_movement: 3, isolation: 2, threats_violence: 3,
  withheld_wages: 3, excessive_hours: 2, abusive_conditions: 2,
  targets_young_women: 1, sexualised_role: 2, marriage_offer: 2, minor: 3, forced_begging: 3, irregular_migration: 2,
  victim_voice: 1,
};

const INDICATOR_SET: ReadonlySet<string> = new Set(INDICATORS);
export const isIndicator = (c: string): c is Indicator => INDICATOR_SET.has(c);
