// One colour per category in every chart: the report's SVG, Word and PDF charts, the report page and
// the public statistics page all take it from here, so women, men and "unknown" never trade colours.

/** Categories found in many charts; fixed so that a definition without colours of its own keeps them. */
const FIXED: Record<string, string> = {
  female: '#c0504d',
  male: '#1f5f8b',
  transgender_nonconforming: '#8064a2',
  unknown: '#9e9e9e',
  other: '#bdbdbd',
};
/** For every other category; without the fixed colours, so no category looks like women or men. */
const PALETTE = ['#9bbb59', '#4bacc6', '#f79646', '#2c4d75', '#772c2a', '#5f7530', '#4d3b62', '#276a7c', '#b65708', '#d4a017'];

const hashOf = (key: string) => {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
};

/** A category's colour: the definition's own (`colors`), else the fixed one, else one fixed by the key's text. */
export function colorOf(key: string, own?: Readonly<Record<string, string>>): string {
  return own?.[key] ?? FIXED[key] ?? (PALETTE[hashOf(key) % PALETTE.length] as string);
}

/**
 * The colours of one chart's categories. Each is `colorOf`, except that two categories whose colours
 * come from their keys' text and meet in one chart must not look alike: the one later in key order
 * takes the next colour of the palette not yet used in that chart.
 */
export function colorsOf(keys: readonly string[], own?: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const hashed = [...new Set(keys)].filter((k) => !own?.[k] && !FIXED[k]).sort();
  for (const k of keys) {
    if (hashed.includes(k)) continue;
    out.set(k, colorOf(k, own));
    used.add(colorOf(k, own));
  }
  for (const k of hashed) {
    const start = hashOf(k) % PALETTE.length;
    let colour = PALETTE[start] as string;
    for (let i = 0; i < PALETTE.length && used.has(colour); i++) colour = PALETTE[(start + i + 1) % PALETTE.length] as string;
    out.set(k, colour);
    used.add(colour);
  }
  return out;
}
