// Next year's report without a developer: starting from the shipped 2023 definition, the
// coordinator adds figures and a sentence through the API alone, and the report prints them with
// their changes in every format and language. Expected values are worked out by hand below.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { agencyId, intake } from '../../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { unzipEntry } from '../../test/zip.ts';
import { todayInCalendar } from '../../victims/schema.ts';
import { chromiumPath } from '../pdf.ts';
import type { ReportDefinition } from './schema.ts';

const noChromium = !fs.existsSync(chromiumPath()) && !process.env.CI ? 'Chromium not installed' : false;

let t: TestApp;
let coordinator: Client;
let police: Client;
let Y: number;
let def: ReportDefinition;

const ok = async (p: Promise<{ status: number; body: unknown }>) => {
  const r = await p;
  assert.ok(r.status < 300, JSON.stringify(r.body));
  return r.body as { id: string };
};

/** An online (or not) fact and the case opened on it, under the given articles. */
async function onlineCase(n: number, on: string, articles: string[], online = true) {
  const fact = await ok(police.post('/api/prosecution/facts', { registeredOn: on, articles, online, platforms: online ? ['telegram'] : [] }));
  await ok(police.post('/api/prosecution/cases', { number: `T-${n}`, openedOn: on, articles, factIds: [fact.id], investigatingAgencyId: await agencyId(t, 'mia') }));
}

const NEW_FIGURES = [
  {
    id: 'online.cases.trafficking_or_extortion',
    label: { az: 'Onlayn işlər: 144-1 (bütün hissələri) və 182', en: 'Online cases under 144-1 (any part) or 182', ru: 'Онлайн-дела по 144-1 (все части) или 182' },
    from: 'cases',
    date: 'opened',
    count: 'cases',
    where: { online: true, articles: ['144-1', '182'] },
  },
  {
    id: 'victims.by_form',
    label: { az: 'Qurbanlar, istismar formasına görə', en: 'Victims by form of exploitation', ru: 'Жертвы по форме эксплуатации' },
    from: 'persons',
    breakdown: { by: 'exploitation_form' },
  },
  {
    id: 'assistance.repatriation',
    label: { az: 'Vətənə qaytarılan qurbanlar', en: 'Victims repatriated', ru: 'Репатриированные жертвы' },
    from: 'services',
    count: 'persons',
    where: { kinds: ['repatriation'] },
  },
];
const SENTENCE = {
  kind: 'text',
  text: {
    az: 'Yeni: {online.cases.trafficking_or_extortion} onlayn iş; {assistance.repatriation} qurban vətənə qaytarılmışdır.',
    en: 'New: {online.cases.trafficking_or_extortion} online cases; {assistance.repatriation} victims were repatriated.',
    ru: 'Новое: {online.cases.trafficking_or_extortion} онлайн-дел; репатриировано {assistance.repatriation} жертв.',
  },
};

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  police = await t.as('police_investigator');
  Y = Number(todayInCalendar().slice(0, 4));
  // Y−1: one online case under a part of 144-1. Y: a part of 144-1 and 182 online (counted), 243.1
  // online and 144-1 offline (not counted). By hand: 2 (+1).
  await onlineCase(1, `${Y - 1}-05-01`, ['144-1.2']);
  await onlineCase(2, `${Y}-01-01`, ['144-1.2']);
  await onlineCase(3, `${Y}-01-01`, ['182']);
  await onlineCase(4, `${Y}-01-01`, ['243.1']);
  await onlineCase(5, `${Y}-01-01`, ['144-1'], false);
  // Repatriation: one person in Y, none in Y−1 → 1 (+1). She is identified in Y, exploited for labour.
  const p = await intake(police, { contactDate: `${Y}-01-01` });
  await ok(police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: `${Y}-01-01`, decidingAgencyId: await agencyId(t, 'mia') }));
  await ok(police.post(`/api/persons/${p.id}/events`, { kind: 'exploitation', country: 'RU', startDate: `${Y - 1}-03-01`, forms: ['forced_labour'] }));
  await ok(police.post(`/api/persons/${p.id}/assistance`, { kind: 'repatriation', providerAgencyId: await agencyId(t, 'mia'), date: `${Y}-01-01` }));

  const got = await coordinator.get(`/api/reports/${Y}/definition`);
  assert.equal(got.status, 200);
  assert.equal(got.body.source, 'profile', 'a year with no definition of its own starts from the shipped one');
  def = got.body.definition;
});
after(() => t.close());

test('the shipped definition carries every figure the report prints; nothing is in code', () => {
  assert.ok(def.figures.length > 100);
  assert.ok(def.figures.some((f) => f.id === 'victims.identified' && f.from === 'persons'));
  assert.deepEqual(def.languages, ['az', 'en', 'ru']);
});

