// Surface variation for the synthetic corpus: the tricks real posts use to dodge filters, and plain typos.
import type { Rng } from './rng.ts';

const AZ_TO_CYR: Record<string, string> = {
  a: 'а', b: 'б', c: 'ҹ', ç: 'ч', d: 'д', e: 'е', ə: 'ә', f: 'ф', g: 'ҝ', ğ: 'ғ', h: 'һ', x: 'х', ı: 'ы', i: 'и',
  j: 'ж', k: 'к', q: 'г', l: 'л', m: 'м', n: 'н', o: 'о', ö: 'ө', p: 'п', r: 'р', s: 'с', ş: 'ш', t: 'т', u: 'у',
  ü: 'ү', v: 'в', y: 'ј', z: 'з',
};
const KEEP_LATIN = /^(whatsapp|telegram|dm|vip|azn|usd|din|dim)$/i;

/** Azerbaijani Latin → Azerbaijani Cyrillic (the inverse of the table in normalise.ts). */
export function toAzCyrillic(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    if (KEEP_LATIN.test(word)) return word;
    return [...word]
      .map((c) => {
        if (c === 'İ') return 'И';
        if (c === 'I') return 'Ы';
        const lower = c.toLowerCase();
        const cyr = AZ_TO_CYR[lower];
        if (!cyr) return c;
        return c === lower ? cyr : cyr.toUpperCase();
      })
      .join('');
  });
}

const STRIP: Record<string, string> = { ə: 'e', Ə: 'E', ş: 's', Ş: 'S', ç: 'c', Ç: 'C', ğ: 'g', Ğ: 'G', ı: 'i', İ: 'I', ö: 'o', Ö: 'O', ü: 'u', Ü: 'U' };
/** Azerbaijani and Turkish typed on a keyboard without the national letters. */
export const stripDiacritics = (t: string) => t.replace(/[əƏşŞçÇğĞıİöÖüÜ]/g, (c) => STRIP[c]!);

const HOMO: Record<string, string> = { a: 'а', o: 'о', e: 'е', p: 'р', c: 'с' };
const KEYWORDS = /(pasport|passport|pasaport|паспорт|telefon|phone|maaş|salary|borc|debt|bilet|ticket|виза|viza|visa)/i;

/** Hide one keyword: spaced letters, symbols for letters, or a Cyrillic lookalike inside Latin. */
export function obfuscateKeyword(text: string, r: Rng): string {
  const m = KEYWORDS.exec(text);
  if (!m) return text;
  const word = m[0];
  const mode = r.int(3);
  const hidden =
    mode === 0
      ? [...word].join(' ')
      : mode === 1
        ? word.replace(/a/i, '@').replace(/s/i, '$').replace(/o/i, '0')
        : [...word].map((c) => (HOMO[c] && r.chance(0.5) ? HOMO[c] : c)).join('');
  return text.slice(0, m.index) + hidden + text.slice(m.index + word.length);
}

/** Swap two adjacent letters in one long word. */
export function typo(text: string, r: Rng): string {
  const words = [...text.matchAll(/\p{L}{6,}/gu)];
  if (words.length === 0) return text;
  const w = r.pick(words);
  const i = w.index + 1 + r.int(w[0].length - 3);
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

const EMOJI = ['✈️', '💰', '🔥', '💵', '🌍', '❗', '✅', '😍', '🇦🇪', '🇹🇷'];
export function sprinkleEmoji(text: string, r: Rng): string {
  const n = 1 + r.int(3);
  let out = text;
  for (let k = 0; k < n; k++) out = r.chance(0.5) ? `${r.pick(EMOJI)} ${out}` : `${out} ${r.pick(EMOJI)}`;
  return out;
}
