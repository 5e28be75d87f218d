// One page's lines (reading order, furniture removed) → raw blocks: headings, paragraphs,
// list items, table rows, footnotes and table-of-contents lines (issue 3, item 1).
// Paragraph boundaries come from geometry the way a reader sees them: a first-line indent,
// extra space between paragraphs, a line that ends although the next word would have fit,
// a change of font size, a list marker. Two-column pages need nothing special because
// pdfjs returns text in content-stream order (column by column); a paragraph that runs
// from the foot of one column to the head of the next is joined when its last line is full
// and the next column does not start with an indent.
import type { BlockKind } from '../../records.js';
import { BULLET, dashMayContinue, NUMBERED } from './markers.js';
import { wordsWithin, type Line, type Segment } from './runs.js';

export interface LayoutContext {
  bodySize: number;
  /** Heading level for a font size (1 = largest), undefined when the size is not a heading size. */
  headingLevel: (size: number) => number | undefined;
  /** Usual baseline-to-baseline distance for a font size. */
  leading: (size: number) => number;
  pageHeight: number;
  /** Rank of the smallest heading size (0 when the document has none): body-size numbered headings («2.1. Экономика») nest under it. */
  smallestHeadingRank?: number;
  /** Whether the whole line is set in a bold face (read.ts, from the fonts' names). */
  isBold?: (line: Line) => boolean;
  /**
   * Tables come row by row, each line across the whole row (OCR), not cell by cell (a text
   * layer): a line under a row with text only in later columns is the rest of that row's
   * cells, not a new row.
   */
  rowsAcross?: boolean;
}

export interface RawBlock {
  kind: BlockKind;
  /** Lines to join (for table rows: empty; see cells). */
  lines: string[];
  /** Table rows: the lines of each cell, by column. */
  cells?: string[][];
  size: number;
  level?: number;
  /** The block may go on at the head of the next page (its last line is full or hyphenated). */
  openEnd: boolean;
  /** The block may be the rest of the previous page's last block (no indent, no marker). */
  continuation: boolean;
  /** A footnote reference mark was dropped from one of its lines. */
  footnoteRef?: boolean;
}

