// The pattern language of rule files, compiled once per rule set.
//   кластер        exact word form (after normalizeText + matchKey, like the text)
//   кластер*       glob: * any letters, ? one letter (at least 3 letters before the first *)
//   *кластер*      a word that contains a literal of 5+ letters (solid compounds: агрокластер)
//   ~промышленный  Russian Snowball stem: matches every form with the same stem
//   /20\d\d/       one token by regular expression (whole token)
//   [0..3]         a gap of 0 to 3 words (punctuation in a gap is skipped)
//   - : ; «        punctuation tokens (any dash matches -)
//   ^Горн*         a word (exact, glob or stem) that must start with a capital letter in the
//                  text: a proper name («Горный кластер», «объекты Прибрежного кластера»)
//   {a*|b|~c}      one word that matches any of the alternatives (words, globs, stems)
//   @ru-past       a word of a morphological class (src/rules/morph.ts: @ru-past,
//                  @ru-short-passive, @kk-past, @kk-aorist, @kk-verbal-noun, …)
//   re:REGEX       a regular expression over the whole lower-cased text (last resort)
// A word element matches a hyphenated compound when it matches the whole compound or one
// of its parts («it» matches «IT-кластер», «туристск*» matches «туристско-рекреационного»).
import { matchKey, normalizeText } from '../text/normalize.js';
import { MORPH_CLASSES, morphBit, morphBits, type MorphClass } from './morph.js';
import { stemRu } from './stem.js';
import type { Token } from './tokenize.js';

export type Element =
  | { type: 'exact'; word: string; src: string }
  | { type: 'glob'; re: RegExp; prefix: string; simple: boolean; src: string; infix?: string }
  | { type: 'stem'; stem: string; src: string }
  /** ^word: the inner word element, on a token that starts with a capital letter. */
  | { type: 'cap'; inner: Element & { type: 'exact' | 'glob' | 'stem' }; src: string }
  | { type: 'regex'; re: RegExp; src: string }
  | { type: 'morph'; cls: MorphClass; bit: number; src: string }
  | { type: 'alt'; options: (Element & { type: 'exact' | 'glob' | 'stem' | 'cap' })[]; src: string }
  | { type: 'punct'; char: string; src: string }
  | { type: 'gap'; min: number; max: number; src: string };

export type CompiledPattern =
  | { type: 'tokens'; elements: Element[]; src: string }
  | { type: 'text'; re: RegExp; src: string };

export type PatternResult = { ok: true; pattern: CompiledPattern } | { ok: false; message: string };

