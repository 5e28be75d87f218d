// DOCX strategies (issue 3, item 5): many municipal strategies are published as Word files.
//
// Read with jszip and a small XML walk rather than mammoth: we need text, block kinds and
// the outline, not formatting, and mammoth's HTML drops what the locator and kinds need
// here: outline levels set in paragraph properties, explicit page and section breaks, and
// the table-of-contents field; it also maps headings by English style names only, while a
// Word file made in a Russian Word can name them «Заголовок 1».
//
// DOCX has no fixed pages, but Word records where its pages began when it last laid the
// document out (w:lastRenderedPageBreak, written on every save): when the file holds them,
// a block's page is that page, the one a reader sees in Word at the same zoom-independent
// layout. Explicit page breaks (Ctrl+Enter, page-break-before, section breaks) are laid out
// as pages too and recorded the same way, so only the recorded breaks are counted. Files
// from LibreOffice, converters and generators record none; their blocks are numbered by
// paragraph instead (every body paragraph, heading, list item and table row with text counts
// one; a footnote takes the number of the paragraph citing it) and reports show «¶ 214»,
// never a page number that no reader could find.
//
// Block kinds: headings (style Heading N / Заголовок N / Title, a style based on one, or an
// outline level; in a document without any of these, short all-bold lines), list items
// (numbering from the paragraph or its style, a typed «– »/«1) » marker, or lines split by
// Shift+Enter that start with one), table rows (cells joined with ' | '),
// table-of-contents lines (TOC styles or Word's TOC content control; kept for the audit
// trail, never body text), footnotes and endnotes (kind 'footnote', placed right after the
// paragraph citing them), and paragraphs. Running headers and footers live in other parts
// of the package and are never read; nor are comments and deleted revisions.
import JSZip from 'jszip';
import type { IngestedDocument, Locator } from '../records.js';
import { docxPartTooLarge, inflateCapped } from './limits.js';
import { buildSectionedPages, structuredDocument } from './sections.js';
import type { StructuredItem } from './sections.js';

export async function readDocx(path: string, bytes: Uint8Array): Promise<IngestedDocument> {
  const fail = (status: 'empty' | 'corrupt' | 'not_a_document', message: string): IngestedDocument =>
    structuredDocument(path, 'docx', bytes, status, message);
  if (bytes.length === 0) return fail('empty', 'the file is empty (0 bytes)');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(
      'not_a_document',
      'this is a legacy Word 97–2003 (.doc) file, not DOCX; convert it first, e.g. `soffice --headless --convert-to docx FILE`',
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b])) return fail('not_a_document', 'not a DOCX file: it is not a ZIP archive');

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return fail('corrupt', `broken or truncated ZIP archive: ${(e as Error).message}`);
  }

  const parts: Record<string, XmlElement | undefined> = {};
  for (const name of ['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const entry = zip.file(name);
    if (!entry) continue;
    let xml: string | undefined;
    try {
      xml = await inflateCapped(entry);
    } catch (e) {
      return fail('corrupt', `${name} cannot be unpacked: ${(e as Error).message}`);
    }
    if (xml === undefined) return structuredDocument(path, 'docx', bytes, 'too_large', docxPartTooLarge(name));
    const parsed = parseXml(xml);
    if (!parsed.ok) return fail('corrupt', `${name} is not well-formed XML: ${parsed.error}`);
    parts[name] = parsed.root;
  }
  const document = parts['word/document.xml'];
  if (!document) return fail('not_a_document', 'a ZIP archive without word/document.xml: not a Word document');
  const body = child(document, 'w:body');
  if (!body) return fail('corrupt', 'word/document.xml has no w:body');

  const context: DocxContext = {
    styles: readStyles(parts['word/styles.xml']),
    // Footnote and endnote ids are separate series: endnotes are keyed 'e<id>'.
    footnotes: new Map([...readNotes(parts['word/footnotes.xml'], 'w:footnote', ''), ...readNotes(parts['word/endnotes.xml'], 'w:endnote', 'e')]),
    renderedPending: 0,
  };
  const raw: RawItem[] = [];
  walkBody(body, context, raw, false);
  const located = assignLocators(promoteBoldHeadings(raw));
  const pages = buildSectionedPages(located.items);
  if (pages.length === 0) {
    const images = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith('word/media/')).length;
    return images > 0
      ? structuredDocument(path, 'docx', bytes, 'needs_ocr', `no text, only ${images} embedded image(s): probably a scan; OCR of images in DOCX is not supported`)
      : fail('not_a_document', 'the Word document contains no text');
  }
  return structuredDocument(path, 'docx', bytes, 'ok', '', pages, located.locator);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