const FOOTNOTE_START = /^(?:\d{1,3}|\*{1,3})\s?(?=\p{L}|«)/u;
// Dot leaders (or an ellipsis run) followed by a page number at the end of a line. Kept
// free of nested unbounded groups before the leader: those backtrack badly on long lines.
const DOT_LEADER = /\s*(?:(?:\.\s?){3,}|…+)\s*(\d{1,4})$/u;
const TERMINAL = /[.;!?…]$/;
const PUNCTUATED = /[.;:,!?…]$/;
const SUBHEADING = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;
const TITLE_START = /^[\p{Lu}\d«"]/u;
/** «1», «2.3», «4.», «IV», «Раздел 2», «Глава 3»: a section number standing alone. */
const SECTION_NUMBER = /^(?:(?:раздел|глава|бөлім)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?)$/iu;
/** A table or figure caption, often bold too, is not a section heading. */
const CAPTION = /^(?:таблица|табл\.|рисунок|рис\.|диаграмма|график|схема|кесте|сурет|table|figure|fig\.)\s*\d/iu;
const MAX_BOLD_TITLE_LINES = 3;
const MAX_BOLD_TITLE_CHARS = 200;

/** A line that may belong to a bold body-size title (boldTitleAt): short, with letters, no
 *  closing punctuation. read.ts looks up font names only for such lines. */
export function mayBeBoldTitleLine(text: string): boolean {
  return text.length <= MAX_BOLD_TITLE_CHARS && !PUNCTUATED.test(text) && /\p{L}{2}/u.test(text);
}

interface TableState {
  columns: number[];
  size: number;
  rows: { cells: string[][]; top: number; bottom: number; lastCol: number }[];
}

export function layoutPage(lines: Line[], ctx: LayoutContext): RawBlock[] {
  const blocks: RawBlock[] = [];
  let cur: (RawBlock & { last: Line; lastIndex: number; first: Line }) | null = null;
  let table: TableState | null = null;

  const flush = (): void => {
    if (cur) {
      cur.openEnd = cur.kind === 'paragraph' || cur.kind === 'list_item' ? !lineEnds(lines, cur.lastIndex, undefined, ctx) : false;
      const { last: _l, lastIndex: _i, first: _f, ...b } = cur;
      blocks.push(b);
    }
    cur = null;
  };
  const flushTable = (): void => {
    if (!table) return;
    // A last "row" with text in one cell only is a caption or the next paragraph.
    const tail: string[] = [];
    while (table.rows.length > 1) {
      const last = table.rows[table.rows.length - 1]!;
      const filled = last.cells.filter((c) => c !== undefined && c.length > 0);
      if (filled.length !== 1) break;
      tail.unshift(...filled[0]!);
      table.rows.pop();
    }
    for (const row of table.rows) {
      const cells = table.columns.map((_, k) => row.cells[k] ?? []);
      blocks.push({ kind: 'table_row', lines: [], cells, size: table.size, openEnd: false, continuation: false });
    }
    if (tail.length > 0) blocks.push({ kind: 'paragraph', lines: tail, size: table.size, openEnd: false, continuation: false });
    table = null;
  };

  // A title and a page number without leaders is a contents line when its neighbour is one
  // too and the page numbers do not go down («Раздел 1 … 4», «Раздел 2 … 9»); a two-column
  // table of indicators and values («Число участников … 45», «Объём экспорта … 30») looks the
  // same but its numbers go any way.
  const entries = lines.map((l) => tocEntry(l.text));
  const pageNumber = lines.map((l) => (l.segments.length === 2 && /^\d{1,4}$/.test(l.segments[1]!.text) && /\p{L}{3}/u.test(l.segments[0]!.text) ? Number(l.segments[1]!.text) : undefined));
  const tocLike = lines.map((l, i) => {
    if (entries[i] !== null) return true;
    const n = pageNumber[i];
    if (n === undefined) return false;
    const before = pageNumber[i - 1];
    const after = pageNumber[i + 1];
    const leaderNear = (entries[i - 1] ?? null) !== null || (entries[i + 1] ?? null) !== null;
    return leaderNear || (before !== undefined && before <= n) || (after !== undefined && n <= after);
  });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const entry = entries[i]!;
    const isToc = entry !== null || tocLike[i] === true;
    if (isToc) {
      flush();
      flushTable();
      const text = entry ?? line.text;
      blocks.push({ kind: 'toc', lines: [text], size: line.size, openEnd: false, continuation: false });
      continue;
    }
    if (table) {
      if (addToTable(table, line, ctx)) continue;
      flushTable();
    }
    if (line.segments.length >= 2 && !numberedHeading(line)) {
      flush();
      table = { columns: line.segments.map((seg) => seg.x0), size: line.size, rows: [] };
      addToTable(table, line, ctx);
      continue;
    }
    let level = ctx.headingLevel(line.size);
    // A short, unpunctuated line in body size with multi-level numbering is a subheading.
    if (level === undefined && SUBHEADING.test(line.text) && !PUNCTUATED.test(line.text) && line.text.length <= 90) level = ctx.smallestHeadingRank ?? 0;
    // So is a body-size line in bold that stands alone as a short, unpunctuated title.
    if (level === undefined && boldTitleAt(i)) level = ctx.smallestHeadingRank ?? 0;
    const kind: BlockKind =
      level !== undefined && /\p{L}/u.test(line.text)
        ? 'heading'
        : line.size <= ctx.bodySize * 0.85 && line.y < ctx.pageHeight * 0.35 && FOOTNOTE_START.test(line.text)
          ? 'footnote'
          : (BULLET.test(line.text) || NUMBERED.test(line.text)) && !(cur && dashContinuesSentence(cur, line))
            ? 'list_item'
            : 'paragraph';
    if (cur && continues(cur, kind, line, i)) {
      cur.lines.push(line.text);
      cur.last = line;
      cur.lastIndex = i;
      if (line.hadFootnoteRef) cur.footnoteRef = true;
      continue;
    }
    flush();
    let text = line.text;
    if (kind === 'footnote') text = text.replace(FOOTNOTE_START, '');
    if (kind === 'list_item') text = text.replace(BULLET, '');
    cur = {
      kind,
      lines: [text],
      size: line.size,
      // Size ranks the heading; numbering («2.», «2.1.») nests headings set in one size.
      ...(kind === 'heading' ? { level: (level ?? 0) * 10 + numberingDepth(text) } : {}),
      openEnd: false,
      continuation: kind === 'paragraph' && startsAsContinuation(lines, i, ctx),
      ...(line.hadFootnoteRef ? { footnoteRef: true } : {}),
      last: line,
      lastIndex: i,
      first: line,
    };
  }
  flush();
  flushTable();
  return footnotesAfterReferences(blocks);

  /**
   * Line i starts or continues a heading set in bold at body size («Список использованных
   * источников», «Раздел 3. Приоритеты кластерной политики»): the bold paragraph it belongs to
   * (lines run on while a line is full and the next is bold, at the usual leading) has at most
   * MAX_BOLD_TITLE_LINES lines, starts with a capital, a digit or «, ends without punctuation,
   * and is not a caption («Таблица 1. …», «Рисунок 2 …»). A bold paragraph ends with a full
   * stop; a bold lead-in («Цель 1:») ends with a colon or has plain text after it on the line
   * (the line is not all bold), so neither is taken. The walk stops one line past the limit,
   * so a long bold passage costs no more than a short one.
   */
  function boldTitleAt(i: number): boolean {
    if (!ctx.isBold) return false;
    const line = lines[i]!;
    if (Math.abs(line.size - ctx.bodySize) > 0.6 || !ctx.isBold(line) || line.segments.length !== 1) return false;
    let start = i;
    while (start > 0 && i - start < MAX_BOLD_TITLE_LINES && runsOnBold(start - 1)) start--;
    let end = i;
    while (end + 1 < lines.length && end - start + 1 <= MAX_BOLD_TITLE_LINES && runsOnBold(end)) end++;
    if (end - start + 1 > MAX_BOLD_TITLE_LINES) return false;
    const text = lines.slice(start, end + 1).map((l) => l.text).join(' ');
    return text.length <= MAX_BOLD_TITLE_CHARS && TITLE_START.test(text) && !PUNCTUATED.test(text) && !BULLET.test(text) && !CAPTION.test(text);
  }

  /** Line k is bold and full, and line k + 1 is a bold line of the same paragraph. */
  function runsOnBold(k: number): boolean {
    const a = lines[k]!;
    const b = lines[k + 1]!;
    if (!ctx.isBold!(a) || !ctx.isBold!(b) || b.segments.length !== 1 || Math.abs(a.size - b.size) > 0.6) return false;
    const dy = a.y - b.y;
    return dy > 0 && dy <= ctx.leading(b.size) * 1.12 + 0.5 && !lineEnds(lines, k, b, ctx);
  }

  /**
   * A heading whose number stands apart from its title (LaTeX's \section puts «1» and
   * «Кластерная политика» a quad apart, so they come as two segments): two segments in a
   * heading size, the first nothing but a section number. Not a table row.
   */
  function numberedHeading(line: Line): boolean {
    return line.segments.length === 2 && ctx.headingLevel(line.size) !== undefined && SECTION_NUMBER.test(line.segments[0]!.text) && /^\p{Lu}/u.test(line.segments[1]!.text);
  }

  /**
   * A dash at the start of line b that is the dash of running text, wrapped to the line start
   * («…в высокотехнологичных отраслях» / «– радиоэлектронике, авиастроению…»), not a list
   * marker: the line before is full and ends without closing punctuation or a colon (a list
   * is introduced by «:» and its items end with «;» or «.»), it is in the same column at the
   * usual leading, and the text after the dash goes on in lower case or with a number. A
   * list item that filled its line exactly and has no punctuation would be joined too; that
   * is rarer than the wrapped dash, which Word leaves at line starts all the time.
   */
  function dashContinuesSentence(block: RawBlock & { last: Line; lastIndex: number }, b: Line): boolean {
    if (block.kind !== 'paragraph' && block.kind !== 'list_item') return false;
    const a = block.last;
    if (Math.abs(a.size - b.size) > 0.6 || !dashMayContinue(a.text, b.text)) return false;
    const lead = ctx.leading(b.size);
    const sameColumn = a.y > b.y && a.y - b.y <= lead * 1.12 + 0.5 && b.x0 < a.x1 && b.x1 > a.x0;
    return sameColumn && !lineEnds(lines, block.lastIndex, b, ctx);
  }

  function continues(block: RawBlock & { last: Line; lastIndex: number; first: Line }, kind: BlockKind, b: Line, bi: number): boolean {
    const a = block.last;
    if (Math.abs(a.size - b.size) > 0.6) return false;
    const lead = ctx.leading(b.size);
    if (block.kind === 'heading') return kind === 'heading' && a.y > b.y && a.y - b.y < 2 * b.size && numberingDepth(b.text) === 0;
    if (block.kind === 'footnote') return kind === 'paragraph' && a.y > b.y && a.y - b.y < 2 * lead;
    if (block.kind === 'toc' || block.kind === 'table_row') return false;
    if (kind !== 'paragraph') return false;
    const hyphenated = /\p{L}-$/u.test(a.text);
    const sameColumn = a.y > b.y && a.y - b.y < 2.5 * lead && b.x0 < a.x1 && b.x1 > a.x0;
    if (sameColumn) {
      if (a.y - b.y > lead * 1.12 + 0.5 && !hyphenated) return false;
      const ref = a === block.first ? a.bodyX0 : a.x0;
      // Centred lines (title pages) start further right without being indented; a lower-case
      // start after an unpunctuated line shows the sentence goes on.
      const centredContinuation = Math.abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < 3 && /^\p{Ll}/u.test(b.text) && !/[.;:!?]$/.test(a.text);
      // A list item set with a hanging indent (TeX's \item, Word's hanging list style) whose
      // marker and text came as one piece: its second line starts under the text, right of the
      // marker, and goes on in lower case.
      // LaTeX's enumerate sets «1)» the same way, so a number counts as a marker here too.
      const hanging = block.kind === 'list_item' && a === block.first && a.bodyX0 === a.x0 && (BULLET.test(a.text) || NUMBERED.test(a.text)) && /^\p{Ll}/u.test(b.text) && b.x0 <= a.x0 + 2.5 * b.size;
      if (b.x0 > ref + 0.8 * b.size && !centredContinuation && !hanging) return false;
      if (centredContinuation) return true;
      if (!hyphenated && lineEnds(lines, block.lastIndex, b, ctx)) return false;
      if (block.kind === 'list_item' && !hyphenated && TERMINAL.test(a.text) && /^\p{Lu}/u.test(b.text)) return false;
      return true;
    }
    // Far below in the same column: a gap (figure, table, spacing) between paragraphs,
    // unless the text visibly goes on.
    if (a.y > b.y && b.x0 < a.x1 && b.x1 > a.x0 && !hyphenated && !/^\p{Ll}/u.test(b.text)) return false;
    // The text moved to another column or region of the page.
    if (!hyphenated && (lineEnds(lines, block.lastIndex, b, ctx) || TERMINAL.test(a.text) && /^\p{Lu}/u.test(b.text))) return false;
    return !indentedAgainstNext(lines, bi, ctx);
  }
}

