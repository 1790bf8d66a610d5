// The body of a screening worker thread: one batch per message, one reply per batch.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { screenLines } from './batch.ts';
import { screeningModel } from './screen.ts';

export type WorkerRequest = { id: number; jsonl: string };
export type WorkerReply = { id: number; results: ReturnType<typeof screenLines> } | { id: number; error: string };

// On Linux a nice value is per thread and pid 0 means this thread: a batch yields the core to the
// server's main thread (health checks, other requests) when the machine is busy. Best effort.
try {
  os.setPriority(0, 10);
} catch {
  // not permitted or not supported: the batch runs at normal priority
}

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
