import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agencyId, intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { todayInCalendar } from '../victims/schema.ts';

let t: TestApp;
let coordinator: Client;
let Y: number;

before(async () => {
  t = await startTestApp();
  coordinator = await t.as('coordinator');
  const police = await t.as('police_investigator');
  Y = Number(todayInCalendar().slice(0, 4));
  const p = await intake(police, { contactDate: `${Y}-01-01`, citizenship: 'AE' });
  const d = await police.post(`/api/persons/${p.id}/decisions`, { status: 'identified', decidedOn: `${Y}-01-01`, decidingAgencyId: await agencyId(t, 'mia') });
  assert.equal(d.status, 201, JSON.stringify(d.body));
});
after(() => t.close());

test("the report's HTML names a citizenship in the document's language", async () => {
  const html = async (lang: string) => {
    const res = await coordinator.get(`/api/reports/${Y}/draft/html?lang=${lang}`);
    assert.equal(res.status, 200);
    return String(res.body);
  };
  const az = await html('az');
  // The chart's label wraps between words: "Birləşmiş Ərəb" / "Əmirlikləri: 1 (100%)".
  assert.ok(az.includes('Birləşmiş Ərəb') && az.includes('Əmirlikləri'), 'the Azerbaijani name, its words whole');
  assert.ok(!az.includes('United Arab Emirates'), 'not the English one');
  assert.ok((await html('ru')).includes('ОАЭ'), 'the Russian name');
});
