// Russian is often typed in Latin letters ("rabota v Dubae", "pasport zabrali"). People do not
// follow one scheme, so each Cyrillic pattern gets the common spellings of its letters.

const SCHEMES: Record<string, string[]> = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['e', 'yo'], ж: ['zh', 'j'], з: ['z'],
  и: ['i'], й: ['y', 'i', 'j'], к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'],
  с: ['s'], т: ['t'], у: ['u'], ф: ['f'], х: ['h', 'kh', 'x'], ц: ['ts', 'c'], ч: ['ch'], ш: ['sh'],
  щ: ['sch', 'shch', 'sh'], ъ: [''], ы: ['y', 'i'], ь: ['', "'"], э: ['e'], ю: ['yu', 'iu', 'u'], я: ['ya', 'ia', 'a'],
};

const MAX_VARIANTS = 6;

/** Latin spellings of a Cyrillic pattern: the first scheme for every letter, then single-letter alternatives. */
export function latinVariants(pattern: string): string[] {
  const chars = [...pattern.toLowerCase()];
  const base = chars.map((c) => SCHEMES[c]?.[0] ?? c);
  const out = new Set([base.join('')]);
  for (let i = 0; i < chars.length && out.size < MAX_VARIANTS; i++) {
    for (const alt of SCHEMES[chars[i]!]?.slice(1) ?? []) {
      const v = [...base];
      v[i] = alt;
      out.add(v.join(''));
    }
  }
  return [...out];
}

/** One Latin spelling chosen by a number (the corpus generator uses it to vary schemes). */
export function toLatin(text: string, pick: (options: string[]) => string = (o) => o[0]!): string {
  return [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      const opts = SCHEMES[lower];
      if (!opts) return c;
      const v = pick(opts);
      return c !== lower && v ? v[0]!.toUpperCase() + v.slice(1) : v;
    })
    .join('');
}
