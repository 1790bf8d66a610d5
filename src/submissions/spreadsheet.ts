// Spreadsheet templates and imports: one sheet, one indicator per row, the same layout in XLSX and CSV.
//   row 1: azad-submission | <agency code> | <period>
//   row 2: indicator | label | unit | value | qualifier | status | note | attribute
//   row 3…: one row per indicator of the agency's form, then one per attribute it carries (column H names it)
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../errors.ts';
import { AppError, invalid } from '../errors.ts';
import type { Indicator, IndicatorCatalogue } from '../profile/schema.ts';
import { labelOf } from '../profile/schema.ts';
import { validateValues, valuePath } from './catalogue.ts';
import { NOTE_MAX, Qualifier, ValueState, type ValueInput } from './schema.ts';
import { unzippedSize } from './unzipped-size.ts';

export const TEMPLATE_MARK = 'azad-submission';
export const HEADERS = ['indicator', 'label', 'unit', 'value', 'qualifier', 'status', 'note', 'attribute'] as const;
const COL = { id: 'A', value: 'D', qualifier: 'E', status: 'F', note: 'G', attribute: 'H' } as const;
const FIRST_DATA_ROW = 3;

type Cell = string | number | null;

/** Where a value is kept in `filled`: its path on the form. */
export const filledKey = (v: Pick<ValueInput, 'indicatorId' | 'attribute'>) => valuePath(v.indicatorId, v.attribute ?? '');

function templateRows(agencyCode: string, period: string, indicators: Indicator[], lang: string, filled: Map<string, ValueInput>): Cell[][] {
  const row = (i: Indicator, attr: Indicator['attributes'][number] | null): Cell[] => {
    const v = filled.get(valuePath(i.id, attr?.id ?? ''));
    const label = attr ? `${labelOf(i.label, lang)}: ${labelOf(attr.label, lang)}` : labelOf(i.label, lang);
    const qualifier = v ? (v.qualifier ?? null) : attr ? null : (i.qualifier ?? null);
    return [i.id, label, attr ? attr.unit : i.unit, v?.value ?? null, qualifier, v && v.state !== 'reported' ? v.state : null, v?.note ?? null, attr?.id ?? null];
  };
  return [[TEMPLATE_MARK, agencyCode, period], [...HEADERS], ...indicators.flatMap((i) => [row(i, null), ...i.attributes.map((a) => row(i, a))])];
}

const rowCount = (indicators: Indicator[]) => indicators.reduce((n, i) => n + 1 + i.attributes.length, 0);

/** The template for an agency and period, prefilled with what the form already holds. */
export async function templateXlsx(agencyCode: string, period: string, indicators: Indicator[], lang: string, filled = new Map<string, ValueInput>()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('submission');
  for (const row of templateRows(agencyCode, period, indicators, lang, filled)) ws.addRow(row);
  ws.getRow(2).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [42, 60, 8, 14, 12, 16, 30, 14][i] ?? 12));
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + rowCount(indicators); r++) {
    ws.getCell(`${COL.qualifier}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Qualifier.options.join(',')}"`] };
    ws.getCell(`${COL.status}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${ValueState.options.join(',')}"`] };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Text a spreadsheet would run as a formula (= + - @, tab, CR) is written after an apostrophe, which readCsv takes off again.
const FORMULA_START = /^[=+\-@\t\r]/;

