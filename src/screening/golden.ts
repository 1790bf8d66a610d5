// Golden outputs: a digest of every result over the synthetic corpus (train, dev, test), so a speed
// change can prove it changed nothing (scores, flags, indicators, evidence offsets, genre, language).
// `node --import tsx src/screening/golden.ts --write` rewrites the file; do that only when a change
// is meant to change results (a retrained model, new cues), never to make a speed change pass.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readSplit } from './corpus/io.ts';
import { screenText } from './screen.ts';

export const GOLDEN_PATH = new URL('./golden.txt', import.meta.url);

/** One line per corpus item: id and the first 16 hex digits of the SHA-256 of its result's JSON. */
export function goldenLines(): string[] {
  const items = [...readSplit('train'), ...readSplit('dev'), ...readSplit('test')];
  return items.map((i) => `${i.id} ${createHash('sha256').update(JSON.stringify(screenText({ id: i.id, text: i.text, channel: i.channel }))).digest('hex').slice(0, 16)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--write') fs.writeFileSync(GOLDEN_PATH, `${goldenLines().join('\n')}\n`);
  else process.stdout.write(`${goldenLines().join('\n')}\n`);
}
