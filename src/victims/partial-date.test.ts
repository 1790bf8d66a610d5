// Dates as told (issue 17): a year, a year and month, or a full date, kept with their precision.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import az from '../../web/src/i18n/az.json' with { type: 'json' };
import ru from '../../web/src/i18n/ru.json' with { type: 'json' };
import { daysAgo, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { endsBeforeStart, firstDayOf, isFutureDate, isPartialDate, lastDayOf, precisionOf, toldDate } from './partial-date.ts';
import { todayInCalendar } from './schema.ts';

let t: TestApp;
let police: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
});
after(() => t.close());

const today = () => todayInCalendar();
const thisYear = () => Number(today().slice(0, 4));
/** The month after this one: in the future whatever today is (December's is next January). */
const nextMonth = () => {
  const [y, m] = today().split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const fieldsOf = (res: { body: { error?: { fields?: { path: string; message: string }[] } } }) => res.body.error?.fields ?? [];

test('the pieces: shape, first and last day, precision, future, overlap', () => {
  for (const ok of ['2019', '2019-05', '2019-05-14', '2024-02-29']) assert.ok(isPartialDate(ok), ok);
  for (const bad of ['19', '201', '20190', '2019-5', '2019-13', '2019-00', '2019-02-29', '2019-05-32', '2019/05', ' 2019', '0000']) assert.ok(!isPartialDate(bad), bad);
  assert.deepEqual(['2019', '2019-05', '2019-05-14'].map(precisionOf), ['year', 'month', 'day']);
  assert.deepEqual(['2019', '2024-02', '2019-05-14'].map(firstDayOf), ['2019-01-01', '2024-02-01', '2019-05-14']);
  assert.deepEqual(['2019', '2024-02', '2023-02', '2019-05-14'].map(lastDayOf), ['2019-12-31', '2024-02-29', '2023-02-28', '2019-05-14']);
  assert.equal(toldDate('2019-01-01', 'year'), '2019');
  assert.equal(toldDate('2019-05-01', 'month'), '2019-05');
  // This year and this month have begun: not in the future.
  assert.equal(isFutureDate('2026', '2026-01-01'), false);
  assert.equal(isFutureDate('2026-01', '2026-01-01'), false);
  assert.equal(isFutureDate('2026-02', '2026-01-31'), true);
  assert.equal(isFutureDate('2027', '2026-12-31'), true);
  assert.equal(endsBeforeStart('2023', '2023-05'), false);
  assert.equal(endsBeforeStart('2023-05', '2023'), false);
  assert.equal(endsBeforeStart('2023-05-10', '2023-05'), false);
  assert.equal(endsBeforeStart('2023-05', '2023-04-30'), true);
  assert.equal(endsBeforeStart('2023', '2022-12'), true);
});

test('a birth date may be a year, a year and month, or a date; the birth year follows it', async () => {
  for (const [birthDate, year] of [['1990', 1990], ['1991-06', 1991], ['1992-06-15', 1992], [String(thisYear()), thisYear()]] as const) {
    const p = await intake(police, { identity: { givenName: 'İlqarə', birthDate } });
    const detail = await police.get(`/api/persons/${p.id}`);
    assert.equal(detail.body.identity.birthDate, birthDate, 'kept as told');
    assert.equal(detail.body.birthYear, year);
  }
  // A change to a coarser date moves the birth year too.
  const p = await intake(police);
  assert.equal((await police.patch(`/api/persons/${p.id}`, { identity: { birthDate: '1985-07' } })).status, 204);
  const detail = await police.get(`/api/persons/${p.id}`);
  assert.equal(detail.body.identity.birthDate, '1985-07');
  assert.equal(detail.body.birthYear, 1985);
  // A birth year that disagrees with a year-only date is refused on the birth year.
  const res = await police.post('/api/persons', { identity: { givenName: 'X', birthDate: '1990' }, birthYear: 1991, gender: 'female', channel: 'police', contactDate: daysAgo(3) });
  assert.equal(res.status, 400);
  assert.ok(fieldsOf(res).some((f) => f.path === 'birthYear'));
});

test('a birth date that is no date, or in the future, is refused naming the field, in az, en and ru', async () => {
  const body = (birthDate: string) => ({ identity: { givenName: 'X', birthDate }, gender: 'female', channel: 'police', contactDate: daysAgo(3) });
  for (const bad of ['199', '1990-13', '1990-02-30', '90-01-01', '1990/01', String(thisYear() + 1), nextMonth()]) {
    const res = await police.post('/api/persons', body(bad));
    assert.equal(res.status, 400, bad);
    assert.deepEqual(fieldsOf(res).map((f) => f.path), ['identity.birthDate'], `${bad}: ${JSON.stringify(res.body)}`);
  }
  const future = String(thisYear() + 1);
  const said = async (lang: string, birthDate: string) => fieldsOf(await police.request('POST', '/api/persons', body(birthDate), { 'accept-language': lang }))[0]?.message;
  assert.match((await said('en', '1990-13')) ?? '', /^must be a year, a year and month, or a date/);
  assert.equal(await said('az', '1990-13'), az.fieldErrors.partialDate);
  assert.equal(await said('ru', '1990-13'), ru.fieldErrors.partialDate);
  assert.equal(await said('az', future), az.fieldErrors.future);
  assert.equal(await said('ru', future), ru.fieldErrors.future);
});

test("an event's period may be told as years or months; it round-trips with its precision", async () => {
  const p = await intake(police, { contactDate: daysAgo(3) });
  const add = (startDate: string | null, endDate: string | null) => police.post(`/api/persons/${p.id}/events`, { kind: 'exploitation', country: 'RU', startDate, endDate });
  for (const [start, end] of [['2021', '2021-05'], ['2022-05', '2022'], ['2023-05-10', '2023-05'], ['2019', '2020-02-14'], [String(thisYear()), null]] as const) {
    const res = await add(start, end);
    assert.equal(res.status, 201, `${start} – ${end}: ${JSON.stringify(res.body)}`);
  }
  const detail = await police.get(`/api/persons/${p.id}`);
  // Ordered by the first day each names: 2019 before 2021, 2021 before 2022-05.
  assert.deepEqual(
    detail.body.events.map((e: { startDate: string; endDate: string | null }) => [e.startDate, e.endDate]),
    [['2019', '2020-02-14'], ['2021', '2021-05'], ['2022-05', '2022'], ['2023-05-10', '2023-05'], [String(thisYear()), null]],
  );
  const rows = await t.db.kysely.selectFrom('exploitation_events').select(['start_date', 'start_precision', 'end_date', 'end_precision']).where('person_id', '=', p.id).orderBy('start_date').execute();
  assert.deepEqual(rows[1], { start_date: '2021-01-01', start_precision: 'year', end_date: '2021-05-01', end_precision: 'month' });
  // The timeline says what was told, in date order.
  const timeline = await police.get(`/api/persons/${p.id}/timeline`);
  const events = timeline.body.items.filter((i: { kind: string }) => i.kind === 'event').map((i: { date: string }) => i.date);
  assert.deepEqual(events, ['2019', '2021', '2022-05', '2023-05-10', String(thisYear())]);
});

test('an event period whose end lies wholly before its start, or in the future, is refused on its field', async () => {
  const p = await intake(police);
  const cases: [Record<string, unknown>, string][] = [
    [{ startDate: '2023-05', endDate: '2023-04' }, 'endDate'],
    [{ startDate: '2023', endDate: '2022-12-31' }, 'endDate'],
    [{ startDate: '2023-05-10', endDate: '2023-04' }, 'endDate'],
    [{ startDate: '2023-13' }, 'startDate'],
    [{ startDate: String(thisYear() + 1) }, 'startDate'],
    [{ startDate: '2023', endDate: nextMonth() }, 'endDate'],
  ];
  for (const [dates, path] of cases) {
    const res = await police.post(`/api/persons/${p.id}/events`, { kind: 'exploitation', ...dates });
    assert.equal(res.status, 400, JSON.stringify(dates));
    assert.deepEqual(fieldsOf(res).map((f) => f.path), [path], `${JSON.stringify(dates)}: ${JSON.stringify(res.body)}`);
  }
  const res = await police.request('POST', `/api/persons/${p.id}/events`, { kind: 'exploitation', startDate: '2023-05', endDate: '2023-04' }, { 'accept-language': 'ru' });
  assert.equal(fieldsOf(res)[0]?.message, ru.fieldErrors.beforeStart);
});

test('the duplicate check takes a birth date as told, an equal month for half an equal date', async () => {
  await intake(police, { identity: { givenName: 'Xanımzər', familyName: 'Təkrarova', birthDate: '1979-04' } });
  const res = await police.post('/api/persons/duplicates', { givenName: 'Xanımzər', familyName: 'Təkrarova', birthDate: '1979-04' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.items.length, 1);
  assert.equal(res.body.items[0].score, 0.85, 'an equal month counts half of an equal date');
});
