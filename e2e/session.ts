// What every browser test file sets up: the test app on a fresh database and one Chromium, a fresh
// tab (profile) per test, all closed at the end; and signing in through the real form.
import type { TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { azOrdinal } from '../src/i18n/az-ordinal.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../src/test/harness.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import { haveChromium, launchChromium, NO_BROWSER, openTab, type Tab } from './browser.ts';
import { ensureWebBuilt } from './web-build.ts';

/** The app of the running BrowserSession: signIn asks it for the authenticator code of enrolled test users. */
let current: TestApp | undefined;

export class BrowserSession {
  /** The test app; set by start(), left unset when there is no Chromium. */
  app!: TestApp;
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  /** Builds the web app, starts the test app and Chromium; false when there is no Chromium (which fails in CI). */
  async start(): Promise<boolean> {
    if (!haveChromium()) {
      if (process.env.CI) throw new Error(NO_BROWSER);
      return false;
    }
    ensureWebBuilt();
    this.app = await startTestApp();
    current = this.app;
    this.browser = await launchChromium();
    return true;
  }

  /** A fresh browser profile for one test, or a skip when there is no Chromium or `skipReason` is given. */
  async open(tc: TestContext, skipReason?: string): Promise<Tab | null> {
    if (!haveChromium()) {
      tc.skip(NO_BROWSER);
      return null;
    }
    if (skipReason) {
      tc.skip(skipReason);
      return null;
    }
    const tab = await openTab(this.browser!, this.app.url);
    this.contexts.push(tab.context);
    return tab;
  }

  async close() {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    await this.app?.close();
  }
}

/**
 * Fills in and submits the sign-in form (without waiting for the result); with `totp`, waits for
 * the code field the form shows to an enrolled account and submits the code too.
 */
export async function submitSignIn(page: Page, username: string, password: string, totp?: string) {
  await page.goto('/');
  await page.getByLabel(az.signIn.username, { exact: true }).fill(username);
  await page.getByLabel(az.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: az.signIn.submit, exact: true }).click();
  if (!totp) return;
  const field = page.getByLabel(az.signIn.totp, { exact: true });
  await field.fill(totp);
  await field.press('Enter');
}

/** Signs in with the test password (and the authenticator code the roles require) and waits for the signed-in page. */
export async function signIn(page: Page, username: string) {
  await submitSignIn(page, username, TEST_PASSWORD, await current?.totp(username));
  await page.getByTestId('me-username').waitFor();
}

/** Fills `{{name}}` placeholders of a translated string, as i18next does. */
/** A message with its values, as i18next fills it (`{{year, azOrdinal}}` → "2023-cü"). */
export const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)(?:, *(\w+))?\}\}/g, (_, k: string, format?: string) => (format === 'azOrdinal' ? azOrdinal(Number(vars[k])) : String(vars[k])));
export const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: az.app.mainNav }).getByRole('link', { name, exact: true });
export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** The label of an optional field, as the form shows it. */
export const optional = (label: string) => `${label} (${az.common.optional})`;

/** A section of a record page by its id. */
export const section = (page: Page, id: string) => page.locator(`section#${id}`);

/**
 * Opens a section's add form (a <details> disclosure) and returns the form. The section may still be
 * loading its list and render once more, closing the disclosure: open it until it stays open.
 */
export async function addForm(page: Page, sectionId: string, summary: string) {
  const form = section(page, sectionId).locator('details[open] form');
  for (let i = 0; i < 5 && !(await form.isVisible()); i++) {
    await section(page, sectionId).locator('summary', { hasText: summary }).first().click();
    await form.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  return form;
}
