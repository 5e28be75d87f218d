// tesseract's word boxes → positioned lines, so that an OCR'd page goes through the same layout
// rules as a text-layer page (layout.ts): a paragraph goes on while its lines are full and at
// the usual leading, a first-line indent or a short last line ends it, list markers open list
// items, a dash wrapped to a line start continues the sentence, wide gaps between words make
// table cells, and a taller line is a heading. tesseract's own paragraphs are not used: it
// starts a new one at a short line or an indent inconsistently, and cut priorities in two
// («…научные центры и» / «вузы…»).
import type { OcrLine, OcrWord } from '../ocr/tsv.js';
import type { LayoutContext, RawBlock } from './layout.js';
import { wordsWithin, type Line, type Segment } from './runs.js';

/** The page images are rendered at 300 dpi (ocr/engine.ts); layout works in PDF points. */
const POINTS_PER_PIXEL = 72 / 300;
/** A gap between words wider than this many line heights separates table cells or tab stops.
 *  Justified text stretches a space to at most about one line height. */
const CELL_GAP_HEIGHTS = 1.8;
/** A line this much taller than body text is a heading. Box heights differ by the ascenders
 *  and descenders of their letters (a line of small letters only is two thirds as tall as one
 *  with a capital and a «р»), so body text is measured by its tallest usual lines and every line
 *  up to this factor above them is body. */
const HEADING_HEIGHT = 1.3;
const BODY_QUANTILE = 0.8;
const LEAD_JITTER = 1.25;
const CENTRED_TOLERANCE = 0.03;
const SHORT_LINE = 0.9;
const TITLE = /^[\p{Lu}\d«"]/u;
const CELL_BORDER = /^\|+|\|+$/gu;
const FOOTNOTE_MARK = /^(?:\d{1,3}|\*{1,3})(?=\p{L}|«)/u;
const FOOTNOTE_AREA = 0.35;
const FOOTNOTE_HEIGHT = 0.9;
const FOOTNOTE_SIZE = 0.8;
const BULLET = /^[•·▪■◦●‣∙○□➢►✓*–—-]$/u;

export interface OcrLayout {
  lines: Line[];
  context: LayoutContext;
}

/** Lines (in tesseract's reading order) and the layout context of one OCR'd page. */
export function ocrLayout(ocrLines: readonly OcrLine[], imageHeight: number): OcrLayout {
  const pageHeight = imageHeight * POINTS_PER_PIXEL;
  const bodyHeights = ocrLines.filter((l) => l.words.length >= 3).map(lineHeight);
  const body = quantile(bodyHeights.length > 0 ? bodyHeights : ocrLines.map(lineHeight), BODY_QUANTILE) || 10;
  const lines: Line[] = [];
  const heights: number[] = [];
  for (const ocr of ocrLines) {
    const line = toLine(ocr, pageHeight, body);
    if (!line) continue;
    lines.push(line);
    heights.push(lineHeight(ocr));
  }
  splitAcrossGutter(lines, heights);
  // OCR sees no bold face, so a title set in bold at body size is told by being centred: a
  // short line, without closing punctuation, whose middle is the text column's middle, is
  // made a heading. Its size is one point above the body: lines of one title follow each
  // other at the body's leading, and a centred line further off (the running header above a
  // chapter title) stays apart (layout.ts joins heading lines less than two sizes apart).
  const left = quantile(lines.map((l) => l.x0), 0.2);
  const right = quantile(lines.map((l) => l.x1), 0.8);
  for (const line of lines) {
    const centred = Math.abs((line.x0 + line.x1) / 2 - (left + right) / 2) < CENTRED_TOLERANCE * (right - left);
    const short = line.x1 - line.x0 < SHORT_LINE * (right - left) && line.x0 > left + body;
    if (centred && short && line.segments.length === 1 && TITLE.test(line.text) && !/[.,;:]$/.test(line.text)) line.size = body + 1;
  }
  // Footnotes, in a smaller face at the foot of the page, start with their mark glued to the
  // text («1Здесь и далее…»): from such a line down, lines shorter than the body are given a
  // footnote's size, as layout.ts tells footnotes by size.
  let inFootnotes = false;
  lines.forEach((line, k) => {
    const height = heights[k]!;
    if (!inFootnotes && line.y < pageHeight * FOOTNOTE_AREA && FOOTNOTE_MARK.test(line.text) && height < body * FOOTNOTE_HEIGHT) inFootnotes = true;
    if (inFootnotes && height < body * FOOTNOTE_HEIGHT) line.size = body * FOOTNOTE_SIZE;
  });
  const leads: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const dy = a.y - b.y;
    if (a.size === body && b.size === body && dy > 0.8 * body && dy < 2.2 * body) leads.push(dy);
  }
  // The usual leading, with room for the jitter of line positions read off boxes (a quarter
  // of a line): paragraphs of scanned strategies are told apart by indents and short last
  // lines far more often than by extra space.
  const lead = (median(leads) || body * 1.2) * LEAD_JITTER;
  return {
    lines,
    context: {
      bodySize: body,
      headingLevel: (size) => (size > body + 0.5 ? 1 : undefined),
      leading: () => lead,
      pageHeight,
      smallestHeadingRank: 1,
      rowsAcross: true,
    },
  };
}

