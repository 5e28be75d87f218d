// Naive Bayes over franc's trigram models. franc ships, per language, the 300 most frequent
// trigrams of the Universal Declaration of Human Rights in that language (franc/data.js),
// and ranks a text by a rank-order distance after sorting all of its trigrams. Scoring the
// same trigrams as log-probabilities is several times faster (no sort, only the few
// languages the letters left) and, on short texts, less noisy than rank distances.
//
// Probabilities follow Zipf's law over the ranks: P(rank r) ∝ 1/(r + RANK_OFFSET) for the
// listed trigrams, sharing 1 − UNSEEN_MASS; every unlisted trigram gets an equal share of
// UNSEEN_MASS among UNSEEN_TYPES. The constants are textbook values for letter trigrams
// (a few hundred trigrams cover about half of running text), not fitted to test data.
import { data } from 'franc/data.js';

const RANK_OFFSET = 10;
const UNSEEN_MASS = 0.5;
const UNSEEN_TYPES = 20_000;
const UNSEEN_LOGP = Math.log(UNSEEN_MASS / UNSEEN_TYPES);

const RAW: ReadonlyMap<string, string> = new Map(
  Object.values(data).flatMap((langs) => Object.entries(langs)),
);
const MODELS = new Map<string, ReadonlyMap<string, number>>();

function model(lang: string): ReadonlyMap<string, number> | undefined {
  const cached = MODELS.get(lang);
  if (cached) return cached;
  const raw = RAW.get(lang);
  if (raw === undefined) return undefined;
  const trigrams = raw.split('|');
  let z = 0;
  for (let r = 0; r < trigrams.length; r++) z += 1 / (r + RANK_OFFSET);
  const logp = new Map<string, number>();
  trigrams.forEach((g, r) => logp.set(g, Math.log(((1 - UNSEEN_MASS) * (1 / (r + RANK_OFFSET))) / z)));
  MODELS.set(lang, logp);
  return logp;
}

/** True when franc has a trigram model for this (franc) code. */
export function hasTrigramModel(lang: string): boolean {
  return RAW.has(lang);
}

/**
 * Log-likelihood of the words (lower case, letters only) under each language's trigram
 * model, best first. Words are joined with single spaces and padded, as franc does.
 */
export function trigramScores(words: readonly string[], langs: readonly string[]): [string, number][] {
  const text = ` ${words.join(' ')} `;
  const models = langs.flatMap((l) => {
    const m = model(l);
    return m ? [[l, m] as const] : [];
  });
  const scores = new Array<number>(models.length).fill(0);
  for (let i = 0; i + 3 <= text.length; i++) {
    const g = text.slice(i, i + 3);
    for (let k = 0; k < models.length; k++) scores[k]! += models[k]![1].get(g) ?? UNSEEN_LOGP;
  }
  return models.map(([l], k): [string, number] => [l, scores[k]!]).sort((a, b) => b[1] - a[1]);
}
