// Chromium for the end-to-end tests: launched from the system package, one fresh profile per test,
// each page watched for Content Security Policy violations and uncaught errors.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = () => fs.existsSync(CHROMIUM);
export const NO_BROWSER = `${CHROMIUM} not found: browser tests skipped (install Debian's chromium package; in CI this fails instead)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** CSP violations and uncaught page errors seen so far; a clean run leaves it empty. */
  problems: string[];
}

/** A fresh browser profile (no cookies, no storage) with one page on `baseURL`. */
export async function openTab(browser: Browser, baseURL: string): Promise<Tab> {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(10_000);
  // Chromium logs most CSP refusals on the console but not all (a caught eval probe only fires
  // the event), so every page also reports `securitypolicyviolation` events on the console.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /content.security.policy|csp violation|refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return { page, context, problems };
}
