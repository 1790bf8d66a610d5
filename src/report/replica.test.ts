import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openReplica } from '../boot.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { agencyId, intake } from '../test/factories.ts';
import { startTestApp, testServerUrl, type Client, type TestApp } from '../test/harness.ts';
import { todayInCalendar } from '../victims/schema.ts';

// A replica is a PostgreSQL server's copy; PGlite has none. The "replica" here is a second
// database on the same server holding different records, so which one a read used shows.
const skip = testServerUrl() ? false : 'PostgreSQL only (set DATABASE_URL)';

let replicaData: TestApp;
let replica: Db;
let t: TestApp;
let coordinator: Client;
let Y: number;

const count = async (db: Kysely<any>, table: string, where = sql`true`) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0]?.n);

before(async () => {
  if (skip) return;
  Y = Number(todayInCalendar().slice(0, 4));
  replicaData = await startTestApp();
  const police = await replicaData.as('police_investigator');
  for (let i = 0; i < 2; i++) {
    const p = await intake(police, { contactDate: `${Y}-01-02` });
    const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: `${Y}-01-02`, decidingAgencyId: await agencyId(replicaData, 'mia') });
    assert.equal(d.status, 201, JSON.stringify(d.body));
  }
  const opened = await openReplica(loadConfig({ DATABASE_URL: testServerUrl(), DATABASE_REPLICA_URL: replicaData.db.url ?? '', AZAD_LOG_LEVEL: 'silent' }));
  assert.ok(opened);
  replica = opened;
  t = await startTestApp({ reports: replica.kysely });
  coordinator = await t.as('coordinator');
});
after(async () => {
  await t?.close();
  await replica?.close();
  await replicaData?.close();
});

test('report figures and returns read from the replica; the trail and writes go to the primary', { skip }, async () => {
  assert.equal(await count(t.db.kysely, 'persons'), 0, 'the primary holds no person');
  const replicaTrail = await count(replicaData.db.kysely, 'audit_log');
  const primaryTrail = await count(t.db.kysely, 'audit_log', sql`action = 'report.read'`);

  const report = await coordinator.get(`/api/reports/${Y}`);
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(report.body.figures.find((f: { id: string }) => f.id === 'victims.identified').value, 2, 'counted on the replica');

  const ret = await coordinator.get(`/api/returns/tip?from=${Y - 1}-04-01&to=${Y}-03-31&as=json`);
  assert.equal(ret.status, 200, JSON.stringify(ret.body));
  const identified = ret.body.sheets[0].rows.find((r: unknown[]) => r[0] === 'Victims identified');
  assert.equal(identified[6], '2 (0)', 'the return counted on the replica');

  // A write from the report page lands on the primary.
  const narrative = await coordinator.request('PUT', `/api/reports/${Y}/narratives/tasks`, { az: 'Vəzifələr.', en: 'Tasks.' });
  assert.equal(narrative.status, 204, JSON.stringify(narrative.body));
  assert.ok((await count(t.db.kysely, 'report_narratives')) > 0, 'the narrative is on the primary');
  assert.equal(await count(replicaData.db.kysely, 'report_narratives'), 0, 'and not on the replica');
  assert.equal(await count(t.db.kysely, 'audit_log', sql`action = 'report.read'`), primaryTrail + 1, "the report read's entry is in the primary's trail");
  assert.equal(await count(replicaData.db.kysely, 'audit_log'), replicaTrail, 'nothing was written to the replica');
});

test('the replica pool refuses writes and names itself', { skip }, async () => {
  await assert.rejects(sql`insert into settings (key, value) values ('replica.write', '1')`.execute(replica.kysely), /read-only/);
  const names = await sql<{ n: string }>`select application_name as n from pg_stat_activity where datname = current_database() and pid = pg_backend_pid()`.execute(replica.kysely);
  assert.equal(names.rows[0]?.n, 'azad-reports');
});
