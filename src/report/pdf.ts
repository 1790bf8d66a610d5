// PDF printed by Chromium from the report's HTML: the same page a user sees in the preview, with
// page numbers and the footer on every page.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../errors.ts';
import { WORDS } from './definition/labels.ts';
import type { ReportDocument } from './document.ts';

export const chromiumPath = () => process.env.AZAD_CHROMIUM ?? '/usr/bin/chromium';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export async function renderPdf(html: string, doc: ReportDocument, footer: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new AppError('service_unavailable', `PDF needs Chromium at ${executablePath} (apt-get install chromium, or set AZAD_CHROMIUM)`);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The page is self-contained: nothing may be fetched while printing.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const word = WORDS.page?.[doc.lang] ?? 'Page';
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 2cm;display:flex;justify-content:space-between;color:#555"><span>${esc(footer)}</span><span>${esc(word)} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      margin: { top: '2cm', bottom: '2.2cm', left: '2cm', right: '2cm' },
    });
  } finally {
    await browser.close();
  }
}
