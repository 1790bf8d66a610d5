// The report as an editable Word document: real headings, real tables, charts as images.
import { AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType } from 'docx';
import { WORDS } from './definition/labels.ts';
import type { ReportDocument } from './document.ts';
import { CHART_SIZE, renderSvg, svgToPng } from './svg.ts';

const cell = (text: string, bold = false, right = false) =>
  new TableCell({ children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold })] })] });

export async function renderDocx(doc: ReportDocument, footer: string): Promise<Buffer> {
  const children: (Paragraph | Table | TableOfContents)[] = [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] })];
  if (doc.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, italics: true })] }));
  // Word fills the contents (with page numbers) when the document is opened.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(WORDS.contents?.[doc.lang] ?? 'Contents')] }));
  children.push(new TableOfContents(WORDS.contents?.[doc.lang] ?? 'Contents', { hyperlink: true, headingStyleRange: '1-2' }));
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: Boolean(b.placeholder) })], spacing: { after: 120 } }));
        break;
      case 'table':
        children.push(new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })] }));
        children.push(
          new Table({
            width: { size: 70, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: [cell(b.head[0], true), cell(b.head[1], true, true)] }), ...b.rows.map(([k, v], i) => new TableRow({ children: [cell(k, i === b.rows.length - 1), cell(v, i === b.rows.length - 1, true)] }))],
          }),
        );
        break;
      case 'chart': {
        const svg = renderSvg(b.option);
        children.push(new Paragraph({ children: [new TextRun({ text: b.title, bold: true })], keepNext: true }));
        children.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'svg',
                data: Buffer.from(svg),
                fallback: { type: 'png', data: svgToPng(svg) },
                transformation: { width: CHART_SIZE.width * 0.9, height: CHART_SIZE.height * 0.9 },
                altText: { name: b.id, title: b.title, description: b.title },
              }),
            ],
          }),
        );
        break;
      }
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
  const pageFooter = new Footer({ children: [new Paragraph({ children: [new TextRun({ text: `${footer} · ${WORDS.page?.[doc.lang] ?? 'Page'} `, size: 16, color: '555555' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' })] })] });
  const file = new Document({ creator: 'Azad', title: doc.title, features: { updateFields: true }, styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } }, sections: [{ footers: { default: pageFooter }, children }] });
  return Packer.toBuffer(file);
}
