// How a priority's evidence is written in text outputs: «kazan_2030.pdf p. 2, 3; x.pdf p. 5 (OCR)».
import type { Locator, PriorityItem } from '../records.js';
import { printable } from '../text/printable.js';

const LOCATOR_MARK: Record<Locator, string> = { page: 'p.', section: 'sect.', paragraph: '¶' };

/** «p. 5», «sect. 5» (a section of an HTML page), «¶ 214» (a paragraph of a DOCX without recorded pages). */
export function locatorText(page: number, locator: Locator = 'page'): string {
  return `${LOCATOR_MARK[locator]} ${page}`;
}

export function evidenceText(evidence: PriorityItem['evidence']): string {
  // Files in the order the evidence names them; pages ascending within a file.
  // A set of seen locations keeps this linear: one priority repeated in a long paragraph can
  // have tens of thousands of pieces of evidence on one page.
  const byFile = new Map<string, { page: number; ocr: boolean; locator: Locator }[]>();
  const seen = new Set<string>();
  for (const e of evidence) {
    const key = `${e.file}\u0000${e.page}\u0000${e.ocr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pages = byFile.get(e.file);
    const at = { page: e.page, ocr: e.ocr, locator: e.locator ?? 'page' };
    if (pages) pages.push(at);
    else byFile.set(e.file, [at]);
  }
  return [...byFile.entries()]
    .map(([file, pages]) => {
      const sorted = [...pages].sort((a, b) => a.page - b.page || Number(a.ocr) - Number(b.ocr));
      const mark = LOCATOR_MARK[sorted[0]!.locator];
      return `${printable(file)} ${mark} ${sorted.map((p) => `${p.page}${p.ocr ? ' (OCR)' : ''}`).join(', ')}`;
    })
    .join('; ');
}

/** The priority as a reader meets it: the list's lead-in, then the item. */
export function priorityWithLeadIn(item: Pick<PriorityItem, 'text' | 'leadIn'>): string {
  return item.leadIn ? `${item.leadIn.trim()} … ${item.text}` : item.text;
}
