// Per-text language detection: script counts, a few function words per language, and the
// languages of the lexicon hits. Good enough to route and report, not a general identifier.
import type { Hit } from './matcher.ts';
import type { Normalised } from './normalise.ts';
import type { ScreenLang } from './schema.ts';

const AZ_CYRILLIC_ONLY = /[ӘәҜҝҒғҸҹҺһӨөҮүЈј]/g;
const WORDS: Record<'az' | 'tr' | 'en' | 'ru', string[]> = {
  az: ['ve', 'ucun', 'ile', 'yox', 'deyil', 'bizden', 'teleb', 'olunur', 'olunmur', 'xaricde', 'salam', 'edin', 'edir', 'men', 'mene', 'qiz', 'qizlar', 'gunde', 'bilmirem', 'qorxuram', 'hec', 'ana', 'kimi', 'amma', 'ki', 'isi', 'vermir', 'vermirler', 'olar', 'uc', 'ayda', 'gun', 'bura', 'bax', 'baci', 'var', 'yazin'],
  tr: ['ve', 'icin', 'ile', 'degil', 'yok', 'bir', 'gerekmez', 'ucretsiz', 'bizden', 'kiz', 'kizlar', 'ben', 'bana', 'beni', 'lutfen', 'cok', 'simdi', 'bayan', 'abla', 'selam', 'anne', 'musteri', 'hic', 'da', 'de', 'mi', 'diyor', 'diyorlar', 'var', 'olun', 'edin', 'kimseye'],
  en: ['the', 'and', 'to', 'for', 'you', 'we', 'is', 'are', 'of', 'in', 'my', 'me', 'they', 'no', 'not', 'with', 'i', 'a', 'on', 'job', 'work', 'our', 'us', 'hi', 'mum', 'please', 'will', 'be', 'it', 'from'],
  ru: ['v', 'na', 'ne', 'i', 'za', 'po', 'ya', 'my', 'nas', 'menya', 'mne', 'eto', 'chto', 'kak', 'rabota', 'rabotu', 'privet', 'mama', 'net', 'bez', 'dlya', 'ot', 'do', 'vy', 'u', 's', 'nam', 'ih', 'govoryat'],
};
const SETS = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, new Set(v)])) as Record<keyof typeof WORDS, Set<string>>;

export interface Detected {
  lang: ScreenLang;
  script: 'Latn' | 'Cyrl';
}

export function detectLanguage(original: string, n: Normalised, hits: Hit[]): Detected {
  const cyr = (original.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (original.match(/\p{Script=Latin}/gu) ?? []).length;
  const script = cyr > lat ? 'Cyrl' : 'Latn';
  const votes = { az: 0, tr: 0, en: 0, ru: 0 };
  if (n.azCyrillic) votes.az += 3 + (original.match(AZ_CYRILLIC_ONLY) ?? []).length;
  else votes.ru += cyr / 4;
  votes.az += 2 * (original.match(/[əƏ]/g) ?? []).length;
  for (const tok of n.text.split(' ')) {
    if (!tok || /[\u0400-\u04ff]/.test(tok)) continue;
    for (const k of Object.keys(SETS) as (keyof typeof SETS)[]) if (SETS[k].has(tok)) votes[k]++;
    if (/yor/.test(tok)) votes.tr++;
    if (/[qx]/.test(tok)) votes.az += 0.5;
  }
  for (const h of hits) if (h.lang !== 'neutral') votes[h.lang] += 2;
  const ranked = (Object.entries(votes) as [keyof typeof votes, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const scriptsMixed = cyr > 8 && lat > 8 && Math.min(cyr, lat) / (cyr + lat) > 0.2 && !n.azCyrillic;
  if (scriptsMixed || (second![1] >= 4 && second![1] >= first![1] * 0.5)) return { lang: 'mixed', script };
  if (first![1] === 0) return { lang: script === 'Cyrl' ? 'ru' : 'en', script };
  return { lang: first![0], script };
}
