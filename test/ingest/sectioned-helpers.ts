// Shared by the DOCX and HTML reader tests: both build sectioned pages with the same block
// records, so they share the lookups and the invariants every reader must keep.
import { expect } from 'vitest';
import type { Block, IngestedDocument } from '../../src/records.js';

export const blocks = (doc: IngestedDocument): Block[] => doc.pages.flatMap((p) => p.blocks);

export function find(doc: IngestedDocument, start: string): Block {
  const b = blocks(doc).find((x) => x.text.startsWith(start));
  if (!b) throw new Error(`no block starting with ${start}`);
  return b;
}

/** Ranges point at the block text; page numbers and block indexes line up. `eachBlock` adds a reader's own checks. */
export function expectConsistent(doc: IngestedDocument, eachBlock: (b: Block) => void = () => {}): void {
  expect(doc.pageCount).toBe(doc.pages.length);
  doc.pages.forEach((page, i) => {
    expect(page.number).toBe(i + 1);
    expect(page.text).toBe(page.blocks.map((b) => b.text).join('\n'));
    page.blocks.forEach((b, j) => {
      expect([b.page, b.index]).toEqual([page.number, j]);
      expect(page.text.slice(b.start, b.end)).toBe(b.text);
      eachBlock(b);
    });
  });
}