/** Lines that end (or start) at one x, within this many points, line up on a column edge. */
const EDGE_TOLERANCE = 3;
/** A column edge needs this many full lines on it; table cells wrap ragged and never reach it. */
const EDGE_LINES = 3;
/** The widest gutter between two text columns, in body line heights. */
const MAX_GUTTER = 4;

/**
 * Two text columns whose first lines sit at the same height are sometimes read by tesseract as
 * one line across the gutter («Первая колонка, абзац первый:   тий.»): the left column's line
 * and the right column's first line. Where the page has two justified columns (at least
 * EDGE_LINES single-piece lines end at one x, and as many start at one x a gutter's width to
 * the right), such a two-piece line is cut at the gutter and its right piece goes before the
 * right column's first line, where tesseract puts the rest of that column.
 */
function splitAcrossGutter(lines: Line[], heights: number[]): void {
  const single = lines.filter((l) => l.segments.length === 1);
  const body = median(heights);
  const ends = single.map((l) => l.x1);
  const starts = single.map((l) => l.x0);
  // Full-width lines share the page's right margin too: try every shared end, leftmost first.
  let leftEdge: number | undefined;
  let rightEdge: number | undefined;
  for (const end of edges(ends)) {
    const start = edges(starts.filter((x) => x > end && x - end <= MAX_GUTTER * body))[0];
    if (start !== undefined) {
      leftEdge = end;
      rightEdge = start;
      break;
    }
  }
  if (leftEdge === undefined || rightEdge === undefined) return;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.segments.length !== 2) continue;
    const [left, right] = line.segments as [Segment, Segment];
    if (left.x1 > leftEdge + EDGE_TOLERANCE || right.x0 < leftEdge || Math.abs(right.x0 - rightEdge) > 4 * EDGE_TOLERANCE) continue;
    // Only inside the columns: the next line is the left column's (a table row's next line is not).
    const next = lines[i + 1];
    if (!next || next.segments.length !== 1 || next.x1 > leftEdge + EDGE_TOLERANCE) continue;
    // The right column's first line below: the first later line that starts right of the gutter.
    const at = lines.findIndex((l, k) => k > i && l.x0 >= leftEdge && l.segments.length === 1);
    if (at < 0) continue;
    const words = line.words ?? [];
    const piece = (seg: Segment): Line => ({
      ...line,
      segments: [seg],
      text: seg.text,
      x0: seg.x0,
      x1: seg.x1,
      bodyX0: seg.x0,
      words: wordsWithin(words, seg),
    });
    lines.splice(at, 0, piece(right));
    heights.splice(at, 0, heights[i]!);
    lines[i] = piece(left);
  }
}

/** The xs shared, within EDGE_TOLERANCE, by at least EDGE_LINES of the values, left to right (the smallest of each group). */
function edges(xs: number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[i]! <= EDGE_TOLERANCE) j++;
    if (j - i + 1 >= EDGE_LINES) {
      out.push(sorted[i]!);
      i = j;
    }
  }
  return out;
}

function lineHeight(l: OcrLine): number {
  // A table's vertical rule read as «|» spans the whole row, taller than any letter.
  const letters = l.words.filter((w) => !/^\|+$/u.test(w.text));
  const words = letters.length > 0 ? letters : l.words;
  const top = Math.min(...words.map((w) => w.top));
  const bottom = Math.max(...words.map((w) => w.top + w.height));
  return (bottom - top) * POINTS_PER_PIXEL;
}

