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
