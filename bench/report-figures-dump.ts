// Every figure `evaluate` computes (every year it computes, series included) for the reports of
// 2023–2025, as sorted JSON, from the checkout at ROOT (default this one) against DATABASE_URL:
// run it for two checkouts on the same rows and diff the outputs to show a change keeps every figure.
//   ROOT=/tmp/old DATABASE_URL=postgres://… node --import tsx bench/report-figures-dump.ts > old.json
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(process.env.ROOT ?? resolve(import.meta.dirname, '..'));
const load = (p: string) => import(pathToFileURL(resolve(root, p)).href);
const { openDatabase } = await load('src/db/database.ts');
const { loadProfile, profileDir } = await load('src/profile/load.ts');
const { compareYears } = await load('src/report/report.ts');

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
try {
  const profile = await loadProfile(profileDir('az'));
  const out: Record<string, unknown> = {};
  for (const year of [2023, 2024, 2025]) {
    const r = await compareYears(db.kysely, profile, year);
    for (const [y, figs] of [...r.evaluated.byYear].sort((a, b) => a[0] - b[0])) {
      for (const [id, f] of [...figs].sort((a, b) => a[0].localeCompare(b[0]))) out[`${year}:${y}:${id}`] = f;
    }
  }
  const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v);
  process.stdout.write(`${JSON.stringify(sortKeys(out), null, 1)}\n`);
} finally {
  await db.close();
}
