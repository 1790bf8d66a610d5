// Runs every colocated *.test.ts through node's own test runner (tsx for TypeScript).
// Usage: node scripts/test.mjs [path-filter...]   e.g. `npm test -- src/audit`
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const roots = ['src', 'e2e'];
const filters = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith('.test.ts')) files.push(p);
  }
};
roots.forEach(walk);
const selected = files.sort().filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// Tests that start the CLI must never read or write the real installation key under ~/.config.
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'azad-test-config-'));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected], { stdio: 'inherit', env: { ...process.env, XDG_CONFIG_HOME: configHome } });
fs.rmSync(configHome, { recursive: true, force: true });
process.exit(result.status ?? 1);
