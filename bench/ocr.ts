// OCR benchmark (issue 3, Measure): word recall of tesseract rus+kaz on the image-only and
// garbled-font PDFs of ../shared/data/pdf, and seconds per page.
// Run from the project root: `node dist/bench/ocr.js` (after `tsc`).
//
// Reference words: the truth text named per case; when a case covers only some pages of
// the truth's born-digital twin, the truth's words are restricted to the words the twin's
// text layer (pdftotext) has on those pages. Recall after normalizeText + matchKey (see
// src/ingest/ocr/word-recall.ts). Every page is OCR'd one at a time (concurrency 1) for
// s/page; then scanned_doc.pdf again with one process per core for throughput.
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { ocrPdfPages, probeOcr } from '../src/ingest/ocr.js';
import { runTool } from '../src/ingest/ocr/run-tool.js';
import { intersect, pageWords, truthWords, wordRecall } from '../src/ingest/ocr/word-recall.js';

const PDF = '../shared/data/pdf';

interface Case {
  file: string;
  pages: number[];
  truth: string;
  /** Born-digital twin and its pages, when the case covers only part of the truth. */
  twin?: { file: string; pages: number[] };
  what: string;
}

const CASES: Case[] = [
  { file: 'scanned_page.pdf', pages: [1], truth: 'sample_ru.truth.txt', twin: { file: 'sample_ru.pdf', pages: [2] }, what: 'scan 300 dpi' },
  { file: 'mixed_scanned.pdf', pages: [2], truth: 'sample_ru.truth.txt', twin: { file: 'sample_ru.pdf', pages: [2] }, what: 'scanned page among text pages' },
  { file: 'scanned_doc.pdf', pages: [1, 2, 3], truth: 'sample_ru.truth.txt', what: 'whole scan 200 dpi' },
  { file: 'no_tounicode.pdf', pages: [1, 2, 3], truth: 'sample_ru.truth.txt', what: 'fonts without ToUnicode' },
  { file: 'outlined_text.pdf', pages: [1, 2, 3], truth: 'sample_ru.truth.txt', what: 'text as curves' },
  { file: 'ps2pdf_roundtrip.pdf', pages: [1, 2, 3], truth: 'sample_ru.truth.txt', what: 'print-to-PDF round trip' },
  { file: 'nonemb_differences.pdf', pages: [1], truth: 'nonemb.truth.txt', what: 'non-embedded font, custom encoding' },
  // Born-digital pages OCR'd as `--ocr force` would: Kazakh letters (ә ғ қ ң ө ұ ү һ і) and two columns.
  { file: 'sample_kk.pdf', pages: [1, 2], truth: 'sample_kk.truth.txt', what: 'forced OCR, Kazakh' },
  { file: 'twocol.pdf', pages: [1], truth: 'twocol.truth.txt', what: 'forced OCR, two columns' },
  { file: 'type3_cyrillic.pdf', pages: [1], truth: 'type3_cyrillic.truth.txt', what: 'Type3 font: glyphs drawn as boxes, nothing to OCR (its text layer reads fine)' },
];

async function main(): Promise<void> {
  const probe = await probeOcr();
  if (!probe.available) {
    console.log(`OCR not available: missing ${probe.missing.join(', ')}; install with: ${probe.install}`);
    process.exitCode = 1;
    return;
  }
  console.log(`OCR engine: ${probe.version}`);
  console.log(`cores: ${availableParallelism()} (shared machine: figures vary with load)\n`);
  const header = ['file', 'what', 'pages', 'ref words', 'recall %', 'mean conf', 's/page', 'worst missed words'];
  const rows: string[][] = [];
  let totalFound = 0;
  let totalWords = 0;

  for (const c of CASES) {
    const vocabulary = truthWords(await readFile(`${PDF}/${c.truth}`, 'utf8'));
    let reference = vocabulary;
    if (c.twin) {
      const from = Math.min(...c.twin.pages);
      const to = Math.max(...c.twin.pages);
      const layer = await runTool('pdftotext', ['-f', `${from}`, '-l', `${to}`, `${PDF}/${c.twin.file}`, '-'], { timeoutMs: 30_000 });
      if (!layer.ok) throw new Error(layer.error);
      reference = intersect(vocabulary, pageWords(layer.stdout, vocabulary));
    }
    const started = process.hrtime.bigint();
    const results = await ocrPdfPages(`${PDF}/${c.file}`, c.pages, { concurrency: 1, timeoutMs: 120_000 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const texts: string[] = [];
    const confidences: number[] = [];
    const errors: string[] = [];
    for (const p of c.pages) {
      const r = results.get(p);
      if (r?.ok) {
        texts.push(r.text);
        confidences.push(r.meanConfidence);
      } else errors.push(r ? r.error : `page ${p}: no result`);
    }
    const recall = wordRecall(reference, pageWords(texts.join('\n\n'), vocabulary));
    totalFound += recall.found;
    totalWords += recall.total;
    const conf = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
    rows.push([
      c.file,
      c.what,
      c.pages.join(','),
      String(recall.total),
      (recall.recall * 100).toFixed(1),
      conf.toFixed(1),
      (seconds / c.pages.length).toFixed(2),
      errors.length ? `ERRORS: ${errors.join('; ')}` : recall.missed.slice(0, 6).join(' '),
    ]);
  }
  rows.push(['all', '', '', String(totalWords), ((totalFound / totalWords) * 100).toFixed(1), '', '', '']);
  printTable(header, rows);

  const cores = availableParallelism();
  const started = process.hrtime.bigint();
  await ocrPdfPages(`${PDF}/scanned_doc.pdf`, [1, 2, 3], { concurrency: cores, timeoutMs: 120_000 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`\nscanned_doc.pdf, 3 pages, concurrency ${cores}: ${wall.toFixed(2)} s wall, ${(wall / 3).toFixed(2)} s/page`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

await main();
