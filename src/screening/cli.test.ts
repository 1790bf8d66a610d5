import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const bin = path.resolve(import.meta.dirname, '../../bin/azad.js');

test('azad screen: bad lines get per-line errors, a 10 MB text is truncated, the rest is screened', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-screen-'));
  const file = path.join(dir, 'in.jsonl');
  const ad = 'Təcili! Dubayda ofisiant işi, təcrübə tələb olunmur, yüksək maaş. Bilet bizdən. Yalnız WhatsApp: +994 50 000 00 00';
  const lines = [
    JSON.stringify({ id: 'ad', text: ad, channel: 'job_ad' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'empty', text: '  ' }),
    JSON.stringify({ id: 'big', text: 'salam '.repeat(10 * 1024 * 1024 / 6) }),
    JSON.stringify({ text: 'no id' }),
    JSON.stringify({ id: 7, text: 'Salam, axşam kafe?', lang: 'az' }),
  ];
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const r = spawnSync(process.execPath, [bin, 'screen', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true });
  assert.equal(r.status, 2, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 6);
  assert.deepEqual([out[0].id, out[0].flagged, out[0].lang], ['ad', true, 'az']);
  const ev = out[0].indicators.flatMap((i: { evidence: { start: number; end: number; text: string }[] }) => i.evidence);
  for (const e of ev) assert.equal(ad.slice(e.start, e.end), e.text);
  assert.equal(out[1].line, 2);
  assert.match(out[1].error, /invalid JSON/);
  assert.deepEqual(out[2], { line: 3, id: 'empty', error: 'empty text' });
  assert.equal(out[3].id, 'big');
  assert.equal(out[3].flagged, false);
  assert.match(out[3].warnings[0], /^text truncated to 100000 of 10485\d+ characters$/);
  assert.equal(out[4].line, 5);
  assert.match(out[4].error, /id/);
  assert.deepEqual([out[5].id, out[5].flagged, out[5].indicators], ['7', false, []]);
});

test('azad screen reads standard input when no file is given', () => {
  const r = spawnSync(process.execPath, [bin, 'screen'], { input: '{"id":"x","text":"They took my passport and I cannot leave"}\n', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const o = JSON.parse(r.stdout);
  assert.deepEqual(o.indicators.map((i: { code: string }) => i.code), ['document_retention', 'restricted_movement']);
});
