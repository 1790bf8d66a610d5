// Screening throughput: the full pipeline on one core, and the single Aho–Corasick pass against
// running every pattern of the same rule base as its own RegExp over the same normalised texts.
import { readSplit } from '../src/screening/corpus/io.ts';
import { distinctPatterns, findHits, ruleMatcher } from '../src/screening/matcher.ts';
import { normalise } from '../src/screening/normalise.ts';
import { screenText, screeningModel } from '../src/screening/screen.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function screeningBench(targetBytes = Number(process.env.BENCH_SCREENING_BYTES ?? 2_000_000)) {
  const corpus = [...readSplit('train'), ...readSplit('dev'), ...readSplit('test')].map((i) => i.text);
  const texts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const t = corpus[texts.length % corpus.length]!;
    texts.push(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  const model = screeningModel();
  const matcher = ruleMatcher();
  for (const t of texts.slice(0, 3000)) screenText({ id: 'w', text: t }, model);

  // Timed by the process's CPU seconds: on a shared, loaded machine the wall clock also counts time
  // the core spent on other processes. All of this process's threads count (GC helpers too), so
  // the figure errs low.
  const cpuSeconds = (f: () => void) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  let t0 = performance.now();
  let flagged = 0;
  const fullCpuSeconds = cpuSeconds(() => {
    for (const t of texts) if (screenText({ id: 'b', text: t }, model).flagged) flagged++;
  });
  const fullSeconds = (performance.now() - t0) / 1000;
  // Baseline, same texts, same run: lower-case and split on white space, the floor of touching
  // every character once. Repeated until it has run as long as a tenth of the pipeline.
  let words = 0;
  let baseRounds = 0;
  const baseCpuSeconds = cpuSeconds(() => {
    const until = performance.now() + Math.max(200, fullSeconds * 100);
    do {
      for (const t of texts) words += t.toLowerCase().split(/\s+/).length;
      baseRounds++;
    } while (performance.now() < until);
  });

  // Matching alone, on texts normalised once beforehand (identical input for both matchers).
  const normed = texts.map((t) => normalise(t));
  // The same patterns the automaton holds (each phrase once per cue), each as its own RegExp.
  const patterns = distinctPatterns();
  const regexes = patterns.map((p) => new RegExp(escape(p.pattern), 'g'));
  t0 = performance.now();
  let acHits = 0;
  for (const n of normed) acHits += findHits(n, matcher).length;
  const acSeconds = (performance.now() - t0) / 1000;
  // The naive side gets a quarter of the texts (it is slow) and is scaled up.
  const share = normed.slice(0, Math.ceil(normed.length / 4));
  t0 = performance.now();
  let rxHits = 0;
  for (const n of share) {
    for (const re of regexes) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(n.text)) !== null) {
        rxHits++;
        re.lastIndex = m.index + 1;
      }
    }
  }
  const rxSeconds = ((performance.now() - t0) / 1000) * (normed.length / share.length);
  const mb = bytes / 1e6;
  return {
    mbPerS: mb / fullCpuSeconds,
    vsTokenise: mb / fullCpuSeconds / ((mb * baseRounds) / baseCpuSeconds),
    speedup: rxSeconds / acSeconds,
    detail: {
      texts: texts.length,
      megabytes: Math.round(mb * 100) / 100,
      patterns: patterns.length,
      flagged,
      full_pipeline_seconds: Math.round(fullSeconds * 1000) / 1000,
      full_pipeline_cpu_seconds: Math.round(fullCpuSeconds * 1000) / 1000,
      mb_per_wall_s: Math.round((mb / fullSeconds) * 100) / 100,
      tokenise_baseline_mb_per_cpu_s: Math.round(((mb * baseRounds) / baseCpuSeconds) * 100) / 100,
      tokenise_baseline_words: words,
      aho_corasick_seconds: Math.round(acSeconds * 1000) / 1000,
      naive_regex_seconds_extrapolated: Math.round(rxSeconds * 1000) / 1000,
      hits_aho_corasick: acHits,
      hits_regex_on_quarter: rxHits,
      note: 'mb_per_s = UTF-8 megabytes of input per CPU second of this process through screenText (normalise, phrase and concept match, genre, language, analyse, model), one thread; vs_tokenise = that rate / the rate of toLowerCase + split on white space over the same texts, same run; speedup = per-pattern RegExp time / one Aho-Corasick pass, same normalised texts, matching only',
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${JSON.stringify(screeningBench(), null, 2)}\n`);

/**
 * `/api/health` latency while a ~1 MB batch goes through `POST /api/screening/batch` on the same
 * server: the batch runs in a worker thread (pool.ts), so health must stay fast.
 */
export async function healthDuringBatch(t: { url: string; as(role: 'coordinator'): Promise<{ post(path: string, body?: unknown): Promise<{ status: number }> }> }) {
  const corpus = [...readSplit('test')].map((i, k) => JSON.stringify({ id: `b${k}`, text: i.text }));
  const lines: string[] = [];
  let size = 20;
  for (let k = 0; size < 1_000_000; k++) {
    const l = corpus[k % corpus.length]!;
    const extra = Buffer.byteLength(JSON.stringify(l), 'utf8');
    if (size + extra > 1_000_000) break;
    lines.push(l);
    size += extra;
  }
  const body = { jsonl: lines.join('\n') };
  const bodyBytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  const client = await t.as('coordinator');
  const latencies: number[] = [];
  let done = false;
  const t0 = performance.now();
  const batch = client.post('/api/screening/batch', body).then((r) => {
    done = true;
    if (r.status !== 200) throw new Error(`batch: HTTP ${r.status}`);
  });
  while (!done) {
    const s = performance.now();
    await fetch(`${t.url}/api/health`).then((r) => r.text());
    latencies.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 5));
  }
  await batch;
  const batchSeconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { p95: p(0.95), detail: { batch_request_bytes: bodyBytes, batch_lines: lines.length, batch_seconds: Math.round(batchSeconds * 1000) / 1000, health_requests: latencies.length, health_p50_ms: Math.round(p(0.5) * 10) / 10, health_p95_ms: Math.round(p(0.95) * 10) / 10, health_max_ms: Math.round((latencies[latencies.length - 1] ?? NaN) * 10) / 10 } };
}
