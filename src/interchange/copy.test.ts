import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { seedAgenciesFromProfile } from '../agencies/agencies.ts';
import { withAuditKey } from '../audit/key.ts';
import { decryptField, fieldKey } from '../crypto/fields.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { generate } from '../generate/generate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';
import { columnKinds, copierFor, copyText } from './copy.ts';
import { describeError, importLines } from './import.ts';
import { internalId, recordSchemas, toRow } from './record.ts';
import { RECORD_TYPES, recordType, type RecordType } from './types.ts';

// COPY is PostgreSQL's; on PGlite the import has one path, and these tests have nothing to compare.
const skip = testServerUrl() ? false : 'COPY needs PostgreSQL (set DATABASE_URL)';
const key = fieldKey(randomBytes(32));
const open: Db[] = [];
let profile: Profile;

async function emptyDb() {
  const db = await freshDatabase(undefined, key);
  open.push(db);
  await migrateToLatest(db.kysely);
  await seedAgenciesFromProfile(db.kysely, profile);
  return db.kysely;
}
async function* from(lines: readonly string[]) {
  yield* lines;
}
const run = (db: Kysely<Database>, lines: readonly string[], opts: { batchSize?: number } = {}) => importLines(db, { key, profile }, from(lines), opts);

/**
 * Every imported table as text, row by row in key order: encrypted columns in the clear (their
 * ciphertexts differ on every write), agencies by code (each database seeds its own ids), columns
 * the clock fills at insert time left out.
 */
async function tables(db: Kysely<Database>) {
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.id, `agency:${a.code}`]));
  const clock = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
     where table_schema = current_schema() and column_default ~* 'now\\(\\)|current_timestamp|clock_timestamp|statement_timestamp'`.execute(db);
  const skipped = new Set(clock.rows.map((c) => `${c.table_name}.${c.column_name}`));
  const out: Record<string, string[]> = {};
  for (const t of RECORD_TYPES) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t.table)} order by id${t.partitionColumn ? sql`, ${sql.ref(t.partitionColumn)}` : sql``}`.execute(db)).rows;
    out[t.table] = rows.map((r) =>
      JSON.stringify(
        Object.entries(r)
          .filter(([c]) => !skipped.has(`${t.table}.${c}`))
          .map(([c, v]) => [c, Buffer.isBuffer(v) ? (c.endsWith('_enc') ? `clear:${decryptField(key, v)}` : v.toString('hex')) : v instanceof Date ? v.toISOString() : typeof v === 'string' ? (agencies.get(v) ?? v) : v]),
      ),
    );
  }
  return out;
}

/** The first row that differs, rather than thousands of them. */
function sameRows(a: string[] = [], b: string[] = [], table: string) {
  assert.equal(a.length, b.length, `${table}: row count`);
  const i = a.findIndex((r, k) => r !== b[k]);
  if (i >= 0) assert.equal(a[i], b[i], `${table}: row ${i}`);
}

// Values that COPY's text format and PostgreSQL's array syntax must escape.
const awkward = 'tab\there, back\\slash, "quotes", {braces}, comma, newline\nand return\r, \\N, \\., NULL, ə ü 🙂';
const tricky = [
  { type: 'person', id: 'COPY-1', case_code: 'AZ-2020-9001', owner_agency: 'mia', given_name: awkward, family_name: 'a\\b', gender: 'female', languages: ['a,b', 'x"y', 'back\\slash', '{}', 'NULL', 'tab\tin', ' spaced '], vulnerabilities: [], channel: 'police', contact_date: '2020-05-01', identification_status: 'potential', citizenship: awkward },
  { type: 'child', id: 'COPY-2', person: 'COPY-1', label: awkward, gender: 'male' },
  { type: 'activity', id: 'COPY-3', agency: 'mia', kind: 'training', title: awkward, date: '2020-01-01', place: '\\.', languages: ['az', 'ru'] },
  { type: 'historical_aggregate', id: 'COPY-4', figure: 'copy_test', year: 2010, value: 3, breakdown: { [awkward.slice(0, 60)]: 2, 'tab\t': 1, '"': 0 }, source: awkward },
].map((r) => JSON.stringify(r));

let file: string[];
before(async () => {
  profile = await loadProfile(profileDir('az'));
  file = [JSON.stringify({ type: 'header', format: 'azad-interchange', version: 1 }), ...[...generate(profile, { scale: 0.5, fromYear: 2023, toYear: 2024, seed: 5, asOf: '2026-06-30' })].map((r) => JSON.stringify(r)), ...tricky];
});
after(async () => {
  for (const db of open) await db.close();
});

