// What a line of a strategy looks like: a list item (by its marker), a numbered heading,
// or running text. Markers follow the Russian and Kazakh typographic conventions for
// lists (ГОСТ Р 7.0.97-2016, п. 5.4: items marked with a dash or bullet, Arabic numerals or
// lower-case letters with a closing bracket, or numerals with a dot) and for section
// numbers (1., 2.1., IV., § 2).
import type { Lexicon } from './lexicon.js';
import { isLowerAt, isUpperAt } from './chars.js';

/** Kinds of list markers; items of one list share one kind. */
export type MarkerKind = 'bullet' | 'dash' | 'num_paren' | 'letter_paren' | 'num_dot' | 'roman' | 'section';

export interface Marker {
  kind: MarkerKind;
  /** Characters taken by the marker itself (without the space after it). */
  length: number;
}

// Sticky, so a test at position i looks only at the marker's few characters.
const MARKER =
  /(?<bullet>[•·▪▫◦●○■□►▸➢➤✓✔*])(?=\s)|(?<dash>--?|[‐‒–—−])(?=\s)|(?<num_paren>\d{1,2}(?:\.\d{1,2})*\))(?=\s)|(?<letter_paren>\p{Ll}\))(?=\s)|(?<num_dot>\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+)(?=\s)|(?<roman>[IVXLC]{1,6}\.)(?=\s)|(?<section>§\s?\d+(?:\.\d+)*\.?)(?=\s)/uy;

export function listMarkerAt(text: string, i: number): Marker | null {
  MARKER.lastIndex = i;
  const m = MARKER.exec(text);
  if (m === null || m.groups === undefined) return null;
  for (const [kind, value] of Object.entries(m.groups)) {
    if (value !== undefined) return { kind: kind as MarkerKind, length: value.length };
  }
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
