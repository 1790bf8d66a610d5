import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { profileDir } from '../profile/load.ts';
import { loadPublicStatsConfig } from './editions.ts';
import { PublicStatsConfig } from './schema.ts';

test("Azerbaijan's public tables name counts of its report definition; running totals name cumulative formulas of their flow", () => {
  const config = loadPublicStatsConfig('AZ');
  const def = JSON.parse(fs.readFileSync(`${profileDir('az')}/report-definition.json`, 'utf8')) as { figures: { id: string; unit?: string; formula?: { cumulative?: string } }[] };
  assert.equal(config.threshold, 5);
  assert.equal(config.zerosSensitive, false);
  for (const t of config.tables) {
    const f = def.figures.find((x) => x.id === t.figure);
    assert.ok(f, `${t.id}: ${t.figure} is not a figure of the profile's report definition`);
    assert.equal(f.unit ?? 'count', 'count', `${t.id} publishes a count`);
    if (t.cumulativeOf) {
      const flow = config.tables.find((x) => x.id === t.cumulativeOf);
      assert.equal(f.formula?.cumulative, flow?.figure, `${t.id} is the running total of ${t.cumulativeOf}`);
    }
  }
  assert.deepEqual(loadPublicStatsConfig('ZZ').tables, [], 'a profile without the file publishes nothing');
});

test('a bad table list is refused with its path', () => {
  const bad = PublicStatsConfig.safeParse({
    tables: [
      { id: 'a-total', figure: 'victims.cumulative.by_sex', cumulativeOf: 'by-sex' },
      { id: 'by-sex', figure: 'victims.identified' },
      { id: 'by-sex', figure: 'victims.by_age' },
      { id: 'extra-key', figure: 'victims.identified', extra: true },
    ],
  });
  assert.ok(!bad.success);
  const paths = bad.error.issues.map((i) => i.path.join('.'));
  assert.ok(paths.includes('tables.0.cumulativeOf'));
  assert.ok(paths.includes('tables.3'), `unknown keys are refused: ${paths.join(', ')}`);
  const dup = PublicStatsConfig.safeParse({ tables: [{ id: 'by-sex', figure: 'victims.identified' }, { id: 'by-sex', figure: 'victims.by_age' }] });
  assert.deepEqual(dup.error?.issues.map((i) => i.path.join('.')), ['tables.1.id']);
  assert.equal(PublicStatsConfig.parse({ tables: [] }).threshold, 5, 'the default threshold');
});