test('the COPY path stores the same rows, value for value, as the upsert path', { skip }, async () => {
  const types = new Set(file.slice(1).map((l) => (JSON.parse(l) as { type: string }).type));
  assert.deepEqual([...types].sort(), RECORD_TYPES.map((t) => t.type).sort(), 'the file has every record type');
  const copied = await emptyDb();
  assert.ok(await copied.transaction().execute((trx) => copierFor(trx)), 'the import on PostgreSQL has a copier');
  const a = await run(copied, file);
  assert.equal(a.rejected, 0, a.errors.map(describeError).join('\n'));
  // A handle without the pool's plugin has no copier: the upsert path, as before COPY.
  const upserted = await emptyDb();
  assert.equal(await withAuditKey(upserted.withoutPlugins(), key).transaction().execute((trx) => copierFor(trx)), null);
  const b = await run(withAuditKey(upserted.withoutPlugins(), key), file);
  assert.equal(b.rejected, 0, b.errors.map(describeError).join('\n'));
  assert.deepEqual(a.byType, b.byType);

  const [x, y] = [await tables(copied), await tables(upserted)];
  for (const t of RECORD_TYPES) sameRows(x[t.table], y[t.table], t.table);
  assert.ok((x.persons ?? []).some((r) => r.includes('ə ü 🙂')), 'the awkward values are there');
});

test('awkward values go through COPY itself, not through its fallback, and read back as the upsert stores them', { skip }, async () => {
  const copied = await emptyDb();
  const agencies = new Map((await copied.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  await copied.transaction().execute(async (trx) => {
    const copier = await copierFor(trx);
    assert.ok(copier);
    const kinds = await columnKinds(trx, RECORD_TYPES.map((t) => t.table));
    for (const line of tricky) {
      const rec = JSON.parse(line) as Record<string, unknown>;
      const t = recordType(String(rec.type)) as RecordType;
      const row = toRow(t, recordSchemas.get(t.type)?.parse(rec) as Record<string, unknown>, { key, profile, agencyId: (c) => agencies.get(c) });
      const cols = Object.keys(row);
      // Throws if COPY refused the row: the fallback would hide a wrong spelling.
      await copier.insert(t, cols, [row.id as string], copyText(cols, cols.map((c) => kinds.get(t.table)?.get(c) ?? 'plain'), [row]));
    }
  });
  const upserted = await emptyDb();
  const b = await run(withAuditKey(upserted.withoutPlugins(), key), [file[0] as string, ...tricky]);
  assert.equal(b.rejected, 0, b.errors.map(describeError).join('\n'));
  const [x, y] = [await tables(copied), await tables(upserted)];
  for (const t of RECORD_TYPES) sameRows(x[t.table], y[t.table], t.table);
  assert.equal(x.children?.length, 1);
});

test('records already stored, or repeated in a later batch, take the upsert path: updated in place, moved to their new year', { skip }, async () => {
  const db = await emptyDb();
  const contact = file.find((l) => l.startsWith('{"type":"hotline_contact"')) as string;
  const c = JSON.parse(contact) as { id: string; started_at: string };
  await run(db, file, { batchSize: 500 });
  const before = await tables(db);
  // The same file again: every batch is refused by COPY and upserted, and nothing changes.
  const again = await run(db, file, { batchSize: 500 });
  assert.equal(again.rejected, 0, again.errors.map(describeError).join('\n'));
  const after = await tables(db);
  for (const t of RECORD_TYPES) sameRows(after[t.table], before[t.table], t.table);
  // A contact moved to another year, in a file whose first batch holds it again.
  const moved = { ...c, started_at: '2019-03-01T10:00:00.000Z' };
  const r = await run(db, [file[0] as string, contact, ...file.slice(1, 600).filter((l) => l !== contact), JSON.stringify(moved)], { batchSize: 200 });
  assert.equal(r.rejected, 0, r.errors.map(describeError).join('\n'));
  const rows = await db.selectFrom('hotline_contacts').select(['id', 'started_at']).where('id', '=', internalId('hotline_contact', c.id)).execute();
  assert.deepEqual(rows.map((x) => x.started_at.toISOString()), ['2019-03-01T10:00:00.000Z']);
});

test('COPY text: nulls, escapes, arrays and JSON as the column input functions read them', () => {
  const text = copyText(['a', 'b', 'c', 'd', 'e'], ['plain', 'array', 'json', 'plain', 'plain'], [{ a: 'x\ty\\z\n', b: ['p"q', 'r\\s', null, 'NULL'], c: { k: 'v\t' }, d: true, e: null }]);
  assert.equal(text, 'x\\ty\\\\z\\n\t{"p\\\\"q","r\\\\\\\\s",NULL,"NULL"}\t{"k":"v\\\\t"}\ttrue\t\\N\n');
});
