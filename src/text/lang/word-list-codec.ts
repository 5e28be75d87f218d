// Front coding for sorted word lists kept as data (./data/lexicon.json): each word is written
// as one ASCII character giving how many leading characters it shares with the word before it,
// then the rest of the word. The words are Cyrillic, so the ASCII characters also separate them.
// Sorted dictionary forms share long prefixes (…ларда, …лардың), so this halves the file.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_SHARED = DIGITS.length - 1;

/** Sorted, de-duplicated, front-coded. Words must not contain ASCII letters or digits. */
export function encodeWordList(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort();
  let out = '';
  let prev = '';
  for (const word of sorted) {
    if (/[0-9A-Za-z]/.test(word)) throw new Error(`encodeWordList: ASCII in ${JSON.stringify(word)}`);
    let shared = 0;
    const max = Math.min(prev.length, word.length, MAX_SHARED);
    while (shared < max && prev.charCodeAt(shared) === word.charCodeAt(shared)) shared++;
    out += DIGITS[shared]! + word.slice(shared);
    prev = word;
  }
  return out;
}

/** The words of an encodeWordList string, in order. */
export function decodeWordList(coded: string): string[] {
  const words: string[] = [];
  let prev = '';
  let i = 0;
  while (i < coded.length) {
    const shared = DIGITS.indexOf(coded[i]!);
    if (shared < 0) throw new Error(`decodeWordList: no prefix length at ${i}`);
    let j = i + 1;
    while (j < coded.length && DIGITS.indexOf(coded[j]!) < 0) j++;
    const word = prev.slice(0, shared) + coded.slice(i + 1, j);
    words.push(word);
    prev = word;
    i = j;
  }
  return words;
}
