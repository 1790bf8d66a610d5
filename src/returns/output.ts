// Writing a return's sheets in the receiver's layout: XLSX (one worksheet per sheet) or CSV (one sheet).
import ExcelJS from 'exceljs';
import type { Cell, Finding, ReturnFormat, Sheet } from './schema.ts';

/** RFC 4180: quote a field that holds a comma, quote or line break; a leading = + - @ is neutralised against formula injection. */
function csvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const s = /^[=+@]/.test(c) || (/^-/.test(c) && !/^-\d+$/.test(c)) ? `'${c}` : c;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns, ...sheet.rows].map((r) => r.map(csvField).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The findings as a sheet: a disagreement with the annual report travels inside the file. */
export function findingsSheet(findings: Finding[]): Sheet {
  return {
    name: 'Validation',
    title: [findings.length ? 'Checks against the annual report and the records' : 'Checks against the annual report: every shared figure agrees'],
    columns: ['severity', 'code', 'figure', 'part', 'this return', 'annual report', 'message'],
    rows: findings.map((f) => [f.severity, f.code, f.figure ?? null, f.part ?? null, f.ours ?? null, f.report ?? null, f.message]),
  };
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Azad';
  // A fixed date, so the same records give the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    for (const line of s.title ?? []) ws.addRow([line]);
    if (s.title?.length) ws.addRow([]);
    const header = ws.addRow(s.columns);
    header.font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => (c === null ? '' : c)));
    ws.columns.forEach((col, i) => {
      col.width = Math.min(60, Math.max(10, ...[s.columns[i] ?? '', ...s.rows.map((r) => r[i] ?? '')].map((v) => String(v).length + 2)));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CONTENT_TYPES: Record<ReturnFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
