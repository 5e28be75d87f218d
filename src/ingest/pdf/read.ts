// PDF → IngestedDocument: extraction page by page, document-level analysis (body size,
// headings, running headers, vocabulary), page triage, OCR of the pages that need it, and
// block assembly. Every failure becomes a document status, never an exception.
import type { IngestedDocument, OcrMode, Page, PageTriage } from '../../records.js';
import { OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { classifyPdfError, startLoading } from './pdfjs.js';
import { toLines, toRuns, type Line } from './runs.js';
import { findFurniture, furnitureKey, ocrFurnitureTest, stripOcrFurniture, type PageLines } from './furniture.js';
import { foldOcrTableRows, ocrLayout } from './ocr-lines.js';
import type { OcrPageResult } from '../ocr/types.js';
import { repairCp1251, triageText } from './triage.js';
import { buildVocabulary } from '../hyphenation.js';
import { layoutPage, mayBeBoldTitleLine, type RawBlock } from './layout.js';
import { blocksFromPlainText } from './plain-text.js';
import { checkXref } from './structure.js';
import { assemblePages, type PageDraft } from './assemble.js';

export interface PdfReadOptions {
  file: string;
  sha256: string;
  ocr: OcrMode;
  timeoutMs: number;
  ocrConcurrency: number;
  /**
   * Another thread that can read a range of this PDF's pages meanwhile (the worker pool's idle
   * worker). Resolves undefined when there is none or it failed: the pages are then read here.
   */
  rangeHelper?: RangeHelper;
}

/** A range of a PDF's pages read on another thread: their lines, and the names of their fonts. */
export interface PageRange {
  pages: PageLines[];
  fontNames: [string, string][];
}

export type RangeHelper = (from: number, to: number) => Promise<PageRange | undefined>;

/**
 * A document this long has its second half read by a helper thread, when there is one. Below
 * it, opening the file twice and handing the lines over costs more than it saves.
 */
export const SPLIT_MIN_PAGES = 40;

const TIMED_OUT = Symbol('timeout');

function before<T>(promise: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  // A promise given up on at the deadline still settles later, typically rejecting with
  // "Transport destroyed" once the task is destroyed: mark it handled so that a late
  // rejection is not an unhandled one (it crashed the test run under load).
  promise.catch(() => undefined);
  const left = deadline - Date.now();
  if (left <= 0) return Promise.resolve(TIMED_OUT);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), left);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Extracted {
  pages: (PageLines & { ink?: PageInk })[];
  /** pdfjs font id → the font's name (from the PDF), for the fonts read.ts looked up. */
  fontNames: Map<string, string>;
}

/** What a page draws besides text: raster images, and paths (lines, shapes, glyph outlines). */
export interface PageInk {
  images: number;
  paths: number;
}

/**
 * Font names for the lines that need them. pdfjs hands a font's name to this side only once
 * it has built a page's operator list, which costs about as much again as reading the page's
 * text (+60% on long_301p.pdf when done for every page). Fonts are shared by the whole
 * document, so the operator list is built only for a page with a line in a font not seen yet
 * that matters: a heading-shaped line (bold titles), any line of a page whose text is mostly
 * Latin (a standard-14 font vouches for it), and every line of the first page (tesseract's
 * invisible GlyphLessFont marks a scan that another OCR has read). In practice: the first two
 * or three pages.
 */
async function resolveFonts(page: PDFPageProxy, lines: Line[], names: Map<string, string>, deadline: number, all = false): Promise<boolean> {
  const wanted = new Set<string>();
  const latin = all || mostlyLatin(lines);
  for (const l of lines) if (latin || mayBeBoldTitleLine(l.text)) for (const f of l.fonts ?? []) if (!names.has(f)) wanted.add(f);
  if (wanted.size === 0) return true;
  if ((await before(page.getOperatorList(), deadline)) === TIMED_OUT) return false;
  for (const f of wanted) {
    let name = '';
    try {
      if (page.commonObjs.has(f)) name = String((page.commonObjs.get(f) as { name?: unknown }).name ?? '');
    } catch {
      // A font pdfjs could not load has no name: its lines are simply not taken as bold.
    }
    names.set(f, name);
  }
  return true;
}

