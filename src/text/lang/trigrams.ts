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

// Only the Latin- and Cyrillic-script models: the detector never asks for others, and a
// narrower table (a column per language) is faster to read. Where franc has a language in
// both scripts (srp, uzn …) the Cyrillic model, which comes later, is kept.
const RAW: ReadonlyMap<string, string> = new Map(
  Object.entries(data)
    .filter(([script]) => script === 'Latin' || script === 'Cyrillic')
    .flatMap(([, langs]) => Object.entries(langs)),
);

/** A trigram as a number (three UTF-16 code units), so lookups allocate no strings. */
function trigramKey(a: number, b: number, c: number): number {
  return (a * 65536 + b) * 65536 + c;
}

/** Every franc language in one table: trigram → log-probability per language (column). */
const COLUMNS: ReadonlyMap<string, number> = new Map([...RAW.keys()].map((lang, i) => [lang, i]));
const TABLE: ReadonlyMap<number, Float32Array> = (() => {
  const table = new Map<number, Float32Array>();
  for (const [lang, raw] of RAW) {
    const column = COLUMNS.get(lang)!;
    const trigrams = raw.split('|');
    let z = 0;
    for (let r = 0; r < trigrams.length; r++) z += 1 / (r + RANK_OFFSET);
    trigrams.forEach((g, r) => {
      if (g.length !== 3) return;
      const key = trigramKey(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2));
      let row = table.get(key);
      if (!row) {
        row = new Float32Array(COLUMNS.size).fill(UNSEEN_LOGP);
        table.set(key, row);
      }
      row[column] = Math.log(((1 - UNSEEN_MASS) * (1 / (r + RANK_OFFSET))) / z);
    });
  }
  return table;
})();

/** True when franc has a trigram model for this (franc) code. */
export function hasTrigramModel(lang: string): boolean {
  return RAW.has(lang);
}

/**
 * Log-likelihood of the words (lower case, letters only) under each language's trigram
 * model, best first, up to a constant shared by all languages (trigrams no model lists are
 * skipped). Words are joined with single spaces and padded, as franc does.
 */
export function trigramScores(words: readonly string[], langs: readonly string[]): [string, number][] {
  const known = langs.filter((l) => COLUMNS.has(l));
  const columns = known.map((l) => COLUMNS.get(l)!);
  const scores = new Float64Array(known.length);
  const text = ` ${words.join(' ')} `;
  for (let i = 0; i + 3 <= text.length; i++) {
    const row = TABLE.get(trigramKey(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)));
    if (!row) continue;
    for (let k = 0; k < columns.length; k++) scores[k]! += row[columns[k]!]!;
  }
  return known.map((l, k): [string, number] => [l, scores[k]!]).sort((a, b) => b[1] - a[1]);
}
