// Joins text lines into one string and undoes hyphenation at line ends, keeping real
// compounds (issue 3, item 1). "The next fragment starts in lower case" alone breaks about
// 6% of compounds on long_301p.pdf, so the decision uses, in order: the document's own
// vocabulary (the same word seen unbroken, with or without its hyphen), the word forms of the
// hunspell-ru and hunspell-kk dictionaries (is the joined word a form? is the right half one,
// after a part that can start a compound?), compound-element evidence (the left part occurs
// as the first half of a hyphenated compound elsewhere in the document, or is a known compound
// stem), and the shape of the two halves.
import { COMPOUND_STEMS, PRODUCTIVE_FIRST_PARTS, SOLID_FIRST_PARTS } from './compound-stems.js';
import { isDictionaryForm } from './word-forms.js';

const ADJECTIVE_STEM = /(?:[^аеёиоуыэюяй]но|нно|ьно|ско|цко|ово|ево|ико)$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const otherLetters = new Map<number, boolean>();

/** Whether a code point is a letter or a mark (\p{L} or \p{M}); ASCII and Cyrillic by range. */
function isLetterOrMark(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  // U+0400–U+04FF: all letters or combining marks except U+0482 «҂» (a symbol).
  if (cp >= 0x400 && cp <= 0x4ff) return cp !== 0x482;
  let known = otherLetters.get(cp);
  if (known === undefined) {
    known = LETTER_OR_MARK.test(String.fromCodePoint(cp));
    otherLetters.set(cp, known);
  }
  return known;
}

/** Length in UTF-16 units of the letter or mark at i (1 or 2), or 0 when there is none. */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const cp = text.codePointAt(i)!;
  return isLetterOrMark(cp) ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * The next word at or after `from` as [start, end): what /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*\/gu
 * finds, scanned by hand because the Unicode-property regex was the bulk of the vocabulary
 * build (about 40 ms on the 11 000 lines of long_301p.pdf).
 */
function nextWord(text: string, from: number): [number, number] | null {
  let i = from;
  let n = 0;
  while (i < text.length && (n = letterAt(text, i)) === 0) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  if (i >= text.length) return null;
  const start = i;
  i += n;
  for (;;) {
    while ((n = letterAt(text, i)) > 0) i += n;
    if (text.charCodeAt(i) === 0x2d && (n = letterAt(text, i + 1)) > 0) i += 1 + n;
    else break;
  }
  return [start, i];
}
const LETTER_HYPHEN_END = /\p{L}-$/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;

/** Words seen unbroken in a document (not cut by a line-end hyphen). */
export interface Vocabulary {
  words: Map<string, number>;
  /** Sorted unique words, for prefix queries. */
  sorted: string[];
  /** `${first}|${second.slice(0, 5)}` for each adjacent pair of parts of hyphenated words. */
  compoundPairs: Set<string>;
  /** First parts of hyphenated words («горно» from «горно-металлургический»). */
  firstParts: Set<string>;
}

export function emptyVocabulary(): Vocabulary {
  return { words: new Map(), sorted: [], compoundPairs: new Set(), firstParts: new Set() };
}

/**
 * Collects the vocabulary of a document from its lines in reading order. The fragment before
 * a line-end hyphen and the first word of the following line are left out: they are the
 * pieces whose fate is being decided.
 */
export function buildVocabulary(lines: Iterable<string>, into: Vocabulary = emptyVocabulary()): Vocabulary {
  let prevHyphenated = false;
  const words = into.words;
  for (const raw of lines) {
    const line = raw.toLowerCase();
    // Only the tail can end in «letter-»; an anchored regex on the whole line rescans it.
    const endsHyphen = line.endsWith('-') && LETTER_HYPHEN_END.test(line.slice(-3));
    // Tokens are counted one behind, so that the last one can be left out when the line
    // ends in a hyphen.
    let pending: string | null = null;
    let first = true;
    for (let at = nextWord(line, 0); at !== null; at = nextWord(line, at[1])) {
      if (pending !== null) addWord(into, words, pending);
      pending = first && prevHyphenated ? null : line.slice(at[0], at[1]);
      first = false;
    }
    if (pending !== null && !endsHyphen) addWord(into, words, pending);
    prevHyphenated = endsHyphen;
  }
  into.sorted = [...into.words.keys()].sort();
  return into;
}

function addWord(into: Vocabulary, words: Map<string, number>, w: string): void {
  words.set(w, (words.get(w) ?? 0) + 1);
  if (w.includes('-')) {
    const parts = w.split('-');
    for (let k = 0; k + 1 < parts.length; k++) {
      into.firstParts.add(parts[k]!);
      into.compoundPairs.add(`${parts[k]}|${parts[k + 1]!.slice(0, 5)}`);
    }
    // The halves are word forms in their own right («металлургического»).
    for (const part of parts) words.set(part, (words.get(part) ?? 0) + 1);
  }
}

