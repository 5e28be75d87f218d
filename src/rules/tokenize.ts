// Tokens with character offsets, over text that went through normalizeText. Words keep
// their hyphenated compounds together («туристско-рекреационного», «IT-кластер»,
// «мақта-тоқыма») and remember the parts, so a rule term can match the whole compound or
// any part of it. Punctuation becomes tokens of its own, so patterns can ask for a dash.
// A hand-written scanner rather than a Unicode-property regex: tokenising is on the hot
// path of matching (issue 6 asks for >= 50,000 sentences/s).
import { matchKey } from '../text/normalize.js';

export interface Token {
  /** matchKey of the token text (lower case, ё → е; dashes unified to '-'). */
  key: string;
  /** Hyphen-separated parts of a compound word; absent for simple words. */
  parts?: string[];
  start: number;
  end: number;
  isWord: boolean;
  /** Number of word tokens before this one (distances between words skip punctuation). */
  wordIndex: number;
  /** For a word: its first letter is a capital in the text (patterns written ^Word). */
  cap: boolean;
  /**
   * For a word: the last word of a clause (punctuation other than a hyphen or a quote, or
   * the end of the text, follows it). Kazakh puts its finite verb there (src/rules/morph.ts).
   */
  final: boolean;
  /** The unit is Kazakh (set by the matcher): Kazakh verb forms are read on its words. */
  kazakh: boolean;
  /** Morphological classes (src/rules/morph.ts), computed on first use; -1 until then. */
  morph: number;
}

const WORDCHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;
const wordCache = new Map<number, boolean>();
const spaceCache = new Map<number, boolean>();

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x400 && c <= 0x4ff) return true; // Cyrillic, incl. Kazakh letters
  let r = wordCache.get(c);
  if (r === undefined) {
    r = WORDCHAR.test(String.fromCharCode(c));
    wordCache.set(c, r);
  }
  return r;
}

function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  let r = spaceCache.get(c);
  if (r === undefined) {
    r = SPACE.test(String.fromCharCode(c));
    spaceCache.set(c, r);
  }
  return r;
}

const HYPHEN = 45; // '-'
const APOSTROPHES = new Set([39, 0x2019]);
const DASHES = new Set([45, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015]);
// First parts of Russian compound adjectives end in -о/-е («туристско-», «научно-»,
// «горно-»). Some corpora (RuREBus, see ../shared/data/README.md) put spaces around the
// hyphen («туристско - рекреационного»); such a triple is joined back into one compound.
const COMPOUND_FIRST_PART = /[\u0400-\u04ff]{3,}[ое]$/u;
const LOWER_START = /^\p{Ll}/u;

export function tokenize(text: string, key: string = matchKey(text)): Token[] {
  const tokens: Token[] = [];
  const n = key.length;
  let words = 0;
  let i = 0;
  while (i < n) {
    const c = key.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      if (CLAUSE_END.has(c)) markFinal(tokens);
      tokens.push({ key: DASHES.has(c) ? '-' : key[i]!, start: i, end: i + 1, isWord: false, wordIndex: words, cap: false, final: false, kazakh: false, morph: 0 });
      i++;
      continue;
    }
    // A word, possibly joined by hyphens or apostrophes into a compound.
    const start = i;
    let hasHyphen = false;
    for (;;) {
      while (i < n && isWordChar(key.charCodeAt(i))) i++;
      const j = key.charCodeAt(i);
      if ((j === HYPHEN || APOSTROPHES.has(j)) && i + 1 < n && isWordChar(key.charCodeAt(i + 1))) {
        if (j === HYPHEN) hasHyphen = true;
        i++;
        continue;
      }
      break;
    }
    let end = i;
    let word = key.slice(start, end);
    // «туристско - рекреационного» → one compound (see COMPOUND_FIRST_PART).
    if (
      key.charCodeAt(end) === 32 &&
      key.charCodeAt(end + 1) === HYPHEN &&
      key.charCodeAt(end + 2) === 32 &&
      end + 3 < n &&
      isWordChar(key.charCodeAt(end + 3)) &&
      COMPOUND_FIRST_PART.test(word) &&
      LOWER_START.test(text[end + 3]!)
    ) {
      let k = end + 3;
      while (k < n && isWordChar(key.charCodeAt(k))) k++;
      word = `${word}-${key.slice(end + 3, k)}`;
      hasHyphen = true;
      end = k;
      i = k;
    }
    if (word.includes('’')) word = word.replace(/’/g, "'");
    // matchKey lower-cases, so a first letter that differs from its key is a capital
    // (or ё, which toLowerCase leaves alone). Every token gets the field: one object shape.
    const cap = text.charCodeAt(start) !== key.charCodeAt(start) && text[start] !== text[start]!.toLowerCase();
    const token: Token = { key: word, start, end, isWord: true, wordIndex: words, cap, final: false, kazakh: false, morph: -1 };
    if (hasHyphen) token.parts = word.split('-').filter((p) => p.length > 0);
    tokens.push(token);
    words++;
  }
  markFinal(tokens);
  return tokens;
}

// . , ; : ! ? ) and the long dashes end a clause for the verb-final test; a hyphen, a
// quote or a bracket opening does not.
const CLAUSE_END = new Set([46, 44, 59, 58, 33, 63, 41, 0x2013, 0x2014, 0x2026]);

function markFinal(tokens: Token[]): void {
  const last = tokens[tokens.length - 1];
  if (last && last.isWord) last.final = true;
}
