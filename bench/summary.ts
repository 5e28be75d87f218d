// `make bench`: one table of the figures that say whether a whole run is fast and small
// enough, each next to its target. Every pipeline figure is a real `strategy-miner run` (the
// built CLI, a fresh process) under /usr/bin/time, so its peak RSS includes the worker threads.
//   node dist/bench/summary.js [--repeats N] [--skip-10k]
// Data: ../shared/data/pdf/long_301p.pdf (301 dense pages) and the bundled corpus/:
// - "bench corpus": corpus/ + 4 copies of long_301p.pdf, each listed as another city (1,260 pages);
// - one 301-page PDF: long_301p.pdf alone;
// - 2,500 pages: corpus/ + 8 copies; 10,000 pages: corpus/ + 32 copies.
// A rule edit is a comment appended to rules/common/categories.yaml in a copy of rules/: it
// changes the rule files' hashes (so every document's mentions are redone) and no decision.
// On a machine shared with other jobs the seconds are noisy; the ratios less so. The cores
// this process could get are measured at the start and printed with the table.
import { spawnSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { benchCorpus, LONG_PDF } from './corpus.js';

const ROOT = resolve('.');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const LONG = resolve(LONG_PDF);
const args = process.argv.slice(2);
const repeats = Number(args[args.indexOf('--repeats') + 1] ?? 1) || 1;
const skip10k = args.includes('--skip-10k');

interface Run {
  wallS: number;
  documentsS: number;
  pages: number;
  rssMb: number;
}

const corpus = (copies: number, bundled: boolean) => benchCorpus(copies, { bundled });

/** One `strategy-miner run` in a fresh process; wall time, stage times from run.json, peak RSS. */
async function run(dir: string, out: string, extra: string[]): Promise<Run> {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'run', dir, '--out', out, '--ocr', 'off', '--timeout', '3600', ...extra], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`run ${dir} ${extra.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  const json = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { timings: { stage: string; ms: number }[] };
  const ms = (prefix: string) => json.timings.find((t) => t.stage.startsWith(prefix))?.ms ?? 0;
  const documents = parse(await readFile(join(out, 'documents.csv'), 'utf8'), { columns: true }) as { pages: string }[];
  const pages = documents.reduce((n, d) => n + Number(d.pages), 0);
  return { wallS, documentsS: ms('documents (wall)') / 1000, pages, rssMb: rssKb / 1024 };
}

/** The fastest of `repeats` runs (fresh store each time when `fresh`). */
async function best(dir: string, name: string, extra: (i: number) => string[]): Promise<Run> {
  let top: Run | undefined;
  for (let i = 0; i < repeats; i++) {
    const r = await run(dir, join(dir, `out-${name}-${i}`), extra(i));
    if (!top || r.wallS < top.wallS) top = { ...r, rssMb: Math.max(r.rssMb, top?.rssMb ?? 0) };
  }
  return top!;
}

function timed(command: string, argv: string[]): number {
  let top = Infinity;
  for (let i = 0; i < Math.max(3, repeats); i++) {
    const t0 = performance.now();
    const r = spawnSync(command, argv, { maxBuffer: 1 << 28 });
    if (r.status !== 0) return NaN;
    top = Math.min(top, (performance.now() - t0) / 1000);
  }
  return top;
}

const rows: [string, string, string, string][] = [];
const row = (what: string, figure: string, target: string, verdict: boolean | undefined) =>
  rows.push([what, figure, target, verdict === undefined ? '' : verdict ? 'met' : 'MISSED']);

const cores = availableParallelism();
process.stdout.write(`make bench: ${cores} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start; best of ${repeats} per figure\n`);

// Raw reading speed of one 301-page PDF.
const rawPdfjs = timed(process.execPath, [join(ROOT, 'dist', 'bench', 'ingest.js'), '--child', 'raw', LONG]);
const pdftotext = timed('pdftotext', [LONG, '-']);
row('long_301p.pdf: pdfjs text of every page (process incl. start-up)', `${rawPdfjs.toFixed(2)} s`, '—', undefined);
row('long_301p.pdf: pdftotext', Number.isNaN(pdftotext) ? 'not installed' : `${pdftotext.toFixed(2)} s`, '—', undefined);

const dirs: string[] = [];
try {
  // Cold, warm store, after a rule edit, on the bench corpus.
  const bench = await corpus(4, true);
  dirs.push(bench);
  const rules = join(bench, 'rules-edited');
  await cp(join(ROOT, 'rules'), rules, { recursive: true });
  let n = 0;
  const store = () => ['--store', join(bench, `store-${n}.sqlite`)];
  const cold = await best(bench, 'cold', () => (n++, store()));
  const warm = await best(bench, 'warm', () => store());
  const edited: Run[] = [];
  for (let i = 0; i < repeats; i++) {
    const file = join(rules, 'common', 'categories.yaml');
    await writeFile(file, (await readFile(file, 'utf8')) + `\n# bench edit ${i}\n`);
    edited.push(await run(bench, join(bench, `out-edit-${i}`), [...store(), '--rules', rules]));
  }
  const edit = edited.reduce((a, b) => (a.wallS < b.wallS ? a : b));
  row(`bench corpus (${cold.pages} pages), cold run with a new store`, `${cold.wallS.toFixed(1)} s (${(cold.pages / cold.wallS).toFixed(0)} pages/s; documents ${cold.documentsS.toFixed(1)} s)`, '—', undefined);
  row('bench corpus, warm store (nothing changed)', `${warm.wallS.toFixed(2)} s, ${(cold.wallS / warm.wallS).toFixed(1)}× faster than cold`, '≥ 20×', cold.wallS / warm.wallS >= 20);
  row('bench corpus, after a rule edit (no PDF read)', `${edit.wallS.toFixed(2)} s, ${(cold.wallS / edit.wallS).toFixed(1)}× faster than cold (documents stage ${(cold.documentsS / Math.max(edit.documentsS, 0.001)).toFixed(1)}×)`, '≥ 20×', cold.wallS / edit.wallS >= 20);

  // Speed-up of two workers over one, without a store (every document read).
  const one = await best(bench, 'c1', () => ['--no-store', '--concurrency', '1', '--format', 'json']);
  const two = await best(bench, 'c2', () => ['--no-store', '--concurrency', '2', '--format', 'json']);
  row('bench corpus, 1 worker (no store)', `${one.wallS.toFixed(1)} s (documents ${one.documentsS.toFixed(1)} s)`, '—', undefined);
  row('bench corpus, 2 workers: speed-up over 1', `${(one.wallS / two.wallS).toFixed(2)}× (documents ${(one.documentsS / two.documentsS).toFixed(2)}×)`, '≥ 1.8×', one.wallS / two.wallS >= 1.8);
  const single = await corpus(1, false);
  dirs.push(single);
  const s1 = await best(single, 'c1', () => ['--no-store', '--concurrency', '1', '--format', 'json']);
  const s2 = await best(single, 'c2', () => ['--no-store', '--concurrency', '2', '--format', 'json']);
  row('one 301-page PDF, 1 worker (no store)', `${s1.wallS.toFixed(1)} s (documents ${s1.documentsS.toFixed(1)} s)`, '—', undefined);
  row('one 301-page PDF, 2 workers: speed-up over 1', `${(s1.wallS / s2.wallS).toFixed(2)}× (documents ${(s1.documentsS / s2.documentsS).toFixed(2)}×)`, '≥ 1.5×', s1.wallS / s2.wallS >= 1.5);

  // Peak RSS of a whole cold run at 2,500 and 10,000 pages (default formats, a new store).
  for (const copies of skip10k ? [8] : [8, 32]) {
    const dir = await corpus(copies, true);
    dirs.push(dir);
    const r = await run(dir, join(dir, 'out'), ['--store', join(dir, 'store.sqlite')]);
    row(`peak RSS, cold run of ${r.pages.toLocaleString('en-US')} pages (corpus + ${copies} × long_301p)`, `${r.rssMb.toFixed(0)} MB (${r.wallS.toFixed(0)} s, ${(r.pages / r.wallS).toFixed(0)} pages/s)`, '< 500 MB', r.rssMb < 500);
  }
} finally {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
}

const header: [string, string, string, string] = ['what', 'figure', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end. Pipeline runs use --ocr off; figures: wall time of the whole CLI process.\n`);