const csvCell = (c: Cell) => {
  const s = c === null ? '' : typeof c === 'string' && FORMULA_START.test(c) ? `'${c}` : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function templateCsv(agencyCode: string, period: string, indicators: Indicator[], lang: string, filled = new Map<string, ValueInput>()): string {
  return templateRows(agencyCode, period, indicators, lang, filled).map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A worksheet's cells as plain strings/numbers, rows and columns counted from 1 as the user sees them. */
/** What a filled template may unpack to: the largest form is a few hundred rows, some tens of KiB. */
export const MAX_UNZIPPED_BYTES = 8 * 1024 * 1024;

async function readXlsx(content: Buffer): Promise<Cell[][]> {
  // The reader holds the unpacked workbook in memory whole: measure it first.
  const size = unzippedSize(content, MAX_UNZIPPED_BYTES);
  if (size === null) throw invalid('The file is not a readable XLSX workbook', [{ path: 'file', message: 'not an XLSX file' }]);
  if (size > MAX_UNZIPPED_BYTES) throw new AppError('payload_too_large', `The workbook unpacks to more than ${MAX_UNZIPPED_BYTES} bytes`, [{ path: 'file', message: `at most ${MAX_UNZIPPED_BYTES} bytes unpacked` }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw invalid('The file is not a readable XLSX workbook', [{ path: 'file', message: 'not an XLSX file' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('The workbook has no sheet', [{ path: 'file', message: 'no sheet' }]);
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= HEADERS.length; c++) cells.push(plain(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'result' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}

function readCsv(content: Buffer): Cell[][] {
  try {
    const rows = parse(content.toString('utf8'), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return rows.map((r) => r.map((c) => (c.startsWith("'") && FORMULA_START.test(c.slice(1)) ? c.slice(1) : c)));
  } catch (e) {
    throw invalid('The file is not readable CSV', [{ path: 'file', message: (e as Error).message }]);
  }
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** A number as typed: 1234, 1 234 or 1234.5; anything else is refused, never guessed. */
function parseNumber(c: Cell | undefined): number | null | 'bad' {
  if (typeof c === 'number') return c;
  const s = text(c).replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : 'bad';
}

/**
 * Reads a filled template into form values. Any problem refuses the whole file: the error lists
 * every one, each named by row and cell ("row 7, cell D7: …"), so it can be fixed in one go.
 */
export async function readSubmissionFile(
  format: 'xlsx' | 'csv',
  content: Buffer,
  expect: { agencyCode: string; period: string; indicators: Indicator[]; catalogue: IndicatorCatalogue },
): Promise<ValueInput[]> {
  const rows = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  const errors: FieldError[] = [];
  const at = (row: number, col: string, message: string) => errors.push({ path: `row ${row}, cell ${col}${row}`, message: `row ${row}, cell ${col}${row}: ${message}` });

  const head = rows[0] ?? [];
  if (text(head[0]) !== TEMPLATE_MARK) at(1, 'A', `expected "${TEMPLATE_MARK}": start from the template Azad generates`);
  else {
    if (text(head[1]) !== expect.agencyCode) at(1, 'B', `the file is for "${text(head[1])}", not ${expect.agencyCode}`);
    if (text(head[2]) !== expect.period) at(1, 'C', `the file is for period "${text(head[2])}", not ${expect.period}`);
  }

  const onForm = new Map(expect.indicators.map((i) => [i.id, i]));
  const rowOf = new Map<string, number>();
  const values: ValueInput[] = [];
  for (let i = FIRST_DATA_ROW - 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const n = i + 1;
    if (r.every((c) => text(c) === '')) continue;
    const id = text(r[0]);
    const ind = onForm.get(id);
    if (!ind) {
      at(n, COL.id, id ? `"${id}" is not an indicator of this form` : 'the indicator id is missing');
      continue;
    }
    // Column H is empty for the count (and absent in templates made before attributes).
    const attribute = text(r[7]);
    if (attribute && !ind.attributes.some((a) => a.id === attribute)) {
      at(n, COL.attribute, `"${attribute}" is not an attribute of ${id}${ind.attributes.length ? ` (${ind.attributes.map((a) => a.id).join(', ')})` : ''}`);
      continue;
    }
    const key = valuePath(id, attribute);
    if (rowOf.has(key)) {
      at(n, COL.id, `${id}${attribute ? ` (${attribute})` : ''} already given in row ${rowOf.get(key)}`);
      continue;
    }
    rowOf.set(key, n);
    const value = parseNumber(r[3]);
    if (value === 'bad') at(n, COL.value, `"${text(r[3])}" is not a number`);
    const q = text(r[4]).toLowerCase().replace(/\s+/g, '_');
    const qualifier = Qualifier.safeParse(q);
    if (q && !qualifier.success) at(n, COL.qualifier, `"${text(r[4])}" is not a qualifier (${Qualifier.options.join(', ')})`);
    const st = text(r[5]).toLowerCase() || 'reported';
    const state = ValueState.safeParse(st);
    if (!state.success) at(n, COL.status, `"${text(r[5])}" is not a status (${ValueState.options.join(', ')})`);
    if (value === 'bad' || !state.success || (q && !qualifier.success)) continue;
    const note = text(r[6]);
    // The form's own limits: a file is no way around them (nor around PostgreSQL's refusal of NUL).
    if (note.length > NOTE_MAX || note.includes('\u0000')) {
      at(n, COL.note, note.length > NOTE_MAX ? `at most ${NOTE_MAX} characters` : 'a NUL character cannot be stored');
      continue;
    }
    values.push({ indicatorId: id, attribute, state: state.data, value, qualifier: q ? (qualifier.data ?? null) : null, note: note || null });
  }
  // The domain's own checks (negative amounts, whole numbers, rules between figures), placed on the value cells.
  for (const e of validateValues(expect.catalogue, expect.indicators, values, { complete: false })) {
    const row = rowOf.get(e.path);
    if (row) at(row, COL.value, e.message);
    else errors.push(e);
  }
  if (errors.length) throw invalid(`The file was refused, nothing was stored: ${errors.length} problem(s)`, errors);
  return values;
}
