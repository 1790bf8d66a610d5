// Reads a country profile from disk and refuses to start on a bad one: every
// problem is reported at once, by file and path, so it can be fixed in one go.
import { readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Profile, labelOf, type IssuePath } from './schema.js';

export { labelOf };

/** Which file holds each part of a Profile. */
export const PROFILE_FILES = {
  settings: 'profile.json',
  regions: 'regions.json',
  agencies: 'agencies.json',
  criminalArticles: 'criminal-articles.json',
  exploitationForms: 'exploitation-forms.json',
  assistanceKinds: 'assistance-kinds.json',
  paymentKinds: 'payment-kinds.json',
  hotlineTopics: 'hotline-topics.json',
  indicators: 'indicators.json',
} as const satisfies Record<keyof Profile, string>;

type Part = keyof typeof PROFILE_FILES;

/** `<repo>/profiles/<code>`, e.g. profileDir('AZ') → …/profiles/az. */
export function profileDir(code: string): string {
  // The code becomes a path segment: refuse anything that could climb out.
  if (!/^[a-z]{2}$/i.test(code)) throw new Error(`profile code must be 2 letters, got "${code}"`);
  return fileURLToPath(new URL(`../../profiles/${code.toLowerCase()}`, import.meta.url));
}

export async function loadProfile(dir: string): Promise<Profile> {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];

  await Promise.all(
    (Object.entries(PROFILE_FILES) as [Part, string][]).map(async ([part, file]) => {
      const where = display(join(dir, file));
      let text: string;
      try {
        text = await readFile(join(dir, file), 'utf8');
      } catch (e) {
        problems.push(`${where}: cannot read: ${(e as Error).message}`);
        return;
      }
      try {
        raw[part] = JSON.parse(text);
      } catch (e) {
        problems.push(`${where}: invalid JSON: ${(e as Error).message}`);
      }
    }),
  );
  if (problems.length) throw profileError(dir, problems);

  const result = Profile.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [part, ...rest] = issue.path as IssuePath;
    const file = PROFILE_FILES[part as Part];
    const where = file ? display(join(dir, file)) : display(dir);
    problems.push(`${where}: ${formatPath(rest)}: ${issue.message}`);
  }
  throw profileError(dir, problems);
}

function profileError(dir: string, problems: string[]): Error {
  problems.sort();
  return new Error(`invalid country profile ${display(dir)} (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`);
}

/** ['regions', 3, 'economicRegion'] → "regions[3].economicRegion"; [] → "(root)". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

// Paths relative to the working directory read better in logs ("profiles/az/…").
function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