/**
 * Footnotes sit at the foot of the page in the layout, but belong after the text that cites
 * them («…101,5 млрд тенге.¹»): the k-th footnote of a page goes right after the k-th block
 * whose reference mark was dropped. Footnotes without a matching reference stay in place.
 */
function footnotesAfterReferences(blocks: RawBlock[]): RawBlock[] {
  const notes = blocks.filter((b) => b.kind === 'footnote');
  const refs = blocks.filter((b) => b.footnoteRef && b.kind !== 'footnote');
  if (notes.length === 0 || refs.length === 0) return blocks;
  const moved = new Map<RawBlock, RawBlock[]>();
  const placed = new Set<RawBlock>();
  refs.forEach((r, k) => {
    const note = notes[k];
    if (!note) return;
    moved.set(r, [...(moved.get(r) ?? []), note]);
    placed.add(note);
  });
  const out: RawBlock[] = [];
  for (const b of blocks) {
    if (placed.has(b)) continue;
    out.push(b, ...(moved.get(b) ?? []));
  }
  return out;
}

function numberingDepth(heading: string): number {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s/.exec(heading);
  return m ? m[1]!.split('.').length : 0;
}

/** «Раздел 2. Кластеры ........ 14» → «Раздел 2. Кластеры 14»; null when not a TOC entry. */
function tocEntry(text: string): string | null {
  if (!text.includes('..') && !text.includes('…') && !text.includes('. .')) return null;
  const m = DOT_LEADER.exec(text);
  if (!m) return null;
  const title = text.slice(0, m.index).trim();
  return /\p{L}/u.test(title) ? `${title} ${m[1]}` : null;
}

