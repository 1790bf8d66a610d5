// The soak: a steady 200 requests/s of mixed authenticated reads and writes for minutes, sent on a
// fixed schedule whatever the server's pace (open loop, so a slow server cannot slow the test down
// and hide its own latency). Counts every non-2xx, failed or timed-out request and the 99th
// percentile latency. The load comes from a process of its own (bench/soak-client.ts), as real
// clients do: sharing the server's event loop, the generator's own HTTP work had halved what the
// server could answer.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { personInput } from '../src/test/factories.ts';
import { startTestApp } from '../src/test/harness.ts';
import type { SoakPlan } from './soak-client.ts';

export interface SoakResult {
  errors: number;
  p99Ms: number;
  detail: Record<string, unknown>;
}

/** serverUrl: a PostgreSQL server (a throwaway database is made on it), or null for PGlite. */
export async function soakBench(opts: { seconds: number; rate: number; serverUrl: string | null }): Promise<SoakResult> {
  // BENCH_SOAK_LOG=FILE keeps the server's warnings and errors (their kind, code and place; never data), to find what a 5xx was.
  const log = process.env.BENCH_SOAK_LOG;
  const t = await startTestApp({
    serverUrl: opts.serverUrl,
    config: { limits: { pdf: null, render: null, screening: null, export: null } },
    ...(log ? { logger: { level: 'warn', stream: fs.createWriteStream(log, { flags: 'a' }) } } : {}),
  });
  try {
    const coordinator = await t.as('coordinator');
    const worker = await t.as('case_worker');
    const persons: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await coordinator.post('/api/persons', personInput());
      persons.push(res.body.id as string);
    }
    const signed = (c: typeof coordinator) => ({ cookie: c.cookie ?? '', csrf: c.csrf ?? '' });
    const plan: SoakPlan = { url: t.url, seconds: opts.seconds, rate: opts.rate, persons, coordinator: signed(coordinator), worker: signed(worker) };
    const cpu0 = process.cpuUsage();
    const result = await inChild(plan);
    const cpu = process.cpuUsage(cpu0);
    // The server's own CPU (this process; the load comes from a child): what a request costs it, whatever the machine's load.
    const serverCpuMsPerRequest = Math.round(((cpu.user + cpu.system) / 1000 / (plan.seconds * plan.rate)) * 100) / 100;
    return { ...result, detail: { database: t.db.kind, server_cpu_ms_per_request: serverCpuMsPerRequest, ...result.detail } };
  } finally {
    await t.close();
  }
}

function inChild(plan: SoakPlan): Promise<SoakResult> {
  const script = fileURLToPath(new URL('./soak-client.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stdin.end(JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as SoakResult) : reject(new Error(`the soak's load generator exited with ${code}`))));
  });
}
