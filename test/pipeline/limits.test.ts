// Limits over a document's whole life: small files that inflate, paragraphs of one repeated
// sentence, analysis that runs past the time limit. Each reproducer is built here from a real
// fixture or from a sentence in the shape of the corpus's strategies; each must give its
// document a status of its own while the batch goes on.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPriorityItem, type PriorityStatement } from '../../src/aggregate/dedupe.js';
import { ingestFile } from '../../src/ingest/index.js';
import { boundedDocument, MAX_DOCUMENT_CHARS } from '../../src/ingest/limits.js';
import { createIngestPool, type IngestPool } from '../../src/pipeline/pool.js';
import { runPipeline } from '../../src/pipeline/run.js';
import type { IngestedDocument } from '../../src/records.js';
import { writeReports } from '../../src/report/index.js';
import { CARD_CONTEXT_CHARS } from '../../src/report/html.js';
import { MAX_UNIT_CHARS, unitPieces } from '../../src/text/units.js';
import { pdfBomb } from '../../scripts/fixtures/pdf-bomb.js';

const ROOT = join(import.meta.dirname, '..', '..');
// A priority sentence in the shape of corpus/perm_strategy_2030.pdf's goals section.
const SENTENCE = 'До 2030 года планируется создать туристский кластер и развивать IT-кластер на территории города. ';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-limits-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function repeatedParagraphHtml(repeats: number): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Стратегия развития города Перми до 2030 года</title></head><body>
<h1>Стратегия развития города Перми до 2030 года</h1><h2>Цели</h2><p>${SENTENCE.repeat(repeats)}</p></body></html>`;
}

/** test/fixtures/docx/strategy_ru.docx with ~100 MB of paragraphs added to word/document.xml. */
async function docxBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await readFile(join(ROOT, 'test', 'fixtures', 'docx', 'strategy_ru.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const at = xml.indexOf('</w:body>');
  const paragraph = `<w:p><w:r><w:t>${'а'.repeat(1000)}</w:t></w:r></w:p>`;
  zip.file('word/document.xml', xml.slice(0, at) + paragraph.repeat(50_000) + xml.slice(at));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('decompression and memory caps', () => {
  let pool: IngestPool | undefined;
  afterAll(async () => pool?.close());

  it('gives a DOCX zip bomb too_large without inflating it whole (strategy_ru.docx + 100 MB of XML)', async () => {
    const path = join(dir, 'bomb.docx');
    const bomb = await docxBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await writeFile(path, bomb);
    const heapBefore = process.memoryUsage().heapUsed;
    const doc = await ingestFile(path, { ocr: 'off', timeoutMs: 60_000 });
    expect(doc.status).toBe('too_large');
    expect(doc.message).toMatch(/^word\/document\.xml inflates to more than 64 MB, the limit per part of a DOCX; not analysed/);
    // The 100 MB part was never held as a string (that alone is 200 MB of UTF-16).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);

  it('stops a PDF whose stream inflates past the memory limit, and reads the next document (512 MB of spaces, 128 MB limit)', async () => {
    const path = join(dir, 'bomb.pdf');
    await writeFile(path, await pdfBomb(512));
    expect((await stat(path)).size).toBeLessThan(1024 * 1024);
    pool = createIngestPool({ size: 1, maxMemoryMb: 128 });
    const bomb = pool.ingest(path, { ocr: 'off', timeoutMs: 120_000 });
    const next = pool.ingest(join(ROOT, '..', 'shared', 'data', 'pdf', 'sample_ru.pdf'), { ocr: 'off', timeoutMs: 120_000 });
    const stopped = (await bomb).doc;
    expect(stopped.status).toBe('too_large');
    expect(stopped.message).toMatch(/^needed more than the 128 MB of memory a document may use \(--max-memory; /);
    expect((await next).doc.status).toBe('ok'); // ../shared/data/pdf/sample_ru.pdf
  }, 120_000);
});

describe('bounded text', () => {
  it('gives a document over MAX_DOCUMENT_CHARS too_large, keeping its page count and hash', () => {
    const text = 'кластер '.repeat(MAX_DOCUMENT_CHARS / 8 + 1);
    const doc: IngestedDocument = {
      file: 'big.html', format: 'html', status: 'ok', message: '', pageCount: 1, unreadablePages: [], ocrPages: [], sha256: 'ab',
      pages: [{ number: 1, text, blocks: [], triage: 'ok', ocr: false } as unknown as IngestedDocument['pages'][number]],
    };
    const bounded = boundedDocument(doc);
    expect(bounded).toMatchObject({ status: 'too_large', pages: [], pageCount: 1, sha256: 'ab' });
    expect(bounded.message).toMatch(/^4,000,008 characters of text on 1 pages, over the limit of 4,000,000 per document/);
    expect(boundedDocument({ ...doc, pages: [] })).toMatchObject({ status: 'ok' });
  });

  it('cuts text without sentence ends into units of at most MAX_UNIT_CHARS, at spaces, losing nothing', () => {
    const text = 'кластер '.repeat(2000).trim();
    const pieces = unitPieces(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const [a, b] of pieces) expect(b - a).toBeLessThanOrEqual(MAX_UNIT_CHARS);
    expect(pieces.map(([a, b]) => text.slice(a, b)).join('')).toBe(text);
    for (const [a] of pieces.slice(1)) expect(text[a - 1]).toBe(' ');
  });

  it('merges 125,000 repeats of one priority into one item without overflowing the stack', () => {
    const statement = (i: number): PriorityStatement => ({
      unitId: `rep.html#p2b0u${i}`, file: 'rep.html', page: 2, ocr: false, lang: 'rus', text: SENTENCE.trim(), blockKind: 'paragraph',
      sectors: ['tourism', 'it_digital'], measures: [], targets: [], order: i, stems: new Set(), sequence: [], numbers: '2030',
    });
    const item = toPriorityItem(Array.from({ length: 125_000 }, (_, i) => statement(i)));
    expect(item.sectors).toEqual(['it_digital', 'tourism']);
    expect(item.evidence).toHaveLength(125_000);
  });
});

