import assert from 'node:assert/strict';
import os from 'node:os';
import { after, test } from 'node:test';
import { AppError } from '../errors.ts';
import { isLineError } from './batch.ts';
import { ScreeningPool } from './pool.ts';

const pool = new ScreeningPool(1);
after(() => pool.close());

const line = (id: string, text: string) => JSON.stringify({ id, text });

test('a worker screens a batch: results and line errors in order, the same as on the main thread', async () => {
  const jsonl = [line('a', 'Pasportunu aldılar, maaş vermirlər, kömək edin'), 'not json', line('b', 'Bakıda ofis işi, rəsmi müqavilə')].join('\n');
  const out = await pool.run(jsonl);
  assert.equal(out.length, 3);
  const [a, bad, b] = out as [(typeof out)[number], (typeof out)[number], (typeof out)[number]];
  assert.ok(!isLineError(a) && a.id === 'a' && a.indicators.some((i) => i.code === 'document_retention'));
  assert.ok(isLineError(bad) && bad.line === 2);
  assert.ok(!isLineError(b) && b.id === 'b');
});

test('an error inside the worker comes back as an internal_error, and the worker goes on', async () => {
  await assert.rejects(pool.run(null as unknown as string), (e: unknown) => e instanceof AppError && e.code === 'internal_error');
  const out = await pool.run(line('c', 'hello'));
  assert.equal(out.length, 1);
});

test('a worker that dies fails its batch cleanly and is replaced', async () => {
  const big = Array.from({ length: 3000 }, (_, k) => line(`x${k}`, 'Паспорт забрали, денег не платят, хочу домой')).join('\n');
  const running = pool.run(big);
  const [first] = pool.workers();
  await new Promise((r) => setTimeout(r, 50));
  await first!.terminate();
  await assert.rejects(running, (e: unknown) => e instanceof AppError && e.code === 'internal_error');
  assert.notEqual(pool.workers()[0], first);
  const out = await pool.run(line('d', 'Паспорт забрали'));
  const d = out[0]!;
  assert.ok(!isLineError(d) && d.id === 'd');
});

test('the worker lowers only its own priority, never the server thread', async () => {
  await pool.run(line('e', 'hello'));
  assert.equal(os.getPriority(0), 0);
});