test('a bad definition is refused whole, every problem named by its path', async () => {
  const bad = structuredClone(def) as ReportDefinition;
  bad.figures.push({ id: 'x.bad', label: { en: 'Bad' }, from: 'services', where: { kinds: ['no_such_kind'] } });
  bad.figures.push({ id: 'x.bad2', label: { en: 'Bad' }, from: 'facts', breakdown: { by: 'sex' } });
  bad.sections[0]?.blocks.push({ kind: 'text', text: { az: '{nope}', en: '{nope}', ru: '' } });
  const res = await coordinator.request('PUT', `/api/reports/${Y}/definition`, bad);
  assert.equal(res.status, 400);
  const paths = res.body.error.fields.map((f: { path: string }) => f.path);
  const n = def.figures.length;
  assert.ok(paths.includes(`figures.${n}.where.kinds.0`), paths.join(', '));
  assert.ok(paths.includes(`figures.${n + 1}.breakdown.by`), paths.join(', '));
  assert.ok(paths.some((p: string) => /^sections\.0\.blocks\.\d+\.text\.ru$/.test(p)), 'the empty Russian text is named');
  assert.ok(paths.some((p: string) => /^sections\.0\.blocks\.\d+\.text\.en$/.test(p)), 'the unknown figure is named');
  assert.equal((await coordinator.get(`/api/reports/${Y}/definition`)).body.source, 'profile', 'nothing was stored');
  assert.equal((await police.request('PUT', `/api/reports/${Y}/definition`, def)).status, 403);
});

