import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPath, labelOf, loadProfile, profileDir } from './load.js';
import { profileLabels } from './schema.js';

test('both profiles load', async () => {
  const az = await loadProfile(profileDir('AZ'));
  const zz = await loadProfile(profileDir('zz'));
  assert.equal(az.settings.code, 'AZ');
  assert.equal(zz.settings.code, 'ZZ');
});

test('AZ carries the legal figures', async () => {
  const az = await loadProfile(profileDir('az'));
  assert.equal(az.settings.reflectionPeriodDays, 30);
  assert.equal(az.settings.currency, 'AZN');
  assert.equal(az.paymentKinds.find((k) => k.code === 'one_time_allowance')?.defaultAmount, 700);
});

test('AZ counts: regions, economic regions, local authorities, articles', async () => {
  const az = await loadProfile(profileDir('az'));
  assert.ok(az.regions.regions.length > 70, `regions: ${az.regions.regions.length}`);
  assert.equal(az.regions.economicRegions.length, 14);
  const local = az.agencies.filter((a) => a.kind === 'local_authority');
  assert.ok(local.length >= 60 && local.length <= 80, `local authorities: ${local.length}`);
  const codes = az.criminalArticles.map((a) => a.code);
  for (const c of ['144-1', '144-2', '144-3', '242', '243', '244', '171', '171-2', '173', '182']) {
    assert.ok(codes.includes(c), `article ${c} missing`);
  }
});

test('every label has az and en (and ru in AZ)', async () => {
  for (const code of ['az', 'zz']) {
    const p = await loadProfile(profileDir(code));
    for (const [path, label] of profileLabels(p)) {
      assert.ok(label.az && label.en, `${code}: ${formatPath(path)}`);
      if (code === 'az') assert.ok(label.ru, `az: ${formatPath(path)} lacks ru`);
    }
  }
});

test('labelOf falls back from the asked language to en', () => {
  const l = { az: 'Bakı', en: 'Baku' };
  assert.equal(labelOf(l, 'az'), 'Bakı');
  assert.equal(labelOf(l, 'ru-RU'), 'Baku');
  assert.equal(labelOf(l, 'fr', 'az'), 'Bakı');
});

test('profileDir refuses codes that are not two letters', () => {
  assert.throws(() => profileDir('../etc'));
});

/** Copies the zz profile, lets `edit` change one file, and returns the load error. */
async function brokenZz(file: string, edit: (data: any) => void): Promise<Error> {
  const dir = await mkdtemp(join(tmpdir(), 'azad-profile-'));
  try {
    await cp(profileDir('zz'), dir, { recursive: true });
    const data = JSON.parse(await readFile(join(dir, file), 'utf8'));
    edit(data);
    await writeFile(join(dir, file), JSON.stringify(data));
    await loadProfile(dir);
  } catch (e) {
    return e as Error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.fail('the broken profile loaded');
}

test('rejects a duplicated agency code', async () => {
  const e = await brokenZz('agencies.json', (a) => {
    a[3].code = a[0].code;
  });
  assert.match(e.message, /agencies\.json: \[3\]\.code: duplicate code "zed_coordinator"/);
});

test('rejects a region pointing at an unknown economic region', async () => {
  const e = await brokenZz('regions.json', (r) => {
    r.regions[2].economicRegion = 'xyz';
  });
  assert.match(e.message, /regions\.json: regions\[2\]\.economicRegion: unknown economic region "xyz"/);
});

test('rejects a missing required field', async () => {
  const e = await brokenZz('profile.json', (s) => {
    delete s.currency;
  });
  assert.match(e.message, /profile\.json: currency: /);
});

test('rejects a label lacking one of the profile languages', async () => {
  const e = await brokenZz('profile.json', (s) => {
    s.languages.push('ru');
  });
  assert.match(e.message, /profile\.json: name\.ru: missing "ru"/);
  assert.match(e.message, /agencies\.json: \[0\]\.label\.ru: missing "ru"/);
});

test('reports problems in several files at once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'azad-profile-'));
  try {
    await cp(profileDir('zz'), dir, { recursive: true });
    const regions = JSON.parse(await readFile(join(dir, 'regions.json'), 'utf8'));
    regions.regions[0].economicRegion = 'xyz';
    await writeFile(join(dir, 'regions.json'), JSON.stringify(regions));
    const agencies = JSON.parse(await readFile(join(dir, 'agencies.json'), 'utf8'));
    agencies[1].kind = 'army';
    await writeFile(join(dir, 'agencies.json'), JSON.stringify(agencies));
    await assert.rejects(loadProfile(dir), (e: Error) => {
      assert.match(e.message, /agencies\.json: \[1\]\.kind: /);
      assert.match(e.message, /regions\.json: regions\[0\]\.economicRegion: unknown economic region "xyz"/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('rejects invalid JSON, naming the file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'azad-profile-'));
  try {
    await cp(profileDir('zz'), dir, { recursive: true });
    await writeFile(join(dir, 'payment-kinds.json'), '[{');
    await assert.rejects(loadProfile(dir), /payment-kinds\.json: invalid JSON/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
