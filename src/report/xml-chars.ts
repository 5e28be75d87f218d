// Text as XML 1.0 can hold it. XML allows only tab, newline, carriage return, U+0020–U+D7FF,
// U+E000–U+FFFD and U+10000–U+10FFFF (XML 1.0, production [2] Char); a single other character
// (a control character from a broken PDF, U+FFFE from a byte-swapped text, a lone surrogate
// from a cut UTF-16 string) makes the whole file not well-formed, and Excel or a QDA program
// then refuses it. Such characters become U+FFFD, the replacement character, so the reader
// sees that something was there and the text keeps its length.

// With the u flag a lone surrogate is its own code point, outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}
