// Property-based: every write route, sent valid bodies made from its own zod schema and those
// bodies bent out of shape, answers below 500 and, when it refuses, writes nothing.
// AZAD_FUZZ_RUNS (default 10 per route) and AZAD_FUZZ_SEED (default 20261206) widen or vary the search.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RouteOptions } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { z } from 'zod';
import { roles, type Role } from '../access/roles.ts';
import { isAction, scopesFor } from '../access/rules.ts';
import { arbitraryFor, mutated } from '../test/arbitrary.ts';
import { intake } from '../test/factories.ts';
import { tablesInDependencyOrder } from '../backup/tables.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

const RUNS = Number(process.env.AZAD_FUZZ_RUNS ?? 10);
const SEED = Number(process.env.AZAD_FUZZ_SEED ?? 20_261_206);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Bookkeeping that a refused request may rightly leave: the trail, sessions, counters.
const LOGS = new Set(['audit_log', 'sessions', 'login_failures', 'rate_limits', 'kysely_migration', 'kysely_migration_lock']);
// These end or change the caller's own session or account, so they go last.
const LAST = /^\/api\/(settings|me|auth)\b/;

let t: TestApp;
const clients = new Map<Role | 'anonymous', Client>();
let ids: string[] = [];
let tables: string[] = [];

const methodOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method[0] : r.method) as string;

async function rowCounts(): Promise<Record<string, number>> {
  const parts = tables.map((name) => sql`select ${name} as t, count(*)::int as n from ${sql.table(name)}`);
  const { rows } = await sql<{ t: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(t.db.kysely);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

async function clientFor(route: RouteOptions): Promise<Client> {
  const action = (route.config as { action?: string } | undefined)?.action;
  const role: Role | 'anonymous' = action && isAction(action) ? (roles.find((r) => scopesFor([r], action).length > 0) ?? 'anonymous') : 'anonymous';
  if (!clients.has(role)) clients.set(role, role === 'anonymous' ? t.anonymous() : await t.as(role));
  return clients.get(role) as Client;
}

before(async () => {
  // Limits would turn repeated calls into 429s before they reach the code under test; one PDF publication at most.
  t = await startTestApp({ config: { limits: { pdf: { max: 1, seconds: 3600 }, render: null, screening: null, export: null } } });
  const coordinator = await t.as('coordinator');
  ids = [(await intake(coordinator)).id, '00000000-0000-4000-8000-000000000000'];
  // The tables a backup holds: partitioned ones through their parent (a year's partition is part of its table).
  tables = (await tablesInDependencyOrder(t.db.kysely)).map((x) => x.name).filter((n) => !LOGS.has(n)).sort();
});
after(() => t.close());

test('no write route answers 5xx or writes on a refusal, whatever the body', { timeout: 600_000 }, async () => {
  const routes = t.app.routeList
    .filter((r) => r.url.startsWith('/api/') && WRITES.has(methodOf(r)))
    .sort((a, b) => Number(LAST.test(a.url)) - Number(LAST.test(b.url)) || Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
  assert.ok(routes.length > 50, `found ${routes.length} write routes`);
  const failures: string[] = [];
  for (const route of routes) {
    const client = await clientFor(route);
    const schema = (route.schema ?? {}) as { body?: z.ZodType; params?: z.ZodType; querystring?: z.ZodType };
    const body = schema.body ? mutated(arbitraryFor(schema.body)) : fc.constant(undefined);
    const params = schema.params ? arbitraryFor(schema.params) : fc.constant({});
    const query = schema.querystring ? arbitraryFor(schema.querystring) : fc.constant({});
    const run = await fc.check(
      fc.asyncProperty(body, params, query, fc.constantFrom(...ids), async (b, p, q, id) => {
        let path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(name === 'id' ? id : String((p as Record<string, unknown>)[name] ?? 'x')));
        const qs = new URLSearchParams(Object.entries(q as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
        if (qs) path += `?${qs}`;
        const before = await rowCounts();
        const res = await client.request(methodOf(route), path, b === undefined ? undefined : JSON.stringify(b));
        if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status >= 400) assert.deepEqual(await rowCounts(), before, `a ${res.status} changed rows`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (run.failed) failures.push(`${methodOf(route)} ${route.url}: ${String(run.errorInstance instanceof Error ? run.errorInstance.message : run.errorInstance).slice(0, 400)}\n    body: ${JSON.stringify(run.counterexample?.[0])?.slice(0, 300)}`);
  }
  assert.deepEqual(failures, []);
});