/**
 * The ink of pages with little text: does a page that looks empty hold a scan (an image) or
 * text turned into curves (many paths), or is it blank? Images are listed by poppler's
 * `pdfimages -list`, which reads the pages' resources without decoding an image; pdfjs's
 * operator list would decode every scan (0.5 s a page at 300 dpi), inside the document's
 * reading time. Paths are counted from the operator list of pages without images, which is
 * cheap. Without pdfimages, the operator list does both.
 */
async function inkOf(doc: PDFDocumentProxy, path: string, pageNumbers: number[], deadline: number): Promise<Map<number, PageInk> | typeof TIMED_OUT> {
  const ink = new Map<number, PageInk>();
  if (pageNumbers.length === 0) return ink;
  const listed = await imagesPerPage(path, pageNumbers[0]!, pageNumbers[pageNumbers.length - 1]!, deadline - Date.now());
  for (const n of pageNumbers) {
    const images = listed?.get(n) ?? 0;
    if (images > 0) {
      ink.set(n, { images, paths: 0 });
      continue;
    }
    const page = await before(doc.getPage(n), deadline);
    if (page === TIMED_OUT) return TIMED_OUT;
    const ops = await before(page.getOperatorList(), deadline);
    if (ops === TIMED_OUT) return TIMED_OUT;
    const counted: PageInk = { images: 0, paths: 0 };
    for (const fn of ops.fnArray) {
      if (IMAGE_OPS.has(fn)) counted.images += 1;
      else if (fn === OPS.constructPath) counted.paths += 1;
    }
    ink.set(n, counted);
    page.cleanup();
  }
  return ink;
}

/** Raster images per page from `pdfimages -list` (poppler-utils); undefined without it. */
async function imagesPerPage(path: string, first: number, last: number, timeoutMs: number): Promise<Map<number, number> | undefined> {
  if (timeoutMs <= 0) return undefined;
  const { runTool } = await import('../ocr/run-tool.js');
  const r = await runTool('pdfimages', ['-list', '-f', String(first), '-l', String(last), path], { timeoutMs: Math.min(timeoutMs, 30_000) });
  if (!r.ok) return undefined;
  const counts = new Map<number, number>();
  // «page num type width height …»; smask and mask entries belong to an image already counted.
  for (const row of r.stdout.split('\n')) {
    const m = /^\s*(\d+)\s+\d+\s+(image|stencil)\s/.exec(row);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  return counts;
}

/** A page with fewer letters than this (header and footer included) has its ink looked at. */
const INK_CHECK_LETTERS = 600;
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintInlineImageXObjectGroup,
  OPS.paintSolidColorImageMask,
]);

function letterCount(lines: Line[]): number {
  let n = 0;
  for (const l of lines) n += l.text.match(/\p{L}/gu)?.length ?? 0;
  return n;
}

function mostlyLatin(lines: Line[]): boolean {
  let latin = 0;
  let other = 0;
  for (const l of lines) {
    latin += l.text.match(/[A-Za-z]/g)?.length ?? 0;
    other += l.text.match(/[^\P{L}A-Za-z]/gu)?.length ?? 0;
  }
  return latin > other;
}

function failed(opts: PdfReadOptions, status: IngestedDocument['status'], message: string, pageCount = 0): IngestedDocument {
  return { file: opts.file, format: 'pdf', status, message, pageCount, pages: [], unreadablePages: [], ocrPages: [], sha256: opts.sha256 };
}

