// Page triage (issue 3, item 2): is a page's text layer usable, repairable, or does it need OCR?
import type { PageTriage } from '../../records.js';

/** Below this many letters a page is treated as having no text layer (scan or outlines). */
export const MIN_LETTERS = 20;

const LETTER = /\p{L}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
// Glyph ids read as code points land in control characters, the replacement character,
// private use areas and exotic blocks (IPA extensions, Greek and Coptic, Armenian …) that
// Russian and Kazakh documents never use in body text.
const SUSPECT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uE000-\uF8FF\u0250-\u02AF\u0370-\u03FF\u0530-\u058F]/u;
const LETTER_CHAR = /\p{L}/u;

/**
 * Short function words that any running Russian, Kazakh or English text contains; their
 * absence in a Latin-letter page shows the "text" is look-alike gibberish. Picked by hand
 * from the most frequent words of each language (Russian and English prepositions and
 * conjunctions; Kazakh conjunctions and postpositions).
 */
const FUNCTION_WORDS = new Set([
  'и', 'в', 'на', 'с', 'по', 'для', 'не', 'что', 'из', 'к', 'о', 'от', 'до', 'а', 'или',
  'және', 'мен', 'бен', 'пен', 'үшін', 'бойынша', 'да', 'де', 'ол', 'бұл',
  'the', 'and', 'of', 'to', 'in', 'for', 'is', 'on',
]);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export interface TriageResult {
  triage: PageTriage;
  /** The text to use: repaired when triage is 'repaired', else the input. */
  reason: string;
}

/** What else is known about the page than its text. */
export interface TriageContext {
  /** All its text is set in standard-14 fonts, whose glyph names map to Unicode for sure. */
  standardFonts?: boolean;
  /** Images and paths it draws, when they were counted (pages with little text). */
  ink?: { images: number; paths: number };
}

/** Text turned into curves draws a path per glyph or per word: 120–2,640 on the pages of
 *  ../shared/data/pdf/outlined_text.pdf. A page with a ruled header, a table frame or a
 *  logo draws 1–10 (sample_ru.pdf). */
export const OUTLINE_PATHS = 40;

/** Judges a page by its body text (running headers and footers already removed). */
export function triageText(fullText: string, context: TriageContext = {}): TriageResult {
  // A few thousand characters decide as well as the whole page, and cost less.
  const text = fullText.length > 4000 ? fullText.slice(0, 4000) : fullText;
  const { letters, suspect, cyr, latin, latin1 } = tally(text);
  if (letters + suspect < MIN_LETTERS) {
    const ink = context.ink;
    // Nothing beyond the running header and page number, and nothing drawn that could hold
    // text: the page is blank, which is not unreadable (a last page, a page left empty
    // before a new chapter).
    if (ink && ink.images === 0 && ink.paths < OUTLINE_PATHS) return { triage: 'blank', reason: '' };
    const drawn = ink ? ` and ${ink.images > 0 ? `${ink.images} image(s)` : `${ink.paths} drawn paths (text as curves?)`}` : '';
    return { triage: 'no_text', reason: `only ${letters} letters in the text layer${drawn}` };
  }
  if (suspect / (letters + suspect) > 0.1) {
    return { triage: 'garbled', reason: `${suspect} of ${letters + suspect} characters are glyph codes, not text (font without a Unicode map)` };
  }
  if (latin1 / letters > 0.4 && repairCp1251(text) !== null) {
    return { triage: 'repaired', reason: 'cp1251 text declared as WinAnsi, re-decoded' };
  }
  if (!context.standardFonts && cyr / letters < 0.2 && latin / letters > 0.5 && !hasFunctionWords(text)) {
    return { triage: 'garbled', reason: 'Latin letters without any Russian, Kazakh or English function word (look-alike glyph mapping)' };
  }
  if (latin1 / letters > 0.4) {
    return { triage: 'garbled', reason: 'accented Latin letters where Cyrillic is expected (wrong font encoding)' };
  }
  return { triage: 'ok', reason: '' };
}

/**
 * One pass over the text: letters (any script), suspect code points, Cyrillic, ASCII Latin
 * and Latin-1 letters (cp1251 bytes shown through WinAnsi turn Cyrillic into À-ÿ). Common ranges are told by code point; the rest by Unicode property.
 */
function tally(text: string): { letters: number; suspect: number; cyr: number; latin: number; latin1: number } {
  let letters = 0;
  let suspect = 0;
  let cyr = 0;
  let latin = 0;
  let latin1 = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      latin++;
      letters++;
    } else if (c < 0x80) {
      if (c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) suspect++;
      else if (c === 0x7f) suspect++;
    } else if (c >= 0x400 && c <= 0x52f) {
      cyr++;
      letters++;
    } else if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) {
      latin1++;
      letters++;
    } else {
      if (SUSPECT_CHAR.test(ch)) suspect++;
      else if (LETTER_CHAR.test(ch)) letters++;
    }
  }
  return { letters, suspect, cyr, latin, latin1 };
}

function hasFunctionWords(text: string): boolean {
  let hits = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (FUNCTION_WORDS.has(w) && ++hits >= 2) return true;
  return false;
}

// Byte values 0x80-0xFF of windows-1252, so a WinAnsi-decoded string can be turned back into
// the bytes the font was given.
const CP1252_TO_BYTE: Map<string, number> = (() => {
  const decoder = new TextDecoder('windows-1252');
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(decoder.decode(new Uint8Array([b])), b);
  return map;
})();
const CP1251 = new TextDecoder('windows-1251');

/**
 * Undoes cp1251-as-WinAnsi mojibake («Ñòðàòåãèÿ» → «Стратегия»). Returns null when the
 * string holds characters that WinAnsi cannot produce or the result is not mostly Cyrillic.
 */
export function repairCp1251(text: string): string | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = CP1252_TO_BYTE.get(ch);
      if (b === undefined) return null;
      bytes.push(b);
    }
  }
  const out = CP1251.decode(new Uint8Array(bytes));
  const letters = count(out, LETTER);
  return letters > 0 && count(out, CYRILLIC) / letters > 0.6 ? out : null;
}
