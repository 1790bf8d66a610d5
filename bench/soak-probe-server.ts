// The server side of bench/soak-probe.ts: the real app on in-memory PGlite, in a process of its own,
// answering its parent's questions over IPC (its own CPU so far, a statement's plan, a CPU profile).
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import { sql } from 'kysely';
import { personInput } from '../src/test/factories.ts';
import { startTestApp } from '../src/test/harness.ts';
import { appendAudit } from '../src/audit/record.ts';

const t = await startTestApp({ serverUrl: process.env.PROBE_DATABASE_URL ?? null, config: { limits: { pdf: null, render: null, screening: null, export: null } } });
const coordinator = await t.as('coordinator');
const worker = await t.as('case_worker');
const persons: string[] = [];
for (let i = 0; i < 20; i++) persons.push((await coordinator.post('/api/persons', personInput())).body.id as string);
const signed = (c: typeof coordinator) => ({ cookie: c.cookie ?? '', csrf: c.csrf ?? '' });
const session = new Session();
session.connect();

type Ask = { id: number; cpu?: true; sql?: string; profile?: 'start' | string; audit?: number };
process.on('message', (m: Ask) => {
  void (async () => {
    try {
      if (m.cpu) {
        const u = process.cpuUsage();
        return { cpuMs: (u.user + u.system) / 1000 };
      }
      // Read entries as the soak's reads leave them, in the group commit's batches, to grow the trail quickly.
      if (m.audit) {
        const actor = { id: t.users.coordinator.id, username: t.users.coordinator.username, agencyId: t.users.coordinator.agencyId };
        for (let left = m.audit; left > 0; left -= 50) {
          await appendAudit(t.db.kysely, Array.from({ length: Math.min(50, left) }, () => ({ actor, action: 'persons.list' as const, outcome: 'ok' as const, status: 200, ip: '127.0.0.1' })));
        }
        return {};
      }
      if (m.sql) return { rows: (await sql.raw(m.sql).execute(t.db.kysely)).rows };
      if (m.profile === 'start') {
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        return {};
      }
      if (m.profile) {
        const { profile } = await session.post('Profiler.stop');
        fs.writeFileSync(m.profile, JSON.stringify(profile));
        return {};
      }
      return {};
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  })().then((r) => process.send?.({ id: m.id, ...r }));
});
process.send?.({ ready: { url: t.url, persons, coordinator: signed(coordinator), worker: signed(worker), kind: t.db.kind } });
// Ends with its parent, even one that was killed.
process.on('disconnect', () => process.exit(0));
