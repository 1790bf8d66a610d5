import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { agencyId, intake, refer, userAt } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';

let t: TestApp;
let police: Client;
let colleague: Client;
let ngo: Client;
let ngoOther: Client;
let analyst: Client;
let ngoId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-attachments-'));
const MAX = 4096;

before(async () => {
  t = await startTestApp({ config: { attachments: { dir, maxBytes: MAX } } });
  police = await t.as('police_investigator');
  const policeAgency = await t.db.kysely.selectFrom('agencies').select('code').where('id', '=', t.users.police_investigator.agencyId).executeTakeFirstOrThrow();
  colleague = await userAt(t, policeAgency.code, 'police_investigator', 'police.colleague');
  ngo = await userAt(t, 'clean_world', 'case_worker', 'cw.ngo.one');
  ngoOther = await userAt(t, 'tamas', 'case_worker', 'cw.ngo.two');
  analyst = await t.as('analyst');
  ngoId = await agencyId(t, 'clean_world');
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

test('notes: encrypted at rest, edited only by their author, with every earlier text kept', async () => {
  const p = await intake(police);
  const add = await police.post(`/api/persons/${p.id}/notes`, { body: 'Met at the shelter; she asked for a lawyer.' });
  assert.equal(add.status, 201, JSON.stringify(add.body));
  const row = await t.db.kysely.selectFrom('case_notes').selectAll().where('id', '=', add.body.id).executeTakeFirstOrThrow();
  assert.ok(!Buffer.from(row.body_enc).toString('latin1').includes('lawyer'), 'the note is not stored in clear');

  const edit = await police.put(`/api/persons/${p.id}/notes/${add.body.id}`, { body: 'Met at the shelter; she asked for a lawyer from the Bar.' });
  assert.equal(edit.status, 204, JSON.stringify(edit.body));
  // A colleague who may read the case may not rewrite another's note.
  const other = await colleague.put(`/api/persons/${p.id}/notes/${add.body.id}`, { body: 'changed' });
  assert.equal(other.status, 403);
  assert.equal((await colleague.get(`/api/persons/${p.id}/notes`)).body.items[0].body, 'Met at the shelter; she asked for a lawyer from the Bar.');

  const history = await police.get(`/api/persons/${p.id}/notes/${add.body.id}/history`);
  assert.deepEqual(
    history.body.items.map((v: { version: number; body: string }) => [v.version, v.body]),
    [
      [2, 'Met at the shelter; she asked for a lawyer from the Bar.'],
      [1, 'Met at the shelter; she asked for a lawyer.'],
    ],
  );
  const list = await police.get(`/api/persons/${p.id}/notes`);
  assert.equal(list.body.items[0].version, 2);
  const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', p.id).where('action', 'in', ['notes.add', 'notes.edit']).orderBy('seq').execute();
  assert.deepEqual(actions.map((a) => a.action), ['notes.add', 'notes.edit']);
  // Empty and unknown fields are refused by name.
  const bad = await police.post(`/api/persons/${p.id}/notes`, { body: '  ', extra: 1 });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.some((f: { path: string }) => f.path === 'body'));
});

test('notes and files are out of reach for other agencies and for analysts: 404 or 403, never the content', async () => {
  const p = await intake(police);
  await police.post(`/api/persons/${p.id}/notes`, { body: 'private' });
  assert.equal((await ngoOther.get(`/api/persons/${p.id}/notes`)).status, 404);
  assert.equal((await ngoOther.post(`/api/persons/${p.id}/notes`, { body: 'x' })).status, 404);
  assert.equal((await analyst.get(`/api/persons/${p.id}/notes`)).status, 403);
  assert.equal((await ngoOther.get(`/api/persons/${p.id}/attachments`)).status, 404);
});

test('attachments: type checked by content, size limited, encrypted on disk, downloads audited, a failed write leaves no file', async () => {
  const p = await intake(police);
  const up = await police.post(`/api/persons/${p.id}/attachments`, { filename: 'consent form.pdf', mediaType: 'application/pdf', description: 'Signed consent', contentBase64: PDF.toString('base64') });
  assert.equal(up.status, 201, JSON.stringify(up.body));
  const onDisk = fs.readFileSync(path.join(dir, `${up.body.id}.bin`));
  assert.ok(!onDisk.includes(Buffer.from('%PDF')), 'the file is encrypted on disk');

  const list = await police.get(`/api/persons/${p.id}/attachments`);
  assert.equal(list.body.items[0].filename, 'consent form.pdf');
  assert.equal(list.body.items[0].sizeBytes, PDF.length);
  assert.equal(list.body.maxBytes, MAX);

  const down = await police.request('GET', `/api/persons/${p.id}/attachments/${up.body.id}/content`);
  assert.equal(down.status, 200);
  assert.equal(down.headers.get('content-type'), 'application/pdf');
  assert.match(down.headers.get('content-security-policy') ?? '', /sandbox/);
  const audited = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'attachments.download').where('target_id', '=', p.id).execute();
  assert.equal(audited.length, 1);

  // A PNG declared as PDF, a file over the limit, a file name with a folder: each refused by its field.
  const lie = await police.post(`/api/persons/${p.id}/attachments`, { filename: 'x.pdf', mediaType: 'application/pdf', contentBase64: PNG.toString('base64') });
  assert.equal(lie.status, 400);
  assert.equal(lie.body.error.fields[0].path, 'contentBase64');
  const big = await police.post(`/api/persons/${p.id}/attachments`, { filename: 'big.pdf', mediaType: 'application/pdf', contentBase64: Buffer.concat([PDF, Buffer.alloc(MAX)]).toString('base64') });
  assert.equal(big.status, 413);
  const folder = await police.post(`/api/persons/${p.id}/attachments`, { filename: '../etc/passwd', mediaType: 'image/png', contentBase64: PNG.toString('base64') });
  assert.equal(folder.status, 400);
  assert.equal(folder.body.error.fields[0].path, 'filename');
  const exe = await police.post(`/api/persons/${p.id}/attachments`, { filename: 'a.exe', mediaType: 'application/x-msdownload', contentBase64: PNG.toString('base64') });
  assert.equal(exe.status, 400);
  assert.equal(exe.body.error.fields[0].path, 'mediaType');
  // Only the one good file is on disk and in the table.
  assert.deepEqual(fs.readdirSync(dir).filter((f) => !f.endsWith('.tmp')), [`${up.body.id}.bin`]);
  assert.equal((await t.db.kysely.selectFrom('attachments').select('id').where('person_id', '=', p.id).execute()).length, 1);
});

