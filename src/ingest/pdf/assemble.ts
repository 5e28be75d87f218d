// Raw blocks of all pages → the Page/Block records: paragraphs that run over a page break are
// joined (kept on the page where they start), heading paths and list lead-ins are filled,
// text is joined with de-hyphenation and normalised, and block ranges point into Page.text.
import type { Block, Page, PageTriage } from '../../records.js';
import { normalizeText } from '../../text/normalize.js';
import { joinLines, type Vocabulary } from '../hyphenation.js';
import type { RawBlock } from './layout.js';

export interface PageDraft {
  number: number;
  triage: PageTriage;
  blocks: RawBlock[];
  ocr: boolean;
  unreadable: boolean;
  note?: string;
}

/**
 * The heading of a table of contents («Содержание», «Мазмұны / Содержание» in a bilingual
 * document): it titles the TOC lines, not the sections after them.
 */
const TOC_HEADING = /^(содержание|оглавление|мазмұны|contents)[.:]?(\s*\/\s*(содержание|оглавление|мазмұны|contents)[.:]?)?$/i;

function clean(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

function blockText(b: RawBlock, vocab: Vocabulary): string {
  if (b.kind === 'table_row' && b.cells) return b.cells.map((c) => clean(joinLines(c, vocab))).join(' | ');
  return clean(joinLines(b.lines, vocab));
}

/** The block's last line ends without the punctuation that ends a sentence or a list item. */
function unfinished(b: RawBlock): boolean {
  const last = b.lines[b.lines.length - 1]?.trim() ?? '';
  return /[\p{L}\p{N},-]$/u.test(last);
}

function startsLowerCase(b: RawBlock): boolean {
  return /^\p{Ll}/u.test(b.lines[0]?.trim() ?? '');
}

/**
 * Moves the head of a paragraph or list item continued from the previous page onto that
 * page's block: when the geometry says so (the last line is full, the next page's first line
 * is not indented), or when the last line stops mid-sentence (a letter, digit, comma or
 * hyphen at its end) and the next page goes on in lower case. The second case catches a list
 * item whose last word was pushed over the break: its line is short, and its continuation
 * sits at the item's hanging indent («…полигон для участников кластера беспилотной» |
 * «авиации;», corpus/strategiya_2030_proekt.pdf pages 3–4).
 */
function joinAcrossPages(drafts: PageDraft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const prev = drafts[i - 1]!;
    const cur = drafts[i]!;
    if (prev.ocr || cur.ocr || prev.unreadable || cur.unreadable) continue;
    const tail = [...prev.blocks].reverse().find((b) => b.kind !== 'footnote');
    const head = cur.blocks[0];
    if (!tail || !head) continue;
    if (
      (tail.kind === 'paragraph' || tail.kind === 'list_item') &&
      head.kind === 'paragraph' &&
      Math.abs(tail.size - head.size) < 0.6 &&
      ((tail.openEnd && head.continuation) || (unfinished(tail) && startsLowerCase(head)))
    ) {
      tail.lines.push(...head.lines);
      tail.openEnd = head.openEnd;
      cur.blocks.shift();
    }
  }
}

/** A numbered heading line: «4. Флагманские проекты», «4.1. Проект «Аэрокосмическая долина»». */
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\p{Lu}/u;
const MAX_OCR_HEADING_CHARS = 150;

function headingNumber(text: string): number[] | undefined {
  const m = NUMBERED_HEADING.exec(text);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** Whether section number `next` can follow `last`: the next sibling at some depth, or the
 *  first child («3.» → «4.», «3.» → «3.1.», «3.2.» → «4.»). */
function continuesNumbering(last: number[], next: number[]): boolean {
  if (next.length === last.length + 1) return next.every((n, i) => (i < last.length ? n === last[i] : n === 1));
  if (next.length > last.length) return false;
  const k = next.length - 1;
  return next.slice(0, k).every((n, i) => n === last[i]) && next[k] === last[k]! + 1;
}

/**
 * On an OCR'd page there are no font sizes, so a heading line reads as a numbered list item.
 * It is taken as a heading when it is one line, does not end like a sentence or list item, and
 * its number continues the numbering of the document's headings so far (Samara's image-only
 * page 5 opens «4. Флагманские проекты Стратегии» after the text-layer heading «3. Миссия…»).
 * Its level is that of earlier headings numbered to the same depth.
 */
function ocrHeadingLevel(raw: RawBlock, text: string, numbered: { level: number; number: number[] }[]): number | undefined {
  if (raw.kind !== 'list_item' || raw.lines.length !== 1 || text.length > MAX_OCR_HEADING_CHARS || /[.;:,!?]$/.test(text)) return undefined;
  const last = numbered[numbered.length - 1];
  const number = headingNumber(text);
  if (!last || !number || !continuesNumbering(last.number, number)) return undefined;
  const sameDepth = numbered.findLast((h) => h.number.length === number.length);
  return sameDepth ? sameDepth.level : last.level + (number.length - last.number.length);
}

export function assemblePages(drafts: PageDraft[], vocab: Vocabulary): Page[] {
  joinAcrossPages(drafts);
  const headings: { level: number; text: string }[] = [];
  /** Every numbered heading so far, for ocrHeadingLevel. */
  const numbered: { level: number; number: number[] }[] = [];
  let leadIn: string | undefined;
  return drafts.map((d) => {
    const blocks: Block[] = [];
    let offset = 0;
    for (const block of d.blocks) {
      const text = blockText(block, vocab);
      if (text === '') continue;
      const ocrLevel = d.ocr ? ocrHeadingLevel(block, text, numbered) : undefined;
      const raw: RawBlock = ocrLevel !== undefined ? { ...block, kind: 'heading', level: ocrLevel } : block;
      let path = headings.map((h) => h.text);
      let blockLeadIn: string | undefined;
      if (raw.kind === 'heading') {
        const level = raw.level ?? 1;
        const number = headingNumber(text);
        if (number) numbered.push({ level, number });
        while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
        path = headings.map((h) => h.text);
        if (!TOC_HEADING.test(text)) headings.push({ level, text });
        leadIn = undefined;
      } else if (raw.kind === 'list_item') {
        blockLeadIn = leadIn;
      } else if (raw.kind === 'paragraph') {
        leadIn = /:$/.test(text) ? text : undefined;
      } else if (raw.kind === 'table_row') {
        leadIn = undefined;
      }
      blocks.push({
        kind: raw.kind,
        text,
        page: d.number,
        index: blocks.length,
        start: offset,
        end: offset + text.length,
        ocr: d.ocr,
        headingPath: path,
        ...(blockLeadIn !== undefined ? { leadIn: blockLeadIn } : {}),
      });
      offset += text.length + 1;
    }
    return {
      number: d.number,
      text: blocks.map((b) => b.text).join('\n'),
      blocks,
      triage: d.triage,
      ocr: d.ocr,
      ...(d.note ? { note: d.note } : {}),
    };
  });
}