test('new figures and a sentence through the API: values, changes and labels in JSON; sentences in az, en and ru', async () => {
  const next = structuredClone(def) as ReportDefinition;
  next.figures.push(...(NEW_FIGURES as ReportDefinition['figures']));
  next.sections.find((s) => s.id === 'victims')?.blocks.push(SENTENCE as ReportDefinition['sections'][number]['blocks'][number]);
  const put = await coordinator.request('PUT', `/api/reports/${Y}/definition`, next);
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal((await coordinator.get(`/api/reports/${Y}/definition`)).body.source, 'stored');
  assert.equal((await coordinator.get(`/api/reports/${Y + 1}/definition`)).body.source, 'inherited', 'next year starts from this one');

  const json = await coordinator.get(`/api/reports/${Y}/draft/json`);
  assert.equal(json.status, 200);
  const fig = (id: string) => json.body.figures.find((f: { id: string }) => f.id === id);
  assert.deepEqual([fig('online.cases.trafficking_or_extortion').value, fig('online.cases.trafficking_or_extortion').delta], [2, 1]);
  assert.deepEqual([fig('assistance.repatriation').value, fig('assistance.repatriation').delta], [1, 1]);
  assert.equal(fig('assistance.repatriation').label.ru, 'Репатриированные жертвы');
  assert.match(fig('assistance.repatriation').countedAs.en, /distinct persons/);
  assert.match(fig('assistance.repatriation').countedAs.en, /Repatriation|repatriation/);
  // A breakdown the 2023 report did not print, labelled from the profile's forms of exploitation.
  assert.deepEqual(fig('victims.by_form').breakdown, { forced_labour: 1 });
  assert.equal(fig('victims.by_form').parts[0].label.en, 'Forced labour');
  // Parts carry their labels in every language.
  const sex = fig('victims.identified').parts.find((p: { key: string }) => p.key === 'female');
  assert.deepEqual(sex.label, { az: 'Qadın', en: 'Women', ru: 'Женщины' });

  const expected = { az: 'Yeni: 2 (+1) onlayn iş; 1 (+1) qurban', en: 'New: 2 (+1) online cases; 1 (+1) victims were repatriated.', ru: 'Новое: 2 (+1) онлайн-дел; репатриировано 1 (+1) жертв.' };
  for (const lang of ['az', 'en', 'ru'] as const) {
    const html = await coordinator.request('GET', `/api/reports/${Y}/draft/html?lang=${lang}`);
    assert.equal(html.status, 200);
    assert.ok(String(html.body).includes(expected[lang]), `${lang} html: ${expected[lang]}`);
    assert.ok(!/\{[a-z=*~+]/.test(String(html.body)), `${lang}: no placeholder left unfilled`);
  }
});

// The agencies' side, through the API alone: a new indicator with an amount beside its count, in
// the catalogue of Y−1 and (started from it) of Y, where another indicator continues under a new id.
const BROCHURES = {
  id: 'prevention.brochures',
  label: { az: 'Çap olunmuş broşürlər', en: 'Brochures printed', ru: 'Напечатанные брошюры' },
  unit: 'count',
  periodType: 'year',
  agencies: ['kind:ngo'],
  attributes: [{ id: 'azn', unit: 'azn', label: { az: 'Xərclənmiş məbləğ', en: 'Amount spent', ru: 'Израсходованная сумма' } }],
};
const POSTERS_OLD = { id: 'prevention.posters_old', label: { az: 'Plakatlar', en: 'Posters', ru: 'Плакаты' }, unit: 'count', periodType: 'year', agencies: ['kind:ngo'] };
const POSTERS = { ...POSTERS_OLD, id: 'prevention.posters', label: { az: 'Asılmış plakatlar', en: 'Posters put up', ru: 'Размещённые плакаты' }, renamedFrom: ['prevention.posters_old'] };
const SUBMITTED_FIGURES = [
  { id: 'prevention.brochures.count', label: BROCHURES.label, from: 'submitted', where: { indicators: ['prevention.brochures'] } },
  { id: 'prevention.brochures.azn', label: { az: 'Broşürlərə xərclənmiş məbləğ', en: 'Amount spent on brochures', ru: 'Сумма на брошюры' }, from: 'submitted', where: { indicators: ['prevention.brochures'], attribute: 'azn' }, unit: 'azn' },
  { id: 'prevention.posters', label: POSTERS.label, from: 'submitted', where: { indicators: ['prevention.posters'] } },
];
const BROCHURE_SENTENCE = {
  kind: 'text',
  text: {
    az: 'Broşürlər: {prevention.brochures.count} nüsxə, {prevention.brochures.azn} manat; plakatlar: {prevention.posters}.',
    en: 'Brochures: {prevention.brochures.count} copies for AZN {prevention.brochures.azn}; posters: {prevention.posters}.',
    ru: 'Брошюры: {prevention.brochures.count} экз. на {prevention.brochures.azn} манатов; плакаты: {prevention.posters}.',
  },
};
// By hand: brochures 100 → 120 (+20), amounts 500 → 750 (+250), posters 7 under the old id → 10 (+3).
const BROCHURE_TEXT = { az: 'Broşürlər: 120 (+20) nüsxə, 750 (+250) manat; plakatlar: 10 (+3).', en: 'Brochures: 120 (+20) copies for AZN 750 (+250); posters: 10 (+3).', ru: 'Брошюры: 120 (+20) экз. на 750 (+250) манатов; плакаты: 10 (+3).' };

/** The reporter answers every figure of the NGO's form (0 where the test has nothing to say), submits; the coordinator approves. */
async function reportAndApprove(year: number, figures: Record<string, number>) {
  const reporter = await t.as('agency_reporter');
  const agency = t.users.agency_reporter.agencyId;
  const form = await reporter.get(`/api/submissions/form?agencyId=${agency}&period=${year}`);
  assert.equal(form.status, 200, JSON.stringify(form.body));
  const values = form.body.indicators.flatMap((i: { id: string; attributes: { id: string }[] }) => [
    { indicatorId: i.id, value: figures[i.id] ?? 0 },
    ...i.attributes.map((a) => ({ indicatorId: i.id, attribute: a.id, value: figures[`${i.id}#${a.id}`] ?? 0 })),
  ]);
  const saved = await ok(reporter.put('/api/submissions/form', { agencyId: agency, period: String(year), values }));
  await ok(reporter.post(`/api/submissions/${saved.id}/submit`));
  await ok(coordinator.post(`/api/submissions/${saved.id}/approve`, {}));
}

test('a new indicator with an amount beside its count, through the API: catalogue, form, approval, figures with their changes', async () => {
  // Y−1: the coordinator adds the indicators to the year's catalogue (starting from the profile's).
  const start = await coordinator.get(`/api/indicator-catalogue?year=${Y - 1}`);
  assert.equal(start.body.source, 'profile');
  const before = start.body.catalogue;
  const bad = await coordinator.put(`/api/indicator-catalogue?year=${Y - 1}`, { ...before, indicators: [...before.indicators, { ...BROCHURES, attributes: [...BROCHURES.attributes, BROCHURES.attributes[0]] }, { ...POSTERS_OLD, unit: 'kg' }] });
  assert.equal(bad.status, 400);
  const n = before.indicators.length;
  assert.deepEqual(bad.body.error.fields.map((f: { path: string }) => f.path).sort(), [`indicators.${n + 1}.unit`]);
  const dup = await coordinator.put(`/api/indicator-catalogue?year=${Y - 1}`, { ...before, indicators: [...before.indicators, { ...BROCHURES, attributes: [...BROCHURES.attributes, BROCHURES.attributes[0]] }] });
  assert.equal(dup.status, 400);
  assert.deepEqual(dup.body.error.fields.map((f: { path: string }) => f.path), [`indicators.${n}.attributes.1.id`]);
  await ok(coordinator.put(`/api/indicator-catalogue?year=${Y - 1}`, { ...before, indicators: [...before.indicators, BROCHURES, POSTERS_OLD] }));
  await reportAndApprove(Y - 1, { 'prevention.brochures': 100, 'prevention.brochures#azn': 500, 'prevention.posters_old': 7 });

  // Y: started from Y−1's; the posters continue under a new id.
  const started = await coordinator.post('/api/indicator-catalogue/start', { year: Y });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  assert.equal(started.body.source, 'stored');
  assert.equal((await coordinator.post('/api/indicator-catalogue/start', { year: Y })).body.error.code, 'conflict');
  const cat = started.body.catalogue;
  cat.indicators = [...cat.indicators.filter((i: { id: string }) => i.id !== POSTERS_OLD.id), POSTERS];
  await ok(coordinator.put(`/api/indicator-catalogue?year=${Y}`, cat));
  await reportAndApprove(Y, { 'prevention.brochures': 120, 'prevention.brochures#azn': 750, 'prevention.posters': 10 });

  const current = (await coordinator.get(`/api/reports/${Y}/definition`)).body.definition as ReportDefinition;
  current.figures.push(...(SUBMITTED_FIGURES as ReportDefinition['figures']));
  current.sections.find((s) => s.id === 'prevention')?.blocks.push(BROCHURE_SENTENCE as ReportDefinition['sections'][number]['blocks'][number]);
  await ok(coordinator.put(`/api/reports/${Y}/definition`, current));

  const json = await coordinator.get(`/api/reports/${Y}/draft/json`);
  const fig = (id: string) => json.body.figures.find((f: { id: string }) => f.id === id);
  // The amount never adds to the count, and the count never to the amount.
  assert.deepEqual([fig('prevention.brochures.count').value, fig('prevention.brochures.count').delta], [120, 20]);
  assert.deepEqual([fig('prevention.brochures.azn').value, fig('prevention.brochures.azn').delta], [750, 250]);
  assert.equal(fig('prevention.brochures.azn').unit, 'azn');
  // Renamed: last year's value is found under the old id.
  assert.deepEqual([fig('prevention.posters').value, fig('prevention.posters').delta], [10, 3]);
  assert.equal(fig('prevention.brochures.count').sources.length, 1);
  for (const lang of ['az', 'en', 'ru'] as const) {
    const html = await coordinator.request('GET', `/api/reports/${Y}/draft/html?lang=${lang}`);
    assert.ok(String(html.body).includes(BROCHURE_TEXT[lang]), `${lang} html: ${BROCHURE_TEXT[lang]}`);
  }
  const figures = await coordinator.get(`/api/submissions/figures?year=${Y}`);
  assert.deepEqual(figures.body.items.filter((f: { id: string }) => f.id === 'prevention.brochures').map((f: { attribute?: string; value: number }) => [f.attribute ?? '', f.value]), [['', 120], ['azn', 750]]);
});

test('the same sentence in Word and PDF, in every language', { skip: noChromium }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-def-'));
  for (const lang of ['az', 'en', 'ru'] as const) {
    const docx = await fetch(`${t.url}/api/reports/${Y}/draft/docx?lang=${lang}`, { headers: { cookie: coordinator.cookie ?? '' } });
    assert.equal(docx.status, 200);
    const xml = unzipEntry(Buffer.from(await docx.arrayBuffer()), 'word/document.xml')?.toString('utf8') ?? '';
    assert.match(xml, /2 \(\+1\)/, `${lang} docx has the new figure with its change`);
    assert.ok(xml.includes(BROCHURE_TEXT[lang].replace("'", '&apos;')), `${lang} docx has the submitted figures with their changes`);
    const pdf = await fetch(`${t.url}/api/reports/${Y}/draft/pdf?lang=${lang}`, { headers: { cookie: coordinator.cookie ?? '' } });
    assert.equal(pdf.status, 200);
    const file = path.join(dir, `${lang}.pdf`);
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (text.error && !process.env.CI) continue; // pdftotext (poppler-utils) is installed by .ci/run
    assert.equal(text.status, 0, text.stderr);
    const flat = text.stdout.replace(/\s+/g, ' ');
    assert.ok(flat.includes('2 (+1)'), `${lang} pdf has the new figure with its change`);
    assert.ok(flat.includes(BROCHURE_TEXT[lang]), `${lang} pdf has the submitted figures with their changes: ${BROCHURE_TEXT[lang]}`);
    assert.match(flat, /(Page|Səhifə|Страница) 1 \/ \d+/, `${lang} pdf has page numbers`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
