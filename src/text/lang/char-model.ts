// Letter n-gram evidence learnt from Debian's hunspell dictionaries (generated data:
// ./data/char-model.json, made by scripts/lang/build-char-model.ts). It tells a Kazakh word
// with no Kazakh-only letter («пайызынан», «бастау») from a Russian one, and Russian from
// Bulgarian, Ukrainian, Belarusian, Serbian or Mongolian where the letters do not.
import model from './data/char-model.json' with { type: 'json' };

/** Languages the model knows, in the order of its score arrays. */
export const CHAR_MODEL_LANGS: readonly string[] = model.langs;
const L = CHAR_MODEL_LANGS.length;
const MIN_ORDER: number = model.minOrder;
const MAX_ORDER: number = model.maxOrder;
const RUS = CHAR_MODEL_LANGS.indexOf('rus');
const KAZ = CHAR_MODEL_LANGS.indexOf('kaz');

const WEIGHTS: ReadonlyMap<string, Float64Array> = (() => {
  const map = new Map<string, Float64Array>();
  const values: number[] = model.values;
  model.grams.forEach((g: string, i: number) => map.set(g, Float64Array.from(values.slice(i * L, (i + 1) * L))));
  return map;
})();

/**
 * One word can cost a language at most this much (nats) relative to the word's best
 * language: a single Kazakh place name («Қарағанды») must not outvote the Russian words
 * around it, nor one Russian loanword the Kazakh ones.
 */
export const WORD_SCORE_CAP = 6;

function rawScores(word: string, out: Float64Array): void {
  out.fill(0);
  const padded = `^${word}$`;
  for (let n = MIN_ORDER; n <= MAX_ORDER; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const w = WEIGHTS.get(padded.slice(i, i + n));
      if (w) for (let k = 0; k < L; k++) out[k]! += w[k]!;
    }
  }
}

/** Log-odds that a lower-case word is Kazakh rather than Russian (positive = Kazakh), capped. */
export function kazakhWordScore(word: string): number {
  const s = new Float64Array(L);
  rawScores(word, s);
  const d = s[KAZ]! - s[RUS]!;
  return d > WORD_SCORE_CAP ? WORD_SCORE_CAP : d < -WORD_SCORE_CAP ? -WORD_SCORE_CAP : d;
}

/**
 * Per language (CHAR_MODEL_LANGS order), the summed log-likelihood of the words relative
 * to each word's best language, each word costing at most WORD_SCORE_CAP.
 */
export function charModelScores(words: readonly string[]): Map<string, number> {
  const total = new Float64Array(L);
  const s = new Float64Array(L);
  for (const word of words) {
    rawScores(word, s);
    let max = -Infinity;
    for (let k = 0; k < L; k++) if (s[k]! > max) max = s[k]!;
    for (let k = 0; k < L; k++) total[k]! += Math.max(s[k]! - max, -WORD_SCORE_CAP);
  }
  return new Map(CHAR_MODEL_LANGS.map((lang, k) => [lang, total[k]!]));
}
