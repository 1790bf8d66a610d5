// One colour per category in every chart: the report's SVG, Word and PDF charts, the report page and
// the public statistics page all take it from here, so women, men and "unknown" never trade colours.
const PALETTE = ['#1f5f8b', '#c0504d', '#9bbb59', '#8064a2', '#4bacc6', '#f79646', '#2c4d75', '#772c2a', '#5f7530', '#4d3b62', '#276a7c', '#b65708'];

/** Categories found in many charts; fixed so that a definition without colours of its own keeps them. */
const FIXED: Record<string, string> = {
  female: '#c0504d',
  male: '#1f5f8b',
  transgender_nonconforming: '#8064a2',
  unknown: '#9e9e9e',
  other: '#bdbdbd',
};

/** A category's colour: the definition's own (`colors`), else the fixed one, else one fixed by the key's text. */
export function colorOf(key: string, own?: Readonly<Record<string, string>>): string {
  const fixed = own?.[key] ?? FIXED[key];
  if (fixed) return fixed;
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}
