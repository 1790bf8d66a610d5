// The public tables as the disclosure-control machinery sees them: plain numbers, no labels.

/** One cell with its true value; `suppressed` decides whether the value is ever shown. */
export interface Cell {
  key: string;
  value: number;
  suppressed: boolean;
  /** Why it is hidden: below the threshold itself, or hidden to protect another cell. */
  reason?: 'primary' | 'secondary';
}

/** The key of a table's total among its cells' keys (never a breakdown key: those are lower-case codes). */
export const TOTAL = '=total';

/**
 * One public table: a figure's total and its parts. A partition's parts (with `unknown` as a part)
 * sum to the total; an overlapping breakdown counts a person under every part that applies, so
 * each part is at most the total; a table without parts is its total alone.
 */
export interface Table {
  id: string;
  parts: 'partition' | 'overlapping' | 'none';
  total: Cell;
  cells: Cell[];
  /** A running total since a base year of the table with this id: this year's = last year's + this year's flow. */
  cumulativeOf?: string | undefined;
}

/** The public tables of one published edition. */
export interface EditionTables {
  id: string;
  year: number;
  edition: number;
  tables: Table[];
}

/** What an attacker and the protector know besides the edition itself. */
export interface Context {
  /** Earlier editions of the same year (revisions), as they were shown. */
  earlier: EditionTables[];
  /** The previous year's edition in force when this one was published, as shown. */
  previousYear?: EditionTables | undefined;
}

export interface Rule {
  /** Counts below this (and above zero) are hidden. */
  threshold: number;
  /** Whether a zero count is itself sensitive (hidden like a small count). */
  zerosSensitive: boolean;
}

export const allCells = (t: Table): Cell[] => [t.total, ...t.cells];

export function cellOf(t: Table, key: string): Cell | undefined {
  return key === TOTAL ? t.total : t.cells.find((c) => c.key === key);
}

/** A deep copy, so protecting a candidate never changes what the caller holds. */
export function cloneEdition(e: EditionTables): EditionTables {
  return { ...e, tables: e.tables.map((t) => ({ ...t, total: { ...t.total }, cells: t.cells.map((c) => ({ ...c })) })) };
}
