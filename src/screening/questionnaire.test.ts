import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { QUESTIONS, assess } from './questionnaire.ts';

test('the questionnaire has 16 core questions plus the safety question, each in az, en and ru', () => {
  assert.equal(QUESTIONS.filter((q) => q.code !== null).length, 16);
  assert.equal(new Set(QUESTIONS.map((q) => q.id)).size, QUESTIONS.length);
  for (const q of QUESTIONS) for (const l of ['az', 'en', 'ru'] as const) assert.ok(q.text[l].endsWith('?'), `${q.id} ${l}`);
});

test('the recommended action follows the documented rule', () => {
  assert.deepEqual(assess({}), { indicators: [], action: 'none' });
  // One weak-or-medium sign in one group: advice from 152.
  assert.deepEqual(assess({ promised: 'yes', free_to_leave: 'yes' }), { indicators: ['deceptive_offer'], action: 'call_152' });
  // A strong sign (passport held): police.
  assert.equal(assess({ documents: 'yes' }).action, 'refer_police');
  // Two medium signs in two groups (deception; work conditions): police.
  assert.equal(assess({ promised: 'yes', hours: 'yes' }).action, 'refer_police');
  // "No" is the warning answer for the freedom questions.
  assert.deepEqual(assess({ free_to_leave: 'no', contact: 'no' }).indicators, ['restricted_movement', 'isolation']);
  // No safe place tonight wins over everything; so does a minor with another sign.
  assert.equal(assess({ documents: 'yes', safe_tonight: 'no' }).action, 'shelter');
  assert.equal(assess({ under_18: 'yes', begging: 'yes' }).action, 'shelter');
  assert.equal(assess({ under_18: 'yes' }).action, 'refer_police');
  assert.equal(assess({ documents: 'unknown', owes: 'declined' }).action, 'none');
});

let t: TestApp;
let police: Client;
let analyst: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
  analyst = await t.as('analyst');
});
after(() => t.close());

test('answers linked to a person are stored on the record and listed there', async () => {
  const person = await intake(police);
  const res = await police.post('/api/screening/questionnaires', { lang: 'az', personId: person.id, answers: { documents: 'yes', paid_as_agreed: 'no', safe_tonight: 'yes' }, notes: 'Dubaydan qayıdıb' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.deepEqual([res.body.indicators, res.body.action], [['document_retention', 'withheld_wages'], 'refer_police']);
  const list = await police.get(`/api/persons/${person.id}/questionnaires`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((i: { id: string; notes: string }) => [i.id, i.notes]), [[res.body.id, 'Dubaydan qayıdıb']]);
  assert.equal((await police.post('/api/screening/questionnaires', { lang: 'az', answers: { weather: 'yes' } })).status, 400);
  assert.equal((await police.post('/api/screening/questionnaires', { lang: 'az', personId: '00000000-0000-4000-8000-000000000009', answers: {} })).status, 404);
  assert.equal((await analyst.post('/api/screening/questionnaires', { lang: 'en', answers: {} })).status, 403);
  const q = await police.get('/api/screening/questionnaire');
  assert.equal(q.body.questions.length, 17);
});
