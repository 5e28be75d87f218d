// OCR against the real engine (tesseract rus+kaz, pdftoppm), installed by
// scripts/system-deps.sh. Fixtures: ../shared/data/pdf (see its README).
//   scanned_page.pdf  – page 2 of sample_ru.pdf, printed and scanned at 300 dpi
//   mixed_scanned.pdf – sample_ru.pdf with page 2 replaced by that scan
// The reference for word recall is sample_ru.truth.txt restricted to the words that the
// born-digital sample_ru.pdf has on page 2 (its text layer, read by pdftotext).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { ocrPdfPages, probeOcr } from '../../src/ingest/ocr.js';
import { DEFAULT_TOOLS, ocrPdfPagesWith, probeOcrWith, recogniseImage } from '../../src/ingest/ocr/engine.js';
import { runTool } from '../../src/ingest/ocr/run-tool.js';
import { intersect, pageWords, truthWords, wordRecall } from '../../src/ingest/ocr/word-recall.js';
import type { WordCounts } from '../../src/ingest/ocr/word-recall.js';

const PDF = '../shared/data/pdf';
const OPTS = { concurrency: 2, timeoutMs: 60_000 };
// A page takes 2–5 s here, but up to ~20 s when the two shared cores are busy.
const OCR_TEST_MS = 120_000;

let reference: WordCounts;
let vocabulary: WordCounts;

