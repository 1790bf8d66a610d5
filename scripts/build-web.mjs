// Builds the web app with Vite when web/dist is missing or older than any source it is built from,
// so `npm start` and `npm test` on a fresh clone need no separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');
// The web app imports the server's zod schemas (every src/**/schema.ts) and the access rules.
const schemaFiles = (dir) =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? schemaFiles(rel) : e.name === 'schema.ts' ? [rel] : [];
  });
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/access', ...schemaFiles('src')];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((e) => newest(path.join(p, e))));
}

const stale = !fs.existsSync(built) || Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web interface…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