// ---------------------------------------------------------------- styles and footnotes

interface StyleInfo {
  /** Heading level 1–9 from the style's name or its outline level. */
  headingLevel?: number;
  numbered: boolean;
  toc: boolean;
  bold: boolean;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numbered?: boolean;
  bold?: boolean;
}

// Built-in names as Word writes them (English, any case), and localised names that custom
// or converted styles carry («Заголовок 1»). «Заголовок» alone is the localised name of the
// base style «Heading», not a heading; Title is «Название» or «Заглавие».
const HEADING_NAME = /^(?:heading|заголовок|überschrift|titre)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|название|заглавие)$/i;
const TOC_NAME = /^(?:toc|contents|оглавление|содержание)\s*\d*$|^toc heading$/i;

function readStyles(root: XmlElement | undefined): Map<string, StyleInfo> {
  const raw = new Map<string, RawStyle>();
  for (const style of root ? children(root, 'w:style') : []) {
    if (style.attrs['w:type'] !== 'paragraph') continue;
    const id = style.attrs['w:styleId'];
    if (!id) continue;
    const pPr = child(style, 'w:pPr');
    const outline = pPr ? child(pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined;
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
    const numId = numPr ? child(numPr, 'w:numId')?.attrs['w:val'] : undefined;
    const entry: RawStyle = { name: child(style, 'w:name')?.attrs['w:val'] ?? id };
    const basedOn = child(style, 'w:basedOn')?.attrs['w:val'];
    if (basedOn) entry.basedOn = basedOn;
    if (outline !== undefined) entry.outlineLevel = Number(outline);
    if (numPr) entry.numbered = numId !== undefined && numId !== '0';
    const b = child(style, 'w:rPr') && child(child(style, 'w:rPr') as XmlElement, 'w:b');
    if (b) entry.bold = isOn(b);
    raw.set(id, entry);
  }
  const resolved = new Map<string, StyleInfo>();
  for (const [id, style] of raw) {
    // Outline level and numbering are inherited through basedOn (Word's style cascade).
    // A style based on «Heading 1» is a heading too (Word gives it the outline level).
    let outline: number | undefined;
    let numbered: boolean | undefined;
    let nameLevel: number | undefined;
    let bold: boolean | undefined;
    const seen = new Set<string>();
    for (let s: RawStyle | undefined = style; s && !seen.has(s.name); s = s.basedOn ? raw.get(s.basedOn) : undefined) {
      seen.add(s.name);
      outline ??= s.outlineLevel;
      numbered ??= s.numbered;
      bold ??= s.bold;
      if (nameLevel === undefined && outline === undefined) nameLevel = headingLevelOfName(s.name);
    }
    const info: StyleInfo = { numbered: numbered ?? false, toc: TOC_NAME.test(style.name.trim()), bold: bold ?? false };
    if (outline !== undefined && outline >= 0 && outline <= 8) info.headingLevel = outline + 1;
    else if (nameLevel !== undefined) info.headingLevel = nameLevel;
    resolved.set(id, info);
  }
  return resolved;
}

function headingLevelOfName(name: string): number | undefined {
  const trimmed = name.trim();
  const byName = HEADING_NAME.exec(trimmed);
  if (byName) return Number(byName[1]);
  return TITLE_NAME.test(trimmed) ? 1 : undefined;
}

function readNotes(root: XmlElement | undefined, element: string, keyPrefix: string): Map<string, string> {
  const notes = new Map<string, string>();
  for (const note of root ? children(root, element) : []) {
    const id = note.attrs['w:id'];
    // Separator and continuation notes carry w:type and no text worth keeping.
    if (!id || note.attrs['w:type']) continue;
    const text = descendants(note, 'w:p').map((p) => runText(p).text).join(' ');
    notes.set(keyPrefix + id, text);
  }
  return notes;
}

// ---------------------------------------------------------------- body walk

interface DocxContext {
  styles: Map<string, StyleInfo>;
  footnotes: Map<string, string>;
  /** Recorded page breaks before the first block (a blank first page). */
  renderedPending: number;
}

/** A StructuredItem plus what the page rule needs to know. */
interface RawItem extends StructuredItem {
  /** Page breaks Word recorded (w:lastRenderedPageBreak) before the item's text, and inside it. */
  renderedBefore?: number;
  renderedAfter?: number;
  /** Every visible character of the paragraph is bold (a candidate heading, see below). */
  allBold?: boolean;
}

function walkBody(container: XmlElement, ctx: DocxContext, out: RawItem[], inToc: boolean): void {
  for (const node of container.children) {
    if (typeof node === 'string') continue;
    if (node.name === 'w:p') {
      readParagraph(node, ctx, out, inToc);
    } else if (node.name === 'w:tbl') {
      readTable(node, ctx, out);
    } else if (node.name === 'w:sdt') {
      // Content controls; Word puts its table of contents in one marked as such.
      const gallery = descendants(node, 'w:docPartGallery')[0]?.attrs['w:val'] ?? '';
      const content = child(node, 'w:sdtContent');
      if (content) walkBody(content, ctx, out, inToc || /table of contents/i.test(gallery));
    } else if (['w:ins', 'w:customXml', 'w:smartTag'].includes(node.name)) {
      walkBody(node, ctx, out, inToc);
    }
  }
}

/** Reads one paragraph; returns whether the next block starts after a page/section break. */
function readParagraph(p: XmlElement, ctx: DocxContext, out: RawItem[], inToc: boolean): void {
  const pPr = child(p, 'w:pPr');
  const styleId = pPr ? child(pPr, 'w:pStyle')?.attrs['w:val'] : undefined;
  const style = styleId ? ctx.styles.get(styleId) : undefined;
  const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
  const numId = numPr ? child(numPr, 'w:numId')?.attrs['w:val'] : undefined;
  const ilvl = numPr ? Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? '0') : 0;
  const outline = pPr ? child(pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined;

  const { text, renderedBreaks, footnoteIds, textBoxes, boldChars, visibleChars } = runText(p, style?.bold ?? false);

  const item: RawItem = { kind: 'paragraph', text, allBold: visibleChars > 0 && boldChars === visibleChars };
  // A page that begins before the paragraph's first visible character holds the paragraph;
  // one that begins later holds what follows it.
  const before = renderedBreaks.filter((at) => text.slice(0, at).trim() === '').length + takePending(ctx);
  if (before > 0) item.renderedBefore = before;
  if (renderedBreaks.length > before) item.renderedAfter = renderedBreaks.length - before;
  let headingLevel = style?.headingLevel;
  if (outline !== undefined && Number(outline) <= 8) headingLevel = Number(outline) + 1;
  if (inToc || style?.toc) item.kind = 'toc';
  else if (headingLevel !== undefined) {
    item.kind = 'heading';
    item.level = headingLevel;
  } else if (numId !== undefined ? numId !== '0' : style?.numbered) {
    item.kind = 'list_item';
    item.listLevel = Number.isFinite(ilvl) ? ilvl : 0;
  }
  const emitted = text.trim() !== '';
  if (emitted) out.push(item);
  // An empty paragraph's page breaks still move the pages on.
  else if (renderedBreaks.length > 0) carryRenderedBreaks(ctx, out, renderedBreaks.length);
  for (const id of footnoteIds) {
    const note = ctx.footnotes.get(id);
    if (note) out.push({ kind: 'footnote', text: note });
  }
  for (const box of textBoxes) walkBody(box, ctx, out, inToc);
}

/** Page breaks of an item that gives no block count after the last block given (or before the first). */
function carryRenderedBreaks(ctx: DocxContext, out: RawItem[], breaks: number): void {
  const last = out[out.length - 1];
  if (last) last.renderedAfter = (last.renderedAfter ?? 0) + breaks;
  else ctx.renderedPending += breaks;
}

function takePending(ctx: DocxContext): number {
  const n = ctx.renderedPending;
  ctx.renderedPending = 0;
  return n;
}

function readTable(tbl: XmlElement, ctx: DocxContext, out: RawItem[]): void {
  for (const tr of children(tbl, 'w:tr')) {
    let rendered = 0;
    const cells = children(tr, 'w:tc').map((tc) =>
      // A cell's paragraphs (and any table nested in it) are flattened into one line.
      descendants(tc, 'w:p')
        .map((p) => {
          const run = runText(p);
          // A row that Word moved to a new page records the break in its cells (one per cell).
          rendered = Math.max(rendered, run.renderedBreaks.length);
          return run.text.trim();
        })
        .filter((t) => t !== '')
        .join(' '),
    );
    const nonEmpty = cells.filter((c) => c.trim() !== '');
    if (nonEmpty.length === 0) {
      if (rendered > 0) carryRenderedBreaks(ctx, out, rendered);
      continue;
    }
    rendered += takePending(ctx);
    out.push({ kind: 'table_row', text: nonEmpty.join(' | '), ...(rendered > 0 ? { renderedBefore: rendered } : {}) });
  }
}

interface RunText {
  text: string;
  /** Offsets in text where explicit page breaks occur. */
  pageBreaks: number[];
  /** Offsets in text where a page began when Word last laid the document out. */
  renderedBreaks: number[];
  footnoteIds: string[];
  /** Text boxes anchored in the paragraph: read as separate blocks after it. */
  textBoxes: XmlElement[];
  /** Non-space characters, and how many of them are bold. */
  visibleChars: number;
  boldChars: number;
}

/** The visible text of a paragraph: runs, tabs, breaks, symbols; deleted text and field codes left out. */
function runText(p: XmlElement, styleBold = false): RunText {
  const result: RunText = { text: '', pageBreaks: [], renderedBreaks: [], footnoteIds: [], textBoxes: [], visibleChars: 0, boldChars: 0 };
  let bold = styleBold;
  const visit = (el: XmlElement): void => {
    for (const node of el.children) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:r': {
          const rPr = child(node, 'w:rPr');
          const b = rPr ? child(rPr, 'w:b') : undefined;
          bold = b ? isOn(b) : styleBold;
          visit(node);
          bold = styleBold;
          break;
        }
        case 'w:t': {
          const t = textOf(node);
          result.text += t;
          const visible = t.replace(/\s/g, '').length;
          result.visibleChars += visible;
          if (bold) result.boldChars += visible;
          break;
        }
        case 'w:tab':
          result.text += ' ';
          break;
        case 'w:cr':
          result.text += '\n';
          break;
        case 'w:br':
          // A line break (Shift+Enter) stays a '\n' so that typed list lines can be split;
          // a page break is recorded for the section rule.
          if (node.attrs['w:type'] === 'page') {
            result.pageBreaks.push(result.text.length);
            result.text += ' ';
          } else result.text += '\n';
          break;
        case 'w:lastRenderedPageBreak':
          result.renderedBreaks.push(result.text.length);
          break;
        case 'w:noBreakHyphen':
          result.text += '-';
          break;
        case 'w:softHyphen':
          result.text += '\u00AD';
          break;
        case 'w:footnoteReference':
          if (node.attrs['w:id']) result.footnoteIds.push(node.attrs['w:id']);
          break;
        case 'w:endnoteReference':
          if (node.attrs['w:id']) result.footnoteIds.push(`e${node.attrs['w:id']}`);
          break;
        case 'w:txbxContent':
          result.textBoxes.push(node);
          break;
        // Deleted revisions, field instructions and the fallback copy of drawings
        // (mc:Fallback repeats the text of mc:Choice) are not visible text.
        case 'w:del':
        case 'w:instrText':
        case 'w:delText':
        case 'mc:Fallback':
        case 'w:pPr':
        case 'w:rPr':
          break;
        default:
          visit(node);
      }
    }
  };
  visit(p);
  return result;
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

