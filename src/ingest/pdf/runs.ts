// pdfjs text items → positioned text lines. Only geometry and marked content are used here;
// what a line *is* (heading, list item, table row …) is decided in layout.ts.
import type { TextContent, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { LIST_MARKER_ONLY } from './markers.js';

/** A horizontal piece of a line; a line has several when it is a table row or a tabbed TOC entry. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface Line {
  segments: Segment[];
  /** Segments joined by a single space. */
  text: string;
  x0: number;
  x1: number;
  /** Baseline, PDF user space (grows upwards). */
  y: number;
  /** Font size (vertical scale of the text matrix). */
  size: number;
  /** Every piece of the line was inside an /Artifact marked-content sequence (tagged PDFs). */
  artifact: boolean;
  /** True when a footnote reference (small raised digits) was dropped from this line. */
  hadFootnoteRef: boolean;
  /** Where the text after a leading list marker («•», «–») starts; x0 when there is none. */
  bodyX0: number;
  /** pdfjs's ids of the fonts its text is set in (e.g. "g_d0_f2"); read.ts resolves them to
   *  font names to tell bold lines. Absent on hand-made lines. */
  fonts?: string[];
  /** The words of an OCR'd line with their boxes: where tesseract ran two table cells into one
   *  segment, layout.ts cuts it again at the table's column starts. Absent on text-layer lines. */
  words?: Segment[];
}

/** The words of an OCR'd line that lie inside one of its segments (half a point of slack). */
export function wordsWithin(words: readonly Segment[], seg: Segment): Segment[] {
  return words.filter((w) => w.x0 >= seg.x0 - 0.5 && w.x1 <= seg.x1 + 0.5);
}

interface Run {
  text: string;
  x: number;
  y: number;
  w: number;
  size: number;
  eol: boolean;
  artifact: boolean;
  font: string;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Flattens text content into runs, tracking whether each lies inside an /Artifact sequence. */
export function toRuns(content: TextContent): Run[] {
  const runs: Run[] = [];
  const tags: string[] = [];
  let artifactDepth = 0;
  for (const item of content.items) {
    if (!isTextItem(item)) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        // pdfjs puts the marked-content tag on these items at run time; its typings omit it.
        const tag = (item as TextMarkedContent & { tag?: string }).tag ?? '';
        tags.push(tag);
        if (tag === 'Artifact') artifactDepth++;
      } else if (item.type === 'endMarkedContent') {
        if (tags.pop() === 'Artifact') artifactDepth--;
      }
      continue;
    }
    const t = item.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.hypot(t[0] ?? 0, t[1] ?? 0);
    runs.push({
      text: item.str,
      x: t[4] ?? 0,
      y: t[5] ?? 0,
      w: item.width,
      size,
      eol: item.hasEOL,
      artifact: artifactDepth > 0,
      font: item.fontName,
    });
  }
  return runs;
}

const FOOTNOTE_REF = /^[\d*]{1,3}$/;
const SPACE = /\s/;

/**
 * Groups runs into lines. A new line starts after hasEOL, when the baseline moves, or when
 * the text jumps back left. Inside a line, a wide gap before text that starts at an x where
 * other lines of the page also start (a column of a table) splits the line into segments;
 * so does any gap wider than four ems. Justified text has wide word spaces but its words do
 * not line up with other lines' starts, so it stays one segment.
 */
export function toLines(runs: Run[]): Line[] {
  const anchors = lineStartAnchors(runs);
  const isAnchor = (x: number): boolean => anchors.has(Math.round(x)) || anchors.has(Math.round(x) - 1) || anchors.has(Math.round(x) + 1);
  const lines: Line[] = [];
  interface Piece { text: string; x0: number; x1: number; gap: number; spaced: boolean }
  let cur: { pieces: Piece[]; y: number; size: number; artifact: boolean; hadFootnoteRef: boolean; x1: number; pendingSpace: boolean; ended: boolean; fonts: string[] } | null = null;
  const finish = (): void => {
    if (cur) {
      const line = piecesToLine(cur.pieces, cur.size, isAnchor);
      if (line) lines.push({ segments: line.segments, text: line.text, x0: line.x0, x1: line.x1, bodyX0: line.bodyX0, y: cur.y, size: cur.size, artifact: cur.artifact, hadFootnoteRef: cur.hadFootnoteRef, fonts: cur.fonts });
    }
    cur = null;
  };
  for (const run of runs) {
    const blank = run.text.trim() === '';
    if (cur && !blank) {
      const dy = run.y - cur.y;
      // Raised, smaller digits right after the text: a footnote reference («тенге.¹»).
      if (!cur.ended && run.size < cur.size * 0.8 && dy > 0 && dy < cur.size * 0.7 && FOOTNOTE_REF.test(run.text.trim()) && run.x >= cur.x1 - 1 && run.x - cur.x1 < cur.size) {
        cur.hadFootnoteRef = true;
        if (run.eol) cur.ended = true;
        continue;
      }
      if (cur.ended || Math.abs(dy) > Math.max(cur.size, run.size) * 0.4 || run.x < cur.x1 - cur.size) finish();
    }
    if (blank) {
      if (cur && !cur.ended && run.w > 0) cur.pendingSpace = true;
      if (run.eol && cur) cur.ended = true;
      continue;
    }
    if (!cur) {
      cur = { pieces: [], y: run.y, size: run.size, artifact: run.artifact, hadFootnoteRef: false, x1: run.x, pendingSpace: false, ended: false, fonts: [] };
    }
    if (run.font && !cur.fonts.includes(run.font)) cur.fonts.push(run.font);
    cur.pieces.push({ text: run.text, x0: run.x, x1: run.x + run.w, gap: run.x - cur.x1, spaced: cur.pendingSpace || /^\s/.test(run.text) });
    cur.x1 = run.x + run.w;
    cur.size = Math.max(cur.size, run.size);
    cur.artifact = cur.artifact && run.artifact;
    cur.pendingSpace = false;
    if (run.eol) cur.ended = true;
  }
  finish();
  return lines;
}

