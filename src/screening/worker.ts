// The body of a screening worker thread: one batch per message, one reply per batch.
import { parentPort } from 'node:worker_threads';
import { screenLines } from './batch.ts';
import { screeningModel } from './screen.ts';

export type WorkerRequest = { id: number; jsonl: string };
export type WorkerReply = { id: number; results: ReturnType<typeof screenLines> } | { id: number; error: string };

// Load the model and compile the matchers before the first batch arrives.
screeningModel();
screenLines('{"id":"warm","text":"warm up"}');

parentPort!.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: req.id, results: screenLines(req.jsonl) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
