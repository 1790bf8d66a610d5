// The soak: a steady 200 requests/s of mixed authenticated reads and writes for minutes, sent on a
// fixed schedule whatever the server's pace (open loop, so a slow server cannot slow the test down
// and hide its own latency). Counts every non-2xx or failed request and the 99th percentile latency.
import { daysAgo, personInput } from '../src/test/factories.ts';
import { startTestApp, type Client } from '../src/test/harness.ts';

export interface SoakResult {
  errors: number;
  p99Ms: number;
  detail: Record<string, unknown>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** serverUrl: a PostgreSQL server (a throwaway database is made on it), or null for PGlite. */
export async function soakBench(opts: { seconds: number; rate: number; serverUrl: string | null }): Promise<SoakResult> {
  const t = await startTestApp({ serverUrl: opts.serverUrl, config: { limits: { pdf: null, render: null, screening: null, export: null } } });
  try {
    const coordinator = await t.as('coordinator');
    const worker = await t.as('case_worker');
    const persons: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await coordinator.post('/api/persons', personInput());
      persons.push(res.body.id as string);
    }
    const any = () => persons[Math.floor(Math.random() * persons.length)] as string;
    // Seven reads to three writes, as a working day on the case pages looks.
    const mix: { name: string; weight: number; send: () => ReturnType<Client['request']> }[] = [
      { name: 'persons.list', weight: 3, send: () => coordinator.get('/api/persons') },
      { name: 'persons.read', weight: 2, send: () => coordinator.get(`/api/persons/${any()}`) },
      { name: 'me', weight: 1, send: () => worker.get('/api/me') },
      { name: 'agencies', weight: 1, send: () => worker.get('/api/agencies') },
      { name: 'persons.create', weight: 1, send: () => coordinator.post('/api/persons', personInput()) },
      { name: 'events.add', weight: 1, send: () => coordinator.post(`/api/persons/${any()}/events`, { kind: 'exploitation', region: 'Bakı', startDate: daysAgo(30) }) },
      { name: 'persons.update', weight: 1, send: () => coordinator.patch(`/api/persons/${any()}`, { languages: ['az', 'ru'] }) },
    ];
    const deck = mix.flatMap((m) => Array.from({ length: m.weight }, () => m));
    const latencies: number[] = [];
    const failures: Record<string, number> = {};
    const inFlight = new Set<Promise<void>>();
    const total = Math.round(opts.seconds * opts.rate);
    const start = performance.now();
    let maxInFlight = 0;
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / opts.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const kind = deck[i % deck.length] as (typeof mix)[number];
      const sent = performance.now();
      const p: Promise<void> = kind
        .send()
        .then((res) => {
          if (res.status >= 300) failures[`${kind.name} ${res.status}`] = (failures[`${kind.name} ${res.status}`] ?? 0) + 1;
        })
        .catch(() => {
          failures[`${kind.name} network`] = (failures[`${kind.name} network`] ?? 0) + 1;
        })
        // Latency from the scheduled time: a request that had to wait for its slot counts the wait.
        .finally(() => {
          latencies.push(performance.now() - Math.min(sent, due));
          inFlight.delete(p);
        });
      inFlight.add(p);
      maxInFlight = Math.max(maxInFlight, inFlight.size);
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const errors = Object.values(failures).reduce((a, b) => a + b, 0);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      errors,
      p99Ms: round(percentile(latencies, 99)),
      detail: {
        database: t.db.kind,
        seconds: opts.seconds,
        target_rps: opts.rate,
        achieved_rps: round(total / elapsed),
        requests: total,
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        max_ms: round(latencies[latencies.length - 1] ?? 0),
        max_in_flight: maxInFlight,
        failures,
        mix: Object.fromEntries(mix.map((m) => [m.name, m.weight / deck.length])),
      },
    };
  } finally {
    await t.close();
  }
}
