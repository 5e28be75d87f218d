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

/** Moves the head of a paragraph continued from the previous page onto that page's block. */
function joinAcrossPages(drafts: PageDraft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const prev = drafts[i - 1]!;
    const cur = drafts[i]!;
    if (prev.ocr || cur.ocr || prev.unreadable || cur.unreadable) continue;
    const tail = [...prev.blocks].reverse().find((b) => b.kind !== 'footnote');
    const head = cur.blocks[0];
    if (!tail || !head) continue;
    if ((tail.kind === 'paragraph' || tail.kind === 'list_item') && tail.openEnd && head.kind === 'paragraph' && head.continuation && Math.abs(tail.size - head.size) < 0.6) {
      tail.lines.push(...head.lines);
      tail.openEnd = head.openEnd;
      cur.blocks.shift();
    }
  }
}

export function assemblePages(drafts: PageDraft[], vocab: Vocabulary): Page[] {
  joinAcrossPages(drafts);
  const headings: { level: number; text: string }[] = [];
  let leadIn: string | undefined;
  return drafts.map((d) => {
    const blocks: Block[] = [];
    let offset = 0;
    for (const raw of d.blocks) {
      const text = blockText(raw, vocab);
      if (text === '') continue;
      let path = headings.map((h) => h.text);
      let blockLeadIn: string | undefined;
      if (raw.kind === 'heading') {
        const level = raw.level ?? 1;
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
