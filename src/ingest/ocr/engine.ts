// OCR of PDF pages with the real engine: pdftoppm (poppler-utils) renders one page to a
// 300-dpi grey PGM, tesseract reads it with `-l rus+kaz`. The tool names are parameters so
// tests can point them at a missing program; ../ocr.ts binds the installed ones.
//
// Why these settings:
// - 300 dpi grey: tesseract's documentation recommends at least 300 dpi; grey keeps the
//   anti-aliasing that binarised 1-bit images lose, and PGM needs no encoder.
// - `--dpi 300`: PGM carries no resolution, and without it tesseract guesses 70 dpi and
//   scales its size heuristics wrongly.
// - OMP_THREAD_LIMIT=1 and one process per core: measured here (../shared/data/README.md),
//   tesseract with default OpenMP threads on 2 shared cores took 21–329 s per page instead
//   of 2–3.4 s; parallelism across pages is what scales.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './run-tool.js';
import { makeOcrTempDir, removeOcrTempDir } from './temp-dirs.js';
import { parseTesseractTsv } from './tsv.js';
import type { OcrPageResult, OcrProbe } from './types.js';

export interface OcrTools {
  tesseract: string;
  pdftoppm: string;
  /** tesseract language data, joined with '+' on the command line. */
  languages: string[];
  /** Environment for the tools (PATH, TESSDATA_PREFIX); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TOOLS: OcrTools = {
  tesseract: 'tesseract',
  pdftoppm: 'pdftoppm',
  languages: ['rus', 'kaz'],
};

/** The Debian package that provides each tool or language (bookworm and later). */
const DEBIAN_PACKAGE = {
  tesseract: 'tesseract-ocr',
  pdftoppm: 'poppler-utils',
  lang: (lang: string): string => `tesseract-ocr-${lang}`,
};

const PROBE_TIMEOUT_MS = 15_000;

export async function probeOcrWith(tools: OcrTools): Promise<OcrProbe> {
  const env = tools.env ?? process.env;
  const [version, langs, poppler] = await Promise.all([
    runTool(tools.tesseract, ['--version'], { timeoutMs: PROBE_TIMEOUT_MS, env }),
    runTool(tools.tesseract, ['--list-langs'], { timeoutMs: PROBE_TIMEOUT_MS, env }),
    runTool(tools.pdftoppm, ['-v'], { timeoutMs: PROBE_TIMEOUT_MS, env }),
  ]);

  const missing: string[] = [];
  if (!version.ok) {
    // Without a working tesseract its language data cannot be checked either; the data
    // comes in separate packages, so all of them are named.
    missing.push(DEBIAN_PACKAGE.tesseract, ...tools.languages.map(DEBIAN_PACKAGE.lang));
  } else {
    const installed = langs.ok ? parseLangList(langs.stdout + '\n' + langs.stderr) : new Set<string>();
    for (const lang of tools.languages) if (!installed.has(lang)) missing.push(DEBIAN_PACKAGE.lang(lang));
  }
  if (!poppler.ok) missing.push(DEBIAN_PACKAGE.pdftoppm);

  if (missing.length > 0) {
    return { available: false, missing, install: `apt-get install -y ${missing.join(' ')}` };
  }
  // tesseract 5 prints its version on stdout, 3.x on stderr; pdftoppm always on stderr.
  const tv = firstLine(version.ok ? version.stdout || version.stderr : '');
  const pv = firstLine(poppler.ok ? poppler.stderr || poppler.stdout : '');
  return { available: true, version: `${tv}; ${pv}; languages ${tools.languages.join('+')}` };
}

/** `tesseract --list-langs` prints a header line and then one language code per line. */
function parseLangList(output: string): Set<string> {
  const langs = new Set<string>();
  for (const line of output.split('\n')) {
    const t = line.trim();
    if (/^[A-Za-z0-9_-]+$/.test(t)) langs.add(t);
  }
  return langs;
}

function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

export interface OcrOptions {
  /** Pages OCR'd at the same time: one tesseract process each (use the number of cores). */
  concurrency: number;
  /** Limit for one page (render + recognise); the running process is killed when it is hit. */
  timeoutMs: number;
  /** Called for every process started (tests use it to check that timed-out ones are gone). */
  onSpawn?: (tool: string, pid: number) => void;
  /** Stops the whole job: running processes are killed, pages not done get an error. */
  signal?: AbortSignal;
}

export async function ocrPdfPagesWith(
  tools: OcrTools,
  pdfPath: string,
  pages: number[],
  opts: OcrOptions,
): Promise<Map<number, OcrPageResult>> {
  const results = new Map<number, OcrPageResult>();
  const todo: number[] = [];
  for (const page of pages) {
    if (results.has(page) || todo.includes(page)) continue;
    if (!Number.isInteger(page) || page < 1) results.set(page, { ok: false, error: `invalid page number ${page}` });
    else todo.push(page);
  }
  if (todo.length === 0) return results;

  const dir = await makeOcrTempDir();
  try {
    const workers = Math.max(1, Math.min(Math.floor(opts.concurrency) || 1, todo.length));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < todo.length) {
        const page = todo[next++] as number;
        if (opts.signal?.aborted) {
          results.set(page, { ok: false, error: `page ${page}: OCR cancelled` });
          continue;
        }
        results.set(page, await ocrOnePage(tools, pdfPath, page, dir, opts));
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await removeOcrTempDir(dir);
  }
  return results;
}

async function ocrOnePage(
  tools: OcrTools,
  pdfPath: string,
  page: number,
  dir: string,
  opts: OcrOptions,
): Promise<OcrPageResult> {
  const { timeoutMs, onSpawn, signal } = opts;
  const started = Date.now();
  const remaining = (): number => (timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0);
  const env = tools.env ?? process.env;
  const base = join(dir, `page-${page}`);
  // A relative path starting with '-' would be read as an option (no shell, but still argv).
  const input = pdfPath.startsWith('-') ? `./${pdfPath}` : pdfPath;
  const image = `${base}.pgm`;
  try {
    const rendered = await runTool(
      tools.pdftoppm,
      ['-r', '300', '-gray', '-f', String(page), '-l', String(page), '-singlefile', input, base],
      { timeoutMs: remaining(), env, signal, onSpawn: (pid) => onSpawn?.(tools.pdftoppm, pid) },
    );
    if (!rendered.ok) return { ok: false, error: `page ${page}: rendering failed: ${rendered.error}` };

    return await recogniseImage(tools, image, { timeoutMs: remaining(), signal, ...(onSpawn ? { onSpawn } : {}) }, page);
  } finally {
    // A 300-dpi grey A4 page is ~8.7 MB: free it as soon as the page is done.
    await rm(image, { force: true });
  }
}

// Below this mean word confidence a page is read again with orientation detection: an
// upside-down scan reads at ~39 with the default layout analysis, upright text at 90+.
const LOW_CONFIDENCE = 60;

/**
 * Recognises one page image. `--psm 3` (automatic layout, no orientation detection) first:
 * it already copes with pages turned by 90°. When the result looks like an upside-down page
 * (low confidence), `--psm 1` adds tesseract's orientation detection (osd.traineddata,
 * which Debian's tesseract-ocr depends on) and the better reading is kept. Not the default
 * because it costs ~70% more time per page.
 */
export async function recogniseImage(
  tools: OcrTools,
  image: string,
  opts: { timeoutMs: number; signal?: AbortSignal; onSpawn?: (tool: string, pid: number) => void },
  page = 1,
): Promise<OcrPageResult> {
  const started = Date.now();
  const remaining = (): number => (opts.timeoutMs > 0 ? Math.max(1, opts.timeoutMs - (Date.now() - started)) : 0);
  const env = { ...(tools.env ?? process.env), OMP_THREAD_LIMIT: '1' };
  const run = async (psm: string): Promise<OcrPageResult & { words?: number }> => {
    const r = await runTool(tools.tesseract, [image, 'stdout', '-l', tools.languages.join('+'), '--dpi', '300', '--psm', psm, 'tsv'], {
      timeoutMs: remaining(),
      env,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onSpawn: (pid) => opts.onSpawn?.(tools.tesseract, pid),
    });
    if (!r.ok) return { ok: false, error: `page ${page}: OCR failed: ${r.error}` };
    const parsed = parseTesseractTsv(r.stdout);
    return { ok: true, text: parsed.text, meanConfidence: parsed.meanConfidence, words: parsed.wordCount, lines: parsed.lines, imageHeight: parsed.height };
  };

  const first = await run('3');
  if (!first.ok || first.meanConfidence >= LOW_CONFIDENCE || (first.words ?? 0) === 0) return strip(first);
  const second = await run('1');
  // A second pass that fails (e.g. out of time) must not lose the first reading.
  return strip(second.ok && second.meanConfidence > first.meanConfidence ? second : first);
}

function strip(r: OcrPageResult & { words?: number }): OcrPageResult {
  if (!r.ok) return r;
  const { words: _words, ...result } = r;
  return result;
}
