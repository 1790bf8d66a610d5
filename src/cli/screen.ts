// `azad screen [FILE]`: JSON Lines in, one JSON line out per input line. Reads line by line, so a
// large file is screened in bounded memory; a bad line yields an error line and the rest go on.
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import { screenText } from '../screening/screen.ts';
import { ScreenInput } from '../screening/schema.ts';

/** Longest accepted input line; longer lines are still read, but their text is truncated by screenText. */
export async function screenCommand(file: string | undefined, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const input = file && file !== '-' ? fs.createReadStream(file, { encoding: 'utf8' }) : process.stdin;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let errors = 0;
  const write = (o: unknown) => new Promise<void>((resolve) => (out.write(`${JSON.stringify(o)}\n`) ? resolve() : out.once('drain', resolve)));
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      errors++;
      await write({ line: n, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const parsed = ScreenInput.safeParse(json);
    if (!parsed.success) {
      errors++;
      await write({ line: n, ...(idOf(json) !== undefined ? { id: idOf(json) } : {}), error: z.prettifyError(parsed.error).replace(/\n/g, ' ') });
      continue;
    }
    if (parsed.data.text.trim() === '') {
      errors++;
      await write({ line: n, id: parsed.data.id, error: 'empty text' });
      continue;
    }
    await write(screenText(parsed.data));
  }
  return errors > 0 ? 2 : 0;
}

const idOf = (j: unknown) => (j && typeof j === 'object' && 'id' in j ? (j as { id: unknown }).id : undefined);
