// What a line of a strategy looks like: a list item (by its marker), a numbered heading,
// or running text. Markers follow the Russian and Kazakh typographic conventions for
// lists (ГОСТ Р 7.0.97-2016, п. 5.4: items marked with a dash or bullet, Arabic numerals or
// lower-case letters with a closing bracket, or numerals with a dot) and for section
// numbers (1., 2.1., IV., § 2).
import type { Lexicon } from './lexicon.js';
import { isDash, isDigit, isLowerAt, isSpace, isUpperAt } from './chars.js';

/** Kinds of list markers; items of one list share one kind. */
export type MarkerKind = 'bullet' | 'dash' | 'num_paren' | 'letter_paren' | 'num_dot' | 'roman' | 'section';

export interface Marker {
  kind: MarkerKind;
  /** Characters taken by the marker itself (without the space after it). */
  length: number;
}

const BULLETS = new Set([...'•·▪▫◦●○■□►▸➢➤✓✔*'].map((c) => c.charCodeAt(0)));
const ROMAN_DIGITS = new Set([...'IVXLC'].map((c) => c.charCodeAt(0)));

/**
 * The list marker at position i (followed by whitespace), or null. Hand-written rather than
 * a regular expression because it runs once per line, on every line of a document.
 */
export function listMarkerAt(text: string, i: number): Marker | null {
  const n = text.length;
  const c = text.charCodeAt(i);
  const followedBySpace = (j: number): boolean => j < n && isSpace(text.charCodeAt(j));
  if (BULLETS.has(c)) return followedBySpace(i + 1) ? { kind: 'bullet', length: 1 } : null;
  if (isDash(c)) {
    if (followedBySpace(i + 1)) return { kind: 'dash', length: 1 };
    return c === 45 && text.charCodeAt(i + 1) === 45 && followedBySpace(i + 2) ? { kind: 'dash', length: 2 } : null;
  }
  if (isDigit(c)) {
    // 1)  1.  2.1.  2.1 (a heading number without the final dot)
    let j = i;
    let groups = 0;
    let endsWithDot = false;
    while (j < n && isDigit(text.charCodeAt(j))) {
      const g = j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j - g > 2) return null;
      groups++;
      endsWithDot = text.charCodeAt(j) === 46;
      if (!endsWithDot) break;
      j++;
    }
    if (text.charCodeAt(j) === 41 && !endsWithDot) return followedBySpace(j + 1) ? { kind: 'num_paren', length: j + 1 - i } : null;
    if (!followedBySpace(j) || (!endsWithDot && groups < 2)) return null;
    return { kind: 'num_dot', length: j - i };
  }
  if (c === 0xa7) {
    // § 2.  §2.1.
    let j = i + 1;
    if (text.charCodeAt(j) === 32) j++;
    if (!isDigit(text.charCodeAt(j))) return null;
    while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
    return followedBySpace(j) ? { kind: 'section', length: j - i } : null;
  }
  if (ROMAN_DIGITS.has(c)) {
    let j = i;
    while (j < n && j - i < 6 && ROMAN_DIGITS.has(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 46 && followedBySpace(j + 1)) return { kind: 'roman', length: j + 1 - i };
  }
  if (text.charCodeAt(i + 1) === 41 && isLowerAt(text, i) && followedBySpace(i + 2)) return { kind: 'letter_paren', length: 2 };
  return null;
}

const INLINE_FIRST = /(?:1|\p{Ll})\)\s/uy;
const INLINE_ANY = /(?:\d{1,2}|\p{Ll})\)\s/uy;

/**
 * An inline enumeration item starts at i: «1) », «а) » (any number or letter after «;»,
 * only the first one, 1) or а), after «:»).
 */
export function inlineItemMarkerAt(text: string, i: number, to: number, afterColon: boolean): boolean {
  const re = afterColon ? INLINE_FIRST : INLINE_ANY;
  re.lastIndex = i;
  const m = re.exec(text);
  if (m === null) return false;
  if (afterColon && m[0][0] !== '1' && m[0][0] !== 'а' && m[0][0] !== 'a') return false;
  return i + m[0].length <= to;
}

const MAX_HEADING = 200;
const ENDS_SENTENCE = /[.!?…;:,]["»”)]*$/;
const HAS_TERMINAL = /[.!?…]/;
const LABEL_WORD = /^(\p{L}+)\s+(?:\d{1,2}(?:\.\d{1,2})*|[IVXLCХІ]{1,6})\.?(?=\s|$)/u;
// Kazakh puts an ordinal number before the label word: «1-бөлім.», «3-тарау».
const ORDINAL_LABEL = /^(?:\d{1,2}|[IVXLC]{1,6})-(\p{L}+)\.?(?=\s|$)/u;

/**
 * A line that is a numbered heading on its own: «Раздел 3. Стратегические цели»,
 * «2.1. Развитие экономики», «IV. Механизмы реализации», «§2. …», or a line in capitals
 * («СТРАТЕГИЧЕСКИЕ ЦЕЛИ»). A numbered line that ends like a sentence is a numbered
 * paragraph or list item instead.
 */
export function isHeadingLine(text: string, s: number, e: number, marker: Marker | null, lex: Lexicon): boolean {
  if (e - s > MAX_HEADING) return false;
  const line = text.slice(s, e);
  const labelled = LABEL_WORD.exec(line) ?? ORDINAL_LABEL.exec(line);
  if (labelled !== null && lex.headingWords.has((labelled[1] as string).toLowerCase())) {
    return headingRest(line.slice(labelled[0].length), true);
  }
  if (marker !== null && (marker.kind === 'num_dot' || marker.kind === 'roman' || marker.kind === 'section')) {
    let k = s + marker.length;
    while (k < e && line.charCodeAt(k - s) === 32) k++;
    if (k >= e || !isUpperAt(text, k)) return false;
    return headingRest(line.slice(k - s), marker.kind === 'section');
  }
  return isCapitalsLine(text, s, e);
}

/** The title after a heading label: one phrase, not a run of sentences. */
function headingRest(rest: string, mayEndWithDot: boolean): boolean {
  const body = rest.trim();
  if (body === '') return true;
  if (ENDS_SENTENCE.test(body)) {
    if (!mayEndWithDot || !body.endsWith('.')) return false;
    return !HAS_TERMINAL.test(body.slice(0, -1));
  }
  return !HAS_TERMINAL.test(body);
}

function isCapitalsLine(text: string, s: number, e: number): boolean {
  let upper = 0;
  for (let i = s; i < e; i++) {
    if (isLowerAt(text, i)) return false;
    if (isUpperAt(text, i)) upper++;
  }
  const last = text.charCodeAt(e - 1);
  return upper >= 3 && last !== 59 && last !== 44;
}
