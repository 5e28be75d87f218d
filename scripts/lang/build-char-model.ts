// Builds src/text/lang/data/char-model.json: letter n-gram log-probabilities per language,
// learnt from the word forms of Debian's hunspell dictionaries. It tells a Kazakh word with
// no Kazakh-only letter («пайызынан», «бастау») from a Russian one.
// Nothing here comes from the evaluation data in ../shared/data/langid: the only inputs are
// these dictionaries (Debian package and version in SOURCES), expanded to every word form
// by ./hunspell-forms.ts (not hunspell-tools' unmunch, which drops forms; see there).
//   apt-get install -y hunspell-ru hunspell-kk hunspell-bg hunspell-uk hunspell-be hunspell-sr
//   npx tsc -p tsconfig.json && node_modules/.bin/node dist/scripts/lang/build-char-model.js [kazakh|slavic]
// (kazakh, the default, needs hunspell-ru and hunspell-kk; slavic also hunspell-bg, -uk, -be.)
//
// Model: naive Bayes over the n-grams (orders MIN_ORDER..MAX_ORDER) of a word padded with
// '^' and '$', every distinct word form counted once. Per n-gram we store, for each
// language, ln P(g|lang) minus its mean over the languages (so an n-gram missing from the
// table is neutral). Only n-grams seen often and with a clear preference are kept.
// Pruning levels were chosen on a held-out tenth of the dictionary forms (printed below),
// not on the evaluation data.

import { writeFileSync } from 'node:fs';
import { hunspellForms } from './hunspell-forms.js';
import { matchKey } from '../../src/text/normalize.js';

const MIN_ORDER = 1;
const MAX_ORDER = 4;
const SMOOTHING = 0.5;
const DIR = '/usr/share/hunspell';

interface Source {
  lang: string;
  dic: string;
  pkg: string;
}
interface ModelSpec {
  out: string;
  sources: Source[];
  /** n-grams seen fewer times (all languages together) are dropped */
  minCount: number;
  /** max − min weight below this carries too little evidence */
  minSpread: number;
  /** 'bayes': per n-gram log-probabilities (naive Bayes); 'logistic': weights fitted by
   *  multinomial logistic regression, which does not count overlapping n-grams twice */
  train: 'bayes' | 'logistic';
}
const RUS: Source = { lang: 'rus', dic: 'ru_RU', pkg: 'hunspell-ru 1:7.5.0-1' };
const MODELS: Record<string, ModelSpec> = {
  // Russian vs Kazakh, for short spans (src/text/lang/char-model.ts, kazakhWordScore).
  kazakh: {
    out: 'src/text/lang/data/char-model.json',
    sources: [RUS, { lang: 'kaz', dic: 'kk_KZ', pkg: 'hunspell-kk 1.1-3' }],
    minCount: 100,
    minSpread: 1,
    train: 'bayes',
  },
  // Russian vs the Slavic look-alikes, for sentences only (src/text/lang/char-model.ts,
  // slavicWordScores): a Russian sentence without ы э ь («…благоустройство берегов реки…») has
  // no letter that Bulgarian lacks, but its endings are Russian. Pruned harder to stay small.
  slavic: {
    out: 'src/text/lang/data/slavic-model.json',
    sources: [
      RUS,
      { lang: 'bul', dic: 'bg_BG', pkg: 'hunspell-bg 1:7.5.0-1' },
      { lang: 'ukr', dic: 'uk_UA', pkg: 'hunspell-uk 1:7.5.0-1' },
      { lang: 'bel', dic: 'be_BY', pkg: 'hunspell-be 0.53-3.1' },
      // hunspell-sr is left out: Serbian's own letters ј љ њ ћ ђ џ already tell it from
      // Russian (and its numeric affix flags are a format ./hunspell-forms.ts does not read).
    ],
    minCount: 400,
    minSpread: 0.3,
    // Naive Bayes reached only 92% on held-out Russian forms here (four related languages
    // share most n-grams, so their evidence is counted many times over).
    train: 'logistic',
  },
};
// Tried and left out: one model over all these dictionaries for short spans as well. Built
// from dictionary word types it misjudges short everyday words («он», «где», «их»), and on
// the development sentences (see src/text/lang/detect.ts) it made Russian worse, not better.
// So short spans use the Russian–Kazakh model only.
const SPEC = MODELS[process.argv[2] ?? 'kazakh'];
if (!SPEC) throw new Error(`build-char-model: unknown model ${process.argv[2]}; expected ${Object.keys(MODELS).join(' or ')}`);
const { out: OUT, sources: SOURCES, minCount: MIN_COUNT, minSpread: MIN_SPREAD, train: TRAIN } = SPEC;

