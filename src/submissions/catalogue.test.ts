import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import { expectedAgencies, formIndicators, validateValues } from './catalogue.ts';

test('the AZ catalogue: every agency-submitted published figure, its reporters, its rules', async () => {
  const az = await loadProfile(profileDir('az'));
  const c = az.indicators;
  const byId = new Map(c.indicators.map((i) => [i.id, i]));
  assert.deepEqual(byId.get('labour.inspectorate.fines_azn')?.agencies, ['state_labour_inspection']);
  assert.equal(byId.get('labour.inspectorate.fines_azn')?.unit, 'azn');
  assert.equal(byId.get('labour.work_permits.issued')?.periodType, 'quarter');
  assert.equal(byId.get('events.participation')?.source, 'activities');
  // 69 local authorities and every NGO report awareness events; 2023-Q1 expects only the migration service.
  const local = az.agencies.filter((a) => a.level === 'local').length;
  const ngos = az.agencies.filter((a) => a.level === 'ngo').length;
  const yearly = expectedAgencies(az, '2023');
  assert.equal(yearly.filter((a) => a.level === 'local').length, local);
  assert.equal(yearly.filter((a) => a.level === 'ngo').length, ngos);
  assert.deepEqual(expectedAgencies(az, '2023-Q1').map((a) => a.code), ['state_migration_service']);
  const sms = az.agencies.find((a) => a.code === 'state_migration_service')!;
  assert.deepEqual(formIndicators(c, sms, '2023').map((i) => i.id), ['migration.channels_revealed', 'migration.persons_removed']);
});

test('rules: at_most and requires name both figures; rules across forms are left to the national figures', async () => {
  const az = await loadProfile(profileDir('az'));
  const c = az.indicators;
  const sli = formIndicators(c, { code: 'state_labour_inspection', level: 'central' }, '2023');
  const errors = validateValues(c, sli, [
    { indicatorId: 'labour.forced_labour_criminal_cases', state: 'reported', value: 4 },
    { indicatorId: 'labour.forced_labour_cases', state: 'reported', value: 3 },
    { indicatorId: 'labour.site_inspections.fines_azn', state: 'reported', value: 1000 },
    { indicatorId: 'labour.site_inspections.employers_fined', state: 'reported', value: 0 },
    { indicatorId: 'labour.employer_sessions', state: 'reported', value: 2.5 },
    { indicatorId: 'labour.inspectorate.unrelated_work', state: 'unknown', value: 3 },
  ], { complete: false });
  assert.deepEqual(errors.map((e) => e.message).sort(), [
    'Employees forced to do work outside their job description: leave the value empty when it is unknown',
    'Sessions on employee rights held for employers must be a whole number (2.5)',
    'Criminal cases initiated on forced labour (4) cannot be more than Cases of forced labour discovered (3)',
    'Employers fined after site inspections (0) cannot be 0 when Administrative fines imposed after site inspections (1,000) is reported',
  ].sort());
});

test('a catalogue naming an unknown agency or indicator refuses to load, naming the file and path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'azad-indicators-'));
  try {
    await cp(profileDir('zz'), dir, { recursive: true });
    const file = join(dir, 'indicators.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.indicators[0].agencies.push('no_such_agency');
    data.rules[0].right = 'no.such.indicator';
    data.indicators.push({ ...data.indicators[1] });
    await writeFile(file, JSON.stringify(data));
    const err = await loadProfile(dir).then(() => null, (e: Error) => e);
    assert.ok(err);
    assert.match(err.message, /indicators\.json: indicators\[0\]\.agencies\[1\]: unknown agency "no_such_agency"/);
    assert.match(err.message, /indicators\.json: rules\[0\]\.right: unknown indicator "no\.such\.indicator"/);
    assert.match(err.message, /indicators\.json: indicators\[5\]\.id: duplicate indicator "labour\.site_inspections\.workers_inspected"/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
