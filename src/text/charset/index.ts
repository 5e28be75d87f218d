// Bytes → text when the charset is unknown or may be wrong: HTML pages whose <meta> lies,
// manifests and gold files saved by Excel in a Russian locale (Windows-1251, or UTF-16 for
// "Unicode text"). Node's TextDecoder (full ICU) decodes every WHATWG encoding, so no
// conversion library is needed; what it cannot do is tell a right decoding from a wrong one.
// That is judged here from the decoded text itself (mojibakeOf): U+FFFD, C1 controls, the
// Latin-1 and Windows-1251 look-alikes that UTF-8 Cyrillic turns into, capitals inside
// lower-case words, and letter pairs that no Russian or Kazakh word has. The candidates are the
// code pages Russian and Kazakh texts have actually been written in.
import letterPairs from './letter-pairs.json' with { type: 'json' };

/** Single-byte Cyrillic code pages, most common first (Windows, then Unix, DOS, ISO, Mac). */
export const CYRILLIC_CODE_PAGES = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5', 'x-mac-cyrillic'] as const;

export type CharsetSource = 'bom' | 'declared' | 'sniffed' | 'repaired';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used («utf-8», «windows-1251» …). */
  charset: string;
  source: CharsetSource;
  /** No candidate decoding reads as text: the result is the least bad one. */
  garbled: boolean;
  /** What was found, for messages: «declared utf-8, but the bytes are windows-1251». */
  note: string;
}

// ---------------------------------------------------------------- mojibake

const POSSIBLE_PAIRS: ReadonlySet<string> = new Set(letterPairs.pairs.split(' '));

export interface Mojibake {
  /** Cyrillic words looked at, plus one per stray mark (U+FFFD, C1 control, Ð¡-style pair). */
  words: number;
  /** Words with an impossible letter pair or a capital after a small letter, plus stray marks. */
  flagged: number;
  /** flagged / words (0 for text without Cyrillic or marks). */
  share: number;
  /** A few flagged words, for messages. */
  examples: string[];
}

const CYRILLIC_WORD = /[\u0400-\u04ff]+/g;
const SMALL_THEN_CAPITAL = /[\u0430-\u045f\u04c0-\u04ff][\u0400-\u042f]/;
/** Short all-capital words are abbreviations («ВВП», «КФХ»), which may have any letters. */
const ABBREVIATION = /^[\u0400-\u042f\u04d8\u04e8\u04ae\u04b0\u0492\u049a\u04a2\u04ba\u0406]{1,6}$/;
// UTF-8 Cyrillic read as Latin-1/Windows-1252 gives Ð or Ñ followed by a character of
// 0x80–0xBF (or the Windows-1252 punctuation in that range); read as Windows-1251 it gives Р or
// С followed by one of the signs and non-Russian letters at 0x80–0xBF of that code page. Real
// text has neither sequence.
const LATIN1_LOOKALIKE = /[ÐÑÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;
const CP1251_LOOKALIKE = /[РС][\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u0459\u203a\u045a\u045c\u045b\u045f\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u00a9\u0404\u00ab\u00ac\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u2116\u0454\u00bb\u0458\u0405\u0455\u0457]/g;
// Box-drawing and block characters fill 0x80–0xBF of KOI8-R and 0xB0–0xDF of CP866: UTF-8 or
// Windows-1251 bytes read in those code pages come out as «п╟я┌». Strategies do not draw boxes.
const STRAY_MARK = /[\ufffd\u0080-\u009f\u2500-\u259f]/g;

/** How much of a text looks like a wrong decoding. */
export function mojibakeOf(text: string): Mojibake {
  let words = 0;
  let flagged = 0;
  const examples: string[] = [];
  const flag = (what: string): void => {
    flagged += 1;
    if (examples.length < 3) examples.push(what);
  };
  for (const re of [STRAY_MARK, LATIN1_LOOKALIKE, CP1251_LOOKALIKE]) {
    for (const m of text.matchAll(re)) {
      words += 1;
      flag(m[0]);
    }
  }
  for (const m of text.matchAll(CYRILLIC_WORD)) {
    const word = m[0];
    words += 1;
    if (SMALL_THEN_CAPITAL.test(word)) flag(word);
    else if (!ABBREVIATION.test(word) && hasImpossiblePair(word)) flag(word);
  }
  return { words, flagged, share: words === 0 ? 0 : flagged / words, examples };
}

function hasImpossiblePair(word: string): boolean {
  const key = `^${word.toLowerCase().replace(/ё/g, 'е')}$`;
  for (let i = 0; i + 1 < key.length; i++) if (!POSSIBLE_PAIRS.has(key.slice(i, i + 2))) return true;
  return false;
}

// Correct text flags 0 of 4,707 Russian and 16 of 6,138 Kazakh words (0.26%: OCR-like typos
// such as «артығьш») in ../shared/data/langid/sentences; wrong code pages flag 6–67% of words
// (test/text/charset.test.ts). A share above 3%, with at least three flagged words so that one
// odd name cannot decide, is taken as a wrong decoding.
const MOJIBAKE_SHARE = 0.03;
const MOJIBAKE_MIN_FLAGGED = 3;

export function isMojibake(m: Mojibake): boolean {
  return m.flagged >= MOJIBAKE_MIN_FLAGGED && m.share > MOJIBAKE_SHARE;
}

// ---------------------------------------------------------------- decoding

/** The encoding a byte-order mark announces, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a mark: text whose every other byte is mostly zero (ASCII) or 0x04 (Cyrillic). */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 0x04) evenHigh += 1;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 0x04) oddHigh += 1;
  }
  const pairs = n / 2;
  if (oddHigh > 0.7 * pairs && evenHigh < 0.1 * pairs) return 'utf-16le';
  if (evenHigh > 0.7 * pairs && oddHigh < 0.1 * pairs) return 'utf-16be';
  return undefined;
}