function sameColumnBelow(a: Line, b: Line, ctx: LayoutContext): boolean {
  return a.y > b.y && a.y - b.y < 2.5 * ctx.leading(a.size) && b.x0 < a.x1 && b.x1 > a.x0 && Math.abs(a.size - b.size) < 0.6;
}

/** Right edge of the column a line sits in: the widest of its neighbours in the same column. */
function columnRight(lines: Line[], i: number, ctx: LayoutContext): number {
  const a = lines[i]!;
  let right = a.x1;
  let prev = a;
  let found = false;
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    const b = lines[k]!;
    if (!sameColumnBelow(prev, b, ctx)) break;
    right = Math.max(right, b.x1);
    prev = b;
    found = true;
  }
  if (!found) {
    prev = a;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const b = lines[k]!;
      if (!sameColumnBelow(b, prev, ctx)) break;
      right = Math.max(right, b.x1);
      prev = b;
    }
  }
  return right;
}

/**
 * A line "ends" its paragraph when the first word of the following text would have fitted
 * in the space left at its end: the author broke the line, not the typesetter.
 */
function lineEnds(lines: Line[], i: number, next: Line | undefined, ctx: LayoutContext): boolean {
  const a = lines[i]!;
  if (/\p{L}-$/u.test(a.text)) return false;
  const right = columnRight(lines, i, ctx);
  const charW = next ? (next.x1 - next.x0) / Math.max(1, next.text.length) : a.size * 0.5;
  const word = next ? (/^\S+/.exec(next.text)?.[0].length ?? 1) : 3;
  return a.x1 + 0.25 * a.size + word * charW < right - 1;
}

