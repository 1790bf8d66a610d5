// PDF printed by Chromium from the report's HTML: the same page a user sees in the preview, with
// page numbers and the footer on every page.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../errors.ts';
import { BrowserPool } from './browser-pool.ts';
import { WORDS } from './definition/labels.ts';
import type { ReportDocument } from './document.ts';

export const chromiumPath = () => process.env.AZAD_CHROMIUM ?? '/usr/bin/chromium';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const launch = () => {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) return Promise.reject(new AppError('service_unavailable', `PDF needs Chromium at ${executablePath} (apt-get install chromium, or set AZAD_CHROMIUM)`));
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
};

/** The process's one PDF printer; the server sizes it from its configuration (`AZAD_PDF_PAGES`). */
export const pdfPool = new BrowserPool({ pages: 2, queueTimeoutMs: 30_000, idleMs: 60_000, launch });

export function configurePdfPool(opts: { pages: number; queueTimeoutMs: number }) {
  pdfPool.opts = { ...pdfPool.opts, ...opts };
}

export async function renderPdf(html: string, doc: ReportDocument, footer: string): Promise<Buffer> {
  return printHtml(html, footer, doc.lang);
}

/**
 * Prints a self-contained HTML page to an A4 PDF on the shared browser, scripts off and the network
 * blocked, with `footer` on the left and "Page n / N" (in `lang`) on the right of every page.
 */
export async function printHtml(html: string, footer: string, lang: ReportDocument['lang']): Promise<Buffer> {
  return pdfPool.withPage(
    async (page) => {
      // The page is self-contained: nothing may be fetched while printing.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const word = WORDS.page?.[lang] ?? 'Page';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 2cm;display:flex;justify-content:space-between;gap:1em;color:#555"><span>${esc(footer)}</span><span style="white-space:nowrap">${esc(word)} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
        margin: { top: '2cm', bottom: '2.2cm', left: '2cm', right: '2cm' },
      });
    },
    { javaScriptEnabled: false },
  );
}