export async function readPdf(path: string, bytes: Uint8Array, opts: PdfReadOptions): Promise<IngestedDocument> {
  const deadline = Date.now() + opts.timeoutMs;
  const structure = checkXref(bytes);
  const task = startLoading(bytes);
  let extracted: Extracted;
  try {
    const doc = await before(task.promise, deadline);
    if (doc === TIMED_OUT) return failed(opts, 'timeout', `gave up opening the PDF after ${opts.timeoutMs} ms`);
    const fontNames = new Map<string, string>();
    // The second half goes to a helper thread while this one reads the first; if the helper
    // cannot (none idle, it failed), this thread reads those pages after its own.
    const split = opts.rangeHelper && doc.numPages >= SPLIT_MIN_PAGES ? Math.floor(doc.numPages / 2) + 1 : doc.numPages + 1;
    const remote = split <= doc.numPages ? opts.rangeHelper!(split, doc.numPages) : undefined;
    const pages: Extracted['pages'] = [];
    const stopped = () => failed(opts, 'timeout', `gave up after ${opts.timeoutMs} ms with ${pages.length} of ${doc.numPages} pages read`, doc.numPages);
    if (!(await extractRange(doc, 1, split - 1, fontNames, deadline, pages))) return stopped();
    if (remote) {
      const got = await before(remote, deadline);
      if (got === TIMED_OUT) return stopped();
      if (got) {
        for (const p of got.pages) pages.push(p);
        for (const [font, name] of got.fontNames) fontNames.set(font, name);
      } else if (!(await extractRange(doc, split, doc.numPages, fontNames, deadline, pages))) return stopped();
    }
    const ink = await inkOf(doc, path, pages.flatMap((p, i) => (letterCount(p.lines) < INK_CHECK_LETTERS ? [i + 1] : [])), deadline);
    if (ink === TIMED_OUT) return failed(opts, 'timeout', `gave up after ${opts.timeoutMs} ms looking at the pages without text`, doc.numPages);
    for (const [n, pageInk] of ink) pages[n - 1]!.ink = pageInk;
    extracted = { pages, fontNames };
  } catch (err) {
    const f = classifyPdfError(err);
    const hint = f.kind === 'corrupt' && structure.detail ? `; ${structure.detail}` : '';
    return failed(opts, f.kind, f.message + hint);
  } finally {
    // Never awaited past the deadline: a stuck document must not hold the batch.
    void before(task.destroy(), Date.now() + 5000).catch(() => undefined);
  }
  return analyse(path, extracted.pages, opts, structure.damaged ? structure.detail : '', extracted.fontNames);
}

/**
 * Lines of pages from..to (1-based, inclusive) added to `into`, with the fonts they need named
 * in `fontNames`. False when the deadline passed first.
 */
async function extractRange(doc: PDFDocumentProxy, from: number, to: number, fontNames: Map<string, string>, deadline: number, into: PageLines[]): Promise<boolean> {
  for (let n = from; n <= to; n++) {
    const page = await before(doc.getPage(n), deadline);
    if (page === TIMED_OUT) return false;
    const content = await before(page.getTextContent({ includeMarkedContent: true }), deadline);
    if (content === TIMED_OUT) return false;
    const [, y0 = 0, , y1 = 842] = page.view;
    const lines = toLines(toRuns(content));
    if (!(await resolveFonts(page, lines, fontNames, deadline, n === 1))) return false;
    into.push({ lines, height: y1 - y0 });
    page.cleanup();
  }
  return true;
}

/**
 * Pages from..to of a PDF, read for the thread that reads the rest (see rangeHelper).
 * pdfjs names fonts per loaded document («g_d0_f2»), so this load's names could collide with
 * the other thread's: they are marked as this range's. Undefined when the range cannot be read
 * (the other thread then reads it and reports why).
 */
export async function readPdfRange(bytes: Uint8Array, from: number, to: number, timeoutMs: number): Promise<PageRange | undefined> {
  const deadline = Date.now() + timeoutMs;
  const task = startLoading(bytes);
  try {
    const doc = await before(task.promise, deadline);
    if (doc === TIMED_OUT || to > doc.numPages) return undefined;
    const fontNames = new Map<string, string>();
    const pages: PageLines[] = [];
    if (!(await extractRange(doc, from, to, fontNames, deadline, pages))) return undefined;
    const mark = (font: string) => `pages ${from}-${to}: ${font}`;
    for (const p of pages) for (const l of p.lines) if (l.fonts) l.fonts = l.fonts.map(mark);
    return { pages, fontNames: [...fontNames].map(([font, name]) => [mark(font), name]) };
  } catch {
    return undefined;
  } finally {
    void before(task.destroy(), Date.now() + 5000).catch(() => undefined);
  }
}

