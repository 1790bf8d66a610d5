import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { generate } from '../generate/generate.ts';
import { loadProfile, profileDir } from '../profile/load.ts';
import { freshDatabase, testServerUrl } from '../test/harness.ts';

// The import runs as a real process against a real database (PGlite in a directory, or a fresh
// PostgreSQL database), and is killed with SIGKILL halfway: no cleanup code gets to run.
const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
let dir: string;
let file: string;
const servers: (Db & { url?: string })[] = [];

async function target(name: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, AZAD_DATA_DIR: path.join(dir, name), AZAD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (testServerUrl()) {
    const db = await freshDatabase();
    servers.push(db);
    env.DATABASE_URL = db.url;
  }
  return env;
}
const azad = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Starts an import and kills it once its progress passes `percent`; resolves with the progress seen. */
function importAndKill(env: NodeJS.ProcessEnv, args: string[], percent: number): Promise<{ seen: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'import', file, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/(\d+)% \|/g)) seen = Math.max(seen, Number(m[1]));
      if (seen >= percent && seen < 100 && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ seen, signal }));
  });
}

function exportOf(env: NodeJS.ProcessEnv, name: string) {
  const out = path.join(dir, `${name}.jsonl`);
  const r = azad(env, 'export', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(out, 'utf8');
}

let reference: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-crash-'));
  file = path.join(dir, 'national.jsonl');
  const profile = await loadProfile(profileDir('az'));
  const lines = [JSON.stringify({ type: 'header', format: 'azad-interchange', version: 1 })];
  for (const r of generate(profile, { scale: 1, fromYear: 2022, toYear: 2024, seed: 3, asOf: '2026-06-30' })) lines.push(JSON.stringify(r));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);

  // What an uninterrupted import leaves behind.
  const env = await target('reference');
  const r = azad(env, 'import', file);
  assert.equal(r.status, 0, r.stderr);
  reference = exportOf(env, 'reference');
  assert.equal(reference.split('\n').length, lines.length + 1);
});
after(async () => {
  for (const s of servers) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an import killed halfway stores nothing, and running it again gives exactly the uninterrupted result', async () => {
  const env = await target('killed');
  const killed = await importAndKill(env, [], 40);
  assert.equal(killed.signal, 'SIGKILL', `the import finished before it could be killed (progress ${killed.seen}%)`);

  const persons = azad(env, 'export', '--types', 'person,hotline_contact');
  assert.equal(persons.status, 0, persons.stderr);
  assert.equal(persons.stdout.trim().split('\n').length, 1, 'only the header: the killed transaction left nothing');

  const again = azad(env, 'import', file);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(exportOf(env, 'killed'), reference);
  const verify = azad(env, 'audit', 'verify');
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
});

test('a --partial import killed halfway keeps its committed batches, and the re-run completes it with no duplicates', async () => {
  const env = await target('partial');
  const killed = await importAndKill(env, ['--partial'], 50);
  assert.equal(killed.signal, 'SIGKILL', `the import finished before it could be killed (progress ${killed.seen}%)`);
  const some = azad(env, 'export', '--types', 'hotline_contact');
  const kept = some.stdout.trim().split('\n').length - 1;
  assert.ok(kept > 0, 'batches committed before the kill survive');

  const again = azad(env, 'import', file, '--partial');
  assert.equal(again.status, 0, again.stderr);
  assert.equal(exportOf(env, 'partial'), reference);
});

test('azad import refuses a file with a bad line, names it, and stores nothing', async () => {
  const env = await target('bad');
  const bad = path.join(dir, 'bad.jsonl');
  const good = fs.readFileSync(file, 'utf8').split('\n').slice(0, 50);
  good[20] = (good[20] as string).replace(/"id":"[^"]+"/, '"id":"has a space"');
  fs.writeFileSync(bad, good.join('\n'));
  const r = azad(env, 'import', bad);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 21 \([a-z_]+ has a space\): id: no spaces/);
  assert.match(r.stderr, /nothing was imported/);
  assert.equal(azad(env, 'export').stdout.trim().split('\n').length, 1);

  const partial = azad(env, 'import', bad, '--partial');
  assert.equal(partial.status, 2);
  const rejects = fs.readFileSync(`${bad}.rejected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; text: string });
  assert.deepEqual(rejects.map((x) => x.line), [21]);
  assert.equal(rejects[0]?.text, good[20]);
});

test('azad generate: the same file to stdout and --out, straight into the database with --into-db, and clear errors for bad options', async () => {
  const env = await target('generated');
  const args = ['generate', '--scale', '0.05', '--years', '2023-2024', '--seed', '9', '--as-of', '2026-06-30'];
  const out = path.join(dir, 'generated.jsonl');
  const toFile = azad(env, ...args, '--out', out);
  assert.equal(toFile.status, 0, toFile.stderr);
  const toStdout = azad(env, ...args);
  assert.equal(toStdout.stdout, fs.readFileSync(out, 'utf8'));
  const lines = toStdout.stdout.trim().split('\n');
  assert.match(lines[0] as string, /"type":"header".*"source":"azad generate --scale 0.05 --years 2023-2024 --seed 9"/);

  const into = azad(env, ...args, '--into-db');
  assert.equal(into.status, 0, into.stderr);
  // What went in is what the file holds: the export has every generated record.
  const exported = azad(env, 'export').stdout.trim().split('\n');
  assert.equal(exported.length, lines.length);

  for (const [bad, message] of [
    [['--scale', '0'], /--scale: a number above 0, at most 1000/],
    [['--years', '2025-2005'], /--years: from 1990 to 2100, earliest first/],
    [['--seed', 'x'], /--seed: a whole number/],
    [['--out', out, '--into-db'], /choose one/],
  ] as const) {
    const r = azad(env, 'generate', ...bad);
    assert.equal(r.status, 1, bad.join(' '));
    assert.match(r.stderr, message);
  }
});
