import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

test('report-definition export to a pipe closed early exits quietly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-export-'));
  const bin = new URL('../../bin/azad.js', import.meta.url).pathname;
  const env = { ...process.env, AZAD_DATA_DIR: path.join(dir, 'data'), AZAD_LOG_LEVEL: 'silent', DATABASE_URL: '' };
  // `head -c 0` reads nothing and exits, so the export writes into a closed pipe.
  const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" report-definition export --year 2025 | head -c 0`], { env, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.doesNotMatch(piped.stderr, /EPIPE|Error/, piped.stderr);
  assert.equal(piped.status, 0, piped.stderr);
});
