// List markers, shared by the layout of text-layer pages and of OCR text.
// Bullets: the Unicode ones, plus the private-use code points Word's Symbol and Wingdings
// bullets extract as (U+F0B7 •, U+F0A7 ▪, U+F076 ❖, U+F0D8 ➢, U+F0FC ✓, U+F0A8 □), and a
// dash followed by a space («– создание условий…»).
const BULLET_CHARS = '•·▪■◦●‣∙○□➢►✓*\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF0A8';

/** A bullet at the start of a line, with the spaces after it (removed from the item text). */
export const BULLET = new RegExp(`^(?:[${BULLET_CHARS}]|[–—-](?=\\s))\\s*`, 'u');
/** «1.», «1)», «2.1.», «а)», «ә)» at the start of a line (kept in the item text). */
export const NUMBERED = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[а-яәғқңөұүһіa-z][)])\s+(?=\S)/u;
/** A piece of a line that is nothing but a marker (the text after it starts further right). */
export const LIST_MARKER_ONLY = new RegExp(`^\\s*(?:[${BULLET_CHARS}–—-]|\\d{1,2}[.)]|[а-яәғқңөұүһіa-z][)])\\s*$`, 'u');

const DASH_THEN_LOWER = /^[–—-]\s+(?=[\p{Ll}\d])/u;
const CLOSED = /[.;:!?…]["»”)]*$/u;

/**
 * By their text alone, `line` may continue the sentence of `previous` although it starts with a
 * dash: the dash of running text wrapped to the line start («…в высокотехнологичных отраслях»
 * / «– радиоэлектронике…»). The line before ends without closing punctuation or a colon (a list
 * is introduced by «:», its items end with «;» or «.»), and the text after the dash goes on in
 * lower case or with a number. Where the layout is known it must also show the line before
 * as full (layout.ts); where it is not, as a line of a wrapped sentence (its length).
 */
export function dashMayContinue(previous: string, line: string): boolean {
  return DASH_THEN_LOWER.test(line) && !CLOSED.test(previous.trimEnd());
}

/** Lines without geometry (OCR text, lines split by <br> or Shift+Enter): a line this long was wrapped, not ended. */
export const WRAPPED_LINE_CHARS = 60;
