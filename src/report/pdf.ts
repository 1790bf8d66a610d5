// PDF printed by Chromium from the report's HTML: the same page a user sees in the preview.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../errors.ts';

export const chromiumPath = () => process.env.AZAD_CHROMIUM ?? '/usr/bin/chromium';

export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new AppError('service_unavailable', `PDF needs Chromium at ${executablePath} (apt-get install chromium, or set AZAD_CHROMIUM)`);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The page is self-contained: nothing may be fetched while printing.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await browser.close();
  }
}
