// Tokens with character offsets, over text that went through normalizeText. Words keep
// their hyphenated compounds together («туристско-рекреационного», «IT-кластер»,
// «мақта-тоқыма») and remember the parts, so a rule term can match the whole compound or
// any part of it. Punctuation becomes tokens of its own, so patterns can ask for a dash.
import { matchKey } from '../text/normalize.js';

export interface Token {
  /** matchKey of the token text (lower case, ё → е; dashes unified to '-'). */
  key: string;
  /** Hyphen-separated parts of a compound word ('' parts dropped); absent for simple words. */
  parts?: string[];
  start: number;
  end: number;
  isWord: boolean;
  /** Number of word tokens before this one (distances between words skip punctuation). */
  wordIndex: number;
}

// A word: letters/digits, optionally joined by hyphens or apostrophes into a compound.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
const DASHES = /^[-‐‑‒–—―]$/;
// First parts of Russian compound adjectives end in -о/-е («туристско-», «научно-»,
// «горно-»). Some corpora (RuREBus, see ../shared/data/README.md) put spaces around the
// hyphen («туристско - рекреационного»); such a triple is joined back into one compound.
const COMPOUND_FIRST_PART = /[\p{Script=Cyrillic}]{3,}[ое]$/u;
const LOWER_START = /^\p{Ll}/u;

export function tokenize(text: string): Token[] {
  const key = matchKey(text);
  const raw: { key: string; start: number; end: number; isWord: boolean }[] = [];
  for (const m of key.matchAll(TOKEN)) {
    const s = m.index;
    const t = m[0];
    const isWord = t.length > 1 || /[\p{L}\p{N}]/u.test(t);
    raw.push({ key: isWord ? t.replace(/[’]/g, "'") : DASHES.test(t) ? '-' : t, start: s, end: s + t.length, isWord });
  }
  const tokens: Token[] = [];
  let words = 0;
  for (let i = 0; i < raw.length; i++) {
    const cur = raw[i]!;
    const dash = raw[i + 1];
    const next = raw[i + 2];
    let tok = { ...cur };
    if (
      cur.isWord &&
      dash &&
      next &&
      dash.key === '-' &&
      text[dash.start] === '-' &&
      next.isWord &&
      COMPOUND_FIRST_PART.test(cur.key) &&
      LOWER_START.test(text.slice(next.start, next.start + 1)) &&
      dash.start === cur.end + 1 &&
      next.start === dash.end + 1
    ) {
      tok = { key: `${cur.key}-${next.key}`, start: cur.start, end: next.end, isWord: true };
      i += 2;
    }
    const token: Token = { key: tok.key, start: tok.start, end: tok.end, isWord: tok.isWord, wordIndex: words };
    if (tok.isWord && tok.key.includes('-')) token.parts = tok.key.split('-').filter((p) => p.length > 0);
    if (tok.isWord) words++;
    tokens.push(token);
  }
  return tokens;
}
