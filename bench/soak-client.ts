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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

export async function runLoad(plan: SoakPlan) {
  const timed = (c: Client): Client => {
    const request: Client['request'] = (m, p, b, h) => Promise.race([c.request(m, p, b, h), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref())]);
    return { ...c, request, get: (p) => request('GET', p), post: (p, b) => request('POST', p, b ?? {}), patch: (p, b) => request('PATCH', p, b ?? {}) };
  };
  const coordinator = timed(makeClient(plan.url, plan.coordinator.cookie, plan.coordinator.csrf));
  const worker = timed(makeClient(plan.url, plan.worker.cookie, plan.worker.csrf));
  const any = () => plan.persons[Math.floor(Math.random() * plan.persons.length)] as string;
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
  const total = Math.round(plan.seconds * plan.rate);
  const start = performance.now();
  let maxInFlight = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / plan.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind = deck[i % deck.length] as (typeof mix)[number];
    const sent = performance.now();
    const p: Promise<void> = kind
      .send()
      .then((res) => {
        if (res.status >= 300) failures[`${kind.name} ${res.status}`] = (failures[`${kind.name} ${res.status}`] ?? 0) + 1;
      })
      .catch((err: unknown) => {
        const why = err instanceof Error && err.message === 'timeout' ? 'timeout' : 'network';
        failures[`${kind.name} ${why}`] = (failures[`${kind.name} ${why}`] ?? 0) + 1;
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