const CYRILLIC_WORD = /^[\u0430-\u045f\u0490-\u04ff]+$/;

function forms(src: Source): string[] {
  const words = new Set<string>();
  hunspellForms(DIR, src.dic, (form) => {
    // Anything that is not a plain Cyrillic word (abbreviations with dots, Latin) is dropped.
    const word = matchKey(form);
    if (word.length >= 2 && CYRILLIC_WORD.test(word)) words.add(word);
  });
  return [...words];
}

function ngrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let n = MIN_ORDER; n <= MAX_ORDER; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  }
  return grams;
}

interface Counts {
  counts: Map<string, number>;
  totals: number[];
}

function count(words: string[]): Counts {
  const counts = new Map<string, number>();
  const totals = new Array<number>(MAX_ORDER + 1).fill(0);
  for (const w of words) {
    for (const g of ngrams(w)) {
      counts.set(g, (counts.get(g) ?? 0) + 1);
      totals[g.length]!++;
    }
  }
  return { counts, totals };
}

// Stable split so the held-out check is reproducible.
function heldOut(word: string): boolean {
  return stableHash(word) % 10 === 0;
}

function buildWeights(perLang: string[][]): Record<string, number[]> {
  const counted = perLang.map(count);
  const grams = new Map<string, number>();
  for (const c of counted) for (const [g, k] of c.counts) grams.set(g, (grams.get(g) ?? 0) + k);
  const weights: Record<string, number[]> = {};
  for (const [g, total] of grams) {
    if (total < MIN_COUNT) continue;
    const logp = counted.map((c) => Math.log(((c.counts.get(g) ?? 0) + SMOOTHING) / (c.totals[g.length]! + SMOOTHING)));
    const spread = Math.max(...logp) - Math.min(...logp);
    if (spread < MIN_SPREAD) continue;
    const mean = logp.reduce((s, v) => s + v, 0) / logp.length;
    weights[g] = logp.map((v) => Math.round((v - mean) * 10) / 10);
  }
  return weights;
}

// Multinomial logistic regression by stochastic gradient descent over the n-grams that pass
// MIN_COUNT. Each language contributes the same number of forms (at most TRAIN_PER_LANG, a
// stable sample), so a large dictionary (hunspell-uk) does not become the default answer.
const TRAIN_PER_LANG = 250_000;
const EPOCHS = 4;
const LEARNING_RATE = 0.05;
const L2 = 1e-6;

function sample(words: string[], max: number): string[] {
  if (words.length <= max) return words;
  const keyed = words.map((w): [number, string] => [stableHash(w + '#sample'), w]);
  keyed.sort((a, b) => a[0] - b[0]);
  return keyed.slice(0, max).map(([, w]) => w);
}

