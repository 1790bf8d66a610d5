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

test('the same sentence in Word and PDF, in every language', { skip: noChromium }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-def-'));
  for (const lang of ['az', 'en', 'ru'] as const) {
    const docx = await fetch(`${t.url}/api/reports/${Y}/draft/docx?lang=${lang}`, { headers: { cookie: coordinator.cookie ?? '' } });
    assert.equal(docx.status, 200);
    const xml = unzipEntry(Buffer.from(await docx.arrayBuffer()), 'word/document.xml')?.toString('utf8') ?? '';
    assert.match(xml, /2 \(\+1\)/, `${lang} docx has the new figure with its change`);
    const pdf = await fetch(`${t.url}/api/reports/${Y}/draft/pdf?lang=${lang}`, { headers: { cookie: coordinator.cookie ?? '' } });
    assert.equal(pdf.status, 200);
    const file = path.join(dir, `${lang}.pdf`);
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (text.error && !process.env.CI) continue; // pdftotext (poppler-utils) is installed by .ci/run
    assert.equal(text.status, 0, text.stderr);
    const flat = text.stdout.replace(/\s+/g, ' ');
    assert.ok(flat.includes('2 (+1)'), `${lang} pdf has the new figure with its change`);
    assert.match(flat, /(Page|Səhifə|Страница) 1 \/ \d+/, `${lang} pdf has page numbers`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
