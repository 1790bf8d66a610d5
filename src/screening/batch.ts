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

/** Longest stretch (ms) a batch keeps the event loop before it lets other requests in. */
const SLICE_MS = 4;

/**
 * Screen a JSON Lines batch in slices that yield to the event loop (setImmediate) every few
 * milliseconds, so one large batch does not stall other requests (`/api/health` and the rest):
 * screening is synchronous CPU work, and a worker would have to copy the texts anyway.
 */
export async function screenBatch(jsonl: string): Promise<(ScreenResult | LineError)[]> {
  const out: (ScreenResult | LineError)[] = [];
  let pos = 0;
  let line = 0;
  while (pos <= jsonl.length) {
    const sliceEnd = performance.now() + SLICE_MS;
    while (pos <= jsonl.length && performance.now() < sliceEnd) {
      let nl = jsonl.indexOf('\n', pos);
      if (nl < 0) nl = jsonl.length;
      const raw = jsonl.slice(pos, nl);
      line++;
      pos = nl + 1;
      if (raw.trim() !== '') out.push(screenLine(raw, line));
    }
    if (pos <= jsonl.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
