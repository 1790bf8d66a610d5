// Per-text language detection: script counts, a few function words per language, and the
// languages of the lexicon hits. Good enough to route and report, not a general identifier.
import type { Hit } from './matcher.ts';
import type { Normalised } from './normalise.ts';
import { wordHits } from './concepts/match.ts';
import type { ScreenLang } from './schema.ts';

const WORDS: Record<'az' | 'tr' | 'en' | 'ru', string[]> = {
  az: ['ve', 'ucun', 'ile', 'yox', 'deyil', 'bizden', 'teleb', 'olunur', 'olunmur', 'xaricde', 'salam', 'edin', 'edir', 'men', 'mene', 'qiz', 'qizlar', 'gunde', 'bilmirem', 'qorxuram', 'hec', 'ana', 'kimi', 'amma', 'ki', 'isi', 'vermir', 'vermirler', 'olar', 'uc', 'ayda', 'gun', 'bura', 'bax', 'baci', 'var', 'yazin'],
  tr: ['ve', 'icin', 'ile', 'degil', 'yok', 'bir', 'gerekmez', 'ucretsiz', 'bizden', 'kiz', 'kizlar', 'ben', 'bana', 'beni', 'lutfen', 'cok', 'simdi', 'bayan', 'abla', 'selam', 'anne', 'musteri', 'hic', 'da', 'de', 'mi', 'diyor', 'diyorlar', 'var', 'olun', 'edin', 'kimseye'],
  en: ['the', 'and', 'to', 'for', 'you', 'we', 'is', 'are', 'of', 'in', 'my', 'me', 'they', 'no', 'not', 'with', 'i', 'a', 'on', 'job', 'work', 'our', 'us', 'hi', 'mum', 'please', 'will', 'be', 'it', 'from'],
  ru: ['v', 'na', 'ne', 'i', 'za', 'po', 'ya', 'my', 'nas', 'menya', 'mne', 'eto', 'chto', 'kak', 'rabota', 'rabotu', 'privet', 'mama', 'net', 'bez', 'dlya', 'ot', 'do', 'vy', 'u', 's', 'nam', 'ih', 'govoryat'],
};
type Lang = keyof typeof WORDS;
/** The languages in voting order: on a tie the earlier one ranks first. */
const LANGS = Object.keys(WORDS) as Lang[];
const AZ = LANGS.indexOf('az');
const TR = LANGS.indexOf('tr');
const RU = LANGS.indexOf('ru');
const LANG_INDEX: Record<string, number> = Object.fromEntries(LANGS.map((k, i) => [k, i]));
/** Function word → the languages listing it, as indices in the order of LANGS (one lookup per token). */
const WORD_LANGS = new Map<string, number[]>();
for (const k of LANGS) for (const w of new Set(WORDS[k])) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), LANG_INDEX[k]!]);
/** The function words as a list, each with its languages: found as whole tokens in the shared automaton pass. */
const WORD_LIST = [...WORD_LANGS.keys()];
const LANGS_OF_WORD = WORD_LIST.map((w) => WORD_LANGS.get(w)!);
/** Votes per language by index, reused from text to text. */
const votes = new Float64Array(LANGS.length);
const vote = (k: number, x: number) => {
  votes[k] = votes[k]! + x;
};

export interface Detected {
  lang: ScreenLang;
  script: 'Latn' | 'Cyrl';
}