const GAP = /^\[(\d+)\.\.(\d+)\]$/;
// The Unicode flag makes a regex slower; it is only needed for \p{…} classes and \u{…}.
const flagsFor = (body: string): string => (/\\[pPu]\{/.test(body) ? 'u' : '');
const PUNCT = /^[^\p{L}\p{N}\s]$/u;
const MIN_GLOB_PREFIX = 3;

/** The normalisation rule terms share with the text (src/text/normalize.ts). */
export function termKey(term: string): string {
  return matchKey(normalizeText(term));
}

export function compilePattern(src: string): PatternResult {
  const trimmed = src.trim();
  if (trimmed.startsWith('re:')) {
    const body = trimmed.slice(3).trim();
    try {
      return { ok: true, pattern: { type: 'text', re: new RegExp(body, flagsFor(body)), src } };
    } catch (e) {
      return { ok: false, message: `Expected a valid regular expression after "re:", got ${JSON.stringify(body)} (${(e as Error).message})` };
    }
  }
  const elements: Element[] = [];
  for (const part of trimmed.split(/\s+/)) {
    // A short glob is fine after the first word (it is anchored by it), not as the first.
    const r = compileElement(part, elements.length === 0);
    if (!r.ok) return r;
    elements.push(r.element);
  }
  if (elements.every((e) => e.type === 'gap')) {
    return { ok: false, message: `Expected at least one word in the pattern, got only gaps ${JSON.stringify(src)}` };
  }
  if (elements[0]!.type === 'regex') {
    // Every token would have to be tested against it: slow, and never needed.
    return {
      ok: false,
      message: `Expected a word, word*, ~stem or punctuation first, got the token regex ${elements[0]!.src} in ${JSON.stringify(src)}; put a word first or use re: for a whole-text regex`,
    };
  }
  if (elements[0]!.type === 'gap' || elements[elements.length - 1]!.type === 'gap') {
    return { ok: false, message: `Expected a word at both ends of the pattern, got a gap in ${JSON.stringify(src)}; drop the outer gap` };
  }
  return { ok: true, pattern: { type: 'tokens', elements, src } };
}

function compileElement(part: string, first: boolean): { ok: true; element: Element } | { ok: false; message: string } {
  if (part.length > 1 && part.startsWith('^')) {
    const r = compileElement(part.slice(1), first);
    if (!r.ok) return r;
    const el = r.element;
    if (el.type !== 'exact' && el.type !== 'glob' && el.type !== 'stem') {
      return { ok: false, message: `Expected a word, word* or ~stem after "^" (a capitalised word), got ${JSON.stringify(part)}` };
    }
    return { ok: true, element: { type: 'cap', inner: el, src: part } };
  }
  const gap = GAP.exec(part);
  if (gap) {
    const min = Number(gap[1]);
    const max = Number(gap[2]);
    if (min > max || max > 20) {
      return { ok: false, message: `Expected a gap [m..n] with m <= n <= 20, got ${part}` };
    }
    return { ok: true, element: { type: 'gap', min, max, src: part } };
  }
  if (part.length > 2 && part.startsWith('/') && part.endsWith('/')) {
    try {
      const body = part.slice(1, -1);
      return { ok: true, element: { type: 'regex', re: new RegExp(`^(?:${body})$`, flagsFor(body)), src: part } };
    } catch (e) {
      return { ok: false, message: `Expected a valid token regex, got ${part} (${(e as Error).message})` };
    }
  }
  if (part.length > 2 && part.startsWith('{') && part.endsWith('}')) {
    const options: (Element & { type: 'exact' | 'glob' | 'stem' | 'cap' })[] = [];
    for (const alt of part.slice(1, -1).split('|')) {
      const r = compileElement(alt, first);
      if (!r.ok) return r;
      const el = r.element;
      if (el.type !== 'exact' && el.type !== 'glob' && el.type !== 'stem' && el.type !== 'cap') {
        return { ok: false, message: `Expected words, word* globs or ~stems between "{" and "}", got ${JSON.stringify(alt)} in ${JSON.stringify(part)}` };
      }
      options.push(el);
    }
    if (options.length < 2) return { ok: false, message: `Expected at least two alternatives in ${JSON.stringify(part)}` };
    return { ok: true, element: { type: 'alt', options, src: part } };
  }
  if (part.length > 1 && part.startsWith('@')) {
    const cls = part.slice(1) as MorphClass;
    if (!MORPH_CLASSES.includes(cls)) {
      return { ok: false, message: `Expected a morphological class (${MORPH_CLASSES.map((c) => '@' + c).join(', ')}), got ${JSON.stringify(part)}` };
    }
    return { ok: true, element: { type: 'morph', cls, bit: morphBit(cls), src: part } };
  }
  if (PUNCT.test(part)) {
    return { ok: true, element: { type: 'punct', char: /^[-‐‑‒–—―]$/.test(part) ? '-' : part, src: part } };
  }
  if (part.startsWith('~')) {
    const word = termKey(part.slice(1));
    if (!/^[\p{L}\p{N}-]+$/u.test(word)) {
      return { ok: false, message: `Expected a single word after "~", got ${JSON.stringify(part)}` };
    }
    return { ok: true, element: { type: 'stem', stem: stemRu(word), src: part } };
  }
  const word = termKey(part);
  if (word.includes('*') || word.includes('?')) {
    const prefix = /^[^*?]*/.exec(word)![0];
    // «*кластер*» finds the word inside solid compounds (агрокластер, биофармкластер); a
    // long enough literal keeps it selective (it is tried at every token of a unit).
    const infix = /^\*([\p{L}]{5,})\*$/u.exec(word)?.[1];
    if (prefix.length < (first ? MIN_GLOB_PREFIX : 1) && !infix) {
      return {
        ok: false,
        message: `Expected at least ${first ? MIN_GLOB_PREFIX : 1} letter(s) before the first wildcard, got ${JSON.stringify(part)}; a shorter prefix matches too many words — list the forms instead`,
      };
    }
    const body = word.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\p{L}\\p{N}\\p{M}-]*').replace(/\?/g, '[\\p{L}\\p{N}\\p{M}]');
    // `prefix*` alone is a plain startsWith test: tokens only hold letters, digits and hyphens.
    const simple = word === `${prefix}*`;
    const el: Element = { type: 'glob', re: new RegExp(`^${body}$`, 'u'), prefix, simple, src: part };
    if (infix) el.infix = infix;
    return { ok: true, element: el };
  }
  if (!/^[\p{L}\p{N}\p{M}'-]+$/u.test(word)) {
    return {
      ok: false,
      message: `Expected a word, a word* glob, ~stem, /regex/, [m..n] or one punctuation mark, got ${JSON.stringify(part)}`,
    };
  }
  return { ok: true, element: { type: 'exact', word, src: part } };
}

/** Does one word element match a token (the whole compound or one of its parts)? */
export function elementMatches(el: Element, tok: Token, stems: boolean): boolean {
  if (el.type === 'punct') return !tok.isWord && tok.key === el.char;
  if (!tok.isWord) return false;
  switch (el.type) {
    case 'exact':
      return tok.key === el.word || (tok.parts !== undefined && tok.parts.includes(el.word));
    case 'glob':
      if (el.simple) {
        if (tok.key.startsWith(el.prefix)) return true;
        return tok.parts !== undefined && tok.parts.some((p) => p.startsWith(el.prefix));
      }
      // An infix glob needs its literal: a cheap test before the regex.
      if (el.infix !== undefined && !tok.key.includes(el.infix)) return false;
      if (el.re.test(tok.key)) return true;
      return tok.parts !== undefined && tok.parts.some((p) => el.re.test(p));
    case 'stem':
      if (!stems) return false;
      if (stemRu(tok.key) === el.stem) return true;
      return tok.parts !== undefined && tok.parts.some((p) => stemRu(p) === el.stem);
    case 'regex':
      if (el.re.test(tok.key)) return true;
      return tok.parts !== undefined && tok.parts.some((p) => el.re.test(p));
    case 'cap':
      return tok.cap && elementMatches(el.inner, tok, stems);
    case 'morph':
      return (morphOf(tok) & el.bit) !== 0;
    case 'alt':
      for (const o of el.options) if (elementMatches(o, tok, stems)) return true;
      return false;
    case 'gap':
      return false;
  }
}

/**
 * Matches a token pattern whose first element matched tokens[i]; returns the index after
 * the last matched token, or -1. Consecutive elements need consecutive tokens; a gap
 * skips up to `max` words and any punctuation between them.
 */
export function matchAt(elements: Element[], tokens: Token[], i: number, stems: boolean): number {
  return step(elements, 0, tokens, i, stems);
}

/** matchAt when the caller already knows that the first element matches tokens[i]. */
export function matchAfterFirst(elements: Element[], tokens: Token[], i: number, stems: boolean): number {
  return elements.length === 1 ? i + 1 : step(elements, 1, tokens, i + 1, stems);
}

function step(els: Element[], e: number, tokens: Token[], i: number, stems: boolean): number {
  if (e === els.length) return i;
  const el = els[e]!;
  if (el.type === 'gap') {
    // Try the shortest gap first, then longer ones.
    let words = 0;
    let j = i;
    for (;;) {
      if (words >= el.min) {
        const r = step(els, e + 1, tokens, j, stems);
        if (r >= 0) return r;
      }
      if (j >= tokens.length || words >= el.max) return -1;
      if (tokens[j]!.isWord) words++;
      j++;
    }
  }
  const tok = tokens[i];
  if (!tok || !elementMatches(el, tok, stems)) return -1;
  return step(els, e + 1, tokens, i + 1, stems);
}

/** A token's morphological classes, computed once per token. */
export function morphOf(tok: Token): number {
  if (tok.morph < 0) tok.morph = morphBits(tok);
  return tok.morph;
}
