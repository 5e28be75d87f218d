// A city's status and the one sentence that explains it. The order of the checks is the
// point: a city whose text could not be fully read never gets "no cluster-policy mention",
// because that statement would be unfounded (DOMAIN.md: the worst error this tool can make).
import type { CityStatus, DocumentResult } from '../records.js';
import { pageRanges } from './page-ranges.js';

const STATUS_WORDS: Record<string, string> = {
  partial: 'partly unreadable',
  needs_ocr: 'needs OCR (no text layer)',
  encrypted: 'encrypted (needs a password)',
  corrupt: 'corrupt or truncated',
  empty: 'empty file',
  garbled: 'text could not be decoded (wrong charset)',
  not_a_document: 'not a document',
  timeout: 'timed out',
  error: 'could not be processed',
};

/** «x.pdf: needs OCR (no text layer), pages 3–5 not read — <message>». */
export function unreadNote(d: DocumentResult): string {
  const what = STATUS_WORDS[d.doc.status] ?? d.doc.status;
  const pages =
    d.doc.unreadablePages.length > 0
      ? `pages ${pageRanges(d.doc.unreadablePages)} not read`
      : d.doc.pageCount > 0
        ? `none of its ${d.doc.pageCount} pages read`
        : 'no page read';
  const message = d.doc.message.trim();
  return `${d.doc.file}: ${what}, ${pages}${message ? ` — ${message}` : ''}`;
}

export interface StatusInput {
  documents: readonly DocumentResult[];
  priorities: number;
  contextUnits: number;
  otherSenseUnits: number;
  /** The topic's name, e.g. «cluster policy». */
  topicLabel: string;
}

export function cityStatus(input: StatusInput): { status: CityStatus; statusNote: string } {
  const unread = input.documents.filter((d) => d.doc.status !== 'ok');
  const unreadText = unread.map(unreadNote).join('; ');
  if (input.priorities > 0) {
    const base = `${input.priorities} ${input.topicLabel} ${input.priorities === 1 ? 'priority' : 'priorities'} found`;
    return {
      status: 'priorities',
      statusNote: unread.length > 0 ? `${base}; not fully read, priorities may be missing: ${unreadText}` : `${base}.`,
    };
  }
  if (unread.length > 0) {
    const seen = input.contextUnits > 0 ? ` (${input.contextUnits} context mention(s) in what was read)` : '';
    return { status: 'unreadable', statusNote: `Not fully read, so absence of ${input.topicLabel} cannot be stated${seen}: ${unreadText}` };
  }
  if (input.contextUnits > 0) {
    return {
      status: 'context_only',
      statusNote: `Mentioned only as context (${input.contextUnits} mention(s)), not as a ${input.topicLabel} priority.`,
    };
  }
  const traps = input.otherSenseUnits > 0 ? ` (${input.otherSenseUnits} occurrence(s) of the words in another sense ignored)` : '';
  return { status: 'no_cluster_policy', statusNote: `The strategy does not mention ${input.topicLabel}${traps}.` };
}
