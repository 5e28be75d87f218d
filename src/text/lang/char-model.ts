// Letter n-gram evidence learnt from Debian's hunspell dictionaries (generated data, made by
// scripts/lang/build-char-model.ts):
//  - ./data/char-model.json, Russian vs Kazakh: tells a Kazakh word with no Kazakh-only letter
//    («пайызынан», «бастау») from a Russian one, for short spans;
//  - ./data/slavic-model.json, Russian vs Bulgarian, Ukrainian and Belarusian: tells a Russian
//    word written only with letters those languages share («берегов», «боялся») from theirs
//    («започна», «представяния»), for sentences.
import kazakhModel from './data/char-model.json' with { type: 'json' };
import slavicModel from './data/slavic-model.json' with { type: 'json' };
import { charIndexOf, IntTable } from './int-table.js';

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
  /** character code → its index among the model's characters (1..127), 0 = in no n-gram */
  charIndex: Uint8Array;
  /** n-gram key (see load) → offset of its row in values */
  rows: IntTable;
  /** row-major: values[row * langs.length + k] */
  values: Float64Array;
}

// N-grams are looked up by a number built from their characters rather than by a string, so
// scoring a word allocates nothing (this is the detector's hot loop). Each character of the
// model's n-grams (Cyrillic letters and the padding marks '^' and '$') gets a 7-bit index, and
// an n-gram of at most 4 characters becomes 1 followed by its indexes: below 2^29, a small
// integer to V8, for IntTable.
const PAD_START = 0x5e; // '^'
const PAD_END = 0x24; // '$'
const CHAR_BITS = 7;

function load(raw: RawModel): Model {
  if (raw.maxOrder > 4) throw new Error('char-model: n-grams longer than 4 do not fit a 31-bit key');
  const charIndex = charIndexOf(raw.grams, CHAR_BITS, 'char-model');
  const L = raw.langs.length;
  const rows = IntTable.from(
    raw.grams.map((g, i): [number, number] => {
      let key = 1;
      for (let j = 0; j < g.length; j++) key = (key << CHAR_BITS) | charIndex[g.charCodeAt(j)]!;
      return [key, i * L];
    }),
  );
  return { langs: raw.langs, minOrder: raw.minOrder, maxOrder: raw.maxOrder, charIndex, rows, values: Float64Array.from(raw.values) };
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
  const { charIndex, rows, values, minOrder, maxOrder } = model;
  const limit = charIndex.length;
  // The word padded with '^' and '$', as character indexes (0: a character in no n-gram).
  const len = Math.min(word.length, codes.length - 2) + 2;
  codes[0] = charIndex[PAD_START]!;
  for (let i = 1; i < len - 1; i++) {
    const c = word.charCodeAt(i - 1);
    codes[i] = c < limit ? charIndex[c]! : 0;
  }
  codes[len - 1] = charIndex[PAD_END]!;
  const L = model.langs.length;
  for (let start = 0; start < len; start++) {
    let key = 1;
    for (let n = 1; n <= maxOrder && start + n <= len; n++) {
      const code = codes[start + n - 1]!;
      // No n-gram holds this character, nor any longer one from the same start.
      if (code === 0) break;
      key = (key << CHAR_BITS) | code;
      if (n < minOrder) continue;
      const base = rows.get(key);
      if (base < 0) continue;
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
