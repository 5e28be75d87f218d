// How a priority's evidence is written in text outputs: «kazan_2030.pdf p. 2, 3; x.pdf p. 5 (OCR)».
import type { PriorityItem } from '../records.js';
import { printable } from '../text/printable.js';

export function evidenceText(evidence: PriorityItem['evidence']): string {
  // Files in the order the evidence names them; pages ascending within a file.
  // A set of seen locations keeps this linear: one priority repeated in a long paragraph can
  // have tens of thousands of pieces of evidence on one page.
  const byFile = new Map<string, { page: number; ocr: boolean }[]>();
  const seen = new Set<string>();
  for (const e of evidence) {
    const key = `${e.file}\u0000${e.page}\u0000${e.ocr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pages = byFile.get(e.file);
    if (pages) pages.push({ page: e.page, ocr: e.ocr });
    else byFile.set(e.file, [{ page: e.page, ocr: e.ocr }]);
  }
  return [...byFile.entries()]
    .map(([file, pages]) => {
      const sorted = [...pages].sort((a, b) => a.page - b.page || Number(a.ocr) - Number(b.ocr));
      return `${printable(file)} p. ${sorted.map((p) => `${p.page}${p.ocr ? ' (OCR)' : ''}`).join(', ')}`;
    })
    .join('; ');
}

/** The priority as a reader meets it: the list's lead-in, then the item. */
export function priorityWithLeadIn(item: Pick<PriorityItem, 'text' | 'leadIn'>): string {
  return item.leadIn ? `${item.leadIn.trim()} … ${item.text}` : item.text;
}