/**
 * Joins the pieces of one line into segments. A gap splits the line (table cell, tabbed TOC
 * entry) when it is wider than four ems, or wider than two ems, or wider than half an em and
 * the next piece starts at a column where other lines start — the last two unless the line is justified text whose word gaps
 * are all about this wide, or the piece before is only a list marker.
 */
function piecesToLine(pieces: { text: string; x0: number; x1: number; gap: number; spaced: boolean }[], size: number, isAnchor: (x: number) => boolean): Omit<Line, 'y' | 'size' | 'artifact' | 'hadFootnoteRef'> | null {
  if (pieces.length === 0) return null;
  // Most lines come as one or two pieces: no median of word gaps to take (it needs three).
  let typical = Number.NaN;
  if (pieces.length >= 4) {
    const wordGaps: number[] = [];
    for (let i = 1; i < pieces.length; i++) if (pieces[i]!.spaced) wordGaps.push(pieces[i]!.gap);
    wordGaps.sort((a, b) => a - b);
    if (wordGaps.length >= 3) typical = wordGaps[Math.floor(wordGaps.length / 2)]!;
  }
  const segments: Segment[] = [];
  let bodyX0 = pieces[0]!.x0;
  let markerPossible = true;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const seg = segments[segments.length - 1];
    if (!seg) {
      segments.push({ text: p.text, x0: p.x0, x1: p.x1 });
      continue;
    }
    if (markerPossible && segments.length === 1 && bodyX0 === seg.x0) {
      if (LIST_MARKER_ONLY.test(seg.text)) bodyX0 = p.x0;
      // A marker is at most three characters besides spaces, and the segment only grows:
      // past that, stop re-testing it (each test flattened the growing string again).
      else if (seg.text.trim().length > 3) markerPossible = false;
    }
    const evenlyJustified = Number.isFinite(typical) && Math.abs(p.gap - typical) <= Math.max(1, typical * 0.2);
    const split = p.gap > 4 * size || (!evenlyJustified && (p.gap > 2 * size || (p.gap > 0.5 * size && isAnchor(p.x0) && !LIST_MARKER_ONLY.test(seg.text))));
    if (split) {
      segments.push({ text: p.text, x0: p.x0, x1: p.x1 });
    } else {
      const needsSpace = p.spaced || p.gap > 0.15 * size;
      // Test the last character only: /\s$/ on the growing segment rescans it every time,
      // quadratic on lines that pdfjs returns glyph by glyph.
      seg.text += (needsSpace && !SPACE.test(seg.text.charAt(seg.text.length - 1)) && !SPACE.test(p.text.charAt(0)) ? ' ' : '') + p.text;
      seg.x1 = p.x1;
    }
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
  const kept = segments.filter((s) => s.text !== '');
  if (kept.length === 0) return null;
  return { segments: kept, text: kept.length === 1 ? kept[0]!.text : kept.map((s) => s.text).join(' '), x0: kept[0]!.x0, x1: kept[kept.length - 1]!.x1, bodyX0 };
}

/** x positions (rounded) where at least two lines of the page start. */
function lineStartAnchors(runs: Run[]): Set<number> {
  const counts = new Map<number, number>();
  let prevY = Number.NaN;
  let prevX = Number.NaN;
  let ended = true;
  for (const run of runs) {
    if (run.text.trim() === '') {
      if (run.eol) ended = true;
      continue;
    }
    if (ended || Math.abs(run.y - prevY) > run.size * 0.4 || run.x < prevX) {
      const k = Math.round(run.x);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    prevY = run.y;
    prevX = run.x;
    ended = run.eol;
  }
  const anchors = new Set<number>();
  for (const [x, n] of counts) {
    const near = n + (counts.get(x - 1) ?? 0) + (counts.get(x + 1) ?? 0);
    if (near >= 2) anchors.add(x);
  }
  return anchors;
}
