// Benchmark of the sentence segmenter (issue 5): errors per 1000 gold boundaries on
// ../shared/data/segmentation, next to natural's SentenceTokenizer and Intl.Segmenter('ru'),
// then throughput at 10k, 100k and 1M characters to show that time grows linearly.
//   make bench-segment            (node dist/bench/segment.js, run from the project root)
//   node dist/bench/segment.js --show ru_pud   also prints every wrong boundary of that file
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import natural from 'natural';
import { segmentText } from '../src/text/segment/index.js';
import { parsePartitionLine, scoreBoundaries, type GoldCase } from '../src/text/segment/partition.js';

const DATA = '../shared/data/segmentation';
const FILES = [
  { name: 'ru_pud', lang: 'rus', target: 7 },
  { name: 'ru_gsd', lang: 'rus', target: 20 },
  { name: 'kk_ktb', lang: 'kaz', target: 20 },
  { name: 'razdel_unit', lang: 'rus', target: 0 },
] as const;

type Ranges = [number, number][];
type Splitter = (text: string, lang: string) => Ranges;

const ours: Splitter = (text, lang) => segmentText(text, lang).map((s) => [s.start, s.end]);

const intl = new Intl.Segmenter('ru', { granularity: 'sentence' });
const intlSplitter: Splitter = (text) => {
  const out: Ranges = [];
  for (const s of intl.segment(text)) {
    const trimmed = s.segment.trim();
    if (trimmed === '') continue;
    const start = s.index + s.segment.indexOf(trimmed);
    out.push([start, start + trimmed.length]);
  }
  return out;
};

const naturalTokenizer = new natural.SentenceTokenizer([]);
const naturalSplitter: Splitter = (text) => locate(text, naturalTokenizer.tokenize(text));

/** Maps sentences returned as strings back to ranges by searching forward in the text. */
function locate(text: string, sentences: string[]): Ranges {
  const out: Ranges = [];
  let cursor = 0;
  for (const s of sentences) {
    const trimmed = s.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed, cursor);
    if (at < 0) continue; // the tokenizer changed the text; the boundary counts as missed
    out.push([at, at + trimmed.length]);
    cursor = at + trimmed.length;
  }
  return out;
}

