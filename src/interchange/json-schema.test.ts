import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { recordTypesMarkdown, schemaFile, schemaText, typesFile } from './json-schema.ts';
import { RECORD_TYPES } from './types.ts';

test('the JSON Schema in docs/interchange is the one the importer checks with (run npm run interchange:schema after a change)', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), schemaText());
  assert.equal(readFileSync(typesFile, 'utf8'), recordTypesMarkdown());
});

test('the schema describes every record type, each closed to unknown fields and naming its required ones', () => {
  const schema = JSON.parse(schemaText()) as { $defs: Record<string, { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean; description?: string }> };
  for (const t of RECORD_TYPES) {
    const d = schema.$defs[t.type];
    assert.ok(d, t.type);
    assert.equal(d.additionalProperties, false, t.type);
    assert.deepEqual(Object.keys(d.properties), ['type', 'id', ...Object.keys(t.fields)]);
    assert.deepEqual(d.required.sort(), ['type', 'id', ...Object.entries(t.fields).filter(([, f]) => f.required).map(([n]) => n)].sort());
    assert.equal(d.description, t.description);
  }
});
