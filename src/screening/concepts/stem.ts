// Reducing a synonym-set entry to the stem that tokens are matched against.
//
// Russian, English and Turkish entries go through the Snowball stemmers of @orama/stemmers (pure
// JS, data shipped in the package). Azerbaijani has no maintained stemmer on npm, so its entries
// lose their suffixes here by a documented list (docs/screening.md, "Azerbaijani suffixes").
// A stem then matches every token that starts with it, which covers inflection in all five
// languages: "паспорт" finds "паспорта", "pasport" finds "pasportunuzu".
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemRu } from '@orama/stemmers/russian';
import { stemmer as stemTr } from '@orama/stemmers/turkish';

export type SynLang = 'az' | 'en' | 'ru' | 'tr';

/**
 * Azerbaijani suffixes, longest first, removed from the end of a word while at least three
 * letters stay: plural (-lar/-lər), possessive (-ım, -ımız, -ınız …), case (-ı, -a, -da, -dan, -ın,
 * -nın, -ya, -na …), and the common verb endings (-dı, -dılar, -ıb, -ır, -ar, -acaq, -mış, -sınız …).
 * Vowel harmony gives four or two forms of each; all are listed.
 */
const AZ_SUFFIXES = [
  'dılar', 'dilər', 'dular', 'dülər', 'ıblar', 'iblər', 'ublar', 'üblər', 'ırlar', 'irlər', 'urlar', 'ürlər',
  'ımız', 'imiz', 'umuz', 'ümüz', 'ınız', 'iniz', 'unuz', 'ünüz', 'sınız', 'siniz', 'sunuz', 'sünüz',
  'acaq', 'əcək', 'mış', 'miş', 'muş', 'müş', 'ndan', 'ndən', 'nın', 'nin', 'nun', 'nün',
  'lar', 'lər', 'dan', 'dən', 'dır', 'dir', 'dur', 'dür', 'nda', 'ndə',
  'dı', 'di', 'du', 'dü', 'ıb', 'ib', 'ub', 'üb', 'ır', 'ir', 'ur', 'ür', 'ar', 'ər', 'ıq', 'ik', 'uq', 'ük',
  'ım', 'im', 'um', 'üm', 'ın', 'in', 'un', 'ün', 'da', 'də', 'ya', 'yə', 'na', 'nə', 'sı', 'si', 'su', 'sü',
  'ı', 'i', 'u', 'ü', 'a', 'ə',
];

/** An Azerbaijani word without its suffixes: "pasportunuzu" → "pasport", "götürdülər" → "götür". */
export function stemAz(word: string): string {
  let w = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of AZ_SUFFIXES) {
      if (w.endsWith(s) && w.length - s.length >= 3) {
        w = w.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}

export function stemWord(word: string, lang: SynLang): string {
  const w = word.toLocaleLowerCase(lang === 'az' || lang === 'tr' ? 'tr' : 'en');
  switch (lang) {
    case 'az':
      return stemAz(w);
    case 'ru':
      return stemRu(w.replace(/ё/g, 'е'));
    case 'en':
      return stemEn(w);
    case 'tr':
      return stemTr(w);
    default: {
      const never: never = lang;
      return never;
    }
  }
}

/**
 * Negative verb suffixes right after an Azerbaijani or Turkish verb stem, on the normalised
 * (diacritic-free, Latin-skeleton) token: -ma/-mə + -dı, -yır, -z, -yın, -sın, -yacaq … ("vermir",
 * "almadı", "qaytarmır", "vermiyor", "alınmaz", "götürməyin"). The infinitive (-maq, -mək, -mağa)
 * and the evidential (-mış) are not negations.
 */
const AZ_TR_NEGATIVE = /^(?:i?l|i?n)?m[aeiou](?:$|d|i|z|r|n|o|s[ai]n|k?a?c)/;
const NOT_NEGATIVE = /^(?:i?l|i?n)?m[aeiou](?:k|g|s(?![ai]n))/;
export const negativeSuffix = (rest: string) => rest.length > 0 && AZ_TR_NEGATIVE.test(rest) && !NOT_NEGATIVE.test(rest);

const M = 'm'.charCodeAt(0);
/**
 * negativeSuffix of `word` from `from` on. Every negative suffix has its "m" among its first three
 * letters, so most words are ruled out by three character reads, with no slice and no regex.
 */
export function negativeSuffixAt(word: string, from: number): boolean {
  if (word.charCodeAt(from) !== M && word.charCodeAt(from + 1) !== M && word.charCodeAt(from + 2) !== M) return false;
  return negativeSuffix(word.slice(from));
}