// Heading numbering typed as text: «2.», «2.1.», «2.1.3» (depth = level).
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S/;
const MAX_BOLD_HEADING_CHARS = 150;

/**
 * Many municipal Word files are typed without heading styles: their headings are short bold
 * lines. When a document has no styled heading at all, a paragraph that is entirely bold,
 * at most 150 characters long and does not end like a sentence part (. , ; :) becomes a
 * heading; its level comes from typed numbering («2.1.» is level 2), else 1.
 */
function promoteBoldHeadings(items: RawItem[]): RawItem[] {
  if (items.some((i) => i.kind === 'heading')) return items;
  return items.map((item) => {
    const text = item.text.replace(/\s+/g, ' ').trim();
    if (item.kind !== 'paragraph' || !item.allBold || text.length > MAX_BOLD_HEADING_CHARS || /[.,;:]$/.test(text)) return item;
    if (!/\p{L}.*\p{L}/u.test(text)) return item;
    const numbered = NUMBERED_HEADING.exec(text);
    const level = numbered ? (numbered[1] ?? '').split('.').length : 1;
    return { ...item, kind: 'heading', level };
  });
}

/**
 * Page numbers for the blocks (see the rule at the top of this file): the pages Word last laid
 * the document out in, when it recorded them, else paragraph numbers.
 */
