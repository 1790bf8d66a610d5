// Writes the README's screenshots (docs/screens/): the person page and the report page at 390 px
// and 1280 px wide, in az and ru, from a fresh test app with the synthetic demo set.
// Run: node --import tsx e2e/screens.ts
import fs from 'node:fs';
import { loadDemoData } from '../src/demo/demo.ts';
import { startTestApp, TEST_PASSWORD } from '../src/test/harness.ts';
import { launchChromium, openTab } from './browser.ts';
import { submitSignIn } from './session.ts';
import { ensureWebBuilt } from './web-build.ts';

const out = new URL('../docs/screens/', import.meta.url);
fs.mkdirSync(out, { recursive: true });
ensureWebBuilt();
const t = await startTestApp();
await loadDemoData(t.db.kysely, t.ctx.profile, { password: TEST_PASSWORD, key: t.ctx.fieldKey, records: { fromYear: 2024, toYear: 2025, scale: 1 } });
// A person with a full record: the one with the most events and decisions.
const person = await t.db.kysely
  .selectFrom('persons')
  .select(['id', (e) => e.selectFrom('exploitation_events').select((x) => x.fn.countAll().as('n')).whereRef('exploitation_events.person_id', '=', 'persons.id').as('n')])
  .orderBy('n', 'desc')
  .orderBy('id')
  .limit(1)
  .executeTakeFirstOrThrow();
const browser = await launchChromium();
try {
  for (const lang of ['az', 'ru']) {
    for (const width of [390, 1280]) {
      const tab = await openTab(browser, t.url);
      await tab.page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await submitSignIn(tab.page, t.users.coordinator.username, TEST_PASSWORD, await t.totp(t.users.coordinator.username));
      await tab.page.getByTestId('me-username').waitFor();
      await tab.page.locator('.language-switch select').selectOption(lang);
      await tab.page.locator(`html[lang="${lang}"]`).waitFor();
      for (const [name, path] of [['person', `/persons/${person.id}`], ['report', '/report?year=2025']] as const) {
        await tab.page.goto(path);
        await tab.page.locator('main h1').first().waitFor();
        await tab.page.waitForTimeout(2500);
        await tab.page.screenshot({ path: new URL(`${name}-${lang}-${width}.png`, out).pathname, fullPage: false });
      }
      await tab.context.close();
    }
  }
} finally {
  await browser.close();
  await t.close();
}
