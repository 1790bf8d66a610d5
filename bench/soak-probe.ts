// Where the soak's time goes as its tables grow: the real app on in-memory PGlite in a child
// process (bench/soak-probe-server.ts), driven closed-loop with the soak's mix (bench/soak-client.ts),
// measuring the server process's own CPU a request per request kind at growing table sizes. CPU
// time of the server alone, so it holds on a machine other work shares.
//   node --import tsx bench/soak-probe.ts [SIZES] [N]
// SIZES: persons at which to measure (default 0,2000,5000,10000), N requests a kind (default 200).
// PROBE_AB='statement A|statement B': measure each size twice, after A and after B (alternating).
// PROBE_PROFILE=FILE: a CPU profile of the server during the last size's mixed run.
// PROBE_EXPLAIN=1: the app's prepared statements with their generic and custom plan counts at each size.
// PROBE_SQL='statement;;prepared:TEXT-PREFIX:PARAMS': statements run at each size, printed; a 'prepared:' one
// runs `explain analyze execute` of the app's prepared statement whose text starts with TEXT-PREFIX.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeClient } from '../src/test/harness.ts';
import { soakMix, type SoakKind } from './soak-client.ts';

const sizes = (process.argv[2] ?? '0,2000,5000,10000').split(',').map(Number);
const N = Number(process.argv[3] ?? 200);
const CONCURRENCY = 4;
const ab = process.env.PROBE_AB?.split('|');

const child = fork(fileURLToPath(new URL('./soak-probe-server.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
let asked = 0;
const waiting = new Map<number, (r: any) => void>();
type Ready = { url: string; persons: string[]; coordinator: { cookie: string; csrf: string }; worker: { cookie: string; csrf: string } };
const ready = new Promise<Ready>((resolve) =>
  child.on('message', (m: any) => {
    if (m.ready) resolve(m.ready);
    else waiting.get(m.id)?.(m);
  }),
);
const ask = (q: Record<string, unknown>): Promise<any> =>
  new Promise((resolve, reject) => {
    const id = ++asked;
    waiting.set(id, (r) => (r.error ? reject(new Error(r.error)) : resolve(r)));
    child.send({ id, ...q });
  });
const cpu = async () => (await ask({ cpu: true })).cpuMs as number;
const query = async (s: string) => (await ask({ sql: s })).rows as Record<string, unknown>[];

const plan = await ready;
const coordinator = makeClient(plan.url, plan.coordinator.cookie, plan.coordinator.csrf);
const worker = makeClient(plan.url, plan.worker.cookie, plan.worker.csrf);
type Kind = SoakKind;
const { mix, pool } = soakMix(coordinator, worker, plan.persons);
const deck = mix.flatMap((m) => Array.from({ length: m.weight }, () => m));

/** n requests drawn by `pick`, CONCURRENCY at a time; the server's CPU and the wall time per request. */
async function run(n: number, pick: (i: number) => Kind) {
  let next = 0;
  let failed = 0;
  const c0 = await cpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const res = await pick(next++).send();
        if (res.status >= 300) failed++;
      }
    }),
  );
  const wall = performance.now() - t0;
  const c = (await cpu()) - c0;
  return { cpuMs: Math.round((c / n) * 100) / 100, wallMs: Math.round((wall / n) * 100) / 100, failed };
}

async function measure(label: string) {
  const out: Record<string, unknown> = {};
  for (const k of mix) out[k.name] = await run(N, () => k);
  out.mix = await run(N * 3, (i) => deck[i % deck.length] as Kind);
  console.log(JSON.stringify({ label, persons: pool.length, ...out }));
}


for (const [i, size] of sizes.entries()) {
  // Grow as the soak does, faster: its three writes through the API (a person, an event, a change),
  // and the trail entries of the seven reads that go with them in its mix, appended directly.
  const writes = mix.filter((k) => ['persons.create', 'events.add', 'persons.update'].includes(k.name));
  while (pool.length < plan.persons.length + size) {
    const before = pool.length;
    await run(writes.length * 100, (j) => writes[j % writes.length] as Kind);
    await ask({ audit: (pool.length - before) * 7 });
  }
  const rows = await query(`select relname, n_live_tup, n_dead_tup, n_mod_since_analyze, last_analyze, last_autoanalyze from pg_stat_user_tables where n_live_tup > 100 order by n_live_tup desc limit 8`);
  console.log(JSON.stringify({ persons: pool.length, tables: rows.map((r) => `${r.relname} live ${r.n_live_tup} dead ${r.n_dead_tup} mod ${r.n_mod_since_analyze} analyzed ${r.last_analyze ?? r.last_autoanalyze ?? 'never'}`) }));
  if (process.env.PROBE_EXPLAIN) {
    const prepared = await query(`select name, generic_plans, custom_plans, left(statement, 160) as s from pg_prepared_statements order by generic_plans desc limit 15`);
    for (const p of prepared) console.log(`${p.name} generic ${p.generic_plans} custom ${p.custom_plans} ${String(p.s).replace(/\s+/g, ' ')}`);
  }
  for (let q of (process.env.PROBE_SQL ?? '').split(';;').filter((x) => x.trim())) {
    // 'prepared:PREFIX:PARAMS' runs `explain analyze execute` of the app's prepared statement whose text starts with PREFIX.
    const m = /^prepared:(.*):(.*)$/s.exec(q.trim());
    if (m) {
      const found = await query(`select name from pg_prepared_statements where statement like '${(m[1] as string).replace(/'/g, "''")}%' limit 1`);
      if (!found[0]) continue;
      q = `explain (analyze, costs off) execute ${String(found[0].name)}(${m[2]})`;
    }
    const t0 = performance.now();
    const out = await query(q);
    console.log(`-- ${q} (${Math.round(performance.now() - t0)} ms)\n${out.map((r) => Object.values(r).join(' | ')).join('\n')}`);
  }
  const last = i === sizes.length - 1;
  if (last && process.env.PROBE_PROFILE) await ask({ profile: 'start' });
  if (ab) {
    for (const [j, s] of ab.entries()) {
      if (s.trim()) await query(s);
      await measure(`${j}: ${s}`);
    }
  } else {
    await measure('as is');
  }
  if (last && process.env.PROBE_PROFILE) await ask({ profile: process.env.PROBE_PROFILE });
}
child.kill();
process.exit(0);
