import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseAutomaton } from './automaton.ts';

/** Every occurrence of every pattern, found the slow way. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${id}@${i}-${i + p.length}`);
  });
  return out.sort();
}

test('the automaton finds every occurrence, overlapping and nested, with exact ranges', () => {
  const patterns = [' he', 'she', ' his ', 'hers', 'e', 'паспорт', 'паспорта', ' pas'];
  const a = new PhraseAutomaton(patterns.map((pattern, k) => ({ pattern, data: k })));
  for (const text of [' ushers she he hers his ', ' паспорта паспорт pasport ', '', ' none here ']) {
    const found: string[] = [];
    a.scan(text, (id, start, end) => found.push(`${id}@${start}-${end}`));
    assert.deepEqual(found.sort(), naive(patterns, text), text);
  }
});

test('a pattern listed twice is reported once per entry', () => {
  const a = new PhraseAutomaton([{ pattern: 'ab', data: 'x' }, { pattern: 'ab', data: 'y' }]);
  const found: number[] = [];
  a.scan('zabz', (id) => found.push(id));
  assert.deepEqual(found, [0, 1]);
});

test('past 65,536 states the table widens to 32 bits and still finds every pattern', () => {
  // 30,000 distinct eight-digit patterns: over 100,000 trie states over an alphabet of ten.
  const patterns = Array.from({ length: 30_000 }, (_, k) => String((k * 7_919_993) % 100_000_000).padStart(8, '0'));
  const a = new PhraseAutomaton(patterns.map((pattern, k) => ({ pattern, data: k })));
  assert.ok((a as unknown as { delta: unknown }).delta instanceof Int32Array);
  const text = ` ${patterns[29_999]} ${patterns[0]}${patterns[12_345]} 99999999 `;
  const found: string[] = [];
  a.scan(text, (id, start, end) => found.push(`${id}@${start}-${end}`));
  assert.deepEqual(found.sort(), naive(patterns, text));
});

test('scanAll gives the occurrences scan reports, in the same order, and grows its buffer', () => {
  const patterns = [' he', 'she', ' his ', 'hers', 'e', 'h'];
  const a = new PhraseAutomaton(patterns.map((pattern, k) => ({ pattern, data: k })));
  for (const text of [' ushers she he hers his ', '', ' none here ', ' she'.repeat(2000)]) {
    const expected: number[] = [];
    a.scan(text, (id, start, end) => expected.push(id, start, end));
    const n = a.scanAll(text);
    const got: number[] = [];
    for (let h = 0; h < n; h++) {
      const id = a.found[2 * h]!;
      const end = a.found[2 * h + 1]!;
      got.push(id, end - a.lengths[id]!, end);
    }
    assert.deepEqual(got, expected, text.slice(0, 40));
  }
});
