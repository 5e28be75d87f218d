// table5.xlsx: sheets Table5, Mentions, Documents, Sectors, Measures. Each sheet has a frozen
// bold header row, an autofilter, wrapped text and column widths fitted to the content (capped
// so a long sentence wraps instead of making a column a screen wide).
import ExcelJS from 'exceljs';
import { xmlChars } from './xml-chars.js';
import { FIXED_DATE, rezip } from './zip.js';
import type { Table } from './tables.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = 80;

export async function workbookBuffer(tables: readonly Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata: exceljs stamps the time of writing otherwise, and outputs must be
  // byte-identical for identical inputs.
  wb.creator = 'strategy-miner';
  wb.lastModifiedBy = 'strategy-miner';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const table of tables) addSheet(wb, table);
  const raw = await wb.xlsx.writeBuffer();
  return rezip(new Uint8Array(raw as ArrayBuffer));
}

function addSheet(wb: ExcelJS.Workbook, table: Table): void {
  const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.header.map((h, i) => ({ header: xmlChars(h), key: `c${i}`, width: fittedWidth(h, table.rows.map((r) => r[i] ?? '')) }));
  for (const row of table.rows) ws.addRow(row.map(fitCell));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { vertical: 'top', wrapText: true };
  });
  if (table.header.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
}

/** Excel refuses cells over 32,767 characters; a long cell is cut with a pointer to the full text. */
export const MAX_CELL = 32_767;
const CUT_NOTE = ' … [cut: the cell exceeded Excel’s limit; see table5.csv or table5.json]';

/** A cell as the workbook's XML can hold it, and within Excel's length limit. */
export function fitCell(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  // Cut first: a cut through a surrogate pair leaves half of it, which xmlChars then replaces.
  return xmlChars(value.length <= MAX_CELL ? value : value.slice(0, MAX_CELL - CUT_NOTE.length) + CUT_NOTE);
}

/** Width in characters: the longest line of the column, within [MIN_WIDTH, MAX_WIDTH]. */
export function fittedWidth(header: string, values: readonly (string | number)[]): number {
  let longest = header.length + 2; // room for the filter button
  for (const v of values) for (const line of String(v).split('\n')) longest = Math.max(longest, line.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 1));
}
