// `azad screen [FILE]`: JSON Lines in, one JSON line out per input line. Reads line by line, so a
// large file is screened in bounded memory; a bad line yields an error line and the rest go on.
import fs from 'node:fs';
import readline from 'node:readline';
import { isLineError, screenLine } from '../screening/batch.ts';

/** Returns the exit code: 0 when every line was screened, 2 when some line was rejected. */
export async function screenCommand(file: string | undefined, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const input = file && file !== '-' ? fs.createReadStream(file, { encoding: 'utf8' }) : process.stdin;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let errors = 0;
  const write = (o: unknown) => new Promise<void>((resolve) => (out.write(`${JSON.stringify(o)}\n`) ? resolve() : out.once('drain', resolve)));
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    const r = screenLine(raw, n);
    if (isLineError(r)) errors++;
    await write(r);
  }
  return errors > 0 ? 2 : 0;
}