function loadCases(name: string): GoldCase[] {
  return readFileSync(`${DATA}/${name}_sents.txt`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(parsePartitionLine);
}

interface FileScore {
  gold: number;
  falseSplits: number;
  missedSplits: number;
  casesRight: number;
  cases: number;
}

function score(cases: GoldCase[], split: Splitter, lang: string, show: boolean): FileScore {
  const total: FileScore = { gold: 0, falseSplits: 0, missedSplits: 0, casesRight: 0, cases: cases.length };
  for (const c of cases) {
    const predicted = split(c.text, lang);
    const s = scoreBoundaries(c.sentences, predicted);
    total.gold += s.gold;
    total.falseSplits += s.falseSplits;
    total.missedSplits += s.missedSplits;
    if (s.falseSplits === 0 && s.missedSplits === 0) total.casesRight++;
    else if (show) showErrors(c, predicted);
  }
  return total;
}

function showErrors(c: GoldCase, predicted: Ranges): void {
  const goldEnds = new Set(c.sentences.slice(0, -1).map((r) => r[1]));
  const predEnds = new Set(predicted.slice(0, -1).map((r) => r[1]));
  const context = (at: number): string => `${c.text.slice(Math.max(0, at - 50), at)}⟂${c.text.slice(at, at + 40)}`;
  for (const e of predEnds) if (!goldEnds.has(e)) console.log(`  false split: ${context(e)}`);
  for (const e of goldEnds) if (!predEnds.has(e)) console.log(`  missed:      ${context(e)}`);
}

function perThousand(s: FileScore): string {
  return s.gold === 0 ? '-' : ((1000 * (s.falseSplits + s.missedSplits)) / s.gold).toFixed(1);
}

function accuracyTable(showFile: string | undefined): void {
  console.log('Errors per 1000 gold boundaries (false + missed splits), ../shared/data/segmentation');
  console.log('| file | boundaries | strategy-miner | false | missed | cases right | target | natural | Intl.Segmenter(ru) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const f of FILES) {
    const cases = loadCases(f.name);
    const mine = score(cases, ours, f.lang, showFile === f.name);
    const nat = score(cases, naturalSplitter, f.lang, false);
    const int = score(cases, intlSplitter, f.lang, false);
    const target = f.name === 'razdel_unit' ? 'all cases' : `≤ ${f.target}`;
    console.log(
      `| ${f.name} | ${mine.gold} | ${perThousand(mine)} | ${mine.falseSplits} | ${mine.missedSplits} | ` +
        `${mine.casesRight}/${mine.cases} | ${target} | ${perThousand(nat)} (${nat.casesRight}/${nat.cases}) | ` +
        `${perThousand(int)} (${int.casesRight}/${int.cases}) |`,
    );
  }
}

/**
 * Real text of the requested length: the gold cases of every file, repeated, one case per
 * line as in free text, with the PDF fixtures' truth text (headings, lists) mixed in.
 */
function sampleText(length: number): string {
  const parts = FILES.flatMap((f) => loadCases(f.name).map((c) => c.text));
  parts.push(readFileSync('../shared/data/pdf/sample_ru.truth.txt', 'utf8'));
  parts.push(readFileSync('../shared/data/pdf/sample_kk.truth.txt', 'utf8'));
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${parts[i % parts.length] as string}\n`;
  return text.slice(0, length);
}

/** Median milliseconds per call over repeated runs (the machine is shared; the median resists spikes). */
function time(fn: () => void, minMs: number): number {
  fn(); // warm up
  const runs: number[] = [];
  const t0 = performance.now();
  do {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  } while (performance.now() - t0 < minMs || runs.length < 3);
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] as number;
}

function throughputTable(): void {
  console.log(`\nThroughput (median ms per call; million characters per second); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
  console.log('| characters | strategy-miner ms | strategy-miner Mchar/s | Intl.Segmenter ms | natural ms |');
  console.log('|---|---|---|---|---|');
  for (const n of [10_000, 100_000, 1_000_000]) {
    const text = sampleText(n);
    const ms = time(() => segmentText(text, 'rus'), 1000);
    const intlMs = time(() => intlSplitter(text, 'rus'), 300);
    // natural is quadratic in the input length; one run at 1M characters would take minutes.
    const natMs = n <= 100_000 ? time(() => naturalSplitter(text, 'rus'), 0).toFixed(1) : 'not run';
    console.log(`| ${n} | ${ms.toFixed(2)} | ${(n / ms / 1000).toFixed(1)} | ${intlMs.toFixed(1)} | ${natMs} |`);
  }
  // Inputs that make a segmenter look back or ahead a lot: one endless line of initials,
  // of abbreviations, of labels, and a million one-word list lines.
  const adversarial: [string, string][] = [
    ['initials «А. Б. В. …»', 'А. Б. В. Г. '],
    ['abbreviations «т. д. и т. п. …»', 'т. д. и т. п. '],
    ['labels «1. 2. 3. …»', '1. 2. 3. 4. '],
    ['list lines «- а;\\n…»', '- а;\n'],
  ];
  for (const [name, unit] of adversarial) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const ms = time(() => segmentText(text, 'rus'), 500);
    console.log(`| 1000000, ${name} | ${ms.toFixed(2)} | ${(1_000_000 / ms / 1000).toFixed(1)} | | |`);
  }
}

const showAt = process.argv.indexOf('--show');
accuracyTable(showAt >= 0 ? process.argv[showAt + 1] : undefined);
if (!process.argv.includes('--no-speed')) throughputTable();
