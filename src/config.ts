import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { DbTimeouts } from './db/database.ts';
import type { LimitName, RateLimit } from './limits/limits.ts';

/** "N/S": at most N requests per user in each window of S seconds; "off" lifts the limit. */
const Rate = z
  .string()
  .regex(/^(off|\d+\/\d+)$/, 'N/S (N requests per S seconds) or off')
  .transform((v): RateLimit | null => {
    if (v === 'off') return null;
    const [max, seconds] = v.split('/').map(Number) as [number, number];
    return { max, seconds: Math.max(1, seconds) };
  });

/** Every setting comes from the environment; this schema is the one place that reads it. */
const Env = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  AZAD_DATA_DIR: z.string().default('./data'),
  AZAD_HOST: z.string().default('127.0.0.1'),
  AZAD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  AZAD_PROFILE: z.string().regex(/^[a-z]{2}$/).default('az'),
  AZAD_ADMIN_PASSWORD: z.string().optional(),
  AZAD_KEY: z.string().optional(),
  AZAD_KEY_FILE: z.string().optional(),
  AZAD_RETIRED_KEYS: z.string().optional(),
  XDG_CONFIG_HOME: z.string().optional(),
  HOME: z.string().optional(),
  AZAD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AZAD_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  AZAD_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  AZAD_BODY_LIMIT: z.coerce.number().int().positive().default(1024 * 1024),
  AZAD_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  AZAD_SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  AZAD_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(300_000),
  AZAD_DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  AZAD_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  AZAD_LIMIT_PDF: Rate.prefault('10/300'),
  AZAD_LIMIT_RENDER: Rate.prefault('120/60'),
  AZAD_LIMIT_SCREENING: Rate.prefault('30/60'),
  AZAD_LIMIT_EXPORT: Rate.prefault('30/60'),
  AZAD_LIMIT_PUBLIC: Rate.prefault('120/60'),
  AZAD_PDF_PAGES: z.coerce.number().int().min(1).max(16).default(2),
  AZAD_PDF_QUEUE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  AZAD_SCREENING_WORKERS: z.coerce.number().int().min(1).max(32).default(1),
  AZAD_ATTACHMENTS_DIR: z.string().optional(),
  AZAD_RETENTION_JOB: z.enum(['on', 'off']).default('on'),
  AZAD_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
});

export interface Config {
  databaseUrl: string | undefined;
  /** A read-only copy of the primary (a streaming replica) that report, return and public-statistics reads use; PostgreSQL only. */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  profile: string;
  adminPassword: string | undefined;
  key: string | undefined;
  keyFile: string;
  /** Where versions before issue 16 kept the key (inside the data folder); moved out on first use. Null when AZAD_KEY_FILE is set. */
  legacyKeyFile: string | null;
  /** Keys retired by rotation when the key comes from AZAD_KEY: older audit rows were chained under them. */
  retiredKeys: string[];
  logLevel: z.infer<typeof Env>['AZAD_LOG_LEVEL'];
  trustProxy: boolean;
  /** auto: `Secure` when the request came over HTTPS (directly, or as a trusted proxy says). */
  cookieSecure: 'auto' | 'always' | 'never';
  bodyLimit: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** PostgreSQL only (PGlite runs one statement at a time in-process). */
  dbTimeouts: DbTimeouts;
  /** Per-user limits on costly work, by name; null: unlimited. */
  limits: Record<Exclude<LimitName, 'public'>, RateLimit | null> & { public?: RateLimit | null };
  /** Chromium pages printing PDFs at once in this process, and how long a request waits for one. */
  pdf: { pages: number; queueTimeoutMs: number };
  /** Worker threads that screen API batches off the event loop. */
  screeningWorkers: number;
  /** Where attachments are kept, encrypted (every app server of one database must share it), and their size limit. */
  attachments: { dir: string; maxBytes: number };
  /** `azad serve` anonymises records past their retention period once a day (docs/retention.md). */
  retentionJob: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as shells and .env files use it.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) throw new Error('Invalid configuration:\n  DATABASE_REPLICA_URL: a replica needs DATABASE_URL (PostgreSQL) for the primary');
  const dataDir = path.resolve(e.AZAD_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    dataDir,
    host: e.AZAD_HOST,
    port: e.AZAD_PORT,
    profile: e.AZAD_PROFILE,
    adminPassword: e.AZAD_ADMIN_PASSWORD,
    key: e.AZAD_KEY,
    // Outside the data folder, so a copy of the data does not carry its key.
    keyFile: path.resolve(e.AZAD_KEY_FILE ?? path.join(e.XDG_CONFIG_HOME ?? path.join(e.HOME ?? os.homedir(), '.config'), 'azad', 'azad.key')),
    legacyKeyFile: e.AZAD_KEY_FILE ? null : path.join(dataDir, 'azad.key'),
    retiredKeys: (e.AZAD_RETIRED_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    logLevel: e.AZAD_LOG_LEVEL,
    trustProxy: e.AZAD_TRUST_PROXY === 'true',
    cookieSecure: e.AZAD_COOKIE_SECURE === 'auto' ? 'auto' : e.AZAD_COOKIE_SECURE === 'true' ? 'always' : 'never',
    bodyLimit: e.AZAD_BODY_LIMIT,
    sessionIdleMinutes: e.AZAD_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.AZAD_SESSION_MAX_HOURS,
    limits: { pdf: e.AZAD_LIMIT_PDF, render: e.AZAD_LIMIT_RENDER, screening: e.AZAD_LIMIT_SCREENING, export: e.AZAD_LIMIT_EXPORT, public: e.AZAD_LIMIT_PUBLIC },
    pdf: { pages: e.AZAD_PDF_PAGES, queueTimeoutMs: e.AZAD_PDF_QUEUE_TIMEOUT_MS },
    dbTimeouts: { statementMs: e.AZAD_DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: e.AZAD_DB_IDLE_TX_TIMEOUT_MS, connectMs: e.AZAD_DB_CONNECT_TIMEOUT_MS },
    screeningWorkers: e.AZAD_SCREENING_WORKERS,
    retentionJob: e.AZAD_RETENTION_JOB === 'on',
    attachments: { dir: path.resolve(e.AZAD_ATTACHMENTS_DIR ?? path.join(dataDir, 'attachments')), maxBytes: e.AZAD_ATTACHMENT_MAX_BYTES },
  };
}
