// One Chromium per process prints every PDF: launching one costs about a second and 100 MB, so
// the browser is kept, at most `pages` pages print at once, and the rest wait in a queue.
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../errors.ts';

export interface PoolOptions {
  /** Pages printing at once. */
  pages: number;
  /** How long a request waits for a free page before it gets a 503. */
  queueTimeoutMs: number;
  /** An idle browser is closed after this long, so a quiet server does not hold Chromium's memory. */
  idleMs: number;
  launch: () => Promise<Browser>;
}

export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private busy = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];
  private idle: NodeJS.Timeout | null = null;
  /** How many browsers were launched (a crashed one is replaced on the next print). */
  launches = 0;
  opts: PoolOptions;

  constructor(opts: PoolOptions) {
    this.opts = opts;
  }

  /** Runs `fn` on a fresh page of the shared browser, in a context of its own that is closed after. */
  async withPage<T>(fn: (page: Page) => Promise<T>, contextOptions: { javaScriptEnabled?: boolean } = {}): Promise<T> {
    await this.acquire();
    try {
      const context = await (await this.current()).newContext(contextOptions);
      try {
        return await fn(await context.newPage());
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  /** The live browser, launched when there is none (first use, after a crash, after idling). */
  current(): Promise<Browser> {
    if (!this.browser) {
      this.launches++;
      const p = this.opts.launch().then((b) => {
        b.on('disconnected', () => {
          if (this.browser === p) this.browser = null;
        });
        return b;
      });
      p.catch(() => {
        if (this.browser === p) this.browser = null;
      });
      this.browser = p;
    }
    return this.browser;
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }

  private acquire(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    if (this.busy < this.opts.pages) {
      this.busy++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new AppError('service_unavailable', 'Every PDF printer page is busy; try again in a moment', [], { retryAfterSeconds: Math.ceil(this.opts.queueTimeoutMs / 1000) }));
        }, this.opts.queueTimeoutMs),
      };
      this.waiting.push(entry);
    });
  }

  private release() {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the next in line.
      clearTimeout(next.timer);
      next.grant();
      return;
    }
    this.busy--;
    if (this.busy === 0) {
      this.idle = setTimeout(() => void this.close(), this.opts.idleMs);
      this.idle.unref();
    }
  }
}
