import { SingleBar } from 'cli-progress';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { loadFixture } from '../report/fixtures/load.ts';

/** `azad fixtures load NAME`. */
export async function loadFixtureCommand(config: Config, name: string) {
  const { ctx, db } = await openContext(config);
  const bar = new SingleBar({ format: `fixture ${name} {bar} {value}/{total}`, stream: process.stderr, hideCursor: true });
  try {
    let started = false;
    const out = await loadFixture(ctx.db, { key: ctx.fieldKey, profile: ctx.profile }, name, (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
    bar.stop();
    const p = out.prosecution;
    const registry = p ? `, ${p.facts} crime records, ${p.cases} criminal cases, ${p.persons} persons prosecuted (${p.searches} searches)` : '';
    process.stdout.write(`Loaded fixture ${name}: ${out.persons} synthetic persons, ${out.calls} hotline contacts${registry}\n`);
  } finally {
    bar.stop();
    await db.close();
  }
}
