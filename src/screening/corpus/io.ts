import fs from 'node:fs';
import type { CorpusItem, Split } from './generate.ts';

export const DATA_DIR = new URL('../../../data/screening/', import.meta.url);

export function readSplit(split: Split): CorpusItem[] {
  return fs
    .readFileSync(new URL(`${split}.jsonl`, DATA_DIR), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusItem);
}

export function writeSplit(split: Split, items: CorpusItem[]) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(new URL(`${split}.jsonl`, DATA_DIR), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
}