/** Most common font size, weighted by characters (rounded to half points). */
function bodySizeOf(pages: PageLines[]): number {
  const weight = new Map<number, number>();
  for (const p of pages) for (const l of p.lines) {
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [s, w] of weight) if (w > bestW) [best, bestW] = [s, w];
  return best || 12;
}

function leadingOf(pages: PageLines[]): (size: number) => number {
  const samples = new Map<number, number[]>();
  for (const p of pages) for (let i = 1; i < p.lines.length; i++) {
    const a = p.lines[i - 1]!;
    const b = p.lines[i]!;
    const dy = a.y - b.y;
    if (Math.abs(a.size - b.size) < 0.6 && dy > 0.8 * a.size && dy < 2 * a.size) {
      const k = Math.round(a.size * 2) / 2;
      (samples.get(k) ?? samples.set(k, []).get(k)!).push(dy);
    }
  }
  const median = new Map<number, number>();
  for (const [k, v] of samples) {
    v.sort((x, y) => x - y);
    median.set(k, v[Math.floor(v.length / 2)]!);
  }
  return (size) => median.get(Math.round(size * 2) / 2) ?? size * 1.15;
}

function headingSizeCount(pages: PageLines[], bodySize: number): number {
  const sizes = new Set<number>();
  for (const p of pages) for (const l of p.lines) if (l.size >= bodySize + 1.5 && /\p{L}/u.test(l.text)) sizes.add(Math.round(l.size * 2) / 2);
  return sizes.size;
}

function headingLevels(pages: PageLines[], bodySize: number): (size: number) => number | undefined {
  const sizes = new Set<number>();
  for (const p of pages) for (const l of p.lines) if (l.size >= bodySize + 1.5 && /\p{L}/u.test(l.text)) sizes.add(Math.round(l.size * 2) / 2);
  const ranked = [...sizes].sort((a, b) => b - a);
  return (size) => {
    const i = ranked.indexOf(Math.round(size * 2) / 2);
    return i < 0 ? undefined : i + 1;
  };
}

function repairLine(line: Line): Line {
  const segments = line.segments.map((s) => ({ ...s, text: repairCp1251(s.text) ?? s.text }));
  return { ...line, segments, text: segments.map((s) => s.text).join(' ') };
}

/** The 14 fonts every PDF reader has (PDF 1.7, 9.6.2.2), named without a subset prefix, so
 *  not embedded: text in them is read through their standard glyph names. */
const STANDARD_14 = new Set([
  'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique',
  'Helvetica-BoldOblique', 'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Symbol', 'ZapfDingbats',
]);

/** Font names of bold faces: «CAAAAA+LiberationSerif-Bold», «TimesNewRomanPS-BoldMT»,
 *  «Arial,Bold», «PTSans-Black», «FranklinGothic-Demi». */
const BOLD_FONT = /bold|black|heavy|demi/i;

