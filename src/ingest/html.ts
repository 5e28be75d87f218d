// HTML strategies (issue 3, item 5): a page saved from a city administration's website.
// The markup is walked into the same Page/Block records as a PDF. HTML has no pages, so the
// locator is the section: a new "page" (1-based section number) starts at every h1 and h2.
// Headings h1–h6 become heading blocks and give every block its headingPath; li becomes a
// list_item (leadIn: the paragraph before the list when it ends with ':'), tr a table_row
// (cells joined with ' | '), and the text of p, div and other blocks a paragraph. Script,
// style, navigation and form controls are dropped: they are site chrome, not the strategy.
//
// Cutting into sections is shared with ./docx.ts and lives in ./sections.ts.
import { parse, NodeType } from 'node-html-parser';
import type { HTMLElement, Node } from 'node-html-parser';
import type { IngestedDocument } from '../records.js';
import { buildSectionedPages, cleanText, structuredDocument, type StructuredItem } from './sections.js';
import { canonicalCharset, decodeUnsure } from '../text/charset/index.js';

// ---------------------------------------------------------------- HTML

/** Elements whose content is never strategy text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'svg', 'canvas', 'iframe', 'object',
  'button', 'select', 'option', 'input', 'textarea', 'head', 'title', 'meta', 'link',
]);
/** Elements that end the running paragraph (the rest are inline). */
const BLOCK_LEVEL = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote',
  'address', 'figure', 'figcaption', 'form', 'fieldset', 'details', 'summary', 'dl', 'dt',
  'dd', 'pre', 'hr', 'center', 'body', 'html', 'caption',
]);
const HEADING = /^h([1-6])$/;

export async function readHtml(path: string, bytes: Uint8Array): Promise<IngestedDocument> {
  if (bytes.length === 0) return structuredDocument(path, 'html', bytes, 'empty', 'the file is empty (0 bytes)');
  // The byte-order mark, then the declaration, then the text itself: a declaration that
  // gives mojibake is overruled, and a page no encoding reads is `garbled`, never `ok`.
  const decoded = decodeUnsure(bytes, declaredHtmlCharset(bytes));

  let root: HTMLElement;
  try {
    // node-html-parser keeps a doctype and Word's downlevel-revealed conditionals
    // (<![if !supportLists]> … <![endif]>) as text; neither is content.
    const html = decoded.text.replace(/<!doctype[^>]*>/gi, '').replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '');
    root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  } catch (e) {
    return structuredDocument(path, 'html', bytes, 'corrupt', `HTML could not be parsed: ${(e as Error).message}`);
  }

  const items: StructuredItem[] = [];
  collectHtml(root, items, { listDepth: -1 });
  const pages = buildSectionedPages(items);
  if (decoded.garbled) {
    // The text is kept for the audit trail, but nothing may be concluded from it.
    const doc = structuredDocument(path, 'html', bytes, 'garbled', decoded.note, pages.map((p) => ({ ...p, triage: 'garbled' as const })));
    return { ...doc, unreadablePages: doc.pages.map((p) => p.number) };
  }
  if (pages.length === 0) {
    return structuredDocument(path, 'html', bytes, 'not_a_document', `no text found in the HTML (${decoded.charset})`);
  }
  const note = decoded.note || (decoded.charset === 'utf-8' ? '' : `decoded as ${decoded.charset}`);
  return structuredDocument(path, 'html', bytes, 'ok', note, pages);
}

interface WalkState {
  listDepth: number;
}

/**
 * Walks the tree, emitting an item for each heading, list item, table row and run of
 * text between block-level elements. Inline text accumulates in `buffer`.
 */
function collectHtml(node: HTMLElement, items: StructuredItem[], state: WalkState): void {
  let buffer = '';
  const flush = (): void => {
    if (buffer.trim() !== '') items.push({ kind: 'paragraph', text: buffer });
    buffer = '';
  };

  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      buffer += child.text;
      continue;
    }
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = child as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (isDropped(el, tag)) continue;

    const heading = HEADING.exec(tag);
    const wordList = WORD_LIST_LEVEL.exec(el.getAttribute('style') ?? '');
    if (heading) {
      flush();
      const level = Number(heading[1]);
      items.push({ kind: 'heading', text: inlineText(el), level, sectionStart: level <= 2 });
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      flush();
      collectHtml(el, items, { listDepth: state.listDepth + 1 });
    } else if (tag === 'li') {
      flush();
      collectListItem(el, items, Math.max(0, state.listDepth));
    } else if (wordList && (tag === 'p' || tag === 'div')) {
      // A list paragraph of HTML saved from Word: the marker is in a span that is dropped.
      flush();
      items.push({ kind: 'list_item', text: inlineText(el), listLevel: Math.max(0, Number(wordList[1]) - 1) });
    } else if (tag === 'table' && isLayoutTable(el)) {
      flush();
      for (const cell of el.querySelectorAll('td, th')) if (ownerTable(cell) === el) collectHtml(cell, items, state);
    } else if (tag === 'table') {
      flush();
      collectTable(el, items);
    } else if (tag === 'br') {
      buffer += '\n';
    } else if (BLOCK_LEVEL.has(tag)) {
      flush();
      collectHtml(el, items, state);
    } else {
      // Inline element (span, a, b, font …): its text joins the running paragraph unless it
      // hides block-level content, as sloppy CMS markup often does.
      if (hasBlockContent(el)) {
        flush();
        collectHtml(el, items, state);
      } else {
        buffer += el.text;
      }
    }
  }
  flush();
}

