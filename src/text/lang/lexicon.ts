// Dictionary knowledge for short spans, from Debian's hunspell-ru and hunspell-kk (generated
// data: ./data/lexicon.json, made by scripts/lang/build-lexicon.ts). Only what the letter
// n-gram model (./char-model.ts) gets wrong or unsure is stored, so a word is looked up here
// first and judged by the model otherwise.
import lexicon from './data/lexicon.json' with { type: 'json' };
import { kazakhWordScore, WORD_SCORE_CAP } from './char-model.js';
import { decodeWordList } from './word-list-codec.js';

/** What the dictionaries say about a (matchKey) word form. */
export type LexiconEntry = 'shared' | 'kaz' | 'rus' | undefined;

const ENTRIES: ReadonlyMap<string, Exclude<LexiconEntry, undefined>> = (() => {
  const map = new Map<string, Exclude<LexiconEntry, undefined>>();
  for (const w of decodeWordList(lexicon.shared)) map.set(w, 'shared');
  for (const w of decodeWordList(lexicon.kaz)) map.set(w, 'kaz');
  for (const w of decodeWordList(lexicon.rus)) map.set(w, 'rus');
  return map;
})();

/**
 * 'shared' when both dictionaries accept the form, 'kaz' or 'rus' when only one does and the
 * n-gram model would not have said so confidently, undefined otherwise (the model decides).
 */
export function lexiconEntry(word: string): LexiconEntry {
  return ENTRIES.get(word);
}

/**
 * Log-odds (nats) that a form valid in both dictionaries is Kazakh rather than Russian: none.
 * Measured on the development sentences (scripts/lang/dev-eval.ts), such forms are 7.3% of
 * the Russian word tokens and 7.1% of the Kazakh ones (3.8% and 4.2% of the distinct words):
 * the likelihood ratio is about 1, so the word carries no evidence and the short-span prior
 * (detect.ts, SHORT_KAZAKH_PRIOR_NATS) decides.
 */
export const SHARED_WORD_NATS = 0;

/**
 * Kazakh-vs-Russian log-odds of one lower-case word (positive = Kazakh): the dictionaries when
 * they have a verdict the n-gram model lacks, otherwise the model; capped at WORD_SCORE_CAP.
 */
export function russianKazakhWordScore(word: string): number {
  switch (ENTRIES.get(word)) {
    case 'kaz':
      return WORD_SCORE_CAP;
    case 'rus':
      return -WORD_SCORE_CAP;
    case 'shared':
      return SHARED_WORD_NATS;
    default:
      return kazakhWordScore(word);
  }
}
