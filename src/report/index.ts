// Every output of a run, written into one folder (issue 2 stage 5, issue 7 items 1–3 and 5).
// Identical inputs and rules give byte-identical files; only run.json carries timings.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../records.js';
import { CHART_FILES, runCharts } from './charts.js';
import { tableCsv } from './csv.js';
import { reportHtml } from './html.js';
import { mentionsJsonl, table5Json, unitsJsonl } from './json.js';
import type { Labels } from './labels.js';
import { table5Markdown } from './markdown.js';
import { qdpxBuffer } from './qdpx.js';
import { runJson } from './run-json.js';
import { documentsTable, measuresTable, mentionsTable, pagesTable, sectorsTable, table5Table } from './tables.js';
import { workbookBuffer } from './xlsx.js';

/** Formats `run --format` accepts; the CLI validates user input against this list. */
export const REPORT_FORMATS = ['csv', 'md', 'json', 'xlsx', 'html', 'qdpx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DEFAULT_FORMATS: ReportFormat[] = ['csv', 'md', 'json', 'xlsx', 'html'];

/** Which files each format adds to the ones always written. */
export const FORMAT_FILES: Record<ReportFormat, string[]> = {
  csv: ['table5.csv', 'sectors.csv', 'measures.csv', 'pages.csv'],
  md: ['table5.md'],
  // table5.json is always written (sample, eval and diff read it); 'json' is kept as a name.
  json: [],
  xlsx: ['table5.xlsx'],
  html: ['table5.html', ...CHART_FILES],
  qdpx: ['strategy-miner.qdpx'],
};
export const ALWAYS_WRITTEN = ['table5.json', 'documents.csv', 'mentions.csv', 'mentions.jsonl', 'units.jsonl', 'run.json'];

export async function writeReports(run: RunResult, outDir: string, opts: { labels?: Record<string, string> } = {}): Promise<{ written: string[] }> {
  const formats = run.options.formats.length > 0 ? run.options.formats : DEFAULT_FORMATS;
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    // The CLI checks --format against REPORT_FORMATS; reaching here is a programmer error.
    throw new Error(`writeReports: unknown format(s) ${unknown.join(', ')}; expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  const want = new Set(formats as ReportFormat[]);
  const labels: Labels | undefined = opts.labels;
  const csv = { excel: run.options.excel, raw: run.options.rawCsv ?? false };
  await mkdir(outDir, { recursive: true });

  // units.jsonl is written as it is made (an iterable of chunks), the other files whole.
  const files: [string, string | Buffer | Iterable<string>][] = [];
  const table5 = table5Table(run.rows, labels);
  const mentions = mentionsTable(run);
  const documents = documentsTable(run);
  const sectors = sectorsTable(run.rows);
  const measures = measuresTable(run.rows, labels, run.topicLabel);
  const pages = pagesTable(run);

  files.push(['table5.json', table5Json(run)]);
  files.push(['documents.csv', tableCsv(documents, csv)]);
  files.push(['mentions.csv', tableCsv(mentions, csv)]);
  files.push(['mentions.jsonl', mentionsJsonl(run)]);
  files.push(['units.jsonl', unitsJsonl(run)]);
  if (want.has('csv')) {
    files.push(['table5.csv', tableCsv(table5, csv)]);
    files.push(['sectors.csv', tableCsv(sectors, csv)]);
    files.push(['measures.csv', tableCsv(measures, csv)]);
    files.push(['pages.csv', tableCsv(pages, csv)]);
  }
  if (want.has('md')) files.push(['table5.md', table5Markdown(run, labels)]);
  if (want.has('xlsx')) files.push(['table5.xlsx', await workbookBuffer([table5, mentions, documents, pages, sectors, measures])]);
  if (want.has('html')) {
    // The charts go inline into the page and beside it as .svg files.
    const charts = await runCharts(run.rows, labels);
    files.push(['table5.html', reportHtml(run, labels, charts)]);
    for (const c of charts) files.push([c.file, c.svg]);
  }
  if (want.has('qdpx')) files.push(['strategy-miner.qdpx', await qdpxBuffer(run, labels)]);

  const written = files.map(([name]) => name);
  files.push(['run.json', runJson(run, written)]);
  for (const [name, data] of files) await writeFile(join(outDir, name), data);
  return { written: files.map(([name]) => join(outDir, name)) };
}

export { evidenceAnchor } from './html.js';
export { stableGuid } from './qdpx.js';