/** Marks Word writes in front of list paragraphs when it saves HTML (mso-list: Ignore). */
const WORD_LIST_MARKER = /mso-list:\s*ignore/i;
/** `mso-list:l0 level2 lfo1` on a paragraph: an item of Word list l0 at level 2. */
const WORD_LIST_LEVEL = /mso-list:\s*l\d+\s+level(\d)/i;

function isDropped(el: HTMLElement, tag: string): boolean {
  return (
    DROPPED.has(tag) ||
    el.getAttribute('role') === 'navigation' ||
    el.getAttribute('aria-hidden') === 'true' ||
    WORD_LIST_MARKER.test(el.getAttribute('style') ?? '')
  );
}

// Old municipal sites lay out the whole page with tables. A table that holds headings,
// another table, or a cell with a page's worth of text is layout: its cells are read as
// containers. (Paragraphs or lists inside cells do not decide it: Word's HTML puts a <p>
// in every cell of a data table.)
const LAYOUT_CELL_CHARS = 1500;

function isLayoutTable(table: HTMLElement): boolean {
  if (table.querySelector('h1, h2, h3, h4, h5, h6, table') !== null) return true;
  return table.querySelectorAll('td, th').some((cell) => cell.text.length > LAYOUT_CELL_CHARS);
}

/** The table a cell belongs to (cells of nested tables belong to those). */
function ownerTable(cell: HTMLElement): HTMLElement | null {
  let node = cell.parentNode;
  while (node && node.rawTagName?.toLowerCase() !== 'table') node = node.parentNode;
  return node;
}

/** A list item's own text; nested lists inside it become items one level deeper. */
function collectListItem(li: HTMLElement, items: StructuredItem[], depth: number): void {
  let own = '';
  const nested: HTMLElement[] = [];
  for (const child of li.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) own += child.text;
    else if (child.nodeType === NodeType.ELEMENT_NODE) {
      const el = child as HTMLElement;
      const tag = el.rawTagName?.toLowerCase() ?? '';
      if (isDropped(el, tag)) continue;
      if (tag === 'ul' || tag === 'ol') nested.push(el);
      else own += ` ${inlineText(el)} `;
    }
  }
  items.push({ kind: 'list_item', text: own, listLevel: depth });
  for (const list of nested) collectHtml(list, items, { listDepth: depth + 1 });
}

/** Each row with text becomes a table_row; a caption becomes a paragraph. */
function collectTable(table: HTMLElement, items: StructuredItem[]): void {
  for (const el of table.querySelectorAll('caption, tr')) {
    if (el.rawTagName.toLowerCase() === 'caption') {
      items.push({ kind: 'paragraph', text: inlineText(el) });
      continue;
    }
    // Only this row's own cells: a table nested inside a cell is flattened into that cell.
    const cells = el.childNodes
      .filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE)
      .filter((c) => /^t[dh]$/i.test(c.rawTagName))
      .map((c) => cleanText(inlineText(c)))
      .filter((t) => t !== '');
    if (cells.length > 0) items.push({ kind: 'table_row', text: cells.join(' | ') });
  }
}

/** Text of an element with dropped elements left out and block boundaries as spaces. */
function inlineText(el: Node): string {
  if (el.nodeType === NodeType.TEXT_NODE) return el.text;
  if (el.nodeType !== NodeType.ELEMENT_NODE) return '';
  const tag = (el as HTMLElement).rawTagName?.toLowerCase() ?? '';
  if (isDropped(el as HTMLElement, tag)) return '';
  const inner = el.childNodes.map((c) => inlineText(c)).join('');
  // Block boundaries inside (a heading and a paragraph in one cell) must not glue words.
  return BREAKS_WORDS.has(tag) || HEADING.test(tag) ? ` ${inner} ` : inner;
}

const BREAKS_WORDS = new Set([...BLOCK_LEVEL, 'br', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th']);

function hasBlockContent(el: HTMLElement): boolean {
  return el.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, h5, h6, section, li') !== null;
}

// ---------------------------------------------------------------- charset

/**
 * The charset a page declares in its first 1024 bytes (<meta charset> or a http-equiv
 * content-type), as the HTML standard's prescan reads it: a declared UTF-16 means UTF-8,
 * because a page that really is UTF-16 starts with a byte-order mark, and x-user-defined
 * means windows-1252.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label) return undefined;
  const name = canonicalCharset(label);
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  if (name === 'x-user-defined') return 'windows-1252';
  return name;
}
