// Word recall of OCR against a truth text: the measure issue 3 sets for OCR (≥ 95% of the
// words of the matching truth text). Used by test/ingest/ocr.test.ts and bench/ocr.ts.
//
// Words are compared after normalizeText + matchKey (the project's one normaliser), split at
// every character that is not a letter or digit, so «горно-металлургического» counts as two
// words whichever way a line break cut it. Line-end hyphenation («ре-\nконструкции») is
// undone before splitting when the joined word is in the truth vocabulary: de-hyphenation is
// the layout stage's job, and this measure is about recognising words.
import { matchKey, normalizeText } from '../../text/normalize.js';

export type WordCounts = Map<string, number>;

const WORD = /[\p{L}\p{N}]+/gu;
const LINE_END_HYPHEN = /([\p{L}]+)-[ \t]*\n\s*([\p{L}]+)/gu;

/** The words of a truth text, as a multiset. */
export function truthWords(text: string): WordCounts {
  return count(matchKey(normalizeText(text)).match(WORD) ?? []);
}

/** The words of text that came with line breaks (OCR output, a text layer), as a multiset. */
export function pageWords(text: string, vocabulary: WordCounts): WordCounts {
  const joined = matchKey(normalizeText(text)).replace(LINE_END_HYPHEN, (whole, a: string, b: string) =>
    vocabulary.has(a + b) ? a + b : `${a}-${b}`,
  );
  return count(joined.match(WORD) ?? []);
}

/** Multiset intersection: the words of a truth text that are on one page. */
export function intersect(a: WordCounts, b: WordCounts): WordCounts {
  const out: WordCounts = new Map();
  for (const [w, n] of a) {
    const m = Math.min(n, b.get(w) ?? 0);
    if (m > 0) out.set(w, m);
  }
  return out;
}

export interface Recall {
  /** Share of reference words found in the OCR output (0–1). */
  recall: number;
  found: number;
  total: number;
  /** Reference words the OCR missed, most frequent first (for reports). */
  missed: string[];
}

export function wordRecall(reference: WordCounts, recognised: WordCounts): Recall {
  let found = 0;
  let total = 0;
  const missed: [string, number][] = [];
  for (const [w, n] of reference) {
    const hit = Math.min(n, recognised.get(w) ?? 0);
    found += hit;
    total += n;
    if (hit < n) missed.push([w, n - hit]);
  }
  missed.sort((x, y) => y[1] - x[1]);
  return { recall: total === 0 ? 0 : found / total, found, total, missed: missed.map(([w]) => w) };
}

function count(words: string[]): WordCounts {
  const counts: WordCounts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
