// One JSON Lines line in, one result or error line out: shared by `azad screen` and the batch API.
import { z } from 'zod';
import { screenText } from './screen.ts';
import { ScreenInput, type ScreenResult } from './schema.ts';

export interface LineError {
  line: number;
  id?: string;
  error: string;
}

/** Screen one line of JSON Lines; never throws for bad input, returns an error line instead. */
export function screenLine(raw: string, line: number): ScreenResult | LineError {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { line, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = ScreenInput.safeParse(json);
  if (!parsed.success) {
    const id = json && typeof json === 'object' && 'id' in json ? String((json as { id: unknown }).id) : undefined;
    return { line, ...(id !== undefined ? { id } : {}), error: z.prettifyError(parsed.error).replace(/\s*\n\s*/g, ' ') };
  }
  if (parsed.data.text.trim() === '') return { line, id: parsed.data.id, error: 'empty text' };
  return screenText(parsed.data);
}

export const isLineError = (r: ScreenResult | LineError): r is LineError => 'error' in r;

/** Screen a whole JSON Lines batch synchronously (in a worker thread for the API: see pool.ts). */
export function screenLines(jsonl: string): (ScreenResult | LineError)[] {
  const out: (ScreenResult | LineError)[] = [];
  let pos = 0;
  let line = 0;
  while (pos <= jsonl.length) {
    let nl = jsonl.indexOf('\n', pos);
    if (nl < 0) nl = jsonl.length;
    const raw = jsonl.slice(pos, nl);
    line++;
    pos = nl + 1;
    if (raw.trim() !== '') out.push(screenLine(raw, line));
  }
  return out;
}
