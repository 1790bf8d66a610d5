// Chart labels broken into lines, for the server's charts and the report page's alike.

/** Pixels per character of a label, on the safe side for the charts' 12 px sans-serif. */
const CHAR_PX = 7;

/**
 * A label broken into lines at spaces, each within about `px` pixels (a longer word keeps a line of
 * its own). ECharts' own wrapping is only the fallback: it takes "ə", which it does not count as a
 * letter, for a place to break, and split Azerbaijani words ("Əmirlikl" / "əri").
 */
export function wrapWords(text: string, px: number): string {
  const max = Math.max(1, Math.floor(px / CHAR_PX));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}
