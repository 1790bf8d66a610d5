import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPath, profileDir } from './load.js';

/**
 * Every text object `{az, en}` anywhere in the AZ profile's JSON files, found by walking the raw
 * JSON (not the loaded profile), so a text the schema does not list as a label is checked too.
 */
function missingRu(value: unknown, path: (string | number)[], out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => missingRu(item, [...path, i], out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (typeof obj.az === 'string' && typeof obj.en === 'string' && !(typeof obj.ru === 'string' && obj.ru.trim() !== '')) {
    out.push(formatPath(path));
  }
  for (const [key, child] of Object.entries(obj)) missingRu(child, [...path, key], out);
}

test('every az/en text in profiles/az has a non-empty ru', async () => {
  const dir = profileDir('az');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.includes('indicators.json'), `no indicators.json in ${dir}`);
  const missing: string[] = [];
  for (const file of files) {
    const data: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const found: string[] = [];
    missingRu(data, [], found);
    missing.push(...found.map((p) => `${file}: ${p}`));
  }
  assert.deepEqual(missing, [], `texts without ru:\n${missing.join('\n')}`);
});

test('the walk names the JSON path of a text without ru', () => {
  const out: string[] = [];
  missingRu({ indicators: [{ label: { az: 'a', en: 'b', ru: 'в' } }, { label: { az: 'a', en: 'b' }, attributes: [{ label: { az: 'a', en: 'b', ru: ' ' } }] }] }, [], out);
  assert.deepEqual(out, ['indicators[1].label', 'indicators[1].attributes[0].label']);
});
