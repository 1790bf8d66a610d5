// CPU per line of the import's row building, robust to a loaded machine: the generator's first
// LINES records are checked, turned into rows and spelt as COPY text (what importLines does per
// line before any write), timed with process.cpuUsage, the median of RUNS passes.
//   node --import tsx bench/import-cpu.ts [LINES] [RUNS]
import { randomBytes } from 'node:crypto';
import { copyLine, type ColumnKind } from '../src/interchange/copy.ts';
import { checkRecord, toRow, type RowContext } from '../src/interchange/record.ts';
import { RECORD_TYPES, TYPE_ORDER, type RecordType } from '../src/interchange/types.ts';
import { fieldKey } from '../src/crypto/fields.ts';
import { generate } from '../src/generate/generate.ts';
import { loadProfile, profileDir } from '../src/profile/load.ts';

const [linesArg, runsArg] = process.argv.slice(2);
const n = Number(linesArg ?? 20000);
const runs = Number(runsArg ?? 5);
const profile = await loadProfile(profileDir('az'));
const texts: string[] = [];
for (const r of generate(profile, { scale: 1, fromYear: 2005, toYear: 2025, seed: 2026, asOf: '2026-01-01' })) {
  if (texts.length >= n) break;
  texts.push(JSON.stringify(r));
}
const ctx: RowContext = { key: fieldKey(randomBytes(32)), profile, agencyId: (code) => `00000000-0000-4000-8000-${code.padStart(12, '0').slice(-12).replace(/[^0-9a-f]/g, '0')}` };
const cols = new Map<string, { cols: string[]; kinds: ColumnKind[] }>();
const byType = new Map<string, number>();
const pass = (timeByType: boolean) => {
  for (const text of texts) {
    const t0 = timeByType ? process.cpuUsage() : null;
    const json = JSON.parse(text) as { type: string };
    const t = RECORD_TYPES[TYPE_ORDER.get(json.type) as number] as RecordType;
    const c = checkRecord(t.type, json);
    if (!c.success) throw c.error;
    const row = toRow(t, c.data, ctx);
    let l = cols.get(t.type);
    if (!l) cols.set(t.type, (l = { cols: Object.keys(row), kinds: Object.keys(row).map((): ColumnKind => 'plain') }));
    copyLine(l.cols, l.kinds, row);
    if (t0) {
      const d = process.cpuUsage(t0);
      byType.set(t.type, (byType.get(t.type) ?? 0) + d.user + d.system);
    }
  }
};
pass(false); // warm-up
const per: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.cpuUsage();
  pass(false);
  const d = process.cpuUsage(t0);
  per.push((d.user + d.system) / texts.length);
}
pass(true);
per.sort((a, b) => a - b);
const counts = new Map<string, number>();
for (const text of texts) {
  const t = (JSON.parse(text) as { type: string }).type;
  counts.set(t, (counts.get(t) ?? 0) + 1);
}
const top = [...byType].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, us]) => `${t}: ${counts.get(t)} lines, ${(us / (counts.get(t) ?? 1)).toFixed(1)} µs/line, ${((100 * us) / [...byType.values()].reduce((a, b) => a + b, 0)).toFixed(0)}%`);
console.log(JSON.stringify({ lines: texts.length, cpu_us_per_line_median: Math.round(per[Math.floor(per.length / 2)] as number * 10) / 10, runs: per.map((x) => Math.round(x * 10) / 10), by_type: top }, null, 1));
