// A table row whose cells hold several items («;»-separated or bulleted, as in a SWOT cell or
// a "measures" column) → one piece per item, each with the row's header (its first cell) and
// its column's header (the cell above it in the table's first row) as lead-in. A priority in
// such a cell is then a unit of its own, as it would be in a list. Pure.

/** Cells as the readers join them (src/ingest: PDF, DOCX and HTML rows). */
export const CELL_SEPARATOR = ' | ';

export interface CellPiece {
  text: string;
  /** Character range in the row's text. */
  start: number;
  end: number;
  /** «row header — column header», either part left out when unknown. */
  leadIn?: string;
  /** True for an item of a multi-item cell, false for a whole cell. */
  item: boolean;
}

interface Cell {
  text: string;
  start: number;
}

function cellsOf(row: string): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (;;) {
    const at = row.indexOf(CELL_SEPARATOR, from);
    const end = at < 0 ? row.length : at;
    cells.push({ text: row.slice(from, end), start: from });
    if (at < 0) return cells;
    from = at + CELL_SEPARATOR.length;
  }
}

const BULLET_SPLIT = /(?:^|\s)[•▪·●■◦‣∙]\s+/gu;
const DASH_LIST_START = /^[–—-]\s+/u;
const DASH_SPLIT = /(?:^|\s)[–—-]\s+(?=[\p{Ll}\d«"])/gu;
/** A row header is a name («Туристско-рекреационный кластер»), not a paragraph. */
const MAX_ROW_HEADER = 120;
const NUMBERING = /^\d{1,3}[.)]?$/;
/** «;» ends an item when more text follows it. */
const SEMICOLON_SPLIT = /;\s+(?=\S)/gu;

/** The items of one cell, with their ranges in the cell; one item when the cell is not a list. */
export function cellItems(text: string): { text: string; start: number; end: number }[] {
  const cuts: { at: number; skip: number }[] = [];
  const collect = (re: RegExp, keep: number): void => {
    for (const m of text.matchAll(re)) cuts.push({ at: m.index + keep, skip: m[0].length - keep });
  };
  collect(BULLET_SPLIT, 0);
  if (DASH_LIST_START.test(text.trimStart())) collect(DASH_SPLIT, 0);
  // The «;» stays with the item before it, as it does in a list.
  collect(SEMICOLON_SPLIT, 1);
  cuts.sort((a, b) => a.at - b.at);
  const items: { text: string; start: number; end: number }[] = [];
  let from = 0;
  const push = (s: number, e: number): void => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) items.push({ text: trimmed, start: s + lead, end: s + lead + trimmed.length });
  };
  for (const cut of cuts) {
    if (cut.at < from) continue;
    push(from, cut.at);
    from = cut.at + cut.skip;
  }
  push(from, text.length);
  return items;
}

/**
 * The pieces of a table row, or undefined when no cell holds more than one item (the row is
 * then one unit, as before). `header` is the text of the table's first row (undefined for
 * the first row itself).
 */
export function tableRowPieces(row: string, header: string | undefined): CellPiece[] | undefined {
  const cells = cellsOf(row);
  const items = cells.map((c) => cellItems(c.text));
  if (!items.some((list) => list.length > 1)) return undefined;
  // The row is named by its first cell with letters («№ | Кластер | …» rows start with a
  // number) when that cell is one short item and a multi-item cell follows it.
  const firstMulti = items.findIndex((list) => list.length > 1);
  const named = items.findIndex((list) => list.length > 0 && !NUMBERING.test(list[0]!.text));
  const rowAt = named >= 0 && named < firstMulti && items[named]!.length === 1 && items[named]![0]!.text.length <= MAX_ROW_HEADER ? named : -1;
  const rowHeader = rowAt >= 0 ? items[rowAt]![0]!.text : undefined;
  const headerCells = header !== undefined ? cellsOf(header) : undefined;
  const columnHeaders =
    headerCells && headerCells.length === cells.length && !headerCells.some((c) => cellItems(c.text).length > 1)
      ? headerCells.map((c) => c.text.trim())
      : undefined;
  const pieces: CellPiece[] = [];
  cells.forEach((cell, k) => {
    // The «№» column is the row's number, not text.
    if (k < rowAt && items[k]!.every((i) => NUMBERING.test(i.text))) return;
    const isRowHeader = k === rowAt;
    const leadIn = isRowHeader ? columnHeaders?.[k] : [rowHeader, columnHeaders?.[k]].filter((x) => x !== undefined && x !== '').join(' — ');
    const multi = items[k]!.length > 1;
    for (const item of items[k]!) {
      pieces.push({
        text: item.text,
        start: cell.start + item.start,
        end: cell.start + item.end,
        ...(leadIn ? { leadIn } : {}),
        item: multi,
      });
    }
  });
  return pieces;
}