beforeAll(async () => {
  vocabulary = truthWords(await readFile(`${PDF}/sample_ru.truth.txt`, 'utf8'));
  const layer = await runTool('pdftotext', ['-f', '2', '-l', '2', `${PDF}/sample_ru.pdf`, '-'], { timeoutMs: 20_000 });
  if (!layer.ok) throw new Error(layer.error);
  reference = intersect(vocabulary, pageWords(layer.stdout, vocabulary));
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('probeOcr', () => {
  test('finds tesseract with rus and kaz data and pdftoppm on this machine', async () => {
    const probe = await probeOcr();
    expect(probe).toMatchObject({ available: true });
    if (probe.available) expect(probe.version).toMatch(/tesseract \d+\.\d+.*pdftoppm.*rus\+kaz/);
  });

  test('names every Debian package and the install command when nothing is on the PATH', async () => {
    const probe = await probeOcrWith({ ...DEFAULT_TOOLS, env: { ...process.env, PATH: '/nonexistent' } });
    expect(probe).toEqual({
      available: false,
      missing: ['tesseract-ocr', 'tesseract-ocr-rus', 'tesseract-ocr-kaz', 'poppler-utils'],
      install: 'apt-get install -y tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz poppler-utils',
    });
  });

  test('reports missing language data when tesseract is installed without it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tessdata-empty-'));
    try {
      const probe = await probeOcrWith({ ...DEFAULT_TOOLS, env: { ...process.env, TESSDATA_PREFIX: empty } });
      expect(probe).toEqual({
        available: false,
        missing: ['tesseract-ocr-rus', 'tesseract-ocr-kaz'],
        install: 'apt-get install -y tesseract-ocr-rus tesseract-ocr-kaz',
      });
      // And a language that Debian packages but this machine lacks, next to installed ones.
      const tatar = await probeOcrWith({ ...DEFAULT_TOOLS, languages: ['rus', 'tat'] });
      expect(tatar).toMatchObject({ available: false, missing: ['tesseract-ocr-tat'], install: 'apt-get install -y tesseract-ocr-tat' });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('ocrPdfPages', () => {
  test('scanned_page.pdf: recovers at least 95% of the words of sample_ru.truth.txt on that page', async () => {
    const results = await ocrPdfPages(`${PDF}/scanned_page.pdf`, [1], OPTS);
    const page = results.get(1);
    expect(page?.ok).toBe(true);
    if (!page?.ok) return;
    const recall = wordRecall(reference, pageWords(page.text, vocabulary));
    expect(reference.size).toBeGreaterThan(150);
    expect(recall.recall, `missed: ${recall.missed.slice(0, 20).join(', ')}`).toBeGreaterThanOrEqual(0.95);
    expect(page.meanConfidence).toBeGreaterThan(80);
    // Lines separated by '\n', paragraphs by a blank line.
    expect(page.text).toContain('\n\n');
    expect(page.text).toMatch(/Основными задачами по направлению являются:\n/);
    // The round bullets of the list, which tesseract reads as ° or “, come back as •.
    expect(page.text).toMatch(/^• создание условий для развития малого и среднего бизнеса;$/m);
  }, OCR_TEST_MS);

  test('mixed_scanned.pdf: OCR of its scanned page 2 (the text pages 1 and 3 are not asked for)', async () => {
    const results = await ocrPdfPages(`${PDF}/mixed_scanned.pdf`, [2], OPTS);
    expect([...results.keys()]).toEqual([2]);
    const page = results.get(2);
    expect(page?.ok).toBe(true);
    if (!page?.ok) return;
    expect(wordRecall(reference, pageWords(page.text, vocabulary)).recall).toBeGreaterThanOrEqual(0.95);
  }, OCR_TEST_MS);

  test('a page beyond the end and an invalid page number are errors with context, not throws', async () => {
    const results = await ocrPdfPages(`${PDF}/scanned_page.pdf`, [5, 0], OPTS);
    expect(results.get(0)).toEqual({ ok: false, error: 'invalid page number 0' });
    const beyond = results.get(5);
    expect(beyond?.ok).toBe(false);
    if (beyond && !beyond.ok) expect(beyond.error).toMatch(/^page 5: rendering failed: pdftoppm .*(range|page)/i);
  });

  test('a missing PDF is an error value naming the file', async () => {
    const results = await ocrPdfPages(`${PDF}/no-such-file.pdf`, [1], OPTS);
    const page = results.get(1);
    expect(page?.ok).toBe(false);
    if (page && !page.ok) expect(page.error).toContain('no-such-file.pdf');
  });

  test('the per-page timeout kills the running process and leaves no temp files', async () => {
    const pids: number[] = [];
    // A temp folder of this test's own: other test files OCR at the same time and their
    // strategy-miner-ocr-* folders in the shared tmpdir made this check fail in CI.
    const ownTmp = await mkdtemp(join(tmpdir(), 'ocr-timeout-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    const started = Date.now();
    const results = await ocrPdfPagesWith(DEFAULT_TOOLS, `${PDF}/scanned_page.pdf`, [1], {
      concurrency: 1,
      timeoutMs: 1500,
      onSpawn: (_tool, pid) => pids.push(pid),
    }).finally(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    });
    const elapsed = Date.now() - started;
    const page = results.get(1);
    expect(page?.ok).toBe(false);
    if (page && !page.ok) expect(page.error).toMatch(/timed out after \d+ ms and was killed/);
    expect(elapsed).toBeLessThan(5000);
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(await readdir(ownTmp)).toEqual([]);
    await rm(ownTmp, { recursive: true, force: true });
  });

  test('an abort signal (the document time limit) kills running work and cancels the pages not started', async () => {
    const pids: number[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 700);
    const started = Date.now();
    const results = await ocrPdfPagesWith(DEFAULT_TOOLS, `${PDF}/scanned_doc.pdf`, [1, 2, 3], {
      concurrency: 1,
      timeoutMs: 60_000,
      signal: controller.signal,
      onSpawn: (_tool, pid) => pids.push(pid),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect([...results.keys()].sort()).toEqual([1, 2, 3]);
    expect(results.get(1)).toMatchObject({ ok: false, error: expect.stringMatching(/cancelled/) });
    expect(results.get(3)).toEqual({ ok: false, error: 'page 3: OCR cancelled' });
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe('recogniseImage', () => {
  test('an upside-down scan (top third of scanned_page.pdf turned by 180°) is read by the orientation-detecting second pass', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-upside-down-'));
    try {
      const rendered = await runTool('pdftoppm', ['-r', '300', '-gray', '-singlefile', `${PDF}/scanned_page.pdf`, join(dir, 'page')], { timeoutMs: 30_000 });
      expect(rendered.ok).toBe(true);
      const pgm = await readFile(join(dir, 'page.pgm'));
      // Binary PGM: "P5\n<width> <height>\n255\n" then one byte per pixel, row by row.
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
      expect(header).not.toBeNull();
      const [width, height, offset] = [Number(header?.[1]), Number(header?.[2]), header?.[0].length ?? 0];
      const rows = Math.floor(height / 3);
      // Reversing the pixel order of the top third turns it by 180°.
      const pixels = Buffer.from(pgm.subarray(offset, offset + width * rows)).reverse();
      await writeFile(join(dir, 'turned.pgm'), Buffer.concat([Buffer.from(`P5\n${width} ${rows}\n255\n`, 'latin1'), pixels]));
      const result = await recogniseImage(DEFAULT_TOOLS, join(dir, 'turned.pgm'), { timeoutMs: 90_000 });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.meanConfidence).toBeGreaterThan(80);
      expect(result.text).toContain('Раздел 1. Приоритетное направление 1: развитие кластеров');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, OCR_TEST_MS);
});

describe('runTool', () => {
  test('kills a process that runs over its limit', async () => {
    let pid = 0;
    const started = Date.now();
    const result = await runTool('sleep', ['30'], { timeoutMs: 200, onSpawn: (p) => (pid = p) });
    expect(result).toMatchObject({ ok: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });

  test('a command that is not installed is a value', async () => {
    expect(await runTool('strategy-miner-no-such-tool', [], { timeoutMs: 1000 })).toEqual({
      ok: false,
      error: 'strategy-miner-no-such-tool: command not found',
      timedOut: false,
      notFound: true,
    });
  });
});
