// A small pool of worker threads for batch screening: screening is synchronous CPU work, so a
// large batch on the main thread would hold up every other request.
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import type { LineError } from './batch.ts';
import type { ScreenResult } from './schema.ts';
import type { WorkerReply } from './worker.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

type Results = (ScreenResult | LineError)[];
interface Job {
  id: number;
  jsonl: string;
  resolve: (r: Results) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  job?: Job;
}

export class ScreeningPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error('screening pool size must be a positive integer');
  }

  /** Screen a JSON Lines batch in a worker; rejects with an AppError if the worker fails. */
  run(jsonl: string): Promise<Results> {
    if (this.closed) return Promise.reject(new AppError('service_unavailable', 'Screening is shutting down'));
    // Workers start on first use: a server that never screens a batch never pays for them.
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, jsonl, resolve, reject });
      this.dispatch();
    });
  }

  /** The live worker threads (tests end one to check that it is replaced). */
  workers(): Worker[] {
    return this.slots.map((s) => s.worker);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new AppError('service_unavailable', 'Screening is shutting down'));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      slot.job = this.queue.shift()!;
      slot.worker.ref();
      slot.worker.postMessage({ id: slot.job.id, jsonl: slot.job.jsonl });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT);
    // An idle worker does not keep the process alive (CLI runs, test files); a busy one does.
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      worker.unref();
      if ('error' in reply) job.reject(new AppError('internal_error', 'Screening the batch failed'));
      else job.resolve(reply.results);
      this.dispatch();
    });
    // A crashed worker fails only its own batch and is replaced; the queue goes on.
    const lost = () => {
      const job = slot.job;
      slot.job = undefined;
      job?.reject(new AppError('internal_error', 'The screening worker stopped; the batch was not screened'));
      const at = this.slots.indexOf(slot);
      if (at < 0 || this.closed) return;
      this.slots[at] = this.spawn();
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', () => {
      if (this.slots.includes(slot)) lost();
    });
    return slot;
  }
}