function assignLocators(items: RawItem[]): { items: StructuredItem[]; locator: Locator } {
  const strip = ({ renderedBefore: _rb, renderedAfter: _ra, allBold: _a, ...item }: RawItem): StructuredItem => item;
  if (items.some((i) => (i.renderedBefore ?? 0) + (i.renderedAfter ?? 0) > 0)) {
    let page = 1;
    let open = 0;
    const out = items.map((raw) => {
      page += raw.renderedBefore ?? 0;
      const item = strip(raw);
      const starts = page !== open;
      open = page;
      page += raw.renderedAfter ?? 0;
      return starts ? { ...item, sectionStart: true, pageNumber: open } : item;
    });
    return { items: out, locator: 'page' };
  }
  let paragraph = 0;
  const out = items.map((raw) => {
    const item = strip(raw);
    // A note belongs to the paragraph that cites it.
    if (raw.kind === 'footnote' && paragraph > 0) return item;
    paragraph += 1;
    return { ...item, sectionStart: true, pageNumber: paragraph };
  });
  return { items: out, locator: 'paragraph' };
}

// ---------------------------------------------------------------- a small XML reader

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

// Subtrees that carry only formatting: skipped while parsing to keep large documents small.
// w:rPr is kept for w:b (bold lines are headings in documents without heading styles).
const FORMATTING_ONLY = new Set(['w:lang', 'w:sz', 'w:szCs', 'w:color', 'w:kern', 'w:shd', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:rFonts', 'w:proofErr', 'w:bookmarkStart', 'w:bookmarkEnd']);

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

type XmlParse = { ok: true; root: XmlElement } | { ok: false; error: string };

/**
 * Parses XML well enough for Office Open XML parts: elements, attributes, text, CDATA and
 * entities; comments, processing instructions and DOCTYPE are skipped. Not a validating
 * parser, but it rejects what a truncated or damaged part looks like: stray '<', mismatched
 * or unclosed tags, text outside the root.
 */
function parseXml(xml: string): XmlParse {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let skipDepth = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) return { ok: false, error: `unexpected '${xml.slice(at, at + 20)}' at ${where(xml, at)}` };
    const [, cdata, closing, opening, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1] as XmlElement;
    if (opening !== undefined) {
      if (skipDepth > 0 || FORMATTING_ONLY.has(opening)) {
        if (!selfClosing) skipDepth += 1;
        continue;
      }
      const el: XmlElement = { name: opening, attrs: parseAttrs(attrText ?? ''), children: [] };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (closing !== undefined) {
      if (skipDepth > 0) {
        skipDepth -= 1;
        continue;
      }
      if (top === root || top.name !== closing) {
        return { ok: false, error: `closing </${closing}> does not match <${top.name}> at ${where(xml, at)}` };
      }
      stack.pop();
    } else if (skipDepth === 0 && (cdata !== undefined || text !== undefined)) {
      const value = cdata ?? decodeEntities(text ?? '');
      if (top === root) {
        if (value.trim() !== '') return { ok: false, error: `text outside the root element at ${where(xml, at)}` };
      } else top.children.push(value);
    }
  }
  if (stack.length > 1) return { ok: false, error: `unexpected end: <${stack[stack.length - 1]?.name}> is not closed (truncated?)` };
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) return { ok: false, error: 'no root element' };
  return { ok: true, root: element };
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) attrs[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function where(xml: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

function descendants(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) found.push(c);
      else visit(c);
    }
  };
  visit(el);
  return found;
}

function textOf(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}