async function analyse(path: string, pages: Extracted['pages'], opts: PdfReadOptions, damage: string, fontNames = new Map<string, string>()): Promise<IngestedDocument> {
  const boldFonts = new Set([...fontNames].filter(([, name]) => BOLD_FONT.test(name.replace(/^[A-Z]{6}\+/, ''))).map(([id]) => id));
  const isBold = (line: Line): boolean => line.fonts !== undefined && line.fonts.length > 0 && line.fonts.every((f) => boldFonts.has(f));
  const bodySize = bodySizeOf(pages);
  const furniture = findFurniture(pages, bodySize);
  const bodyLines: Line[][] = pages.map((p, i) => p.lines.filter((_, k) => !furniture[i]!.has(k)));
  const furnitureKeys = new Set(pages.flatMap((p, i) => p.lines.filter((_, k) => furniture[i]!.has(k)).map((l) => furnitureKey(l.text))));
  const triage: PageTriage[] = [];
  const notes: string[] = [];
  // Glyph names of the standard 14 fonts map to Unicode without doubt: their Latin text is text.
  const standardFont = (line: Line): boolean => line.fonts !== undefined && line.fonts.length > 0 && line.fonts.every((f) => STANDARD_14.has(fontNames.get(f) ?? ''));
  bodyLines.forEach((lines, i) => {
    const t = triageText(lines.map((l) => l.text).join('\n'), {
      standardFonts: lines.length > 0 && lines.every(standardFont),
      ...(pages[i]!.ink ? { ink: pages[i]!.ink } : {}),
    });
    triage.push(t.triage);
    notes.push(t.reason);
    if (t.triage === 'repaired') bodyLines[i] = lines.map(repairLine);
  });
  const readable = (i: number): boolean => triage[i] === 'ok' || triage[i] === 'repaired' || triage[i] === 'blank';
  const vocab = buildVocabulary((function* () {
    for (let i = 0; i < bodyLines.length; i++) if (readable(i)) for (const l of bodyLines[i]!) yield l.text;
  })());
  const levels = headingLevels(pages, bodySize);
  const leading = leadingOf(pages);
  const headingRanks = headingSizeCount(pages, bodySize);

  // A "sandwich" page: a scan under the invisible text another tesseract run wrote. Its text
  // layer is read, but OCR'd again when OCR is on: this tool's layout of tesseract's word
  // boxes keeps more sentences whole than the text layer's lines do (make bench-ocr-layout:
  // 95.7% against 82.6% on test/fixtures/pdf/tesseract_sandwich.pdf); the layer stays when
  // OCR fails.
  const hiddenOcr = (lines: Line[]): boolean => lines.length > 0 && lines.every((l) => (l.fonts ?? []).length > 0 && l.fonts!.every((f) => fontNames.get(f) === 'GlyphLessFont'));
  const drafts: PageDraft[] = pages.map((p, i) => ({
    number: i + 1,
    triage: triage[i]!,
    blocks: readable(i) ? layoutPage(bodyLines[i]!, { bodySize, headingLevel: levels, leading, pageHeight: p.height, smallestHeadingRank: headingRanks, isBold }) : [],
    ocr: false,
    unreadable: !readable(i),
    ...(notes[i] ? { note: notes[i] } : {}),
  }));

  // --ocr force OCRs every page; a page whose OCR fails keeps its text layer if it had one.
  const wanted = drafts.filter((d, i) => d.unreadable || opts.ocr === 'force' || (opts.ocr === 'auto' && hiddenOcr(bodyLines[i]!))).map((d) => d.number);
  let ocrMessage = '';
  if (wanted.length > 0 && opts.ocr !== 'off') {
    const { probeOcr, ocrPdfPages } = await import('../ocr.js');
    const probe = await probeOcr();
    if (!probe.available) {
      ocrMessage = `OCR is not available (missing ${probe.missing.join(', ')}); install it with: ${probe.install}`;
    } else {
      const results = await ocrPdfPages(path, wanted, { concurrency: opts.ocrConcurrency, timeoutMs: opts.timeoutMs });
      const ocrBlocks = new Map<number, RawBlock[]>();
      for (const n of wanted) {
        const r = results.get(n);
        const text = r?.ok ? stripOcrFurniture(r.text, furnitureKeys) : '';
        if (r?.ok && /\p{L}{2}/u.test(text)) {
          buildVocabulary(text.split('\n'), vocab);
          ocrBlocks.set(n, ocrBlocksOf(r, text, furnitureKeys));
          const d = drafts[n - 1]!;
          d.note = `${d.note ? d.note + '; ' : ''}text from OCR (mean confidence ${Math.round(r.meanConfidence)})`;
        } else {
          const d = drafts[n - 1]!;
          const kept = d.unreadable ? '' : ' (text layer kept)';
          d.note = `${d.note ? d.note + '; ' : ''}OCR failed${kept}: ${r ? (r.ok ? 'no text recognised' : r.error) : 'no result'}`;
        }
      }
      vocab.sorted = [...vocab.words.keys()].sort();
      for (const [n, blocks] of ocrBlocks) {
        const d = drafts[n - 1]!;
        d.blocks = blocks;
        d.ocr = true;
        d.unreadable = false;
      }
    }
  } else if (wanted.length > 0) {
    ocrMessage = 'OCR is turned off (--ocr off)';
  }
  if (opts.ocr === 'force' && ocrMessage !== '' && !ocrMessage.startsWith('OCR is turned off')) {
    // Forced OCR that cannot run must not make readable pages unreadable; say so instead.
    ocrMessage = `--ocr force requested but ${ocrMessage}`;
  }

  const built: Page[] = assemblePages(drafts, vocab);
  const unreadablePages = drafts.filter((d) => d.unreadable).map((d) => d.number);
  const ocrPages = drafts.filter((d) => d.ocr).map((d) => d.number);
  for (const p of built) if (unreadablePages.includes(p.number) && !p.note?.includes('OCR')) p.note = `${p.note ? p.note + '; ' : ''}needs OCR`;

  const pageCount = pages.length;
  let status: IngestedDocument['status'] = 'ok';
  let message = '';
  if (damage) {
    status = 'corrupt';
    message = `the file is damaged: ${damage}; pdfjs recovered the text of ${pageCount - unreadablePages.length} of ${pageCount} pages, which may be incomplete`;
  } else if (unreadablePages.length === pageCount) {
    status = ocrPages.length === 0 && (opts.ocr === 'off' || ocrMessage !== '') ? 'needs_ocr' : 'error';
    message = `no page has a usable text layer (${describeTriage(drafts)})${ocrMessage ? '; ' + ocrMessage : '; OCR failed on every page'}`;
  } else if (unreadablePages.length > 0) {
    status = 'partial';
    message = `${unreadablePages.length} of ${pageCount} pages could not be read: ${pageRanges(unreadablePages)} (${describeTriage(drafts.filter((d) => d.unreadable))})${ocrMessage ? '; ' + ocrMessage : ''}`;
  } else {
    const remarks: string[] = [];
    const repaired = drafts.filter((d) => d.triage === 'repaired').map((d) => d.number);
    if (repaired.length) remarks.push(`pages ${pageRanges(repaired)} had cp1251 text declared as WinAnsi and were re-decoded`);
    if (ocrPages.length) remarks.push(`pages ${pageRanges(ocrPages)} were read by OCR`);
    if (ocrMessage) remarks.push(ocrMessage);
    message = remarks.join('; ');
  }
  return { file: opts.file, format: 'pdf', status, message, pageCount, pages: built, unreadablePages, ocrPages, sha256: opts.sha256 };
}

