import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumPath } from '../report/pdf.ts';
import { agencyId, daysAgo, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

const noChromium = !fs.existsSync(chromiumPath()) && !process.env.CI ? 'Chromium not installed' : false;

let t: TestApp;
let police: Client;
let ngo: Client;
let hotline: Client;
let dir: string;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  hotline = await t.as('hotline_operator');
  ngo = await userAt(t, 'clean_world', 'case_worker', 'cw.summary');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-summary-'));
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** The summary's text as pdftotext reads it, with the response's status and headers. */
async function summaryText(c: Client, personId: string, lang = 'en') {
  const res = await fetch(`${t.url}/api/persons/${personId}/summary.pdf?lang=${lang}`, { headers: { cookie: c.cookie ?? '' } });
  if (res.status !== 200) return { status: res.status, text: '', headers: res.headers };
  const file = path.join(dir, `${personId}-${lang}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return { status: res.status, text: out.stdout.replace(/\s+/g, ' '), headers: res.headers };
}

const identityReads = async (personId: string) =>
  (await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'persons.identity_read').where('target_id', '=', personId).execute()).filter((e) => (e.details as { part?: string }).part === 'case_summary').length;

test('the printed summary holds what the reader may see: the owning agency gets the identity and notes, a referred NGO under a refused consent does not', { skip: noChromium }, async () => {
  const p = await intake(police, { identity: { givenName: 'Printa', familyName: 'Çapova', birthDate: '1991-05-06', documentNumbers: ['AZE7654321'] } });
  await refer(police, p.id, await agencyId(t, 'clean_world'));
  assert.equal((await police.post(`/api/persons/${p.id}/notes`, { body: 'Görüş otaqda keçdi' })).status, 201);
  assert.equal((await police.post(`/api/persons/${p.id}/events`, { kind: 'recruitment', country: 'TR' })).status, 201);
  assert.equal((await police.post(`/api/persons/${p.id}/consents`, { purpose: 'data_processing', given: false, recordedOn: daysAgo(0) })).status, 201);

  const own = await summaryText(police, p.id);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('content-type'), 'application/pdf');
  assert.match(own.headers.get('content-disposition') ?? '', new RegExp(`${p.caseCode}-summary\\.pdf`));
  assert.ok(own.text.includes(p.caseCode), 'the case code is printed');
  assert.ok(own.text.includes('Printa') && own.text.includes('AZE7654321'), 'the owning agency sees the identity');
  assert.ok(own.text.includes('Görüş otaqda keçdi'), 'and the notes');
  assert.ok(own.text.includes('Turkey') || own.text.includes('Türkiye'), 'the event, worded');
  const who = t.users.police_investigator.username.replace(/[.-]/g, '\\$&');
  assert.match(own.text, new RegExp(`CONFIDENTIAL · Printed by Test police_investigator \\(${who}\\) on `), 'the footer says who printed it');
  assert.match(own.text, /Page 1 \/ \d+/, 'page numbers');
  assert.equal(await identityReads(p.id), 1, 'printing the identity is an audited identity read');

  // The same record through the NGO's eyes: what GET /persons/:id and /notes give it, nothing more.
  const api = await ngo.get(`/api/persons/${p.id}`);
  assert.equal(api.status, 200);
  assert.equal(api.body.identity, null);
  const theirs = await summaryText(ngo, p.id);
  assert.equal(theirs.status, 200);
  assert.ok(theirs.text.includes(p.caseCode));
  for (const secret of ['Printa', 'Çapova', 'AZE7654321', 'Görüş otaqda']) assert.ok(!theirs.text.includes(secret), `withheld: ${secret}`);
  assert.ok(theirs.text.includes('Identifying data is withheld'), 'says so');
  assert.equal(await identityReads(p.id), 1, 'no identity left, so no identity read');

  // In the reader's language.
  const az = await summaryText(police, p.id, 'az');
  assert.ok(az.text.includes('MƏXFİ') && /Səhifə 1 \/ \d+/.test(az.text), 'Azerbaijani footer and page numbers');
  const ru = await summaryText(police, p.id, 'ru');
  assert.ok(ru.text.includes('КОНФИДЕНЦИАЛЬНО') && /Страница 1 \/ \d+/.test(ru.text));
});

test('a user who cannot see the person gets 404, and an invalid language is refused', async () => {
  const p = await intake(police);
  const res = await fetch(`${t.url}/api/persons/${p.id}/summary.pdf`, { headers: { cookie: hotline.cookie ?? '' } });
  assert.equal(res.status, 404, 'the hotline operator sees only their own records');
  assert.equal((await ngo.get(`/api/persons/${p.id}/summary.pdf`)).status, 404);
  assert.equal((await police.get(`/api/persons/${p.id}/summary.pdf?lang=fr`)).status, 400);
  assert.equal((await t.anonymous().get(`/api/persons/${p.id}/summary.pdf`)).status, 401);
});
