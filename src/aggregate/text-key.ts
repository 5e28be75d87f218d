// Token keys for comparing two statements of the same priority. Shared by the aggregate
// (collapsing a heading, a summary and the body into one item) and by validate (matching a
// coder's row to a tool unit, comparing priorities between runs).
import { matchKey, normalizeText } from '../text/normalize.js';

// List markers and numbering at the start of an item («1.», «2.3.», «а)», «–», «•»).
const LEADING_MARKER = /^\s*(?:\d+(?:\.\d+)*\.?\)?|[a-zа-яәғқңөұүһі]\)|[-–—•·*▪●])\s*/u;
// Table-of-contents tails: dot leaders followed by a page number.
const TOC_TAIL = /\s*(?:\.{3,}|…+|\s{3,})\s*\d+\s*$/u;
const TOKEN = /[\p{L}\p{N}]+/gu;
// Words too common in strategy prose to tell two priorities apart. Short function words
// (и, в, на, по, с, мен, да) are already dropped by the length limit below.
const STOP = new Set(['для', 'при', 'как', 'что', 'это', 'или', 'так', 'также', 'его', 'ее', 'мен', 'және', 'үшін']);
/**
 * Prefix length used as a crude stem. Russian and Kazakh inflection lives at the end of the
 * word, so a 6-letter prefix puts кластера/кластеров/кластерного and дамыту/дамытуға together;
 * a real lemmatiser is not needed to tell whether two sentences state the same thing.
 */
const STEM = 6;

/** Display text reduced to what identifies a statement: no numbering, no TOC tail, one space. */
export function normalisedStatement(text: string): string {
  return matchKey(normalizeText(text))
    .replace(LEADING_MARKER, '')
    .replace(TOC_TAIL, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,!?]+$/u, '')
    .trim();
}

/** The stems of a statement's content words, in reading order. */
export function stemSequence(text: string): string[] {
  const out: string[] = [];
  for (const m of normalisedStatement(text).matchAll(TOKEN)) {
    const word = m[0];
    const cyrillicOnly = !/[a-z0-9]/.test(word);
    if (cyrillicOnly && word.length < 3) continue;
    if (STOP.has(word)) continue;
    out.push(word.slice(0, STEM));
  }
  return out;
}

/** The set of stems of a statement's content words. */
export function stemSet(text: string): Set<string> {
  return new Set(stemSequence(text));
}

/**
 * Whether `short` occurs in `long` as a phrase: its stems in the same order within a window
 * at most `slack` words longer than itself (one inserted adjective is allowed). A heading
 * repeated in a body sentence passes; a sentence that merely uses the same words in other
 * places («…туристско-рекреационных комплексов Шегарского района … Развитие … туризма») does not.
 */
export function containsPhrase(long: readonly string[], short: readonly string[], slack = 1): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  for (let start = 0; start < long.length; start += 1) {
    if (long[start] !== short[0]) continue;
    let k = 1;
    let i = start + 1;
    const limit = Math.min(long.length, start + short.length + slack);
    while (k < short.length && i < limit) {
      if (long[i] === short[k]) k += 1;
      i += 1;
    }
    if (k === short.length) return true;
  }
  return false;
}

/**
 * Overlap coefficient |A ∩ B| / min(|A|, |B|): 1 when the shorter statement is contained in
 * the longer one (a heading inside the body sentence that elaborates it), unlike Jaccard,
 * which punishes the elaboration.
 */
export function overlapCoefficient(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared += 1;
  return shared / small.size;
}

/** Jaccard similarity |A ∩ B| / |A ∪ B|. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

/** The numbers in a statement (years, amounts, item numbers inside the text). */
export function numbersIn(text: string): string[] {
  return [...normalisedStatement(text).matchAll(/\d+/g)].map((m) => m[0]).sort();
}