function hasWordWithPrefix(vocab: Vocabulary, prefix: string): boolean {
  const a = vocab.sorted;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo]!.startsWith(prefix);
}

function isWord(vocab: Vocabulary, w: string): boolean {
  return (vocab.words.get(w) ?? 0) > 0;
}

/**
 * The run of letters and marks at the end of `text` (what /([\p{L}\p{M}]+)$/u captures),
 * found by stepping back from the end: the regex tries every start position and is the
 * costliest part of the hyphen decision.
 */
function trailingWord(text: string): string | undefined {
  let i = text.length;
  while (i > 0) {
    let j = i - 1;
    const c = text.charCodeAt(j);
    if (c >= 0xdc00 && c <= 0xdfff && j > 0) {
      const h = text.charCodeAt(j - 1);
      if (h >= 0xd800 && h <= 0xdbff) j--;
    }
    if (!LETTER_OR_MARK.test(text.slice(j, i))) break;
    i = j;
  }
  return i < text.length ? text.slice(i) : undefined;
}

/**
 * Decides whether the hyphen at the end of a line belongs to the word (a compound) or was
 * added by hyphenation. `left` is the text of the line up to, not including, the final
 * hyphen; `right` the text of the next line.
 */
export function keepsHyphen(left: string, right: string, vocab: Vocabulary): boolean {
  const leftWord = trailingWord(left);
  const rightWord = /^([\p{L}\p{M}]+)/u.exec(right)?.[1];
  if (!leftWord || !rightWord) return true; // digits, ranges («2025-|2030»), dashes: keep
  // A capital after the break starts a new word of its own («Алматы-|Астана», «IT-|Парк»).
  if (rightWord[0] !== rightWord[0]!.toLowerCase() && rightWord !== rightWord.toUpperCase()) return true;
  const l = leftWord.toLowerCase();
  const r = rightWord.toLowerCase();
  const hyphenSeen = vocab.compoundPairs.has(`${l}|${r.slice(0, 5)}`);
  const joinedSeen = hasWordWithPrefix(vocab, l + r.slice(0, Math.min(r.length, 3)));
  if (hyphenSeen !== joinedSeen) return hyphenSeen;
  if (hyphenSeen && joinedSeen) {
    if (isWord(vocab, `${l}-${r}`)) return true;
    if (isWord(vocab, l + r)) return false;
    return vocab.firstParts.has(l);
  }
  // No occurrence either way: decide from the halves.
  // Russian and Kazakh hyphenation patterns hold no Latin letters, so a typesetter working in
  // those languages never breaks a Latin word: its line-end hyphen is its own («strategy-|miner»,
  // «e-|government»).
  if (LATIN_WORD.test(l) && LATIN_WORD.test(r)) return true;
  const byDictionary = dictionaryVerdict(leftWord, l, r);
  if (byDictionary !== undefined) return byDictionary;
  if (COMPOUND_STEMS.has(l)) return true;
  if (vocab.firstParts.has(l) && r.length >= 4) return true;
  // Hyphenated Russian compound adjectives start with the short form of an adjective
  // («горно-», «научно-», «туристско-», «оптово-»), while solid compounds start with a noun
  // stem and a linking «о» («машино|строительный», «тепло|энергетика»). So: a left half
  // shaped like an adjective stem, followed by a right half that begins a known word.
  if (l.length >= 4 && ADJECTIVE_STEM.test(l) && r.length >= 5 && hasWordWithPrefix(vocab, r.slice(0, 5))) return true;
  // Kazakh (and other) paired words: both halves are words of the document on their own.
  if (l.length >= 4 && r.length >= 4 && isWord(vocab, l) && isWord(vocab, r)) return true;
  return false;
}

// Endings of Russian full adjectives and participles: the right half of a compound adjective
// («кузнечно-|прессового», «фрезерно-|брусующую»).
const ADJECTIVE_ENDING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$/u;
const NAME = /^\p{Lu}\p{Ll}{2,}$/u;
/** An abbreviation or a unit before a Kazakh case ending («АҚШ-пен», «км-ге», «млн-нан»). */
const ABBREVIATION = /^(?:\p{Lu}{2,}|км|кг|га|млн|млрд|тыс|мың|тг)$/u;
// Particles written with a hyphen (Правила русской орфографии и пунктуации, 2006, § 124:
// -то, -либо, -нибудь, кое-, -ка, -таки, -де; Kazakh -ақ, -ау, -ай, and -мен/-пен after
// abbreviations), and the hyphenated adverbs with по- and в-/во- (§ 129: «по-видимому»,
// «по-английски», «во-первых»).
const PARTICLE_AFTER = new Set(['то', 'либо', 'нибудь', 'ка', 'таки', 'де', 'ақ', 'ау', 'ай']);
const PARTICLE_BEFORE = new Set(['кое', 'кой']);
const PO_ADVERB = /(?:ому|ему|ски|цки|ьи|ыни|ому)$/u;
const VO_ORDINAL = /(?:ых|их)$/u;
const PREPOSITION_PAIRS = new Set(['из|за', 'из|под', 'по|за', 'по|над', 'более|менее']);
const KAZAKH = /[әғқңөұүһі]/u;
const VOWEL_END = /[аеёиоуыэюяәөүұі]$/u;
const VOWEL_START = /^[аеёиоуыэюяәөүұі]/u;

