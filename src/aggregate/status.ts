// A city's status and the one sentence that explains it. The order of the checks is the
// point: a city whose text could not be fully read never gets "no cluster-policy mention",
// because that statement would be unfounded (DOMAIN.md: the worst error this tool can make).
import type { CityStatus, DocumentResult, Mention } from '../records.js';
import { pageRanges } from './page-ranges.js';
import { printable } from '../text/printable.js';

const STATUS_WORDS: Record<string, string> = {
  partial: 'partly unreadable',
  needs_ocr: 'needs OCR (no text layer)',
  encrypted: 'encrypted (needs a password)',
  corrupt: 'corrupt or truncated',
  empty: 'empty file',
  garbled: 'text could not be decoded (wrong charset)',
  not_a_document: 'not a document',
  timeout: 'timed out',
  too_large: 'over a size limit',
  refused: 'refused (outside the corpus folder)',
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
  // One line whatever the file name or message holds: it is an item of a list (md, html, summary).
  const message = printable(d.doc.message.trim());
  return `${printable(d.doc.file)}: ${what}, ${pages}${message ? ` — ${message}` : ''}`;
}

export interface StatusInput {
  documents: readonly DocumentResult[];
  /** Priorities decided with confidence (an uncertain one alone proves nothing). */
  priorities: number;
  /** Units with a context mention decided with confidence. */
  contextUnits: number;
  otherSenseUnits: number;
  /** Mentions whose kind or sense was uncertain, in document order. */
  uncertain: readonly Mention[];
  /** The topic's name, e.g. «cluster policy». */
  topicLabel: string;
}

export function cityStatus(input: StatusInput): { status: CityStatus; statusNote: string } {
  const unread = input.documents.filter((d) => d.doc.status !== 'ok');
  const unreadText = unread.map(unreadNote).join('; ');
  const review = input.uncertain.length > 0 ? ` ${input.uncertain.length} uncertain decision(s) shown for review.` : '';
  if (input.priorities > 0) {
    const base = `${input.priorities} ${input.topicLabel} ${input.priorities === 1 ? 'priority' : 'priorities'} found`;
    return {
      status: 'priorities',
      statusNote: unread.length > 0 ? `${base}; not fully read, priorities may be missing: ${unreadText}${review}` : `${base}.${review}`,
    };
  }
  if (unread.length > 0) {
    const seen = input.contextUnits > 0 ? ` (${input.contextUnits} context mention(s) in what was read)` : '';
    return { status: 'unreadable', statusNote: `Not fully read, so absence of ${input.topicLabel} cannot be stated${seen}: ${unreadText}${review}` };
  }
  // A priority decided with doubt, or (with no context mention either) any doubtful hit:
  // «no mention» or «context only» would rest on a guess.
  if (input.uncertain.some((m) => m.kind === 'priority') || (input.contextUnits === 0 && input.uncertain.length > 0)) {
    return {
      status: 'needs_review',
      statusNote: `Only uncertain decisions, so neither ${input.topicLabel} priorities nor their absence can be stated; review: ${reviewList(input.uncertain)}`,
    };
  }
  if (input.contextUnits > 0) {
    return {
      status: 'context_only',
      statusNote: `Mentioned only as context (${input.contextUnits} mention(s)), not as a ${input.topicLabel} priority.${review}`,
    };
  }
  const traps = input.otherSenseUnits > 0 ? ` (${input.otherSenseUnits} occurrence(s) of the words in another sense ignored)` : '';
  return { status: 'no_cluster_policy', statusNote: `The strategy does not mention ${input.topicLabel}${traps}.` };
}

/** How many uncertain sentences a status note quotes before it counts the rest. */
const REVIEW_QUOTED = 5;

/** ««…sentence…» (file p. 4, other sense?); …» for the sentences a reviewer should read. */
function reviewList(ms: readonly Mention[]): string {
  const seen = new Set<string>();
  const units = ms.filter((m) => !seen.has(m.unitId) && seen.add(m.unitId));
  const shown = units.slice(0, REVIEW_QUOTED).map((m) => `«${m.text.length > 160 ? `${m.text.slice(0, 157)}…` : m.text}» (${m.file} p. ${m.page}, ${m.kind.replace('_', ' ')}?)`);
  const more = units.length > REVIEW_QUOTED ? `; and ${units.length - REVIEW_QUOTED} more in mentions.csv (column uncertain)` : '';
  return `${shown.join('; ')}${more}.`;
}
