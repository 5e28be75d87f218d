// Character classes used by the segmenter. Whitespace is exactly what JavaScript's \s and
// String.prototype.trim treat as whitespace, so "segments are trimmed" and "gaps are
// whitespace" mean the same thing to the segmenter and to its callers.

export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x410 && c <= 0x42f) return true; // А–Я, the common case first
  if (c >= 0x430 && c <= 0x44f) return false;
  return i < text.length && UPPER.test(text[i] as string);
}

export function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x430 && c <= 0x44f) return true; // а–я
  if (c >= 0x410 && c <= 0x42f) return false;
  return i < text.length && LOWER.test(text[i] as string);
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x410 && c <= 0x44f) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0x80) return false;
  return i < text.length && LETTER.test(text[i] as string);
}

/** Sentence-final punctuation: full stop, question and exclamation marks, ellipsis. */
export function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

/** Closing quotes and brackets that belong to the sentence they follow. */
export function isCloser(code: number): boolean {
  // " ' ) ] } » ” ’ ›
  return (
    code === 34 || code === 39 || code === 41 || code === 93 || code === 125 ||
    code === 0xbb || code === 0x201d || code === 0x2019 || code === 0x203a
  );
}

/** Opening quotes and brackets that may precede the first word of a sentence. */
export function isOpener(code: number): boolean {
  // " ' ( [ { « „ “ ‘ ‹
  return (
    code === 34 || code === 39 || code === 40 || code === 91 || code === 123 ||
    code === 0xab || code === 0x201e || code === 0x201c || code === 0x2018 || code === 0x2039
  );
}

/** Hyphen and dashes that open dialogue lines and list items. */
export function isDash(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2012 || code === 0x2013 || code === 0x2014 || code === 0x2212;
}