function decode(bytes: Uint8Array, charset: string, fatal = false): string | undefined {
  try {
    return new TextDecoder(charset, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A WHATWG encoding label's canonical name, or undefined when TextDecoder does not know it. */
export function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/** Text → bytes in a single-byte code page (TextEncoder only writes UTF-8); '?' for what it lacks. */
export function encodeSingleByte(text: string, charset: string): Uint8Array {
  const table = singleByteTable(charset);
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = table.get(ch) ?? 0x3f;
  return out.subarray(0, n);
}

const TABLES = new Map<string, Map<string, number>>();
function singleByteTable(charset: string): Map<string, number> {
  let table = TABLES.get(charset);
  if (!table) {
    const decoder = new TextDecoder(charset);
    table = new Map();
    for (let b = 255; b >= 0; b--) table.set(decoder.decode(new Uint8Array([b])), b);
    TABLES.set(charset, table);
  }
  return table;
}

/** True when every character of `text` exists in the single-byte code page. */
function encodable(text: string, charset: string): boolean {
  const table = singleByteTable(charset);
  for (const ch of text) if (!table.has(ch)) return false;
  return true;
}

interface Candidate {
  text: string;
  charset: string;
  source: CharsetSource;
  mojibake: Mojibake;
}

function candidate(text: string, charset: string, source: CharsetSource): Candidate {
  return { text, charset, source, mojibake: mojibakeOf(text) };
}

/**
 * UTF-8 that was once read as Windows-1251 (or Latin-1) and saved again as UTF-8 («РЎС‚СЂР°»,
 * «Ð¡Ñ‚Ñ€Ð°»): the text's characters are the original bytes, so encoding them back and
 * decoding as UTF-8 restores it.
 */
function undoDoubleEncoding(text: string): Candidate | undefined {
  for (const via of ['windows-1251', 'windows-1252']) {
    if (!encodable(text, via)) continue;
    const again = decode(encodeSingleByte(text, via), 'utf-8', true);
    if (again !== undefined && again !== text) return candidate(again, `utf-8 (saved twice, through ${via})`, 'repaired');
  }
  return undefined;
}

/**
 * Decodes bytes whose encoding may be declared (HTML <meta>) and may be wrong. Order: the
 * byte-order mark; the declaration, when its text reads as text; otherwise every candidate
 * (UTF-8 when the bytes are valid UTF-8, the Cyrillic code pages, and the declared text with a
 * double encoding undone), and the one with the fewest signs of mojibake wins. When even that
 * one reads as mojibake the result is `garbled`.
 */
export function decodeUnsure(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = decode(bytes.subarray(bom.length), bom.charset) ?? '';
    return finish(candidate(text, bom.charset, 'bom'), undefined);
  }
  const declaredName = declared ? canonicalCharset(declared) : undefined;
  let first: Candidate | undefined;
  if (declaredName) {
    const text = decode(bytes, declaredName);
    if (text !== undefined) {
      first = candidate(text, declaredName, 'declared');
      if (!isMojibake(first.mojibake)) return finish(first, undefined);
    }
  }
  const candidates: Candidate[] = first ? [first] : [];
  const utf8 = decode(bytes, 'utf-8', true);
  if (utf8 !== undefined && declaredName !== 'utf-8') candidates.push(candidate(utf8, 'utf-8', 'sniffed'));
  if (utf8 === undefined || first) {
    for (const cp of CYRILLIC_CODE_PAGES) {
      if (cp === declaredName) continue;
      const text = decode(bytes, cp);
      if (text !== undefined) candidates.push(candidate(text, cp, 'sniffed'));
    }
  }
  for (const c of [...candidates]) {
    const repaired = undoDoubleEncoding(c.text);
    if (repaired) candidates.push(repaired);
  }
  if (candidates.length === 0) return finish(candidate(decode(bytes, 'windows-1251') ?? '', 'windows-1251', 'sniffed'), undefined);
  // Fewest flagged words first; on a tie, the earlier candidate (the declaration, then UTF-8,
  // then the code pages in order of how common they are).
  const best = candidates.reduce((a, b) => (b.mojibake.share < a.mojibake.share ? b : a));
  return finish(best, first);
}

function finish(best: Candidate, declared: Candidate | undefined): DecodedText {
  const garbled = isMojibake(best.mojibake);
  // Gibberish either way: show the text as declared, which is what the page's author meant.
  const chosen = garbled && declared ? declared : best;
  const notes: string[] = [];
  if (declared && chosen !== declared) notes.push(`declared ${declared.charset}, but the text reads as ${chosen.charset}`);
  else if (chosen.source === 'sniffed' || chosen.source === 'repaired') notes.push(`no usable charset declaration; the text reads as ${chosen.charset}`);
  if (garbled) {
    notes.push(
      `the text could not be decoded: ${Math.round(best.mojibake.share * 100)}% of its words look like a wrong charset ` +
        `(${chosen.mojibake.examples.map((e) => `«${e}»`).join(', ')}) in every encoding tried (${CYRILLIC_CODE_PAGES.join(', ')}, utf-8)`,
    );
  }
  return { text: chosen.text, charset: chosen.charset, source: chosen.source, garbled, note: notes.join('; ') };
}

/**
 * A text file a user made (manifest, gold file): UTF-8 with or without a BOM, UTF-16 (Excel's
 * "Unicode text"), or else a Cyrillic code page, which Excel writes as "CSV" in a Russian
 * locale. `warning` says when the file was not UTF-8, so the user learns the guess.
 */
export function decodeUserText(bytes: Uint8Array): { text: string; charset: string; warning?: string } {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decode(bytes.subarray(bom.length), bom.charset) ?? '', charset: bom.charset };
  const utf16 = unmarkedUtf16(bytes);
  if (utf16) {
    const text = decode(bytes, utf16) ?? '';
    return { text, charset: utf16, warning: `no byte-order mark; read as ${utf16.toUpperCase()}` };
  }
  const utf8 = decode(bytes, 'utf-8', true);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };
  const decoded = decodeUnsure(bytes, 'windows-1251');
  // A code page lacks the Kazakh letters; Excel writes '?' for them («?аласын» for «қаласын»).
  const lost = decoded.text.match(/\p{L}\?|\?\p{L}/gu)?.length ?? 0;
  const what = decoded.garbled
    ? `; it still does not read as text (${decoded.note})`
    : lost > 0
      ? `; ${lost} letter(s) were already lost as '?' (Kazakh letters such as қ, ң, ү are not in ${decoded.charset})`
      : '';
  return {
    text: decoded.text,
    charset: decoded.charset,
    warning: `not UTF-8; read as ${decoded.charset}${what}. Save it as "CSV UTF-8" to be sure`,
  };
}
