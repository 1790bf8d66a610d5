// Shared by the report (its texts) and the web app (i18next's `azOrdinal` format in az messages).

/** "2023-cü": the Azerbaijani ordinal suffix of a number follows the vowel of its last spoken word. */
export function azOrdinal(n: number): string {
  const last = n % 10;
  const tens = Math.floor(n / 10) % 10;
  const byDigit: Record<number, string> = { 1: 'ci', 2: 'ci', 3: 'cü', 4: 'cü', 5: 'ci', 6: 'cı', 7: 'ci', 8: 'ci', 9: 'cu' };
  const byTens: Record<number, string> = { 1: 'cu', 2: 'ci', 3: 'cu', 4: 'cı', 5: 'ci', 6: 'cı', 7: 'ci', 8: 'ci', 9: 'cı' };
  const suffix = last ? byDigit[last] : tens ? byTens[tens] : n % 1000 === 0 ? 'ci' : 'cü';
  return `${n}-${suffix}`;
}
