// Builds src/text/lang/data/char-model.json: letter n-gram log-probabilities per language,
// learnt from the word forms of Debian's hunspell dictionaries. It tells a Kazakh word with
// no Kazakh-only letter («пайызынан», «бастау») from a Russian one.
// Nothing here comes from the evaluation data in ../shared/data/langid: the only inputs are
// these dictionaries (Debian package and version in SOURCES), expanded to every word form
// with hunspell-tools' `unmunch` (a source with expand: false is read as a plain .dic).
//   apt-get install -y hunspell-ru hunspell-kk hunspell-tools
//   npx tsc -p tsconfig.json && node_modules/.bin/node dist/scripts/lang/build-char-model.js
//
// Model: naive Bayes over the n-grams (orders MIN_ORDER..MAX_ORDER) of a word padded with
// '^' and '$', every distinct word form counted once. Per n-gram we store, for each
// language, ln P(g|lang) minus its mean over the languages (so an n-gram missing from the
// table is neutral). Only n-grams seen often and with a clear preference are kept.
// Pruning levels were chosen on a held-out tenth of the dictionary forms (printed below),
// not on the evaluation data.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { matchKey } from '../../src/text/normalize.js';

const MIN_ORDER = 1;
const MAX_ORDER = 4;
const MIN_COUNT = 100; // n-grams seen fewer times (all languages together) are dropped
const MIN_SPREAD = 1; // max − min log-probability below this carries too little evidence
const SMOOTHING = 0.5;
const OUT = 'src/text/lang/data/char-model.json';
const DIR = '/usr/share/hunspell';

interface Source {
  lang: string;
  dic: string;
  expand: boolean;
  pkg: string;
}
const SOURCES: Source[] = [
  { lang: 'rus', dic: 'ru_RU', expand: true, pkg: 'hunspell-ru 1:7.5.0-1' },
  { lang: 'kaz', dic: 'kk_KZ', expand: true, pkg: 'hunspell-kk 1.1-3' },
];
// Tried and left out: the same model over hunspell-uk, -be, -bg, -sr and -mn as well. Built
// from dictionary word types it misjudges short everyday words («он», «где», «их»), and on
// the development sentences (see src/text/lang/detect.ts) it made Russian worse, not better.
// The letter rules and franc's trigrams tell those languages apart instead.

const CYRILLIC_WORD = /^[\u0430-\u045f\u0490-\u04ff]+$/;

function forms(src: Source): string[] {
  const text = src.expand
    ? execFileSync('unmunch', [`${DIR}/${src.dic}.dic`, `${DIR}/${src.dic}.aff`], {
        maxBuffer: 1 << 30,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    : readFileSync(`${DIR}/${src.dic}.dic`, 'utf8');
  const words = new Set<string>();
  for (const raw of text.split('\n')) {
    // unmunch prints some Kazakh forms with unexpanded character classes («…[әеё]лу»), and
    // .dic lines carry /flags: anything that is not a plain Cyrillic word is dropped.
    const word = matchKey(raw.replace(/^\uFEFF/, '').split('/')[0]!.trim());
    if (word.length >= 2 && CYRILLIC_WORD.test(word)) words.add(word);
  }
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
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return (h >>> 0) % 10 === 0;
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
    console.log(`${src.lang}: ${f.length} forms from ${src.dic}${src.expand ? ' (unmunch)' : ''}`);
    return f;
  });
  // Forms that several dictionaries accept (loanwords, «на», «кафе») teach nothing.
  const owners = new Map<string, number>();
  for (const f of all) for (const w of f) owners.set(w, (owners.get(w) ?? 0) + 1);
  const unique = all.map((f) => f.filter((w) => owners.get(w) === 1));

  // Held-out check on the dictionaries themselves: one word at a time, no function words.
  const trial = buildWeights(unique.map((f) => f.filter((w) => !heldOut(w))));
  const report = unique.map((f, i) => {
    const test = f.filter(heldOut);
    const ok = test.filter((w) => classify(trial, w, SOURCES.length) === i).length;
    return `${SOURCES[i]!.lang} ${((100 * ok) / test.length).toFixed(1)}%`;
  });
  console.log(`held-out single word forms: ${report.join(', ')}; ${Object.keys(trial).length} n-grams`);

  const weights = buildWeights(unique);
  const model = {
    _generated:
      'GENERATED by scripts/lang/build-char-model.ts; do not edit. Per n-gram, ln P(g|lang) ' +
      'minus its mean over langs, from the word forms of Debian hunspell dictionaries: ' +
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
