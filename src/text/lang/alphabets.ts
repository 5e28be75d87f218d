// Letter-set evidence: which Cyrillic languages can have written a word at all.
// Alphabets are the official modern ones (lower case, ё folded to е as matchKey does), as
// given in each language's orthography and summarised in Unicode's Cyrillic chart notes
// (https://www.unicode.org/charts/PDF/U0400.pdf) and in
// https://en.wikipedia.org/wiki/Cyrillic_alphabets (table "Letters of Cyrillic alphabets").

/** The languages the letter filter knows, in bit order. */
export const CYRILLIC_LANGS = [
  'rus', 'kaz', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kir', 'tat', 'bak', 'khk', 'tgk', 'uzb',
] as const;
export type CyrillicLang = (typeof CYRILLIC_LANGS)[number];

const RUSSIAN = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';

const ALPHABETS: Record<CyrillicLang, string> = {
  rus: RUSSIAN,
  kaz: RUSSIAN + 'әғқңөұүһі',
  kir: RUSSIAN + 'ңөү',
  tat: RUSSIAN + 'әөүҗңһ',
  bak: RUSSIAN + 'әөүғҡңҙҫһ',
  khk: RUSSIAN + 'өү',
  ukr: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  bel: 'абвгдежзійклмнопрстуўфхцчшыьэюя',
  bul: 'абвгдежзийклмнопрстуфхцчшщъьюяѝ',
  srp: 'абвгдђежзијклљмнњопрстћуфхцчџш',
  mkd: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
  tgk: 'абвгғдежзиӣйкқлмнопрстуӯфхҳчҷшъэюя',
  uzb: 'абвгдежзийклмнопрстуфхцчшъьэюяўқғҳ',
};

const RUS_BIT = 0; // CYRILLIC_LANGS[0]
const RUSSIAN_IMPOSSIBLE_HARD_SIGN = /ъ(?![еёюя])/;
const BUL_BIT = 4; // CYRILLIC_LANGS[4]
const BULGARIAN_IMPOSSIBLE_SOFT_SIGN = /ь(?!о)/;

/** Kyrgyz and Mongolian write long vowels doubled («туура», «жообу», «сүүдэр»); Russian and
 *  Kazakh hardly ever do: 774 of the 1.37 million hunspell-ru forms and 245 of the 1.16
 *  million hunspell-kk forms have аа, уу, ээ, өө or үү (оо is left out: Russian «сообщение»).
 *  Such a word counts as one Russian and Kazakh cannot have written, and marks Kyrgyz and
 *  Mongolian. Other languages are left alone (Macedonian writes «оваа», «таа»). */
const DOUBLED_VOWEL = /аа|уу|ээ|өө|үү/;
const DOUBLED_VOWEL_LANGS = ['kir', 'khk'];
const DOUBLED_VOWEL_IMPOSSIBLE = ['rus', 'kaz'];
let DOUBLED_VOWEL_LACKING = 0;
let DOUBLED_VOWEL_MARKING = 0;

const BASE = 0x400; // the Cyrillic block U+0400..U+04FF
const SIZE = 0x100;

/** For each Cyrillic letter: bit i set when CYRILLIC_LANGS[i] does NOT use it. */
const LACKING = new Uint16Array(SIZE);
/** For each Cyrillic letter: bit i set when CYRILLIC_LANGS[i] uses it and Russian does not. */
const MARKING = new Uint16Array(SIZE);

(function buildTables(): void {
  for (let code = BASE; code < BASE + SIZE; code++) {
    const ch = String.fromCharCode(code);
    if (ch.toLowerCase() !== ch) continue; // tables are for lower case; matchKey lowers
    let lacking = 0;
    let marking = 0;
    CYRILLIC_LANGS.forEach((lang, bit) => {
      const has = ALPHABETS[lang].includes(ch);
      if (!has) lacking |= 1 << bit;
      if (has && !RUSSIAN.includes(ch)) marking |= 1 << bit;
    });
    LACKING[code - BASE] = lacking;
    MARKING[code - BASE] = marking;
  }
  CYRILLIC_LANGS.forEach((lang, bit) => {
    if (DOUBLED_VOWEL_LANGS.includes(lang)) DOUBLED_VOWEL_MARKING |= 1 << bit;
    if (DOUBLED_VOWEL_IMPOSSIBLE.includes(lang)) DOUBLED_VOWEL_LACKING |= 1 << bit;
  });
})();

export interface LetterEvidence {
  /** Words that have at least one Cyrillic letter. */
  words: number;
  /** Per language (CYRILLIC_LANGS order): words with a letter the language does not use. */
  foreign: number[];
  /** The same, counting only words that are not capitalised names (see letterEvidence). */
  foreignCommon: number[];
  /** Per language: words with a letter the language uses and Russian does not. */
  marked: number[];
}

