// Documents without pages (DOCX, HTML): both readers first produce a flat list of
// StructuredItems, which this file cuts into sections (the locator that replaces the page)
// and wraps into an IngestedDocument.
import { createHash } from 'node:crypto';
import type { Block, DocFormat, DocStatus, IngestedDocument, Locator, Page } from '../records.js';
import { normalizeText } from '../text/normalize.js';
import { dashMayContinue, WRAPPED_LINE_CHARS } from './pdf/markers.js';

/** One block of a document that has no pages, before it is placed in a section. */
export interface StructuredItem {
  kind: 'heading' | 'paragraph' | 'list_item' | 'table_row' | 'footnote' | 'toc';
  text: string;
  /** Heading level 1–9 (headings only). */
  level?: number;
  /** Nesting depth of a list item, 0 = top level. */
  listLevel?: number;
  /** This item starts a new section (decided by the format's reader). */
  sectionStart?: boolean;
  /** The number of the page (or paragraph) a sectionStart item opens; default: the next one. */
  pageNumber?: number;
}

/**
 * A list marker typed as text rather than made by list markup: Word users and CMS editors
 * often type «– », «• », «- », «1) » or «а) » in front of each item. Such a paragraph is a list item; the
 * marker itself is dropped (the PDF truth texts of ../shared/data/pdf keep items without it).
 */
const TYPED_BULLET = /^(?:[•·▪◦●○■□►▸‣⁃∙]\s*|[-–—*]\s+|(?:\d{1,2}|\p{Ll})\)\s+)/u;

/**
 * Cuts items into sections ("pages" numbered from 1) and fills in headingPath, leadIn,
 * block indexes and character ranges. Item text is normalised here, whitespace collapsed,
 * and items that are left empty are dropped.
 */
export function buildSectionedPages(items: StructuredItem[]): Page[] {
  const pages: Page[] = [];
  let blocks: Block[] = [];
  let text = '';
  const headings: { level: number; text: string }[] = [];
  let leadIn: string | undefined;
  // Lead-in per list level, so a nested list can be introduced by its parent item.
  const itemLeadIns: (string | undefined)[] = [];

  let number = 1;
  const closePage = (): void => {
    if (blocks.length === 0) return;
    pages.push({ number, text, blocks, triage: 'ok', ocr: false });
    blocks = [];
    text = '';
  };

  for (const source of items.flatMap(splitTypedList)) {
    const item = typedBulletToListItem(source);
    const clean = cleanText(item.text);
    if (clean === '') continue;
    if (item.sectionStart) {
      closePage();
      number = item.pageNumber ?? pages.length + 1;
    }

    if (item.kind === 'heading') {
      const level = item.level ?? 1;
      while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
    }
    const block: Block = {
      kind: item.kind,
      text: clean,
      page: number,
      index: blocks.length,
      start: text.length === 0 ? 0 : text.length + 1,
      end: 0,
      ocr: false,
      headingPath: headings.map((h) => h.text),
    };
    block.end = block.start + clean.length;
    text = text.length === 0 && blocks.length === 0 ? clean : `${text}\n${clean}`;

    if (item.kind === 'list_item') {
      const depth = item.listLevel ?? 0;
      const intro = depth === 0 ? leadIn : itemLeadIns[depth - 1] ?? leadIn;
      if (intro !== undefined) block.leadIn = intro;
      itemLeadIns.length = depth;
      itemLeadIns[depth] = clean.endsWith(':') ? clean : undefined;
    } else if (item.kind !== 'footnote') {
      // A footnote sits between a paragraph and its list without breaking the link.
      itemLeadIns.length = 0;
      leadIn = item.kind === 'paragraph' && clean.endsWith(':') ? clean : undefined;
    }
    if (item.kind === 'heading') headings.push({ level: item.level ?? 1, text: clean });
    blocks.push(block);
  }
  closePage();
  return pages;
}

/**
 * A paragraph whose lines (separated by <br> or Shift+Enter) start with typed list markers
 * is a lead-in followed by list items: «Задачи:<br>– первая;<br>– вторая.».
 */
function splitTypedList(item: StructuredItem): StructuredItem[] {
  if (item.kind !== 'paragraph' || !item.text.includes('\n')) return [item];
  const lines = item.text.split('\n').filter((l) => l.trim() !== '');
  if (!lines.slice(1).some((l) => TYPED_BULLET.test(l.trim()))) return [item];
  const out: StructuredItem[] = [];
  let previous = '';
  for (const line of lines) {
    const last = out[out.length - 1];
    // A dash wrapped to a line start in a long line of pasted text goes on with the sentence.
    const wrappedDash = previous.trim().length >= WRAPPED_LINE_CHARS && dashMayContinue(previous, line.trim());
    previous = line;
    if (TYPED_BULLET.test(line.trim()) && !wrappedDash) out.push({ kind: 'list_item', text: line, listLevel: 0 });
    else if (last && last.kind === 'paragraph') last.text += ` ${line}`;
    else if (last && last.kind === 'list_item') last.text += ` ${line}`; // an item's continuation line
    else out.push({ ...item, text: line });
  }
  // The first piece opens the item's page or section, whatever kind it became.
  const first = out[0];
  if (first && item.sectionStart) out[0] = { ...first, sectionStart: true, ...(item.pageNumber !== undefined ? { pageNumber: item.pageNumber } : {}) };
  return out;
}

function typedBulletToListItem(item: StructuredItem): StructuredItem {
  if (item.kind !== 'paragraph' && item.kind !== 'list_item') return item;
  const trimmed = item.text.replace(/^\s+/, '');
  const marker = TYPED_BULLET.exec(trimmed);
  if (!marker) return item;
  return { ...item, kind: 'list_item', text: trimmed.slice(marker[0].length), listLevel: item.listLevel ?? 0 };
}

/** Normalised text on one line: Page.text joins blocks with '\n', so a block holds none. */
export function cleanText(raw: string): string {
  return normalizeText(raw).replace(/\s+/g, ' ').trim();
}

/** The record for a document read without pages (DOCX, HTML). */
export function structuredDocument(
  file: string,
  format: DocFormat,
  bytes: Uint8Array,
  status: DocStatus,
  message: string,
  pages: Page[] = [],
  locator: Locator = format === 'html' ? 'section' : 'paragraph',
): IngestedDocument {
  return {
    locator,
    file,
    format,
    status,
    message,
    pageCount: pages.length,
    pages,
    unreadablePages: [],
    ocrPages: [],
    sha256: bytes.length === 0 ? '' : createHash('sha256').update(bytes).digest('hex'),
  };
}
