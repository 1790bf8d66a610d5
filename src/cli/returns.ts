import fs from 'node:fs';
import { appendAudit } from '../audit/record.ts';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { invalid } from '../errors.ts';
import { parsePeriod } from '../returns/period.ts';
import { makeReturn, renderReturn, returnDefinition, returnList } from '../returns/returns.ts';

/** `azad returns list`: one line per return. */
export function listReturnsCommand() {
  const lines = returnList().map((r) => `${r.name.padEnd(9)} ${r.format.padEnd(5)} ${r.periodKind.padEnd(12)} ${r.title} (${r.receiver}; ${r.doc})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `azad returns make NAME`: writes the file (aside, then renamed) and lists every finding; exits 1 when a check failed. */
export async function makeReturnCommand(config: Config, name: string, opts: { period?: string; from?: string; to?: string; out?: string }): Promise<number> {
  const def = returnDefinition(name);
  if (!def) throw invalid('Unknown return', [{ path: 'name', message: `"${name}" is not a return; known: ${returnList().map((r) => r.name).join(', ')}` }]);
  const period = parsePeriod(opts);
  const { ctx, db } = await openContext(config);
  try {
    const made = await makeReturn(ctx.db, ctx.profile, def, period);
    const file = opts.out ?? made.fileName;
    fs.writeFileSync(`${file}.tmp`, await renderReturn(made));
    fs.renameSync(`${file}.tmp`, file);
    await appendAudit(ctx.db, { actor: null, action: 'returns.make', targetType: 'return', outcome: 'ok', details: { via: 'cli', return: made.name, from: period.from, to: period.to, out: file, findings: made.findings.length } });
    const listed = made.findings.map((f) => `  ${f.severity}: [${f.code}] ${f.message}`);
    process.stdout.write(`Wrote ${file} (${def.info.title}, ${period.from} – ${period.to})\nchecks: ${made.findings.filter((f) => f.severity === 'error').length} errors, ${made.findings.length} findings\n${listed.join('\n')}${listed.length ? '\n' : ''}`);
    return made.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } finally {
    await db.close();
  }
}
