import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { fieldKey } from '../crypto/fields.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import { internalId, recordSchemas, toRow, uuidBytes, uuidV5 } from './record.ts';
import { FieldProblem, recordType, type RecordType } from './types.ts';

test('uuidV5 is RFC 9562 version 5: the published example, and ids that stay what they are', () => {
  // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), as Python's documentation gives it.
  assert.equal(uuidV5('python.org', uuidBytes('6ba7b810-9dad-11d1-80b4-00c04fd430c8')), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  assert.equal(internalId('person', 'P-1'), internalId('person', 'P-1'));
  assert.notEqual(internalId('person', 'P-1'), internalId('child', 'P-1'));
  assert.equal(internalId('person', '0E9A6F3C-1111-4222-8333-444455556666'), '0e9a6f3c-1111-4222-8333-444455556666');
});

test("the registry's article rules, refused in the file's terms", async () => {
  const profile = await loadProfile(profileDir('az'));
  const ctx = { key: fieldKey(randomBytes(32)), profile, agencyId: () => '00000000-0000-0000-0000-000000000001' };
  const fact = (articles: string[]) => {
    const rec = recordSchemas.get('crime_fact')?.parse({ type: 'crime_fact', id: 'F1', agency: 'mia', registered_on: '2023-01-05', articles, online: false, platforms: [], status: 'registered' }) as Record<string, unknown>;
    return toRow(recordType('crime_fact') as RecordType, rec, ctx);
  };
  assert.equal(fact(['144-1.2']).principal_group, 'trafficking');
  const problem = (f: () => unknown) => assert.throws(f, (e: unknown) => e instanceof FieldProblem && /articles/.test(e.path));
  problem(() => fact(['999.9']));
  problem(() => fact(['144-1', '144-1']));
  assert.equal(recordSchemas.get('crime_fact')?.safeParse({ type: 'crime_fact', id: 'F1', agency: 'mia', registered_on: '2023-01-05', articles: [], online: false, platforms: [], status: 'registered' }).success, false, 'at least one article');
});
