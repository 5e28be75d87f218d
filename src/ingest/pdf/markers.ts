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
