// Per-text language detection: script counts, a few function words per language, and the
// languages of the lexicon hits. Good enough to route and report, not a general identifier.
import type { Hit } from './matcher.ts';
import type { Normalised } from './normalise.ts';
import { tokens } from './concepts/match.ts';
import type { ScreenLang } from './schema.ts';

const WORDS: Record<'az' | 'tr' | 'en' | 'ru', string[]> = {
  az: ['ve', 'ucun', 'ile', 'yox', 'deyil', 'bizden', 'teleb', 'olunur', 'olunmur', 'xaricde', 'salam', 'edin', 'edir', 'men', 'mene', 'qiz', 'qizlar', 'gunde', 'bilmirem', 'qorxuram', 'hec', 'ana', 'kimi', 'amma', 'ki', 'isi', 'vermir', 'vermirler', 'olar', 'uc', 'ayda', 'gun', 'bura', 'bax', 'baci', 'var', 'yazin'],
  tr: ['ve', 'icin', 'ile', 'degil', 'yok', 'bir', 'gerekmez', 'ucretsiz', 'bizden', 'kiz', 'kizlar', 'ben', 'bana', 'beni', 'lutfen', 'cok', 'simdi', 'bayan', 'abla', 'selam', 'anne', 'musteri', 'hic', 'da', 'de', 'mi', 'diyor', 'diyorlar', 'var', 'olun', 'edin', 'kimseye'],
  en: ['the', 'and', 'to', 'for', 'you', 'we', 'is', 'are', 'of', 'in', 'my', 'me', 'they', 'no', 'not', 'with', 'i', 'a', 'on', 'job', 'work', 'our', 'us', 'hi', 'mum', 'please', 'will', 'be', 'it', 'from'],
  ru: ['v', 'na', 'ne', 'i', 'za', 'po', 'ya', 'my', 'nas', 'menya', 'mne', 'eto', 'chto', 'kak', 'rabota', 'rabotu', 'privet', 'mama', 'net', 'bez', 'dlya', 'ot', 'do', 'vy', 'u', 's', 'nam', 'ih', 'govoryat'],
};
const LANGS = Object.keys(WORDS) as (keyof typeof WORDS)[];
/** Function word → the languages listing it, in the order of LANGS (one lookup per token). */
const WORD_LANGS = new Map<string, (keyof typeof WORDS)[]>();
for (const k of LANGS) for (const w of new Set(WORDS[k])) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), k]);

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
  const votes = { az: 0, tr: 0, en: 0, ru: 0 };
  if (n.azCyrillic) votes.az += 3 + azCyr;
  else votes.ru += cyr / 4;
  votes.az += 2 * schwa;
  for (const tok of tokens(n.text).tok) {
    let cyrillic = false;
    let qx = false;
    for (let k = 0; k < tok.length; k++) {
      const c = tok.charCodeAt(k);
      if (c >= 0x400 && c <= 0x4ff) cyrillic = true;
      else if (c === 113 || c === 120) qx = true;
    }
    if (!cyrillic) {
      const langs = WORD_LANGS.get(tok);
      if (langs) for (const k of langs) votes[k]++;
      if (tok.includes('yor')) votes.tr++;
      if (qx) votes.az += 0.5;
    }
  }
  for (const h of hits) if (h.lang !== 'neutral') votes[h.lang] += 2;
  const ranked = (Object.entries(votes) as [keyof typeof votes, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const scriptsMixed = cyr > 8 && lat > 8 && Math.min(cyr, lat) / (cyr + lat) > 0.2 && !n.azCyrillic;
  if (scriptsMixed || (second![1] >= 4 && second![1] >= first![1] * 0.5)) return { lang: 'mixed', script };
  if (first![1] === 0) return { lang: script === 'Cyrl' ? 'ru' : 'en', script };
  return { lang: first![0], script };
}