test('assignment: to staff of the owning agency only, every change kept, the assignee notified and finds the case on the home page', async () => {
  const p = await intake(police);
  const who = await police.get(`/api/persons/${p.id}/assignment`);
  assert.equal(who.status, 200);
  assert.equal(who.body.current, null);
  const colleagueId = (await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'police.colleague').executeTakeFirstOrThrow()).id;
  assert.ok(who.body.candidates.some((c: { id: string }) => c.id === colleagueId));
  const ngoUser = (await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'cw.ngo.one').executeTakeFirstOrThrow()).id;
  assert.ok(!who.body.candidates.some((c: { id: string }) => c.id === ngoUser), 'staff of another agency is not offered');

  const wrong = await police.put(`/api/persons/${p.id}/assignment`, { userId: ngoUser });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.error.fields[0].path, 'userId');

  const before = (await colleague.get('/api/notifications')).body.unread;
  assert.equal((await police.put(`/api/persons/${p.id}/assignment`, { userId: colleagueId, reason: 'speaks Russian' })).status, 204);
  const mine = await colleague.get('/api/persons?assigned=me');
  assert.deepEqual(mine.body.items.map((x: { id: string }) => x.id), [p.id]);
  const queues = await colleague.get('/api/home/queues');
  assert.equal(queues.body.items.find((q: { id: string }) => q.id === 'assigned').count, 1);
  const notes = await colleague.get('/api/notifications');
  assert.equal(notes.body.unread, before + 1);
  assert.equal(notes.body.items[0].kind, 'case_assigned');
  assert.equal(notes.body.items[0].caseCode, p.caseCode);

  assert.equal((await police.put(`/api/persons/${p.id}/assignment`, { userId: t.users.police_investigator.id })).status, 204);
  const after = await police.get(`/api/persons/${p.id}/assignment`);
  assert.equal(after.body.current.id, t.users.police_investigator.id);
  assert.deepEqual(after.body.history.map((h: { user: { id: string } | null }) => h.user?.id), [t.users.police_investigator.id, colleagueId]);
  assert.equal(after.body.history[1].reason, 'speaks Russian');
  assert.equal((await colleague.get('/api/persons?assigned=me')).body.items.length, 0);
});

test('a referral notifies the receiving agency; notifications are marked read by their owner only', async () => {
  const p = await intake(police);
  const before = (await ngo.get('/api/notifications')).body.unread;
  await refer(police, p.id, ngoId);
  const list = await ngo.get('/api/notifications?unread=true');
  assert.equal(list.body.unread, before + 1);
  const item = list.body.items.find((n: { personId: string }) => n.personId === p.id);
  assert.equal(item.kind, 'referral_received');
  // Another user's attempt to mark it read changes nothing.
  assert.equal((await ngoOther.post('/api/notifications/read', { ids: [item.id] })).body.marked, 0);
  assert.equal((await ngo.post('/api/notifications/read', { ids: [item.id] })).body.marked, 1);
  assert.equal((await ngo.get('/api/notifications')).body.unread, before);
  assert.equal((await ngo.post('/api/notifications/read', { all: true })).status, 200);
  const bad = await ngo.post('/api/notifications/read', { ids: [] });
  assert.equal(bad.status, 400);
});

test('the person list sorts by opening date, case code or identification, both ways, and pages without overlap', async () => {
  const ids = [];
  for (const [i, d] of ['2026-01-05', '2025-11-20', '2026-03-01'].entries()) ids[i] = (await intake(police, { contactDate: d })).id;
  const byOpened = await police.get('/api/persons?sort=opened&order=asc&limit=200');
  const opened = byOpened.body.items.map((x: { openedOn: string }) => x.openedOn);
  assert.deepEqual(opened, [...opened].sort());
  const desc = await police.get('/api/persons?sort=caseCode&order=desc&limit=200');
  const codes = desc.body.items.map((x: { caseCode: string }) => x.caseCode);
  assert.deepEqual(codes, [...codes].sort().reverse());
  const first = await police.get('/api/persons?sort=opened&limit=2&offset=0');
  const second = await police.get('/api/persons?sort=opened&limit=2&offset=2');
  const seen = [...first.body.items, ...second.body.items].map((x: { id: string }) => x.id);
  assert.equal(new Set(seen).size, seen.length);
  const bad = await police.get('/api/persons?sort=name');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields[0].path, 'query.sort');
});
