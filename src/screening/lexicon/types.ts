import type { Cue } from '../indicators.ts';

/**
 * Lexicon entries for one language: cue code → patterns. A pattern matches at the start of a word
 * and may end inside one (a stem: "pasport" finds "pasportunu"); a trailing space demands a
 * word end ("iş "). Patterns are normalised like the text, so write them in ordinary spelling.
 */
export type Lexicon = Partial<Record<Cue, string[]>>;