function buildLogistic(perLang: string[][]): Record<string, number[]> {
  const L = perLang.length;
  const totals = new Map<string, number>();
  for (const words of perLang) for (const w of words) for (const g of ngrams(w)) totals.set(g, (totals.get(g) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [g, c] of totals) if (c >= MIN_COUNT) index.set(g, index.size);
  const W = new Float64Array(index.size * L);
  const data: [Int32Array, number][] = [];
  perLang.forEach((words, lang) => {
    for (const w of sample(words, TRAIN_PER_LANG)) {
      const f = ngrams(w).map((g) => index.get(g)).filter((i): i is number => i !== undefined);
      data.push([Int32Array.from(f), lang]);
    }
  });
  // A fixed shuffle (by hash of position) keeps the build reproducible.
  const order = data.map((_, i) => i).sort((a, b) => stableHash(`${a}`) - stableHash(`${b}`));
  const s = new Float64Array(L);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const lr = LEARNING_RATE / (1 + epoch);
    for (const i of order) {
      const [f, y] = data[i]!;
      s.fill(0);
      for (const g of f) for (let k = 0; k < L; k++) s[k]! += W[g * L + k]!;
      let max = -Infinity;
      for (let k = 0; k < L; k++) if (s[k]! > max) max = s[k]!;
      let z = 0;
      for (let k = 0; k < L; k++) z += (s[k] = Math.exp(s[k]! - max));
      for (let k = 0; k < L; k++) {
        const grad = s[k]! / z - (k === y ? 1 : 0);
        for (const g of f) W[g * L + k]! -= lr * (grad + L2 * W[g * L + k]!);
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [g, i] of index) {
    const row = Array.from(W.subarray(i * L, (i + 1) * L));
    if (Math.max(...row) - Math.min(...row) < MIN_SPREAD) continue;
    const mean = row.reduce((a, v) => a + v, 0) / L;
    weights[g] = row.map((v) => Math.round((v - mean) * 10) / 10);
  }
  return weights;
}

function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function classify(weights: Record<string, number[]>, word: string, langs: number): number {
  const s = new Array<number>(langs).fill(0);
  for (const g of ngrams(word)) {
    const w = weights[g];
    if (w) for (let i = 0; i < langs; i++) s[i]! += w[i]!;
  }
  return s.indexOf(Math.max(...s));
}

function main(): void {
  const all = SOURCES.map((src) => {
    const f = forms(src);
    console.log(`${src.lang}: ${f.length} forms from ${src.dic}`);
    return f;
  });
  // Forms that several dictionaries accept (loanwords, «на», «кафе») teach nothing.
  const owners = new Map<string, number>();
  for (const f of all) for (const w of f) owners.set(w, (owners.get(w) ?? 0) + 1);
  const unique = all.map((f) => f.filter((w) => owners.get(w) === 1));

  // Held-out check on the dictionaries themselves: one word at a time, no function words.
  const build = TRAIN === 'logistic' ? buildLogistic : buildWeights;
  const trial = build(unique.map((f) => f.filter((w) => !heldOut(w))));
  const report = unique.map((f, i) => {
    const test = f.filter(heldOut);
    const ok = test.filter((w) => classify(trial, w, SOURCES.length) === i).length;
    return `${SOURCES[i]!.lang} ${((100 * ok) / test.length).toFixed(1)}%`;
  });
  console.log(`held-out single word forms: ${report.join(', ')}; ${Object.keys(trial).length} n-grams`);

  const weights = build(unique);
  const model = {
    _generated:
      'GENERATED by scripts/lang/build-char-model.ts; do not edit. Per n-gram, ' +
      (TRAIN === 'logistic' ? 'logistic-regression weights' : 'ln P(g|lang)') +
      ' minus the mean over langs, from the word forms of Debian hunspell dictionaries: ' +
      SOURCES.map((s) => `${s.lang} ${s.dic} (${s.pkg})`).join('; ') + '.',
    langs: SOURCES.map((s) => s.lang),
    minOrder: MIN_ORDER,
    maxOrder: MAX_ORDER,
    forms: Object.fromEntries(SOURCES.map((s, i) => [s.lang, unique[i]!.length])),
    // Flat arrays rather than an object keyed by n-gram: TypeScript types a JSON import
    // structurally, and tens of thousands of keys would slow every compile.
    grams: Object.keys(weights),
    values: Object.values(weights).flat(),
  };
  writeFileSync(OUT, JSON.stringify(model) + '\n');
  console.log(`wrote ${OUT}: ${Object.keys(weights).length} n-grams`);
}

main();
