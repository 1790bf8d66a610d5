import type { Indicator } from '../indicators.ts';

/**
 * Phrase banks for the synthetic corpus, one per language. Each indicator has several phrasings;
 * the LAST phrasing of every list is used only in the test split, so the evaluation sees wording
 * the rule base and the model never saw in training. Placeholders: {job} {place} {pay} {phone} {name}.
 */
export interface Bank {
  ind: Record<Indicator, string[]>;
  jobs: string[];
  sexJobs: string[];
  places: string[];
  localPlaces: string[];
  pay: string[];
  scamOpen: string[];
  chatOpen: string[];
  hotlineOpen: string[];
  legitAd: string[];
  localAd: string[];
  news: string[];
  awareness: string[];
  benignHotline: string[];
  everyday: string[];
}
