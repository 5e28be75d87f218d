// Letter n-gram evidence learnt from Debian's hunspell dictionaries (generated data, made by
// scripts/lang/build-char-model.ts):
//  - ./data/char-model.json, Russian vs Kazakh: tells a Kazakh word with no Kazakh-only letter
//    («пайызынан», «бастау») from a Russian one, for short spans;
//  - ./data/slavic-model.json, Russian vs Bulgarian, Ukrainian and Belarusian: tells a Russian
//    word written only with letters those languages share («берегов», «боялся») from theirs
//    («започна», «представяния»), for sentences.
import kazakhModel from './data/char-model.json' with { type: 'json' };
import slavicModel from './data/slavic-model.json' with { type: 'json' };

interface RawModel {
  langs: string[];
  minOrder: number;
  maxOrder: number;
  grams: string[];
  values: number[];
}

interface Model {
  langs: readonly string[];
  minOrder: number;
  maxOrder: number;
  /** n-gram key (gramKey) → row index into values */
  rows: ReadonlyMap<number, number>;
  /** row-major: values[row * langs.length + k] */
  values: Float64Array;
}

// N-grams are looked up by a number built from their characters rather than by a string, so
// scoring a word allocates nothing (this is the detector's hot loop). Letters are Cyrillic
// (U+0400..U+04FF) plus the padding marks '^' and '$': 9 bits per character, at most 4.
const PAD_START = 0x100;
const PAD_END = 0x101;
const NOT_CYRILLIC = 0x1ff;

function charCode(c: number): number {
  if (c >= 0x400 && c <= 0x4ff) return c - 0x400;
  if (c === 0x5e) return PAD_START; // '^'
  if (c === 0x24) return PAD_END; // '$'
  return NOT_CYRILLIC;
}

function gramKey(gram: string): number {
  let key = 1;
  for (let i = 0; i < gram.length; i++) key = key * 512 + charCode(gram.charCodeAt(i));
  return key;
}

function load(raw: RawModel): Model {
  const rows = new Map<number, number>();
  raw.grams.forEach((g, i) => rows.set(gramKey(g), i));
  return { langs: raw.langs, minOrder: raw.minOrder, maxOrder: raw.maxOrder, rows, values: Float64Array.from(raw.values) };
}

const KAZAKH = load(kazakhModel);
const SLAVIC = load(slavicModel);

/** Languages the Russian–Kazakh model knows, in the order of its score arrays. */
export const CHAR_MODEL_LANGS: readonly string[] = KAZAKH.langs;
const RUS = KAZAKH.langs.indexOf('rus');
const KAZ = KAZAKH.langs.indexOf('kaz');
/** Languages the Slavic model knows. */
export const SLAVIC_MODEL_LANGS: readonly string[] = SLAVIC.langs;

/**
 * One word can cost a language at most this much (nats) relative to the word's best
 * language: a single Kazakh place name («Қарағанды») must not outvote the Russian words
 * around it, nor one Russian loanword the Kazakh ones.
 */
export const WORD_SCORE_CAP = 6;

const codes = new Int32Array(64);

function rawScores(model: Model, word: string, out: Float64Array): void {
  out.fill(0);
  // The word padded with '^' and '$', as character codes.
  const len = Math.min(word.length, codes.length - 2) + 2;
  codes[0] = PAD_START;
  for (let i = 1; i < len - 1; i++) codes[i] = charCode(word.charCodeAt(i - 1));
  codes[len - 1] = PAD_END;
  const L = model.langs.length;
  const { rows, values, minOrder, maxOrder } = model;
  for (let start = 0; start < len; start++) {
    let key = 1;
    for (let n = 1; n <= maxOrder && start + n <= len; n++) {
      key = key * 512 + codes[start + n - 1]!;
      if (n < minOrder) continue;
      const row = rows.get(key);
      if (row === undefined) continue;
      const base = row * L;
      for (let k = 0; k < L; k++) out[k]! += values[base + k]!;
    }
  }
}

const kazakhScratch = new Float64Array(KAZAKH.langs.length);

/** Log-odds that a lower-case word is Kazakh rather than Russian (positive = Kazakh), capped. */
export function kazakhWordScore(word: string): number {
  rawScores(KAZAKH, word, kazakhScratch);
  const d = kazakhScratch[KAZ]! - kazakhScratch[RUS]!;
  return d > WORD_SCORE_CAP ? WORD_SCORE_CAP : d < -WORD_SCORE_CAP ? -WORD_SCORE_CAP : d;
}

/**
 * Per language of the Slavic model (SLAVIC_MODEL_LANGS order), the summed log-likelihood of
 * the words relative to each word's best language, each word costing at most `cap`. Only
 * words written entirely in letters of the Russian alphabet are scored: a word with і, ў or
 * a Kazakh letter is the letter rules' business (alphabets.ts).
 */
export function slavicWordScores(words: readonly string[], cap: number): Float64Array {
  const L = SLAVIC.langs.length;
  const total = new Float64Array(L);
  const s = new Float64Array(L);
  for (const word of words) {
    if (word.length < 3 || !RUSSIAN_LETTERS_ONLY.test(word)) continue;
    rawScores(SLAVIC, word, s);
    let max = -Infinity;
    for (let k = 0; k < L; k++) if (s[k]! > max) max = s[k]!;
    for (let k = 0; k < L; k++) total[k]! += Math.max(s[k]! - max, -cap);
  }
  return total;
}

const RUSSIAN_LETTERS_ONLY = /^[а-яё]+$/;
