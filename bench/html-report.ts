// table5.html of a big run: its size and how fast Debian's Chromium opens it, searches it and
// opens a fold, next to the targets.
//   node dist/bench/html-report.js [pages of the big run, default 10000]
// Run: the bundled corpus/ plus ../shared/data/pdf/long_301p.pdf, read once by the pipeline
// (main thread, OCR off); the long document's result is then repeated under new file names
// (long_301p_K.pdf, each its own territory) until the run has the pages asked for. The
// copies are made after analysis, in memory, because the report is what is measured: reading
// 10,000 pages would take minutes on this machine and give the same report. Two sizes are
// measured: ~1,200 pages (the run of the issue that asked for this: 11 MB, 9,614 cards) and
// the big run. Timings on a shared machine are indicative: the load average is printed.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildCityRows } from '../src/aggregate/index.js';
import { categoryLabels } from '../src/cli/commands/run.js';
import { runPipeline } from '../src/pipeline/run.js';
import type { DocumentResult, RunResult } from '../src/records.js';
import { runCharts } from '../src/report/charts.js';
import { reportHtml } from '../src/report/html.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const LONG = join(ROOT, '..', 'shared', 'data', 'pdf', 'long_301p.pdf');
const CHROMIUM = '/usr/bin/chromium';
const BIG_PAGES = Number(process.argv[2] ?? 10_000);

// Targets: the page opens (load event) in a few seconds; the HTML grows with the evidence,
// about a kilobyte and a half per card at most (each card holds its sentence and up to 400
// characters of paragraph on each side); a search answers while the reader types.
const TARGET_LOAD_MS = 3000;
const TARGET_BYTES_PER_CARD = 1600;
const TARGET_SEARCH_MS = 1000;

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} not found: apt-get install -y chromium (scripts/system-deps.sh does it)`);
  process.exit(2);
}

const dir = await mkdtemp(join(tmpdir(), 'sm-bench-html-'));
try {
  for (const f of await readdir(join(ROOT, 'corpus'))) if (/\.(pdf|docx|csv)$/.test(f)) await copyFile(join(ROOT, 'corpus', f), join(dir, f));
  await copyFile(LONG, join(dir, 'long_301p.pdf'));
  await writeFile(join(dir, 'manifest.csv'), readFileSync(join(ROOT, 'corpus', 'manifest.csv'), 'utf8').trimEnd() + '\nlong_301p.pdf,Караганда,KZ,ru,Стратегия развития города Караганды,2030\n');
  const t = performance.now();
  const result = await runPipeline(
    { corpusDir: dir, outDir: join(dir, 'out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off', formats: ['html'], excel: false, strict: false, timeoutMs: 300_000, concurrency: 1 },
    () => {},
    { inThread: true, cores: 1 },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  console.log(`pipeline on corpus + long_301p.pdf: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const base = result.run;
  const labels = categoryLabels(base, result.ruleSet);
  const long = base.documents.find((d) => d.entry.file === 'long_301p.pdf')!;
  const basePages = base.documents.reduce((n, d) => n + d.doc.pageCount, 0);

  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; 2 shared cores`);
  console.log('| run | pages | evidence cards | HTML | per card | load event | search | open a fold |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const pages of [1200, BIG_PAGES]) {
    const copies = Math.max(0, Math.round((pages - basePages) / long.doc.pageCount));
    const run = withCopies(base, long, copies);
    const html = reportHtml(run, labels, await runCharts(run.rows, labels));
    const file = join(dir, `table5-${pages}.html`);
    await writeFile(file, html);
    const cards = html.split('<article class="mention"').length - 1;
    // How much of the page is folded cards (inert text) and how much the table and the rest.
    const folded = [...html.matchAll(/<script type="text\/html">([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
    if (process.env.KEEP_HTML) await copyFile(file, join(process.env.KEEP_HTML, `table5-${pages}.html`));
    const m = await measure(file);
    const total = run.documents.reduce((n, d) => n + d.doc.pageCount, 0);
    const bytes = Buffer.byteLength(html);
    console.log(
      `| corpus + ${copies + 1} × long_301p (${Math.round((100 * folded) / Buffer.byteLength(html))}% folded cards) | ${total.toLocaleString('en-US')} | ${cards.toLocaleString('en-US')} | ${(bytes / 1e6).toFixed(1)} MB | ${Math.round(bytes / cards)} B (target ≤ ${TARGET_BYTES_PER_CARD}) | ${m.loadMs} ms (target ≤ ${TARGET_LOAD_MS}) | ${m.searchMs} ms (target ≤ ${TARGET_SEARCH_MS}) | ${m.foldMs} ms |`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** The run with `copies` more copies of one document, each under its own file and territory. */
function withCopies(base: RunResult, doc: DocumentResult, copies: number): RunResult {
  const documents = [...base.documents];
  for (let k = 1; k <= copies; k++) {
    const file = `long_301p_${k}.pdf`;
    const rename = (id: string): string => id.replace(/^long_301p\.pdf#/, `${file}#`);
    documents.push({
      ...doc,
      entry: { ...doc.entry, file, city: `Караганда ${k}` },
      doc: { ...doc.doc, file, sha256: `${doc.doc.sha256.slice(0, 56)}${String(k).padStart(8, '0')}` },
      units: doc.units.map((u) => ({ ...u, id: rename(u.id), file })),
      mentions: doc.mentions.map((m) => ({ ...m, unitId: rename(m.unitId), file })),
    });
  }
  return { ...base, documents, rows: buildCityRows(documents, base.topicLabel) };
}

/** Load event, a search for a common word, and opening the first fold, in a fresh browser. */
async function measure(file: string): Promise<{ loadMs: number; searchMs: number; foldMs: number }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = Math.round(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    const before = await page.textContent('#shown');
    const t0 = Date.now();
    await page.fill('#f-search', 'туристск');
    await page.waitForFunction((b) => document.getElementById('shown')?.textContent !== b, before, { timeout: 120_000 });
    // The script waits 150 ms for the reader to stop typing; that wait is not the search.
    const searchMs = Date.now() - t0 - 150;
    await page.fill('#f-search', '');
    await page.waitForFunction((b) => document.getElementById('shown')?.textContent === b, before, { timeout: 120_000 });
    const t1 = Date.now();
    await page.locator('details.fold > summary').first().click();
    await page.waitForFunction(() => document.querySelector('details.fold')?.hasAttribute('open'));
    const foldMs = Date.now() - t1;
    return { loadMs, searchMs, foldMs };
  } finally {
    await browser.close();
  }
}
