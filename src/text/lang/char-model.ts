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
  weights: ReadonlyMap<string, Float64Array>;
}

function load(raw: RawModel): Model {
  const L = raw.langs.length;
  const weights = new Map<string, Float64Array>();
  raw.grams.forEach((g, i) => weights.set(g, Float64Array.from(raw.values.slice(i * L, (i + 1) * L))));
  return { langs: raw.langs, minOrder: raw.minOrder, maxOrder: raw.maxOrder, weights };
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

function rawScores(model: Model, word: string, out: Float64Array): void {
  out.fill(0);
  const padded = `^${word}$`;
  const L = model.langs.length;
  for (let n = model.minOrder; n <= model.maxOrder; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const w = model.weights.get(padded.slice(i, i + n));
      if (w) for (let k = 0; k < L; k++) out[k]! += w[k]!;
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
