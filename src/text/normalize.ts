// One normaliser for everything that compares text: extracted pages, language evidence and
// rule terms all go through these functions, so a dictionary term can never be normalised
// differently from the text it is matched against.

const SOFT_HYPHEN = /\u00AD/g;
// NBSP, narrow NBSP, figure space, thin/hair spaces and the other Unicode spaces a PDF or
// Word file can carry: all become an ordinary space.
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width characters and BOMs that break words apart invisibly.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Hyphen look-alikes inside words (U+2010 hyphen, U+2011 non-breaking hyphen, U+2212 minus
// inside a word) become ASCII '-'. Dashes between words (– —) are punctuation and stay.
const HYPHEN_VARIANTS = /[\u2010\u2011]/g;

/**
 * Latin letters that look like Cyrillic ones. Real PDFs (and the Lingua test data, see
 * ../shared/data/README.md) contain Kazakh words typed with a Latin i or h instead of і/һ,
 * and Russian words with a stray Latin a/e/o/c/p/x/y. Replaced only inside a word that also
 * has Cyrillic letters, so Latin words (IT, Kubernetes) are untouched.
 */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', A: 'А', B: 'В', c: 'с', C: 'С', e: 'е', E: 'Е', H: 'Н', h: 'һ', i: 'і', I: 'І',
  K: 'К', M: 'М', o: 'о', O: 'О', p: 'р', P: 'Р', T: 'Т', x: 'х', X: 'Х', y: 'у', Y: 'У',
};
const MIXED_WORD = /[\p{L}\p{M}]+/gu;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /[A-Za-z]/;

/** Replaces Latin look-alike letters inside words that are otherwise Cyrillic. */
export function fixLatinLookalikes(text: string): string {
  if (!HAS_LATIN.test(text)) return text;
  return text.replace(MIXED_WORD, (word) => {
    if (!HAS_CYRILLIC.test(word) || !HAS_LATIN.test(word)) return word;
    let out = '';
    for (const ch of word) out += LATIN_TO_CYRILLIC[ch] ?? ch;
    return out;
  });
}

/**
 * Display normalisation for extracted text: NFC, soft hyphens removed, odd spaces and
 * zero-width characters cleaned, hyphen variants unified, Latin look-alikes fixed.
 * Keeps length-changing edits to characters that carry no content, so the result is what
 * a user should read in reports.
 */
export function normalizeText(text: string): string {
  return fixLatinLookalikes(
    text
      .normalize('NFC')
      .replace(SOFT_HYPHEN, '')
      .replace(ZERO_WIDTH, '')
      .replace(ODD_SPACES, ' ')
      .replace(HYPHEN_VARIANTS, '-'),
  );
}

/**
 * The key used for matching only: lower case and ё → е. The same length as its input, so
 * offsets found in the key are offsets in the text. Apply to text that went through
 * normalizeText.
 */
export function matchKey(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few letters (Turkish İ) grow when lower-cased; keep those as they are.
    lower = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      lower += l.length === ch.length ? l : ch;
    }
  }
  return lower.replace(/ё/g, 'е');
}