/**
 * What Debian's hunspell-ru and hunspell-kk say (./word-forms.ts), with the spelling rules for
 * hyphenated particles and adverbs, when the document did not:
 *  - an abbreviation, a doubled word or a Kazakh consonant–vowel break: a compound (below);
 *  - the halves joined are a word form («под|держки», «класте|ров»), or the left half is a
 *    first part always written solid («техно|парк»): a hyphenation break;
 *  - a particle («кто-|то», «кое-|что», «сондай-|ақ»), an adverb with по-/во- («по-|видимому»,
 *    «во-|первых»), an abbreviation before a case ending («АҚШ-|пен»), a doubled word
 *    («келе-|келе»): a compound;
 *  - the right half is a word form and the left half can start a compound: a productive first
 *    part («мастер-», «бизнес-», ./compound-stems.ts), a word form itself («ата-|анасы», the
 *    Kazakh paired words), or a proper name («Евразия-|регион»): a compound;
 *  - an adjective stem in -о before an adjective ending («фрезерно-|брусующую», the right
 *    half of a rare compound that the dictionary lacks): a compound.
 * undefined when none of these holds: the shape rules below decide.
 */
function dictionaryVerdict(leftWord: string, l: string, r: string): boolean | undefined {
  // Never a typesetter's break: after an abbreviation («АҚШ-|пен»), between the halves of a
  // doubled word («келе-|келе») or of a fixed pair («из-|за»), and, in Kazakh, whose hyphenation is strictly by syllable
  // (a consonant goes with the vowel after it), between a consonant and a vowel («бір-|ақ»).
  if (ABBREVIATION.test(leftWord) || (l === r && l.length >= 3) || PREPOSITION_PAIRS.has(`${l}|${r}`)) return true;
  if (KAZAKH.test(l + r) && !VOWEL_END.test(l) && VOWEL_START.test(r)) return true;
  if (isDictionaryForm(l + r) || SOLID_FIRST_PARTS.has(l)) return false;
  if (PARTICLE_AFTER.has(r) || PARTICLE_BEFORE.has(l)) return true;
  if ((l === 'по' && PO_ADVERB.test(r)) || ((l === 'во' || l === 'в') && VO_ORDINAL.test(r))) return true;
  const canStart = PRODUCTIVE_FIRST_PARTS.has(l) || COMPOUND_STEMS.has(l) || isDictionaryForm(l) || NAME.test(leftWord);
  if (canStart && isDictionaryForm(r)) return true;
  if (l.length >= 5 && ADJECTIVE_STEM.test(l) && r.length >= 5 && ADJECTIVE_ENDING.test(r)) return true;
  return undefined;
}

/**
 * Joins lines of one block: a line ending in a hyphenation hyphen is glued to the next
 * line, a compound's hyphen is kept without a space, other lines are joined with a space.
 * A soft hyphen at a line end always goes.
 */
export function joinLines(lines: readonly string[], vocab: Vocabulary): string {
  // The result is kept as pieces joined once at the end: slicing the tail of a string built
  // with += flattens all of it, which made long paragraphs quadratic.
  const parts: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length === 0) {
      parts.push(line);
      continue;
    }
    // Look at the tail only: regexes anchored at $ still scan the whole string.
    const tail = tailOf(parts, 64);
    if (tail.endsWith('\u00AD')) {
      dropLastUnit(parts);
      parts.push(line);
    } else if (tail.endsWith('-') && LETTER_HYPHEN_TAIL.test(tail) && LETTER_HEAD.test(line)) {
      if (!keepsHyphen(tail.slice(0, -1), line.slice(0, 64), vocab)) dropLastUnit(parts);
      parts.push(line);
    } else {
      parts.push(' ', line);
    }
  }
  return parts.join('');
}

const LETTER_HYPHEN_TAIL = /[\p{L}\p{M}]-$/u;
const LETTER_HEAD = /^[\p{L}\p{M}]/u;

/** The last `n` UTF-16 units of parts.join(''). */
function tailOf(parts: readonly string[], n: number): string {
  let t = '';
  for (let k = parts.length - 1; k >= 0 && t.length < n; k--) t = parts[k]! + t;
  return t.length > n ? t.slice(-n) : t;
}

/** Removes the last UTF-16 unit of parts.join(''), as out.slice(0, -1) did. */
function dropLastUnit(parts: string[]): void {
  for (let k = parts.length - 1; k >= 0; k--) {
    const p = parts[k]!;
    if (p.length > 0) {
      parts[k] = p.slice(0, -1);
      return;
    }
  }
}
