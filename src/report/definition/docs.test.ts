// docs/report-definition.md must be enough to write a definition: every name the language accepts
// is in it, and the JSON Schema beside it is the one the zod schema gives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { definitionJsonSchema } from './json-schema.ts';
import { SOURCES } from './schema.ts';
import { SOURCE_SPECS } from './sources.ts';

const doc = fs.readFileSync(new URL('../../../docs/report-definition.md', import.meta.url), 'utf8');
const schemaFile = new URL('../../../docs/report-definition.schema.json', import.meta.url);

test('every source, date, count, filter and breakdown of the language is documented', () => {
  const missing: string[] = [];
  for (const source of SOURCES) {
    const spec = SOURCE_SPECS[source];
    const names = [source, ...Object.keys(spec.dates), ...Object.keys(spec.subjects), ...Object.keys(spec.filters), ...Object.keys(spec.dims)];
    for (const n of names) if (!doc.includes(`\`${n}\``)) missing.push(`${source}: ${n}`);
  }
  assert.deepEqual(missing, []);
});

test('docs/report-definition.schema.json is the schema the server checks with (npm run report:schema rewrites it)', () => {
  assert.equal(fs.readFileSync(schemaFile, 'utf8'), definitionJsonSchema());
});

test('every key of the definition schema is documented', () => {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
    Object.values(o).forEach(walk);
  };
  walk(JSON.parse(definitionJsonSchema()));
  assert.ok(keys.has('breakdown') && keys.has('foldEarlierYears'), 'the walk reaches nested keys');
  assert.deepEqual([...keys].filter((k) => !doc.includes(`\`${k}\``)).sort(), []);
});

test('the code lists of the dimensions the system defines are in the manual, every code', async () => {
  const { loadProfile, profileDir } = await import('../../profile/load.ts');
  const { dimensionCodes, PROFILE_DIMS } = await import('./codes.ts');
  const profile = await loadProfile(profileDir('az'));
  const section = doc.slice(doc.indexOf('## Code lists'), doc.indexOf('## Labels'));
  assert.ok(section.length > 100, 'docs/report-definition.md has a "Code lists" section before "Labels"');
  const missing: string[] = [];
  for (const source of SOURCES) {
    for (const dim of Object.keys(SOURCE_SPECS[source].dims)) {
      if (PROFILE_DIMS.has(dim) && !(dim === 'kind' && (source === 'exploitation' || source === 'activities'))) continue;
      for (const code of dimensionCodes(source, dim, profile) ?? []) if (!section.includes(`\`${code}\``)) missing.push(`${source}.${dim}: ${code}`);
    }
  }
  assert.deepEqual(missing, []);
});
