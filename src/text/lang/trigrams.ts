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
import { charIndexOf, IntTable } from './int-table.js';

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

/**
 * Scores texts under the trigram models of a fixed set of languages (the detector makes one
 * for the Cyrillic-script languages it tells apart and one for the Latin-script ones).
 *
 * Trigram lookup is the detector's hot loop, so it avoids strings and Map: every character
 * of the set's models gets a small index (0 = in none of them, so a trigram holding it is
 * listed by no model), a trigram becomes a 24-bit key of three such indexes, and an
 * open-addressing hash table in typed arrays maps the key to its row of log-probabilities,
 * one column per language of the set (a dozen Cyrillic columns fit one cache line).
 */
export class TrigramScorer {
  private readonly columns: ReadonlyMap<string, number>;
  private readonly width: number;
  private readonly charLimit: number;
  private readonly charIndex: Uint8Array;
  /** trigram key → offset of its row in values */
  private readonly rows: IntTable;
  private readonly values: Float32Array;

  constructor(langs: readonly string[]) {
    const known = [...new Set(langs)].filter((l) => RAW.has(l));
    this.columns = new Map(known.map((l, i) => [l, i]));
    this.width = known.length;
    this.charIndex = charIndexOf(known.flatMap((l) => RAW.get(l)!.split('|')), 8, 'TrigramScorer');
    this.charLimit = this.charIndex.length;

    const rows = new Map<number, number>();
    const entries: [number, number, number][] = []; // key, column, log-probability
    for (const [column, lang] of known.entries()) {
      const trigrams = RAW.get(lang)!.split('|');
      let z = 0;
      for (let r = 0; r < trigrams.length; r++) z += 1 / (r + RANK_OFFSET);
      trigrams.forEach((g, r) => {
        if (g.length !== 3) return;
        const key = (this.index(g.charCodeAt(0)) << 16) | (this.index(g.charCodeAt(1)) << 8) | this.index(g.charCodeAt(2));
        if (!rows.has(key)) rows.set(key, rows.size);
        entries.push([key, column, Math.log(((1 - UNSEEN_MASS) * (1 / (r + RANK_OFFSET))) / z)]);
      });
    }
    this.values = new Float32Array(rows.size * this.width).fill(UNSEEN_LOGP);
    for (const [key, column, logp] of entries) this.values[rows.get(key)! * this.width + column] = logp;
    this.rows = IntTable.from([...rows].map(([key, row]): [number, number] => [key, row * this.width]));
  }

  private index(code: number): number {
    return code < this.charLimit ? this.charIndex[code]! : 0;
  }

  /**
   * Log-likelihood of the words (lower case, letters only) under each of `langs` (those of
   * the set), best first, up to a constant shared by all languages (trigrams no model of the
   * set lists are skipped). Words are joined with single spaces and padded, as franc does.
   */
  scores(words: readonly string[], langs: readonly string[]): [string, number][] {
    const known = langs.filter((l) => this.columns.has(l));
    const n = known.length;
    const columns = new Int32Array(n);
    for (let k = 0; k < n; k++) columns[k] = this.columns.get(known[k]!)!;
    const scores = new Float64Array(n);
    const text = ` ${words.join(' ')} `;
    const values = this.values;
    const rows = this.rows;
    // The key of the trigram ending at i, updated as the text is read.
    let key = (this.index(text.charCodeAt(0)) << 8) | this.index(text.charCodeAt(1));
    for (let i = 2; i < text.length; i++) {
      key = ((key << 8) & 0xffff00) | this.index(text.charCodeAt(i));
      const row = rows.get(key);
      if (row < 0) continue;
      for (let k = 0; k < n; k++) scores[k]! += values[row + columns[k]!]!;
    }
    return known.map((l, k): [string, number] => [l, scores[k]!]).sort((a, b) => b[1] - a[1]);
  }
}
