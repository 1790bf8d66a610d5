// The HTTP figures: a bare Fastify baseline, GET /api/health (one database round trip) and an
// authenticated, audited read, with 10 and with 64 clients in flight, all in one run.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startTestApp, type TestApp } from '../src/test/harness.ts';

export interface ApiResult {
  baseline: number;
  baselineRuns: [number, number];
  health: number;
  read: number;
  health64: number;
  read64: number;
  database: string;
}

async function rps(url: string, seconds: number, headers: Record<string, string> = {}, connections = 10): Promise<number> {
  const result = await autocannon({ url, connections, duration: seconds, headers, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** `during(t)` runs on the same app after the HTTP figures (the screening batch's health figure uses it). */
export async function apiBench<T>(opts: { seconds: number; during?: (t: TestApp) => Promise<T> }): Promise<ApiResult & { during: T | null }> {
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/`;
  const t = await startTestApp();
  try {
    const admin = await t.as('administrator');
    const auth = { cookie: admin.cookie ?? '' };
    const readUrl = `${t.url}/api/users/${t.users.police_investigator.id}`;
    // Warm up every path, then interleave: baseline before and after, averaged.
    for (const u of [bareUrl, `${t.url}/api/health`]) await fetch(u);
    await fetch(readUrl, { headers: auth });
    const base1 = await rps(bareUrl, opts.seconds);
    const health = await rps(`${t.url}/api/health`, opts.seconds);
    const read = await rps(readUrl, opts.seconds, auth);
    // The same pair with many clients in flight: with few, a durable commit's latency, not the
    // server, bounds an audited read (docs/benchmarks.md).
    const health64 = await rps(`${t.url}/api/health`, opts.seconds, {}, 64);
    const read64 = await rps(readUrl, opts.seconds, auth, 64);
    const base2 = await rps(bareUrl, opts.seconds);
    const during = opts.during ? await opts.during(t) : null;
    return { baseline: (base1 + base2) / 2, baselineRuns: [base1, base2], health, read, health64, read64, database: t.db.kind, during };
  } finally {
    await t.close();
    await bare.close();
  }
}
