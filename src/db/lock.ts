import fs from 'node:fs';
import path from 'node:path';

/** The file that says which process holds a PGlite data folder. */
export const LOCK_FILE = 'azad.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (Linux), so a pid reused after a restart (pid 1 in a container) is not taken for the holder. */
function startOf(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const commandLine = () => ['azad', ...process.argv.slice(2)].join(' ');

/**
 * Claims a PGlite data folder for this process. PGlite is one process's database: a second one
 * opening the same folder would abort or corrupt it, so it is refused by name instead. A lock
 * left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, start: startOf(process.pid), command: commandLine() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: { pid?: number; start?: string | null; command?: string } = {};
    try {
      holder = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof holder;
    } catch {
      /* unreadable: treated as stale */
    }
    const held = typeof holder.pid === 'number' && alive(holder.pid) && (!holder.start || holder.start === startOf(holder.pid));
    if (held) {
      throw new Error(
        `The data folder ${dir} is in use by another Azad process (pid ${holder.pid}: ${holder.command ?? 'unknown'}). ` +
          'An embedded (PGlite) database serves one process at a time: stop that process first, do this through its API, or use PostgreSQL (DATABASE_URL).',
      );
    }
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}
