// Blocks → units: the sentences, list items and headings that mentions are counted in, each
// with its language and full provenance. Pure.
import type { Block, IngestedDocument, LangCode, Unit, UnitKind } from '../records.js';
import { detectLanguage } from './lang/index.js';
import { segmentText } from './segment/index.js';
import { tableRowPieces } from './table-cells.js';

/**
 * Below this confidence a short unit's own language guess is not trusted and the unit takes
 * its block's language (a two-word heading inside a Kazakh paragraph is Kazakh). Calibrated
 * on the development words and short sentences of src/text/lang (scripts/lang/dev-eval.ts):
 * guesses below 0.7 were right about one time in five, those of 0.9 and above 99% of the
 * time (0.7–0.9: 70%, mostly Latin-script names labelled eng); a word valid in both Russian
 * and Kazakh gets 0.56. The same rule applies one level up: a short block the detector is
 * unsure of («2.2. SWOT-анализ») takes the language of the nearest block it is sure of.
 */
const UNIT_LANG_MIN_CONFIDENCE = 0.7;
const UNIT_LANG_MIN_LETTERS = 40;

/**
 * The longest unit, in characters. Real sentences and list items stay far below it (a long
 * legal sentence is ~1,000); text without sentence ends (a table flattened into one line, a
 * page of one repeated word) is cut into pieces of this size at a space. Every mention carries
 * its unit's text, so an uncut unit of N characters with N/10 mentions would make the outputs
 * grow with N².
 */
export const MAX_UNIT_CHARS = 3000;

/** [start, end) ranges of `text` of at most MAX_UNIT_CHARS, cut after a space where there is one. */
export function unitPieces(text: string): [number, number][] {
  if (text.length <= MAX_UNIT_CHARS) return [[0, text.length]];
  const out: [number, number][] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + MAX_UNIT_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at + MAX_UNIT_CHARS / 2) end = space + 1;
    }
    out.push([at, end]);
    at = end;
  }
  return out;
}

function unitId(file: string, page: number, block: number, n: number): string {
  return `${file}#p${page}b${block}u${n}`;
}

function letterCount(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

function unitLang(text: string, blockLang: LangCode): LangCode {
  if (text.length === 0) return blockLang;
  const guess = detectLanguage(text);
  if (guess.lang === 'und') return blockLang;
  if (letterCount(text) < UNIT_LANG_MIN_LETTERS && guess.confidence < UNIT_LANG_MIN_CONFIDENCE) return blockLang;
  return guess.lang;
}

/** Blocks that are one unit whatever their punctuation. */
function isWholeBlockUnit(block: Block): UnitKind | undefined {
  switch (block.kind) {
    case 'heading':
      return 'heading';
    case 'list_item':
      return 'list_item';
    case 'toc':
    case 'table_row':
      return 'sentence';
    default:
      return undefined;
  }
}

export interface BlockLanguage {
  text: string;
  lang: LangCode;
  /** The block's page (for DOCX/HTML, its section number). */
  page: number;
}

export interface DocumentUnits {
  units: Unit[];
  /** Every block's text with its language, for the document-level vote. */
  blockLanguages: BlockLanguage[];
}

/**
 * The language of every block in reading order. A short block whose guess is unsure takes
 * the language of the nearest sure block before it (after it, at the start of a document):
 * a heading belongs to the text around it, which in a bilingual document is the half it
 * sits in.
 */
export function blockLanguagesOf(blocks: readonly Block[]): LangCode[] {
  const guesses = blocks.map((b) => {
    const guess = detectLanguage(b.text);
    const sure = guess.lang !== 'und' && (guess.confidence >= UNIT_LANG_MIN_CONFIDENCE || letterCount(b.text) >= UNIT_LANG_MIN_LETTERS);
    return { lang: guess.lang, sure };
  });
  const out: LangCode[] = guesses.map((g) => g.lang);
  let last: LangCode | undefined;
  const pending: number[] = [];
  guesses.forEach((g, i) => {
    if (g.sure) {
      last = g.lang;
      // Unsure blocks before the first sure one take the first sure language.
      for (const j of pending.splice(0)) out[j] = g.lang;
    } else if (last !== undefined) out[i] = last;
    else pending.push(i);
  });
  return out;
}

export function documentUnits(doc: IngestedDocument): DocumentUnits {
  const units: Unit[] = [];
  const blockLanguages: BlockLanguage[] = [];
  const langs = blockLanguagesOf(doc.pages.flatMap((p) => p.blocks));
  let blockNo = 0;
  // The first row of the table being read: its cells head the columns. A table that goes on
  // over a page break keeps it; any other block ends the table.
  let tableHeader: string | undefined;
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      const blockLang = langs[blockNo++] ?? 'und';
      const header = tableHeader;
      if (block.kind !== 'table_row') tableHeader = undefined;
      else tableHeader ??= block.text;
      blockLanguages.push({ text: block.text, lang: blockLang, page: block.page });
      const base = {
        file: doc.file,
        page: block.page,
        blockIndex: block.index,
        blockKind: block.kind,
        ...(doc.locator !== undefined && doc.locator !== 'page' ? { locator: doc.locator } : {}),
        ocr: block.ocr,
        headingPath: block.headingPath,
      };
      // Units of this block are numbered in order; a unit cut into pieces takes a number each.
      let n = 0;
      const add = (kind: UnitKind, text: string, start: number, leadIn: string | undefined): void => {
        for (const [a, b] of unitPieces(text)) {
          const piece = a === 0 && b === text.length ? text : text.slice(a, b).trim();
          if (piece.length === 0) continue;
          const offset = start + a + text.slice(a, b).indexOf(piece);
          units.push({
            ...base,
            id: unitId(doc.file, block.page, block.index, n++),
            kind,
            text: piece,
            start: offset,
            end: offset + piece.length,
            lang: unitLang(piece, blockLang),
            ...(leadIn !== undefined ? { leadIn } : {}),
          });
        }
      };
      const pieces = block.kind === 'table_row' ? tableRowPieces(block.text, header) : undefined;
      if (pieces) {
        for (const piece of pieces) add(piece.item ? 'list_item' : 'sentence', piece.text, piece.start, piece.leadIn);
        continue;
      }
      const whole = isWholeBlockUnit(block);
      if (whole) {
        const text = block.text.trim();
        if (text.length === 0) continue;
        add(whole, text, block.text.indexOf(text), block.leadIn);
        continue;
      }
      const segments = segmentText(block.text, blockLang);
      for (const seg of segments) {
        add(seg.kind, seg.text, seg.start, seg.leadIn !== undefined ? segments[seg.leadIn]?.text : block.leadIn);
      }
    }
  }
  return { units, blockLanguages };
}
