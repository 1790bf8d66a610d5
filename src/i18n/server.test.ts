import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personInput } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import az from '../../web/src/i18n/az.json' with { type: 'json' };
import rus from '../../web/src/i18n/ru.json' with { type: 'json' };
import { languageOf } from './server.ts';

let t: TestApp;
let worker: Client;
before(async () => {
  t = await startTestApp();
  worker = await t.as('case_worker');
});
after(() => t.close());

const badPerson = (lang?: string) =>
  worker.request('POST', '/api/persons', personInput({ gender: 'robot', languages: 'az', extra: 1 }), lang ? { 'accept-language': lang } : {});
const fieldsOf = (body: { error: { fields: { path: string; message: string }[] } }) => Object.fromEntries(body.error.fields.map((f) => [f.path, f.message]));

test('Accept-Language picks az, en or ru by q-value, else English', () => {
  assert.equal(languageOf('az'), 'az');
  assert.equal(languageOf('ru-RU,ru;q=0.9,en;q=0.5'), 'ru');
  assert.equal(languageOf('de, en;q=0.2, az;q=0.8'), 'az');
  assert.equal(languageOf('fr'), 'en');
  assert.equal(languageOf(undefined), 'en');
  assert.equal(languageOf('az;q=0'), 'en');
});

test('a bad body with Accept-Language: az gets each field named and its message in Azerbaijani', async () => {
  const res = await badPerson('az');
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, 'validation_failed');
  assert.equal(res.body.error.message, 'Sorğu qəbul edilmədi: qeyd olunan sahələri düzəldin.');
  const f = fieldsOf(res.body);
  // Wording the interface knows, in its Azerbaijani; zod's own message, in zod's Azerbaijani.
  assert.equal(f.gender, az.fieldErrors.choose);
  assert.equal(f.extra, 'Belə sahə yoxdur.');
  assert.match(f.languages ?? '', /^Yanlış dəyər/);
});

test('the same body in ru and with no header (English)', async () => {
  const ru = fieldsOf((await badPerson('ru')).body);
  assert.equal(ru.gender, rus.fieldErrors.choose);
  assert.match(ru.languages ?? '', /^Неверный ввод/);
  assert.equal(ru.extra, 'Такого поля нет.');
  const en = await badPerson();
  assert.equal(en.body.error.message, 'The request is not valid');
  assert.match(fieldsOf(en.body).gender ?? '', /^Invalid option/);
  assert.match(fieldsOf(en.body).languages ?? '', /^Invalid input/);
});

test("a rule of the server's own (a date in the future) is worded in az and ru", async () => {
  const body = personInput({ contactDate: '2999-01-01' });
  const az = await worker.request('POST', '/api/persons', body, { 'accept-language': 'az' });
  const ru = await worker.request('POST', '/api/persons', body, { 'accept-language': 'ru' });
  const en = await worker.request('POST', '/api/persons', body);
  assert.equal(en.status, 400);
  assert.equal(fieldsOf(en.body).contactDate, 'must not be in the future');
  assert.notEqual(fieldsOf(az.body).contactDate, 'must not be in the future');
  assert.notEqual(fieldsOf(ru.body).contactDate, 'must not be in the future');
  assert.ok(fieldsOf(az.body).contactDate);
});
