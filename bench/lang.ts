// Language identification benchmark (issue 4). Run from the project root:
//   make bench-lang        (= tsc, then node dist/bench/lang.js)
// Reads ../shared/data/langid (Lingua test sets and UD sentences; see its README) and prints,
// for detectLanguage and for plain franc restricted to rus/kaz/eng (the baseline):
//  - accuracy per language × kind for kk, ru, en;
//  - the share of rus/kaz labels on other Cyrillic languages (lower is better);
//  - the share of kaz on UD Kazakh; throughput on one core.
import { readFileSync } from 'node:fs';
import { franc } from 'franc';
import { detectLanguage } from '../src/text/lang/index.js';

const DATA = '../shared/data/langid';
const KINDS = ['sentences', 'word-pairs', 'single-words'] as const;
const TARGET: Record<(typeof KINDS)[number], number> = {
  sentences: 99.8,
  'word-pairs': 98,
  'single-words': 93,
};
const SUPPORTED: Record<string, string> = { kk: 'kaz', ru: 'rus', en: 'eng' };
const LOOKALIKES = ['uk', 'be', 'bg', 'mk', 'sr', 'mn'];
const UD_OTHERS = ['ky.txt', 'tt.txt', 'ba-constitution.txt'];

type Detector = (text: string) => string;
const ours: Detector = (t) => detectLanguage(t).lang;
const baseline: Detector = (t) => franc(t, { only: ['rus', 'kaz', 'eng'], minLength: 1 });

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/^\uFEFF/, '').trim())
    .filter((l) => l.length > 0);
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : ((100 * part) / whole).toFixed(1);
}

function share(items: string[], detect: Detector, hit: (lang: string) => boolean): string {
  return pct(items.filter((t) => hit(detect(t))).length, items.length);
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' | ');
}

function main(): void {
  const w = [30, 6, 8, 12, 10];
  console.log('Accuracy (% labelled with the right code)');
  console.log(row(['set', 'lines', 'ours', 'franc r/k/e', 'target'], w));
  for (const [code, iso] of Object.entries(SUPPORTED)) {
    for (const kind of KINDS) {
      const items = lines(`${DATA}/${kind}/${code}.txt`);
      console.log(
        row(
          [`${kind}/${code}`, String(items.length), share(items, ours, (l) => l === iso),
            share(items, baseline, (l) => l === iso), `>= ${TARGET[kind]}`],
          w,
        ),
      );
    }
  }
  const udKk = lines(`${DATA}/ud/kk.txt`);
  console.log(
    row(['ud/kk.txt (kaz)', String(udKk.length), share(udKk, ours, (l) => l === 'kaz'),
      share(udKk, baseline, (l) => l === 'kaz'), '>= 99.5'], w),
  );

  console.log('\nOther Cyrillic languages labelled rus or kaz (%), and our most frequent labels');
  console.log('(ours >=25: the same rate on lines with at least 25 letters and 3 words, i.e. not headings)');
  console.log(row(['set', 'lines', 'ours', 'ours >=25', 'franc r/k/e', 'target', 'our top labels'], [30, 6, 8, 10, 12, 8, 20]));
  const others: [string, string[]][] = [
    ...LOOKALIKES.map((c): [string, string[]] => [`sentences/${c}`, lines(`${DATA}/sentences/${c}.txt`)]),
    ...UD_OTHERS.map((f): [string, string[]] => [`ud/${f}`, lines(`${DATA}/ud/${f}`)]),
  ];
  const rusOrKaz = (l: string): boolean => l === 'rus' || l === 'kaz';
  for (const [name, items] of others) {
    const counts = new Map<string, number>();
    for (const t of items) {
      const l = ours(t);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3)
      .map(([l, c]) => `${l} ${pct(c, items.length)}`).join(', ');
    const long = items.filter((t) => (t.match(/\p{L}/gu)?.length ?? 0) >= 25 && t.trim().split(/\s+/).length >= 3);
    console.log(
      row([name, String(items.length), share(items, ours, rusOrKaz), share(long, ours, rusOrKaz),
        share(items, baseline, rusOrKaz), '<= 2', top], [30, 6, 8, 10, 12, 8, 20]),
    );
  }
  console.log('(word pairs and single words of these languages, for information)');
  for (const kind of ['word-pairs', 'single-words']) {
    const parts = LOOKALIKES.map((c) => `${c} ${share(lines(`${DATA}/${kind}/${c}.txt`), ours, rusOrKaz)}`);
    console.log(`  ${kind}: ${parts.join(', ')}`);
  }

  // Throughput: every sentence file, one core. The first pass over the files is timed on its
  // own (cold: V8 has not optimised the code yet); then passes run for WARM_UP_S seconds, and
  // the figure is the median of RUNS timed runs of RUN_S seconds each, with their range (the
  // machines are shared, so single runs vary by a third).
  const sentences = [...Object.keys(SUPPORTED), ...LOOKALIKES].flatMap((c) => lines(`${DATA}/sentences/${c}.txt`));
  console.log(`\nThroughput on ${sentences.length} sentences (one core; median of ${RUNS} runs of ${RUN_S} s after ${WARM_UP_S} s warm-up)`);
  for (const [name, detect] of [['ours', ours], ['franc r/k/e', baseline]] as const) {
    const cold = timed(sentences, detect, 0);
    timed(sentences, detect, WARM_UP_S);
    const rates = Array.from({ length: RUNS }, () => timed(sentences, detect, RUN_S)).sort((a, b) => a - b);
    const fmt = (x: number): string => Math.round(x).toLocaleString('en');
    console.log(
      `  ${name.padEnd(12)} ${fmt(rates[Math.floor(RUNS / 2)]!)} sentences/s (runs ${fmt(rates[0]!)}–${fmt(rates[RUNS - 1]!)}; ` +
        `first pass ${fmt(cold)}; target >= 20,000)`,
    );
  }
}

const WARM_UP_S = 2;
const RUNS = 5;
const RUN_S = 1;

/** Sentences per second over whole passes through the list, for at least `seconds`. */
function timed(sentences: string[], detect: Detector, seconds: number): number {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const s of sentences) detect(s);
    n += sentences.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < seconds);
  return n / elapsed;
}

main();
