// The report as one self-contained, printable HTML page (charts inline as SVG): the web preview,
// the HTML download, and the page Chromium prints to PDF.
import { WORDS } from './definition/labels.ts';
import type { ReportDocument } from './document.ts';
import { renderSvg } from './svg.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `
  body { font-family: 'Liberation Serif', 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
  h1 { font-size: 1.5rem; text-align: center; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #888; }
  p.subtitle { text-align: center; font-style: italic; }
  nav.contents ul { list-style: none; padding-left: 0; } nav.contents a { color: inherit; text-decoration: none; }
  p.placeholder { color: #8a1c1c; font-style: italic; }
  table { border-collapse: collapse; margin: .8rem 0; min-width: 60%; } caption { font-weight: bold; text-align: left; padding-bottom: .3rem; }
  th, td { border: 1px solid #999; padding: .2rem .6rem; } td:last-child { text-align: right; } tr:last-child td { font-weight: bold; }
  figure { margin: .6rem 0; break-inside: avoid; } figcaption { font-weight: bold; margin-bottom: .2rem; } figure svg { max-width: 100%; height: auto; display: block; }
  footer { margin-top: 2rem; font-size: .8rem; color: #555; }
  @page { size: A4; margin: 2cm 2cm 2.2cm; }
  @media print { body { margin: 0; max-width: none; } nav.contents { break-after: page; } footer { display: none; } }`;

export function renderHtml(doc: ReportDocument, footer: string): string {
  const headings = doc.blocks.filter((b) => b.kind === 'heading');
  const contents = headings.length > 1 ? `<nav class="contents" aria-label="${esc(WORDS.contents?.[doc.lang] ?? 'Contents')}"><h2>${esc(WORDS.contents?.[doc.lang] ?? 'Contents')}</h2><ul>${headings.map((h) => `<li><a href="#${esc(h.anchor)}">${esc(h.text)}</a></li>`).join('')}</ul></nav>` : '';
  const body = doc.blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h2 id="${esc(b.anchor)}">${esc(b.text)}</h2>`;
        case 'paragraph':
          return `<p${b.placeholder ? ' class="placeholder"' : ''}>${esc(b.text)}</p>`;
        case 'table':
          return `<table><caption>${esc(b.caption)}</caption><thead><tr><th scope="col">${esc(b.head[0])}</th><th scope="col">${esc(b.head[1])}</th></tr></thead><tbody>${b.rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
        case 'chart':
          return `<figure data-chart="${esc(b.id)}"><figcaption>${esc(b.title)}</figcaption>${renderSvg(b.option)}</figure>`;
        default: {
          const never: never = b;
          throw new Error(`unknown block ${JSON.stringify(never)}`);
        }
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : ''}
${contents}
${body}
<footer>${esc(footer)}</footer>
</body></html>
`;
}