function toLine(ocr: OcrLine, pageHeight: number, body: number): Line | undefined {
  // Table rules read as «|» («|АО «Карагандинский»): a border, not text, but where one
  // stands between two words a cell ends, however narrow the gap.
  const rules = ocr.words.filter((w) => /^\||\|$/u.test(w.text)).map((w) => (/^\|/u.test(w.text) ? w.left : w.left + w.width));
  const words = ocr.words
    .map((w) => {
      const lead = /^\|+/u.exec(w.text)?.[0].length ?? 0;
      const text = w.text.replace(CELL_BORDER, '');
      if (text === w.text) return w;
      // The box still spans the border: move its left edge past it.
      const shift = Math.round((w.width * lead) / Math.max(1, w.text.length));
      return { ...w, text, left: w.left + shift, width: w.width - shift };
    })
    .filter((w) => w.text !== '')
    .sort((a, b) => a.left - b.left);
  if (words.length === 0) return undefined;
  const height = lineHeight(ocr);
  const size = height < body * HEADING_HEIGHT ? body : Math.round(height * 2) / 2;
  const gap = (CELL_GAP_HEIGHTS * Math.min(height, body)) / POINTS_PER_PIXEL;
  const segments: Segment[] = [];
  let current: OcrWord[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const first = current[0]!;
    const last = current[current.length - 1]!;
    segments.push({ text: current.map((w) => w.text).join(' '), x0: first.left * POINTS_PER_PIXEL, x1: (last.left + last.width) * POINTS_PER_PIXEL });
    current = [];
  };
  for (const w of words) {
    const prev = current[current.length - 1];
    // A list marker and its text are one cell, however far apart.
    const ruled = prev !== undefined && rules.some((x) => x >= prev.left + prev.width - 2 && x <= w.left + 2);
    if (prev && (ruled || (w.left - (prev.left + prev.width) > gap && !(current.length === 1 && BULLET.test(prev.text))))) flush();
    current.push(w);
  }
  flush();
  // The middle of the line's box: a scan turned by half a degree moves a word's bottom by
  // several points from one end of a line to the other, and the boxes' ascenders and
  // descenders differ from line to line; the middle of the whole box moves least.
  const top = Math.min(...words.map((w) => w.top));
  const bottom = Math.max(...words.map((w) => w.top + w.height));
  const middle = (top + bottom) / 2;
  const x0 = segments[0]!.x0;
  const marker = BULLET.test(words[0]!.text) && words[1] ? words[1].left * POINTS_PER_PIXEL : x0;
  return {
    words: words.map((w) => ({ text: w.text, x0: w.left * POINTS_PER_PIXEL, x1: (w.left + w.width) * POINTS_PER_PIXEL })),
    segments,
    text: segments.map((s) => s.text).join(' '),
    x0,
    x1: segments[segments.length - 1]!.x1,
    y: pageHeight - middle * POINTS_PER_PIXEL,
    size,
    artifact: false,
    hadFootnoteRef: false,
    bodyX0: marker,
  };
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/**
 * OCR returns a table line by line, across the row, where a text layer gives it cell by cell:
 * a cell of several lines comes out as several rows, the later ones with an empty first cell
 * (the row's number or name has one line). Those are folded back into the row above them.
 */
export function foldOcrTableRows(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const raw of blocks) {
    // A "row" with text in one cell only is a paragraph the table took in (a full-width line
    // under it), not a row.
    const filled = raw.kind === 'table_row' ? (raw.cells ?? []).filter((c) => c.length > 0) : [];
    const block: RawBlock = raw.kind === 'table_row' && filled.length === 1 ? { kind: 'paragraph', lines: filled[0]!, size: raw.size, openEnd: false, continuation: false } : raw;
    const prev = out[out.length - 1];
    const cells = block.cells;
    if (block.kind === 'table_row' && cells && prev?.kind === 'table_row' && prev.cells && (cells[0]?.length ?? 0) === 0 && cells.some((c) => c.length > 0)) {
      const merged = prev.cells.map((c) => [...c]);
      cells.forEach((c, k) => (merged[k] ??= []).push(...c));
      out[out.length - 1] = { ...prev, cells: merged };
      continue;
    }
    out.push(block);
  }
  return out;
}