describe('a paragraph of one repeated sentence', () => {
  it('5,000 repeats: the run completes and the report grows with the mentions, not with their square', async () => {
    const corpus = join(dir, 'rep5k');
    await mkdir(corpus);
    await writeFile(join(corpus, 'rep.html'), repeatedParagraphHtml(5000));
    const result = await runPipeline({
      corpusDir: corpus, outDir: join(dir, 'rep5k-out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off',
      formats: ['csv', 'md', 'json', 'xlsx', 'html'], excel: false, strict: false, timeoutMs: 120_000, concurrency: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.documents[0]?.doc.status).toBe('ok');
    expect(result.run.documents[0]?.mentions.length).toBe(10_000);
    await writeReports(result.run, join(dir, 'rep5k-out'));
    const html = (await stat(join(dir, 'rep5k-out', 'table5.html'))).size;
    // 5,000 cards of one sentence and up to 400 characters on each side: ~2.5 KB each.
    expect(html).toBeLessThan(5000 * 4000);
    // Every card's paragraph is its sentence with at most CARD_CONTEXT_CHARS on each side,
    // cut with «…», never the whole 485,000-character paragraph.
    const page = await readFile(join(dir, 'rep5k-out', 'table5.html'), 'utf8');
    const paragraphs = [...page.matchAll(/<p class="para"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(paragraphs).toHaveLength(5000);
    for (const p of paragraphs) expect(p.length).toBeLessThanOrEqual(2 * CARD_CONTEXT_CHARS + SENTENCE.length + 4);
    expect(paragraphs[2500]).toMatch(/^… .* …$/);
  }, 120_000);

  it('more occurrences than MAX_MENTIONS_PER_DOCUMENT: too_large after analysis, on the worker and on the main thread', async () => {
    const corpus = join(dir, 'rep11k');
    await mkdir(corpus);
    // 11,000 repeats with two occurrences each: 22,000, over the limit of 20,000.
    await writeFile(join(corpus, 'rep.html'), repeatedParagraphHtml(11_000));
    for (const inThread of [false, true]) {
      const result = await runPipeline(
        {
          corpusDir: corpus, outDir: join(dir, 'rep11k-out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off',
          formats: ['json'], excel: false, strict: false, timeoutMs: 120_000, concurrency: 1,
        },
        () => {},
        { inThread },
      );
      if (!result.ok) throw new Error('run failed');
      const d = result.run.documents[0]!;
      expect(d.doc.status, `inThread ${inThread}`).toBe('too_large');
      expect(d.doc.message).toMatch(/^22,000 occurrences of the topic's words, over the limit of 20,000 per document/);
      expect(d.mentions).toEqual([]);
      expect(result.run.rows[0]?.status).toBe('unreadable');
    }
  }, 120_000);

  it('the time limit covers analysis: 20,000 repeats read in about a second but analysed in several', async () => {
    const corpus = join(dir, 'rep20k');
    await mkdir(corpus);
    await writeFile(join(corpus, 'rep.html'), repeatedParagraphHtml(20_000));
    const t0 = performance.now();
    const result = await runPipeline({
      corpusDir: corpus, outDir: join(dir, 'rep20k-out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off',
      formats: ['json'], excel: false, strict: false, timeoutMs: 1500, concurrency: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.documents[0]?.doc.status).toBe('timeout');
    expect(result.run.documents[0]?.doc.message).toMatch(/exceeded the 1\.5 s limit per document/);
    expect(performance.now() - t0).toBeLessThan(30_000);
  }, 60_000);
});
