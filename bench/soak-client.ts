// The soak's load generator, in a process of its own: in the server's process its own HTTP work
// took the event loop from the server it measures. Reads its plan as JSON on stdin (base URL, the
// signed-in clients' cookies and CSRF tokens, the person ids, rate and seconds) and writes the
// result as JSON on stdout.
import { makeClient, type Client } from '../src/test/harness.ts';
import { daysAgo, personInput } from '../src/test/factories.ts';

export interface SoakPlan {
  url: string;
  seconds: number;
  rate: number;
  persons: string[];
  coordinator: { cookie: string; csrf: string };
  worker: { cookie: string; csrf: string };
}

/** A request with no answer after this long counts as failed (and stops holding a socket). */
const TIMEOUT_MS = 30_000;
/** Seconds of schedule per line of the timeline. */
const WINDOW_S = 30;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

export interface SoakKind {
  name: string;
  weight: number;
  send: () => ReturnType<Client['request']>;
}

/**
 * The soak's mix of requests and the persons it draws from: seven reads to three writes, as a working day on the case pages looks.
 * Writes and reads are spread over every person the run has, the ones it created too: a working day
 * touches many cases a little, not twenty cases hundreds of times (a first version piled 600 events
 * on each of 20 persons, so every read grew with the run). Shared with bench/soak-probe.ts.
 */
export function soakMix(coordinator: Client, worker: Client, persons: readonly string[]): { mix: SoakKind[]; pool: string[] } {
  const pool = [...persons];
  const any = () => pool[Math.floor(Math.random() * pool.length)] as string;
  const mix: SoakKind[] = [
    { name: 'persons.list', weight: 3, send: () => coordinator.get('/api/persons') },
    { name: 'persons.read', weight: 2, send: () => coordinator.get(`/api/persons/${any()}`) },
    { name: 'me', weight: 1, send: () => worker.get('/api/me') },
    { name: 'agencies', weight: 1, send: () => worker.get('/api/agencies') },
    {
      name: 'persons.create',
      weight: 1,
      send: () =>
        coordinator.post('/api/persons', personInput()).then((res) => {
          const id = (res.body as { id?: unknown } | null)?.id;
          if (res.status === 201 && typeof id === 'string') pool.push(id);
          return res;
        }),
    },
    { name: 'events.add', weight: 1, send: () => coordinator.post(`/api/persons/${any()}/events`, { kind: 'exploitation', region: 'Bakı', startDate: daysAgo(30) }) },
    { name: 'persons.update', weight: 1, send: () => coordinator.patch(`/api/persons/${any()}`, { languages: ['az', 'ru'] }) },
  ];
  /** The persons the mix draws from, growing as it creates them. */
  return { mix, pool };
}

export async function runLoad(plan: SoakPlan) {
  const timed = (c: Client): Client => {
    const request: Client['request'] = (m, p, b, h) => Promise.race([c.request(m, p, b, h), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
    return { ...c, request, get: (p) => request('GET', p), post: (p, b) => request('POST', p, b ?? {}), patch: (p, b) => request('PATCH', p, b ?? {}) };
  };
  const coordinator = timed(makeClient(plan.url, plan.coordinator.cookie, plan.coordinator.csrf));
  const worker = timed(makeClient(plan.url, plan.worker.cookie, plan.worker.csrf));
  const { mix, pool } = soakMix(coordinator, worker, plan.persons);
  const deck = mix.flatMap((m) => Array.from({ length: m.weight }, () => m));
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  /** Per window of the schedule: answered requests' latencies and failures, to tell a slow start from a slow decline. */
  const windows: { latencies: number[]; failed: number }[] = [];
  const windowOf = (due: number) => {
    const i = Math.floor((due - start) / (WINDOW_S * 1000));
    windows[i] ??= { latencies: [], failed: 0 };
    return windows[i];
  };
  const inFlight = new Set<Promise<void>>();
  const total = Math.round(plan.seconds * plan.rate);
  const start = performance.now();
  let maxInFlight = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / plan.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind = deck[i % deck.length] as (typeof mix)[number];
    const sent = performance.now();
    const w = windowOf(due);
    const fail = (why: string) => {
      failures[`${kind.name} ${why}`] = (failures[`${kind.name} ${why}`] ?? 0) + 1;
      w.failed++;
    };
    const p: Promise<void> = kind
      .send()
      .then((res) => {
        if (res.status >= 300) fail(String(res.status));
      })
      .catch((err: unknown) => fail(err instanceof Error && err.message === 'timeout' ? 'timeout' : 'network'))
      // Latency from the scheduled time: a request that had to wait for its slot counts the wait.
      .finally(() => {
        const ms = performance.now() - Math.min(sent, due);
        latencies.push(ms);
        w.latencies.push(ms);
        inFlight.delete(p);
      });
    inFlight.add(p);
    maxInFlight = Math.max(maxInFlight, inFlight.size);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    errors: Object.values(failures).reduce((a, b) => a + b, 0),
    p99Ms: round(percentile(latencies, 99)),
    detail: {
      seconds: plan.seconds,
      target_rps: plan.rate,
      achieved_rps: round(total / elapsed),
      requests: total,
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      max_ms: round(latencies[latencies.length - 1] ?? 0),
      max_in_flight: maxInFlight,
      failures,
      timeline: windows.map((x, i) => {
        const sorted = x.latencies.sort((a, b) => a - b);
        return { from_s: i * WINDOW_S, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), failed: x.failed };
      }),
      persons_at_end: pool.length,
      mix: Object.fromEntries(mix.map((m) => [m.name, m.weight / deck.length])),
    },
  };
}

if (process.argv[1]?.endsWith('soak-client.ts')) {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const result = await runLoad(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SoakPlan);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}
