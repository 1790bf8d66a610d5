/**
 * Name normalisation for duplicate search across Azerbaijani (Latin and Cyrillic) and Russian
 * spellings: "Məmmədova", "Мамедова" and "Mammadova" meet at the same consonant skeleton.
 */

// Azerbaijani Cyrillic letters first (domain.md table), then Russian.
const cyrillic: Record<string, string> = {
  ә: 'ə', ғ: 'ğ', ҝ: 'g', ҹ: 'c', һ: 'h', ө: 'ö', ү: 'ü', ј: 'y',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'x', ц: 'ts', ч: 'ç', ш: 'ş', щ: 'şç',
  ъ: '', ы: 'ı', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Lower case with the Turkic dotted/dotless I handled explicitly ('İ'.toLowerCase() is two code units). */
export function turkicLower(s: string): string {
  return s.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase();
}

/** Latin-script, lower-case, ASCII-folded form: "Məmmədova" → "memmedova", "Мамедова" → "mamedova". */
export function latinFold(s: string): string {
  const lower = turkicLower(s.normalize('NFC'));
  const latin = [...lower].map((ch) => cyrillic[ch] ?? ch).join('');
  return latin
    .replace(/ə/g, 'e')
    .replace(/ı/g, 'i')
    .replace(/ğ/g, 'g')
    .replace(/ç/g, 'ch')
    .replace(/ş/g, 'sh')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '');
}

/**
 * The consonant skeleton: vowels and y dropped, sounds that the scripts spell differently merged
 * (q/k/g/h/x — Qasımov/Касумов, Həsənov/Гасанов; c/j/dj/dzh — Cəfərov/Джафаров), doubles collapsed.
 */
export function skeleton(s: string): string {
  return latinFold(s)
    .replace(/dzh|dj|dz/g, 'c')
    .replace(/kh|gh/g, 'k')
    .replace(/ch|sh|zh/g, (m) => m[0] as string)
    .replace(/[qghx]/g, 'k')
    .replace(/j/g, 'c')
    .replace(/w/g, 'v')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** The tokens whose keyed hashes index a person for duplicate search. */
export function matchTokens(p: { givenName: string; familyName?: string | null; birthDate?: string | null }): string[] {
  const g = skeleton(p.givenName);
  const f = p.familyName ? skeleton(p.familyName) : '';
  const tokens: string[] = [];
  if (g && f) tokens.push(`gf:${g}|${f}`);
  if (g && p.birthDate) tokens.push(`gb:${g}|${p.birthDate}`);
  if (f && p.birthDate) tokens.push(`fb:${f}|${p.birthDate}`);
  return tokens;
}

/**
 * Every token stored for a person: the pair tokens of duplicate search plus one `n:` token per
 * word of the given and family names, so that name search finds a person from any of their names
 * in any script ("Айнур Мамедова", "aynur mammadova" → "Aynur Məmmədova").
 */
export function indexTokens(p: { givenName: string; familyName?: string | null; birthDate?: string | null }): string[] {
  return [...new Set([...matchTokens(p), ...nameSearchTokens(`${p.givenName} ${p.familyName ?? ''}`)])];
}

/** The `n:` tokens of a name search: one per word with a skeleton (a person must carry them all). */
export function nameSearchTokens(text: string): string[] {
  const words = text.split(/[\s,.;'"()-]+/u).map(skeleton).filter((w) => w.length > 0);
  return [...new Set(words.map((w) => `n:${w}`))];
}

/** Jaro–Winkler similarity of two folded strings, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false);
  const bm = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (!bm[j] && a[i] === b[j]) {
        am[i] = bm[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!am[i]) continue;
    while (!bm[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
