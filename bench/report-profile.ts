// Where a year's report spends its time on PostgreSQL: each pass of the shipped definition run
// alone (one connection, no parallel workers), with the backend's CPU time (from /proc: the server
// must run on this machine; robust to a busy machine where wall times are not), its statement's
// time from EXPLAIN ANALYZE, and with --plans the plan nodes that cost most; the scan of
// bench/report.ts's tables likewise, for the ratio. Read-only; run against a loaded bench database:
//   DATABASE_URL=postgres://…/rp_bench node --import tsx bench/report-profile.ts [year] [--plans] [--sql=services|given]
import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.ts';
import { loadProfile, profileDir } from '../src/profile/load.ts';
import { runPass } from '../src/report/definition/compile.ts';
import { neededFrom, passesOf } from '../src/report/definition/evaluate.ts';
import { profileDefinition } from '../src/report/definition/store.ts';
import { TABLES } from './report.ts';

const year = Number(process.argv[2] ?? 2024);
/** Each pass is run this many times for its backend's CPU time (the server on this machine: /proc). */
const REPEAT = Number(process.env.REPEAT ?? 5);
const plans = process.argv.includes('--plans');
/** `--sql=<pass>` (e.g. services|given): that pass's statements and their plans, whole, on stdout. */
const dump = process.argv.find((a) => a.startsWith('--sql='))?.slice(6);
const seen: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
// No parallel workers: the backend's own CPU time is then all of a statement's.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, options: '-c jit=off -c work_mem=64MB -c max_parallel_workers_per_gather=0' });
/** CPU ms (user + system) the server process `pid` has used so far (clock ticks of 10 ms). */
const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) * 10;
};
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => {
    if (e.level === 'query') seen.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  },
});
try {
  const profile = await loadProfile(profileDir('az'));
  const def = await profileDefinition(profile);
  const need = neededFrom(def, year);
  const passes = passesOf(def);
  const pid = Number((await sql<{ p: number }>`select pg_backend_pid() as p`.execute(db)).rows[0]?.p);
  let c0 = cpuOf(pid);
  for (let r = 0; r < REPEAT; r++) for (const t of TABLES) await sql`select count(*) from ${sql.table(t)}`.execute(db);
  const scanCpu = (cpuOf(pid) - c0) / REPEAT;
  const rows: { pass: string; figures: number; statements: number; client_ms: number; server_ms: number; cpu_ms: number }[] = [];
  for (const [k, defs] of passes) {
    if (dump && dump !== k) continue;
    const from = Math.min(...defs.map((f) => need.get(f.id) ?? year - 1));
    await runPass(db, defs, from, year, { profile, firstYear: need });
    seen.length = 0;
    const t0 = performance.now();
    await runPass(db, defs, from, year, { profile, firstYear: need });
    const clientMs = performance.now() - t0;
    c0 = cpuOf(pid);
    for (let r = 0; r < REPEAT; r++) await runPass(db, defs, from, year, { profile, firstYear: need });
    const cpuMs = (cpuOf(pid) - c0) / REPEAT;
    let serverMs = 0;
    const statements = seen.slice(0, seen.length / (REPEAT + 1));
    for (const s of statements) {
      const res = await pool.query(`explain (analyze, format json) ${s.sql}`, s.parameters as unknown[]);
      const plan = (res.rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0] as { Plan: PlanNode; 'Execution Time': number };
      serverMs += plan['Execution Time'];
      if (dump) {
        const text = await pool.query(`explain (analyze, verbose, buffers) ${s.sql}`, s.parameters as unknown[]);
        console.log(`${s.sql}\n-- ${JSON.stringify(s.parameters)}\n${text.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      }
      if (plans) {
        const nodes: { label: string; self: number }[] = [];
        selfTimes(plan.Plan, nodes);
        nodes.sort((a, b) => b.self - a.self);
        process.stderr.write(`\n== ${k} (${plan['Execution Time'].toFixed(0)} ms)\n${nodes.slice(0, 8).map((n) => `  ${n.self.toFixed(1).padStart(8)} ms  ${n.label}`).join('\n')}\n`);
      }
    }
    rows.push({ pass: k, figures: defs.length, statements: statements.length, client_ms: Math.round(clientMs), server_ms: Math.round(serverMs), cpu_ms: Math.round(cpuMs) });
  }
  rows.sort((a, b) => b.server_ms - a.server_ms);
  console.table(rows);
  const sum = (k: 'client_ms' | 'server_ms' | 'cpu_ms') => rows.reduce((s, r) => s + r[k], 0);
  console.log(`total client ms ${sum('client_ms')}, server ms ${sum('server_ms')}, backend cpu ms ${sum('cpu_ms')}; the scan's backend cpu ms ${Math.round(scanCpu)} (ratio ${(sum('cpu_ms') / scanCpu).toFixed(2)})`);
} finally {
  await db.destroy();
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
  'CTE Name'?: string;
  'Subplan Name'?: string;
}

/** Each node's own time (its total less its children's), for the nodes that cost most. */
function selfTimes(n: PlanNode, out: { label: string; self: number }[]) {
  const total = n['Actual Total Time'] * n['Actual Loops'];
  const kids = (n.Plans ?? []).reduce((s, c) => s + c['Actual Total Time'] * c['Actual Loops'], 0);
  out.push({ label: `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['CTE Name'] ? ` (${n['CTE Name']})` : ''}${n['Subplan Name'] ? ` [${n['Subplan Name']}]` : ''}`, self: Math.max(0, total - kids) });
  for (const c of n.Plans ?? []) selfTimes(c, out);
}
