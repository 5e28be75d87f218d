// Running headers, footers and page numbers (issue 3, item 1). Tagged PDFs mark them as
// /Artifact; otherwise they are lines near the top or bottom edge that repeat across pages
// once digits are ignored («Страница 2 из 301»), or that look like a page number.
import type { Line } from './runs.js';

export interface PageLines {
  lines: Line[];
  height: number;
}

/** How many lines from each edge are looked at. */
const EDGE_LINES = 3;
export const PAGE_NUMBER = /^(?:(?:страница|стр\.?|бет|page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:из|of|\/|беттің|-тен)\s*\d{1,4})?(?:\s*(?:бет|стр\.?))?$/iu;

/** Headers and footers sit in the page margins: the top and bottom tenth of the page. */
const MARGIN_SHARE = 0.1;

export function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function inMargin(line: Line, height: number): boolean {
  return line.y > height * (1 - MARGIN_SHARE) || line.y < height * MARGIN_SHARE;
}

/** Lines sorted top to bottom, paired with their index in the page's line list. */
function byHeight(lines: Line[]): number[] {
  return lines.map((_, i) => i).sort((a, b) => lines[b]!.y - lines[a]!.y);
}

function edgeIndices(lines: Line[]): { top: number[]; bottom: number[] } {
  const order = byHeight(lines);
  return { top: order.slice(0, EDGE_LINES), bottom: order.slice(-EDGE_LINES).reverse() };
}

/**
 * Returns, per page, the indices of lines that are page furniture. `bodySize` is the
 * document's most common font size: a lone first line set smaller than the body and well
 * apart from it is a header even in a one-page document.
 */
export function findFurniture(pages: PageLines[], bodySize: number): Set<number>[] {
  const pageCount = pages.length;
  const keyPages = new Map<string, number>();
  const edgeKeys = pages.map((p) => {
    const { top, bottom } = edgeIndices(p.lines);
    const keys = new Set<string>();
    for (const i of [...top, ...bottom]) keys.add(furnitureKey(p.lines[i]!.text));
    for (const k of keys) keyPages.set(k, (keyPages.get(k) ?? 0) + 1);
    return { top, bottom };
  });
  // A repeated key must occur on at least 2 pages and 40% of the document, and be set no
  // larger than body text: section headings that start every third page («Раздел 7. …»)
  // repeat too, but they are larger and rarer.
  const minRepeats = Math.max(2, Math.ceil(pageCount * 0.4));
  return pages.map((p, pi) => {
    const out = new Set<number>();
    p.lines.forEach((l, i) => {
      if (l.artifact) out.add(i);
    });
    const { top, bottom } = edgeIndices(p.lines);
    // Walk inwards from each edge; stop at the first line that is not furniture so a body
    // line that happens to match is not removed from the middle of the page.
    for (const edge of [edgeKeys[pi]!.top, edgeKeys[pi]!.bottom]) {
      for (const i of edge) {
        const l = p.lines[i]!;
        const key = furnitureKey(l.text);
        const repeated = (keyPages.get(key) ?? 0) >= minRepeats && pageCount > 1 && l.size <= bodySize + 0.5 && inMargin(l, p.height);
        if (repeated || PAGE_NUMBER.test(l.text.trim()) || l.artifact) out.add(i);
        else break;
      }
    }
    // One-page documents: a small first line far above the rest is a running header.
    const first = top[0];
    const second = top[1];
    if (first !== undefined && second !== undefined && !out.has(first)) {
      const a = p.lines[first]!;
      const b = p.lines[second]!;
      if (a.size < bodySize * 0.9 && a.y - b.y > 2 * b.size && a.y > p.height * 0.85) out.add(first);
    }
    void bottom;
    return out;
  });
}

/**
 * Drops running headers, footers and page numbers from OCR text (lines separated by '\n'):
 * the first and last two non-empty lines are checked against the furniture found on the
 * document's text pages and against the page-number pattern.
 */
export function stripOcrFurniture(text: string, keys: ReadonlySet<string>): string {
  const lines = text.split('\n');
  const nonEmpty = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const edge = new Set([...nonEmpty.slice(0, 2), ...nonEmpty.slice(-2)]);
  const isFurniture = ocrFurnitureTest(keys);
  return lines.filter((l, i) => !(edge.has(i) && isFurniture(l))).join('\n');
}

/**
 * Whether an OCR'd line is the running header, footer or page number of the text-layer pages
 * (`keys`: their furnitureKey). OCR misreads punctuation more often than letters (Samara's
 * running header came back with «“» for its dash), so lines are also compared by their
 * letters alone.
 */
export function ocrFurnitureTest(keys: ReadonlySet<string>): (line: string) => boolean {
  const letterKeys = new Set([...keys].map(lettersKey).filter((k) => k.length >= MIN_LETTER_KEY));
  return (l: string): boolean => {
    if (keys.has(furnitureKey(l)) || PAGE_NUMBER.test(l.trim())) return true;
    const k = lettersKey(l);
    return k.length >= MIN_LETTER_KEY && letterKeys.has(k);
  };
}

/** Lines with fewer letters than this are not matched by letters alone. */
const MIN_LETTER_KEY = 12;

function lettersKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]+/gu, '');
}