/**
 * The blocks of an OCR'd page: from tesseract's word boxes through the text-layer layout
 * rules (./ocr-lines.ts), the running header and footer of the text-layer pages left out at
 * the page's edges; from the plain text when there are no boxes.
 */
function ocrBlocksOf(r: Extract<OcrPageResult, { ok: true }>, text: string, furnitureKeys: ReadonlySet<string>): RawBlock[] {
  if (!r.lines || r.lines.length === 0 || !r.imageHeight) return blocksFromPlainText(text);
  const isFurniture = ocrFurnitureTest(furnitureKeys);
  const n = r.lines.length;
  const kept = r.lines.filter((l, i) => !((i < 2 || i >= n - 2) && isFurniture(l.words.map((w) => w.text).join(' '))));
  const { lines, context } = ocrLayout(kept, r.imageHeight);
  return foldOcrTableRows(layoutPage(lines, context));
}

function describeTriage(drafts: PageDraft[]): string {
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(d.triage, (counts.get(d.triage) ?? 0) + 1);
  const words: Record<string, string> = { no_text: 'no text layer (scanned or outlined)', garbled: 'garbled text layer (font without a Unicode map)', ok: 'forced OCR', repaired: 'forced OCR' };
  return [...counts].map(([t, n]) => `${n} page${n > 1 ? 's' : ''} ${words[t] ?? t}`).join(', ');
}

/** [1,2,3,7,9,10] → "1–3, 7, 9–10". */
export function pageRanges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}
