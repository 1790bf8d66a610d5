// The genre development set (src/screening/genre-dev.jsonl): hand-written news, awareness and
// training texts against first-party items that use the same words (hotline notes in the third
// person, chats with "if you…", ads with imperatives). The genre cues and weights are tuned on
// this set only; the independent set stays out of it (docs/screening.md, "firewall").
import fs from 'node:fs';
import { z } from 'zod';
import { VARIANTS } from './independent.ts';
import { screenText } from './screen.ts';
import { CHANNELS } from './schema.ts';

export const GENRE_DEV_PATH = new URL('./genre-dev.jsonl', import.meta.url);
/** The second set: wire copy, court and statistics reports, FAQ, slides, forum threads, and
 * first-party items that quote the news or pose as NGOs; first-party items carry a label. */
export const GENRE_DEV_2_PATH = new URL('./genre-dev-2.jsonl', import.meta.url);
/** The third set, by another hand: press releases, court and statistics reports, NGO posters and
 * checklists, consular warnings, lessons, survivors' campaign posts, hotline adverts, and victims,
 * relatives and workers who quote a poster or the news; first-party items carry a label. */
export const GENRE_DEV_3_PATH = new URL('./genre-dev-3.jsonl', import.meta.url);
/** The fourth set (issue 15, 2026-12-07): news and awareness in the styles media use (headlines,
 * features quoting a victim, interviews, second-person advice, lessons, FAQ) with few of the cue
 * words, against first-party items that quote a poster, the news or official language. */
export const GENRE_DEV_4_PATH = new URL('./genre-dev-4.jsonl', import.meta.url);
/** The genre dev sets by number. */
export const GENRE_DEV_PATHS: Readonly<Record<number, URL>> = { 1: GENRE_DEV_PATH, 2: GENRE_DEV_2_PATH, 3: GENRE_DEV_3_PATH, 4: GENRE_DEV_4_PATH };

export const GenreDevItem = z.object({
  id: z.string(),
  variant: z.enum(VARIANTS),
  channel: z.enum(CHANNELS),
  genre: z.enum(['about', 'first_party']),
  /** First-party items of the second, third and fourth sets: 1 when the item should be flagged. */
  label: z.union([z.literal(0), z.literal(1)]).optional(),
  text: z.string().min(1),
});
export type GenreDevItem = z.infer<typeof GenreDevItem>;

export function readGenreDev(path: URL = GENRE_DEV_PATH): GenreDevItem[] {
  return fs
    .readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => GenreDevItem.parse(JSON.parse(l)));
}

/** Genre accuracy per gold genre, and how many texts about trafficking are still flagged. */
export function genreDevReport(items = readGenreDev()) {
  const rows = items.map((i) => ({ item: i, result: screenText({ id: i.id, text: i.text }) }));
  const about = rows.filter((r) => r.item.genre === 'about');
  const first = rows.filter((r) => r.item.genre === 'first_party');
  const share = (xs: typeof rows, f: (r: (typeof rows)[number]) => boolean) => (xs.length ? Math.round((xs.filter(f).length / xs.length) * 1000) / 1000 : null);
  return {
    n: rows.length,
    about_judged_about: share(about, (r) => r.result.genre?.genre === 'about'),
    about_flagged: share(about, (r) => r.result.flagged),
    first_party_judged_first_party: share(first, (r) => r.result.genre?.genre === 'first_party'),
    first_party_flagged: share(first, (r) => r.result.flagged),
    /** Labelled first-party items: positives flagged (recall) and negatives flagged. */
    positives_flagged: share(first.filter((r) => r.item.label === 1), (r) => r.result.flagged),
    negatives_flagged: share(first.filter((r) => r.item.label === 0), (r) => r.result.flagged),
    missed: first.filter((r) => r.item.label === 1 && !r.result.flagged).map((r) => ({ id: r.item.id, score: r.result.score, about: r.result.genre?.about, indicators: r.result.indicators.map((i) => i.code).join(',') })),
    wrong: rows.filter((r) => r.result.genre?.genre !== r.item.genre).map((r) => ({ id: r.item.id, about: r.result.genre?.about, cues: r.result.genre?.cues.map((c) => `${c.kind}:${c.text}`).join(', ') })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = GENRE_DEV_PATHS[Number(process.argv[2] ?? 1)] ?? GENRE_DEV_PATH;
  process.stdout.write(`${JSON.stringify(genreDevReport(readGenreDev(path)), null, 2)}\n`);
}
