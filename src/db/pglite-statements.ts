import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import { noteStatement } from './watched-writes.ts';

const { parseDescribeStatementResults, parseResults } = parse;

/**
 * PGlite's query() runs on the server's one thread and costs six trips into the WASM engine a
 * statement (parse, describe, bind, describe, execute, sync), parsing and analysing the text
 * every time. Here a statement Kysely sends again (the same text, other values) is prepared once
 * under a name, and then costs one trip: bind, describe, execute and sync sent as one message.
 * The result is what query() answers for the same call (same parsers, serialisers, errors).
 * Only the four data commands are kept prepared; anything else (begin, commit, DDL) runs as
 * query() does, and DDL first forgets every prepared statement, whose result shape it may change.
 */

/** Prepared statements kept; the least recently used one beyond this is closed. */
const MAX_PREPARED = 400;
const DATA_COMMAND = /^\s*(select|insert|update|delete|with)\b/i;
const SHAPE_CHANGE = /^\s*(create|alter|drop|do)\b/i;

interface Prepared {
  name: string;
  types: number[];
}

/** The subset of a PGlite client that Kysely's PGlite dialect uses. */
export interface QueryClient {
  query<T>(sql: string, params?: unknown[]): Promise<Results<T>>;
  close(): Promise<void>;
}

export function preparedStatements(client: PGlite): QueryClient {
  const prepared = new Map<string, Prepared>();
  /** Names to close with the next message (closing a name that is gone is no error). */
  let closing: string[] = [];
  let counter = 0;
  const run = (parts: Uint8Array[]) => client.execProtocolStream(concat(parts), { syncToFs: false });
  const forgetAll = () => {
    for (const p of prepared.values()) closing.push(p.name);
    prepared.clear();
  };
  const serialise = (params: readonly unknown[], types: number[]) =>
    params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const type = types[i];
      const s = type === undefined ? undefined : client.serializers[type];
      return s ? s(v) : (v as { toString(): string }).toString();
    });

  async function prepare(sql: string): Promise<Prepared> {
    const name = `azad_${++counter}`;
    const messages = await run([...closeAll(), protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]);
    const p = { name, types: parseDescribeStatementResults(messages) };
    prepared.set(sql, p);
    if (prepared.size > MAX_PREPARED) {
      const [oldest, q] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldest);
      closing.push(q.name);
    }
    return p;
  }

  function closeAll(): Uint8Array[] {
    const msgs = closing.map((name) => protocol.serialize.close({ type: 'S', name }));
    closing = [];
    return msgs;
  }

  async function execute(sql: string, params: readonly unknown[]): Promise<Results> {
    let p = prepared.get(sql);
    if (p) {
      // Most recently used last: the first entry is the one to close when the cache is full.
      prepared.delete(sql);
      prepared.set(sql, p);
    } else {
      p = await prepare(sql);
    }
    const messages = await run([
      ...closeAll(),
      protocol.serialize.bind({ statement: p.name, values: serialise(params, p.types) }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    return parseResults(messages, client.parsers)[0] as Results;
  }

  /** As query() does it, for commands that are not kept prepared. */
  async function once(sql: string, params: readonly unknown[]): Promise<Results> {
    if (SHAPE_CHANGE.test(sql)) forgetAll();
    const parsed = await run([...closeAll(), protocol.serialize.parse({ text: sql }), protocol.serialize.describe({ type: 'S' }), protocol.serialize.sync()]);
    const types = parseDescribeStatementResults(parsed);
    const messages = await run([
      protocol.serialize.bind({ values: serialise(params, types) }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    return parseResults(messages, client.parsers)[0] as Results;
  }

  return {
    query: <T>(sql: string, params: unknown[] = []) =>
      client.runExclusive(async () => {
        noteStatement(sql);
        try {
          const result = DATA_COMMAND.test(sql) ? await execute(sql, params) : await once(sql, params);
          await client.syncToFs();
          return result as Results<T>;
        } catch (err) {
          // As query() marks its errors.
          if (err instanceof Error) Object.assign(err, { query: sql, params });
          // A statement prepared before a change to a table it reads cannot be replanned to a new result shape.
          if (isShapeChanged(err)) prepared.delete(sql);
          throw err;
        }
      }),
    close: () => client.close(),
  };
}

const isShapeChanged = (err: unknown) => err instanceof Error && /cached plan must not change result type/.test(err.message);

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