function indentedAgainstNext(lines: Line[], i: number, ctx: LayoutContext): boolean {
  const b = lines[i]!;
  const c = lines[i + 1];
  if (!c || !sameColumnBelow(b, c, ctx)) return false;
  return b.x0 > c.x0 + 0.8 * b.size;
}

function startsAsContinuation(lines: Line[], i: number, ctx: LayoutContext): boolean {
  const b = lines[i]!;
  const c = lines[i + 1];
  if (c && sameColumnBelow(b, c, ctx)) return b.x0 <= c.x0 + 0.8 * b.size;
  return /^\p{Ll}/u.test(b.text);
}

/**
 * Column of a table for a piece of text starting at x: the nearest known column (cells may
 * be centred, so starts differ by more than a point or two); a start to the right of every
 * known column opens a new one.
 */
function columnFor(table: TableState, x: number): number {
  const last = table.columns[table.columns.length - 1]!;
  if (x > last + 10 && table.columns.every((c) => Math.abs(c - x) > 3)) {
    table.columns.push(x);
    return table.columns.length - 1;
  }
  let best = 0;
  table.columns.forEach((c, k) => {
    if (Math.abs(c - x) < Math.abs(table.columns[best]! - x)) best = k;
  });
  return best;
}

/**
 * The line's segments, cut again where a word starts at one of the table's column starts
 * (OCR lines only, which keep their words): tesseract runs two cells into one segment when
 * the gap between them is narrow («Горно-металлургический АО «Карагандинский»).
 */