/**
 * Counts, per language, the words it could not have written and the words that carry its
 * own non-Russian letters. Words must be in matchKey form (lower case); isName[i] tells
 * that word i was written with a capital and then lower case letters — a name can come from
 * another language («Қарағанды» in a Russian sentence), a common word hardly ever does.
 */
export function letterEvidence(words: readonly string[], isName: readonly boolean[]): LetterEvidence {
  const n = CYRILLIC_LANGS.length;
  const foreign = new Array<number>(n).fill(0);
  const foreignCommon = new Array<number>(n).fill(0);
  const marked = new Array<number>(n).fill(0);
  let count = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    let lacking = 0;
    let marking = 0;
    let cyrillic = false;
    for (let i = 0; i < word.length; i++) {
      const idx = word.charCodeAt(i) - BASE;
      if (idx < 0 || idx >= SIZE) continue;
      cyrillic = true;
      lacking |= LACKING[idx]!;
      marking |= MARKING[idx]!;
    }
    if (!cyrillic) continue;
    count++;
    // Russian writes ъ only as a separator before е ё ю я; Bulgarian has it everywhere
    // («път», «във»), so any other ъ is a letter sequence Russian cannot have written.
    if (word.includes('ъ') && RUSSIAN_IMPOSSIBLE_HARD_SIGN.test(word)) lacking |= 1 << RUS_BIT;
    // Bulgarian writes ь only before о («шофьор»); Russian has it everywhere («быть»,
    // «только»), so any other ь is a sequence Bulgarian cannot have written.
    if (word.includes('ь') && BULGARIAN_IMPOSSIBLE_SOFT_SIGN.test(word)) lacking |= 1 << BUL_BIT;
    if (DOUBLED_VOWEL.test(word)) {
      lacking |= DOUBLED_VOWEL_LACKING;
      marking |= DOUBLED_VOWEL_MARKING;
    }
    if (lacking === 0 && marking === 0) continue;
    for (let b = 0; b < n; b++) {
      if (lacking & (1 << b)) {
        foreign[b]!++;
        if (!isName[w]) foreignCommon[b]!++;
      }
      if (marking & (1 << b)) marked[b]!++;
    }
  }
  return { words: count, foreign, foreignCommon, marked };
}

export function langIndex(lang: CyrillicLang): number {
  return CYRILLIC_LANGS.indexOf(lang);
}

/** Letters that only Kazakh uses among the languages above (ұ) or that Kazakh shares only
 *  with languages whose other letters rule them out quickly (қ ғ і). Used to tell Kazakh
 *  from Kyrgyz, Tatar, Bashkir and Mongolian, which share ә ң ө ү һ with it. */
export const KAZAKH_DISTINCT = /[қғұі]/;
/** Bashkir-only letters (ҡ ҙ ҫ); franc has no Bashkir model, so these decide alone. */
export const BASHKIR_DISTINCT = /[ҡҙҫ]/;

/**
 * Signature letters: letters a language writes often and its look-alike neighbours do not,
 * with the share of all letters they make up. A long span with none of them is unlikely to
 * be in that language: a span of m letters has probability (1 − share)^m of missing them.
 * Shares were counted on the word forms of Debian's hunspell dictionaries (hunspell-ru,
 * -kk, -bg, -uk, -be, -sr, -mn; see scripts/lang/build-char-model.ts) and scaled by 3/4,
 * because running text has more short function words and loans than a dictionary:
 * rus ы э ь 3.23% → 2.4 (ь counts because Bulgarian writes it only before о); kaz қ ғ ұ і 9.33% → 7; bul ъ 1.66% → 1.2; ukr і ї є ґ 6.7% → 5;
 * bel ў і 5.95% → 4.5; srp ј љ њ ћ ђ џ 5.58% → 4; khk ө ү 5.55% → 4. Kyrgyz, Tatar and
 * Macedonian have no dictionary there: their shares are conservative estimates.
 */
export const SIGNATURE_LETTERS: Readonly<Partial<Record<CyrillicLang, { letters: RegExp; share: number }>>> = {
  rus: { letters: /[ыэь]/, share: 0.024 },
  kaz: { letters: /[қғұі]/, share: 0.07 },
  bul: { letters: /ъ/, share: 0.012 },
  ukr: { letters: /[іїєґ]/, share: 0.05 },
  bel: { letters: /[ўі]/, share: 0.045 },
  srp: { letters: /[јљњћђџ]/, share: 0.04 },
  mkd: { letters: /[јљњѓќѕџ]/, share: 0.03 },
  khk: { letters: /[өү]/, share: 0.04 },
  kir: { letters: /[ңөү]/, share: 0.04 },
  tat: { letters: /[әөүҗңһ]/, share: 0.05 },
};
