// Makes sure web/dist holds a build of the current web sources before a test starts the app
// (the server only serves web/dist if it exists when the app is built). The staleness rule
// lives in scripts/build-web.mjs, which `npm start` and `npm test` run too.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function ensureWebBuilt(): void {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
}
