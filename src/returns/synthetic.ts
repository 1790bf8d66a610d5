// A test factory: one victim's statistics as the returns read them, with overrides. Synthetic, never a real person.
import type { VictimRecord } from './records.ts';

/** A synthetic victim's statistics, with overrides: never a real person. */
export const syntheticVictim = (over: Partial<VictimRecord> = {}): VictimRecord => ({
  id: '00000000-0000-4000-8000-000000000001', gender: 'female', birthYear: 2000, isMinor: null, citizenship: 'AZ', contactDate: '2023-05-01', identifiedOn: '2023-06-01',
  status: 'identified', channel: 'police', closedOn: null, closureReason: null, decidedBy: 'police', forms: ['forced_labour'], subtypes: ['construction'],
  exploitationCountry: 'RU', exploitationStart: '2016-03-01', isic: 'F', means: ['withholds_documents', 'debt_bondage'], recruiterRelation: 'friend', recruitmentMethod: 'job_offer', platform: 'telegram',
  ...over,
});
