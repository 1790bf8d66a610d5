import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../config.ts';
import { loadKey } from './key-file.ts';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-keyfile-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const configIn = (name: string) => loadConfig({ AZAD_DATA_DIR: path.join(dir, name, 'data'), XDG_CONFIG_HOME: path.join(dir, name, 'config') });
const quietly = <T>(fn: () => T): T => {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return fn();
  } finally {
    process.stderr.write = write;
  }
};

test('a fresh installation keeps its key outside the data folder, owner-only', () => {
  const config = configIn('fresh');
  assert.equal(config.keyFile, path.join(dir, 'fresh', 'config', 'azad', 'azad.key'));
  assert.ok(!config.keyFile.startsWith(config.dataDir));
  const key = loadKey(config);
  assert.equal(fs.statSync(config.keyFile).mode & 0o777, 0o600);
  assert.ok(key.id.equals(loadKey(config).id), 'the same key on the next start');
  assert.equal(fs.existsSync(path.join(config.dataDir, 'azad.key')), false);
});

test('a key left in the data folder by an older version is moved out with its retired keys, never lost', () => {
  const config = configIn('old');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const old = randomBytes(32).toString('base64');
  const retired = randomBytes(32).toString('base64');
  fs.writeFileSync(path.join(config.dataDir, 'azad.key'), `${old}\n`, { mode: 0o600 });
  fs.writeFileSync(path.join(config.dataDir, 'azad.key.retired-2026'), `${retired}\n`, { mode: 0o600 });
  const key = quietly(() => loadKey(config));
  assert.equal(key.key.toString('base64'), old);
  assert.equal(key.previous?.[0]?.key.toString('base64'), retired);
  assert.deepEqual(fs.readdirSync(config.dataDir), []);
  assert.equal(fs.readFileSync(`${config.keyFile}.retired-2026`, 'utf8').trim(), retired);
});

test('two different keys, old place and new, are refused with both paths named; nothing moves', () => {
  const config = configIn('clash');
  loadKey(config);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const legacy = path.join(config.dataDir, 'azad.key');
  fs.writeFileSync(legacy, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  assert.throws(() => loadKey(config), (err: Error) => err.message.includes(legacy) && err.message.includes(config.keyFile) && err.message.includes('AZAD_KEY_FILE'));
  assert.ok(fs.existsSync(legacy));
});
