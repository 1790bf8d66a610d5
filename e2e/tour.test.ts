// Every page of the web app, as a user who may open it, in az, en and ru on a phone-sized screen:
// no missing translation, no English words in the az and ru interfaces, no sideways scroll at
// 390 px, and (in az, the default) no serious or critical axe-core violation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { roles, type Role } from '../src/access/roles.ts';
import { scopesFor, type Action } from '../src/access/rules.ts';
import { loadDemoData } from '../src/demo/demo.ts';
import { TEST_PASSWORD, type TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import en from '../web/src/i18n/en.json' with { type: 'json' };
import ru from '../web/src/i18n/ru.json' with { type: 'json' };
import { BrowserSession, signIn } from './session.ts';

const session = new BrowserSession();
let t: TestApp;
const ids: Record<string, string> = {};
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The web app's routes, read from web/src/routes.ts itself (so a new page is toured without
// editing this file), with the record each :id page opens.
const idKinds: Record<string, string> = {
  '/persons/:id': 'person',
  '/hotline/contacts/:id': 'contact',
  '/hotline/tips/:id': 'tip',
  '/prosecution/facts/:id': 'fact',
  '/prosecution/cases/:id': 'case',
  '/prosecution/persons/:id': 'prosecuted',
  '/submissions/:id': 'submission',
  '/action-plan/:id': 'measure',
  '/screening/items/:id': 'screening',
  '/users/:id': 'user',
};
const routesSource = fs.readFileSync(new URL('../web/src/routes.ts', import.meta.url), 'utf8');
const routes: { path: string; action: Action; id?: string }[] = [...routesSource.matchAll(/\{ path: '([^']+)', action: '([a-z_.]+)'/g)].map(([, path, action]) => ({
  path: path!,
  action: action as Action,
  ...(path!.includes(':') ? { id: idKinds[path!] ?? `unknown kind for ${path}` } : {}),
}));
const publicPaths = [...routesSource.matchAll(/\{ path: '([^']+)', component: \w+ \}/g)].map(([, path]) => path!);

// Who visits: the first role in this order that may open the page.
const preference: Role[] = ['coordinator', 'police_investigator', 'hotline_operator', 'case_worker', 'agency_reporter', 'prosecutor', 'analyst', 'administrator', 'auditor'];
const visitorOf = (action: Action) => preference.find((r) => scopesFor([r], action).length > 0);

/** Words of the English interface that neither the az nor the ru interface uses: seen in az or ru, they leak. */
function englishOnlyWords(): Set<string> {
  const words = (obj: unknown): string[] =>
    Object.values(obj as Record<string, unknown>).flatMap((v) => (v && typeof v === 'object' ? words(v) : typeof v === 'string' ? (v.replace(/\{\{\w+\}\}/g, ' ').match(/[A-Za-z]{4,}/g) ?? []) : []));
  const shared = new Set([...words(az), ...words(ru)].map((w) => w.toLowerCase()));
  return new Set(words(en).map((w) => w.toLowerCase()).filter((w) => !shared.has(w)));
}
const english = englishOnlyWords();

before(async () => {
  if (!(await session.start())) return;
  t = session.app;
  await loadDemoData(t.db.kysely, t.ctx.profile, { password: TEST_PASSWORD, key: t.ctx.fieldKey, records: { fromYear: 2025, toYear: 2025, scale: 1 } });
  const first = async (table: 'persons' | 'hotline_contacts' | 'hotline_tips' | 'crime_facts' | 'criminal_cases' | 'prosecuted_persons' | 'submissions' | 'nap_measures' | 'screening_items' | 'users') =>
    (await t.db.kysely.selectFrom(table).select('id').orderBy('id').limit(1).executeTakeFirst())?.id;
  const operator = await t.as('hotline_operator');
  const contact = await first('hotline_contacts');
  if (!(await first('hotline_tips'))) await operator.post('/api/hotline/tips', { contactId: contact, summary: 'Zəng edən qonşunun qızının xaricə aparıldığını deyir.' });
  const coordinator = await t.as('coordinator');
  if (!(await first('screening_items'))) await coordinator.post('/api/screening/items', { text: 'Dubayda ofisiant işi, pasportunuzu işəgötürənə təhvil verirsiniz, bilet pulsuz.', lang: 'az', channel: 'job_ad' });
  const map = { person: 'persons', contact: 'hotline_contacts', tip: 'hotline_tips', fact: 'crime_facts', case: 'criminal_cases', prosecuted: 'prosecuted_persons', submission: 'submissions', measure: 'nap_measures', screening: 'screening_items', user: 'users' } as const;
  for (const [k, table] of Object.entries(map)) {
    const id = await first(table);
    if (id) ids[k] = id;
  }
});
after(() => session.close());

interface Finding {
  page: string;
  lang: string;
  problem: string;
}

/** Until no API call has been in flight for 300 ms (pages poll nothing, but load in steps), at most 10 s. */
async function settle(page: Page) {
  let inFlight = 0;
  let quietSince = Date.now();
  const up = (r: { url(): string }) => {
    if (r.url().includes('/api/')) inFlight += 1;
  };
  const down = (r: { url(): string }) => {
    if (r.url().includes('/api/')) {
      inFlight = Math.max(0, inFlight - 1);
      quietSince = Date.now();
    }
  };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  const until = Date.now() + 10_000;
  while (Date.now() < until && (inFlight > 0 || Date.now() - quietSince < 300)) await new Promise((r) => setTimeout(r, 50));
  page.off('request', up);
  page.off('requestfinished', down);
  page.off('requestfailed', down);
}

async function check(page: Page, path: string, lang: string, findings: Finding[], withAxe: boolean) {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' && m.text().includes('i18n: missing key')) problems.push(m.text());
  };
  page.on('console', onConsole);
  await page.goto(path);
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await settle(page);
  const { scrollWidth, width, text } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // Identifiers set in <code> (agency codes, figure ids) and the signed-in test user's name are data, not interface.
    text: (() => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('code, .user-name, script, style') || !el.checkVisibility()) continue;
        parts.push(n.textContent ?? '');
      }
      return parts.join(' ').replace(/\b[a-z]+\.[a-z][a-z.-]*\b/g, ' ').replace(/\bTest [a-z_]+/g, ' ');
    })(),
  }));
  if (scrollWidth > width) {
    // Name the element that sticks out furthest, so the finding says where to look.
    const culprit = await page.evaluate(() => {
      const w = window.innerWidth;
      let best: { right: number; what: string } = { right: 0, what: '' };
      for (const e of document.querySelectorAll('body *')) {
        const right = e.getBoundingClientRect().right;
        if (right > w && right >= best.right) best = { right, what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''}` };
      }
      return best.what;
    });
    problems.push(`scrolls sideways: ${scrollWidth} px wide at ${width} px (${culprit || 'no element: text overflow'})`);
  }
  if (lang !== 'en') {
    const leaked = [...new Set((text.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => english.has(w.toLowerCase())))];
    if (leaked.length) problems.push(`English words: ${leaked.slice(0, 12).join(', ')}`);
  }
  if (withAxe) {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    });
    problems.push(...violations.map((v) => `axe: ${v}`));
  }
  page.off('console', onConsole);
  for (const problem of problems) findings.push({ page: path, lang, problem });
}

test('every page, as a user who may open it, in az, en and ru at 390×844', { timeout: 900_000 }, async (tc) => {
  const tab = await session.open(tc);
  if (!tab) return;
  await tab.context.close();
  const findings: Finding[] = [];
  const byRole = new Map<Role, typeof routes>();
  for (const r of routes) {
    const role = visitorOf(r.action);
    assert.ok(role, `nobody may open ${r.path}`);
    byRole.set(role, [...(byRole.get(role) ?? []), r]);
  }
  assert.equal(roles.length, preference.length);
  for (const [role, list] of byRole) {
    const visitor = await session.open(tc);
    if (!visitor) return;
    const { page } = visitor;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, t.users[role].username);
    for (const lang of ['az', 'en', 'ru']) {
      // The account's language wins over the device's, so switch it as a user would.
      await page.goto('/');
      await page.locator('.language-switch select').selectOption(lang);
      await page.locator(`html[lang="${lang}"]`).waitFor();
      for (const r of list) {
        const id = r.id ? ids[r.id] : undefined;
        assert.ok(!r.id || id, `no record to open for ${r.path} (${r.id})`);
        const path = id ? r.path.replace(':id', id) : r.path;
        await check(page, path, lang, findings, lang === 'az');
      }
    }
    assert.deepEqual(visitor.problems, [], `${role}: CSP violations or page errors`);
  }
  // Pages for everyone, signed out.
  const anonymous = await session.open(tc);
  if (!anonymous) return;
  await anonymous.page.setViewportSize({ width: 390, height: 844 });
  assert.ok(publicPaths.length > 0);
  for (const lang of ['az', 'en', 'ru']) {
    await anonymous.page.goto('/');
    await anonymous.page.locator('.language-switch select').selectOption(lang);
    await anonymous.page.locator(`html[lang="${lang}"]`).waitFor();
    for (const path of publicPaths) await check(anonymous.page, path, lang, findings, lang === 'az');
  }
  assert.deepEqual(findings, []);
});