function segmentsAtColumns(line: Line, table: TableState): Segment[] {
  if (!line.words || table.columns.length < 2) return line.segments;
  const out: Segment[] = [];
  for (const seg of line.segments) {
    const words = wordsWithin(line.words, seg);
    let cur: Segment[] = [];
    const push = (): void => {
      if (cur.length > 0) out.push({ text: cur.map((w) => w.text).join(' '), x0: cur[0]!.x0, x1: cur[cur.length - 1]!.x1 });
      cur = [];
    };
    for (const w of words) {
      if (cur.length > 0 && table.columns.some((c) => Math.abs(c - w.x0) <= COLUMN_SNAP && c > cur[0]!.x0 + COLUMN_SNAP)) push();
      cur.push(w);
    }
    push();
  }
  return out.length > 0 ? out : line.segments;
}

/** Points within which a word's start counts as a table column's start. */
const COLUMN_SNAP = 4;

function addToTable(table: TableState, line: Line, ctx: LayoutContext): boolean {
  if (Math.abs(line.size - table.size) > 0.6) return false;
  const lead = ctx.leading(line.size);
  const row = table.rows[table.rows.length - 1];
  const onRowTop = row !== undefined && Math.abs(line.y - row.top) < 0.5 * line.size;
  const segments = segmentsAtColumns(line, table);
  if (segments.length >= 2) {
    // Cells on the baseline of the current row belong to it (a label cell that pdfjs
    // returned as a line of its own, followed by the numbers of the same row).
    const target = onRowTop ? row : { cells: [] as string[][], top: line.y, bottom: line.y, lastCol: 0 };
    for (const seg of segments) {
      const k = columnFor(table, seg.x0);
      (target.cells[k] ??= []).push(seg.text);
      target.lastCol = k;
    }
    target.bottom = Math.min(target.bottom, line.y);
    if (!onRowTop) table.rows.push(target);
    return true;
  }
  if (!row) return false;
  if (line.y > row.top + 1 || line.y < row.bottom - 3 * lead) return false;
  const k = columnFor(table, line.x0);
  // A cell's lines stay inside its column: a line running over the next column's start is
  // the paragraph after the table.
  const nextColumn = table.columns[k + 1];
  if (nextColumn !== undefined && line.x1 > nextColumn + COLUMN_SNAP) return false;
  // Across rows (OCR), the line under a row that starts in a later column is the rest of
  // that row's cell; a new row starts in the first column, and not in lower case.
  if (ctx.rowsAcross && (k > 0 || /^\p{Ll}/u.test(line.text)) && line.y >= row.bottom - 1.5 * lead) {
    (row.cells[k] ??= []).push(line.text);
    row.lastCol = Math.max(row.lastCol, k);
    row.bottom = Math.min(row.bottom, line.y);
    return true;
  }
  // pdfjs returns a table cell by cell: going back to a column left of the last one filled
  // means the next row has begun (or a caption under the table, which flushTable turns back
  // into a paragraph).
  if (k < row.lastCol || (k === row.lastCol && row.cells[k] !== undefined && row.bottom - line.y > 2 * lead)) {
    const next = { cells: [] as string[][], top: line.y, bottom: line.y, lastCol: k };
    next.cells[k] = [line.text];
    table.rows.push(next);
    return true;
  }
  (row.cells[k] ??= []).push(line.text);
  row.lastCol = k;
  row.bottom = Math.min(row.bottom, line.y);
  return true;
}
