// What `strategy-miner text FILE` prints: the document status, then each page with a marker
// line (number, triage, OCR) and its blocks with their kinds, so a user can see exactly
// what the tool read and what it could not.
import type { IngestedDocument } from '../records.js';

export function renderDocumentText(doc: IngestedDocument): string {
  const out: string[] = [];
  // The marker lines say «page» whatever is counted; the header names it (DOCX paragraphs, HTML sections).
  const noun = doc.locator ?? 'page';
  out.push(`# ${doc.file}: ${doc.status} (${doc.format}, ${doc.pageCount} ${noun}${doc.pageCount === 1 ? '' : 's'})`);
  if (doc.message) out.push(`# ${doc.message}`);
  if (doc.unreadablePages.length > 0) out.push(`# unreadable pages: ${doc.unreadablePages.join(', ')}`);
  for (const page of doc.pages) {
    const flags = [page.triage, ...(page.ocr ? ['ocr'] : [])].join(', ');
    out.push('', `=== page ${page.number} [${flags}] ===`);
    if (page.note) out.push(`# ${page.note}`);
    for (const b of page.blocks) {
      const extra = b.kind === 'list_item' && b.leadIn ? ` (after: ${b.leadIn})` : '';
      out.push(`[${b.kind}${b.ocr && !page.ocr ? ', ocr' : ''}]${extra} ${b.text}`);
    }
  }
  return out.join('\n') + '\n';
}