// Script of every BMP code unit, from the Unicode properties once per process (1 Cyrillic, 2 Latin),
// and the letters that point to Azerbaijani (4 Azerbaijani Cyrillic, 8 schwa): one table lookup per
// character instead of a regex match array per text or a Set probe per letter.
const LATIN_EXACT = /\p{Script=Latin}/u;
const CYRILLIC_EXACT = /\p{Script=Cyrillic}/u;
const CYR = 1;
const LAT = 2;
const AZ_CYR = 4;
const SCHWA = 8;
let scripts: Uint8Array | undefined;
function scriptTable(): Uint8Array {
  if (scripts) return scripts;
  scripts = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    scripts[c] = CYRILLIC_EXACT.test(ch) ? CYR : LATIN_EXACT.test(ch) ? LAT : 0;
  }
  for (const c of 'ӘәҜҝҒғҸҹҺһӨөҮүЈј') scripts[c.charCodeAt(0)] = scripts[c.charCodeAt(0)]! | AZ_CYR;
  for (const c of 'əƏ') scripts[c.charCodeAt(0)] = scripts[c.charCodeAt(0)]! | SCHWA;
  return scripts;
}

/** Script letters and language-specific letters, counted in one pass over the original text. */
function scriptCounts(original: string) {
  let cyr = 0;
  let lat = 0;
  let azCyr = 0;
  let schwa = 0;
  const table = scriptTable();
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // Outside the BMP: rare; ask the exact property once per code point.
      const cp = original.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (CYRILLIC_EXACT.test(ch)) cyr++;
      else if (LATIN_EXACT.test(ch)) lat++;
      if (cp > 0xffff) i++;
      continue;
    }
    const sc = table[c]!;
    if (sc & CYR) cyr++;
    else if (sc & LAT) lat++;
    if (sc & AZ_CYR) azCyr++;
    else if (sc & SCHWA) schwa++;
  }
  return { cyr, lat, azCyr, schwa };
}

export function detectLanguage(original: string, n: Normalised, hits: Hit[]): Detected {
  const { cyr, lat, azCyr, schwa } = scriptCounts(original);
  const script = cyr > lat ? 'Cyrl' : 'Latn';
  votes.fill(0);
  if (n.azCyrillic) vote(AZ, 3 + azCyr);
  else vote(RU, cyr / 4);
  vote(AZ, 2 * schwa);
  // Per token (the runs between spaces of the normalised text), read straight from the text: no
  // Cyrillic letter, and "yor" inside it or a q or an x.
  const text = n.text;
  let cyrillic = false;
  let qx = false;
  let yor = false;
  for (let i = 1; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (!cyrillic) {
        if (yor) vote(TR, 1);
        if (qx) vote(AZ, 0.5);
      }
      cyrillic = qx = yor = false;
    } else if (c >= 0x400 && c <= 0x4ff) cyrillic = true;
    else if (c === 113 || c === 120) qx = true;
    else if (c === 114 && text.charCodeAt(i - 1) === 111 && text.charCodeAt(i - 2) === 121) yor = true;
  }
  // Function words, found as whole tokens in the shared automaton pass (no map lookup per token).
  // Every vote is a multiple of a quarter, so the sums are exact in any order. The function words
  // hold no Cyrillic letter, so a token that is one was never skipped as Cyrillic above.
  for (const w of wordHits(n.text, WORD_LIST)) for (const k of LANGS_OF_WORD[w]!) vote(k, 1);
  for (const h of hits) if (h.lang !== 'neutral') vote(LANG_INDEX[h.lang]!, 2);
  // The two highest, earlier language first on a tie (what a stable sort by votes gave).
  let first = 0;
  for (let k = 1; k < votes.length; k++) if (votes[k]! > votes[first]!) first = k;
  let second = first === 0 ? 1 : 0;
  for (let k = 0; k < votes.length; k++) if (k !== first && votes[k]! > votes[second]!) second = k;
  const top = votes[first]!;
  const next = votes[second]!;
  const scriptsMixed = cyr > 8 && lat > 8 && Math.min(cyr, lat) / (cyr + lat) > 0.2 && !n.azCyrillic;
  if (scriptsMixed || (next >= 4 && next >= top * 0.5)) return { lang: 'mixed', script };
  if (top === 0) return { lang: script === 'Cyrl' ? 'ru' : 'en', script };
  return { lang: LANGS[first]!, script };
}
