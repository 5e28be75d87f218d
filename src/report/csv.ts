// CSV text, the one place every CSV of the tool is written (the reports and `sample`).
// UTF-8 with '\n' line ends; `excel` adds a BOM and ';' as separator, which is what Excel
// expects in locales whose decimal mark is a comma (ru, kk).
//
// Formula injection: a spreadsheet that opens a CSV runs a cell that begins with '=', '+',
// '-' or '@' as a formula, and tab or carriage return at the start can smuggle one past a
// check. Cell text comes from documents downloaded from the web, so by default such a cell is
// prefixed with an apostrophe, which OWASP recommends ("CSV Injection") and spreadsheets show
// as text. List items («- развитие кластера;») start with '-' and get the prefix too.
// `raw` writes cells unchanged, for scripts that read the CSV rather than people; restoreCell
// undoes the prefix for the tool's own readers (gold files made from `sample`).
import { stringify } from 'csv-stringify/sync';
import type { Table } from './tables.js';

export interface CsvOptions {
  /** BOM and ';' separators, for spreadsheets in ru/kk locales. */
  excel?: boolean;
  /** No formula-injection guard. */
  raw?: boolean;
}

type Cell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A string cell that a spreadsheet would run as a formula, made inert; numbers stay numbers. */
export function neutraliseCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell as it was before neutraliseCell. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function csvText(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const cells = options.raw ? rows : rows.map((row) => row.map(neutraliseCell));
  return stringify(cells as Cell[][], {
    bom: options.excel ?? false,
    delimiter: options.excel ? ';' : ',',
    record_delimiter: '\n',
  });
}

export function tableCsv(table: Table, options: CsvOptions = {}): string {
  return csvText([table.header, ...table.rows], options);
}
