// ingestFile picks the reader by content, not by extension. DOCX/HTML fixtures are the
// project's own (test/fixtures/docx, test/fixtures/html); their readers are tested in
// docx.test.ts and html.test.ts, here only the dispatch and provenance.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { stripOcrFurniture } from '../../src/ingest/pdf/furniture.js';

const opts = { ocr: 'off' as const, timeoutMs: 60_000 };

describe('content sniffing', () => {
  it('test/fixtures/docx/strategy_ru.docx → the DOCX reader, file name from displayName', async () => {
    const doc = await ingestFile('test/fixtures/docx/strategy_ru.docx', { ...opts, displayName: 'Москва/strategy_ru.docx' });
    expect(doc.format).toBe('docx');
    expect(doc.file).toBe('Москва/strategy_ru.docx');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('test/fixtures/html/strategy_kk.html → the HTML reader even when renamed .txt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sniff-'));
    copyFileSync('test/fixtures/html/strategy_kk.html', join(dir, 'page.txt'));
    const doc = await ingestFile(join(dir, 'page.txt'), opts);
    expect(doc.format).toBe('html');
  });

  it('test/fixtures/docx/zip_not_docx.docx → not_a_document, says it is a ZIP without a document part', async () => {
    const doc = await ingestFile('test/fixtures/docx/zip_not_docx.docx', opts);
    expect(doc.status).toBe('not_a_document');
    expect(doc.message).toMatch(/ZIP/);
  });
});

describe('stripOcrFurniture', () => {
  it('drops the running header and page number that OCR read on a scanned page', () => {
    const keys = new Set(['стратегия развития города караганды до # года']);
    const text = 'Стратегия развития города Караганды до 2030 года\n\nРаздел 1. Развитие кластеров\nТекст абзаца.\n\nСтраница 2 из 3';
    expect(stripOcrFurniture(text, keys)).toBe('\nРаздел 1. Развитие кластеров\nТекст абзаца.\n');
  });

  it('matches a running header whose punctuation OCR misread, by its letters', () => {
    // corpus/samara_complex_development_2030.pdf page 5 (image only): the header's dash came
    // back from tesseract as «“».
    const keys = new Set(['стратегия комплексного развития городского округа самара — учебная редакция']);
    const text = 'Стратегия комплексного развития городского округа Самара “ учебная редакция\n4. Флагманские проекты Стратегии';
    expect(stripOcrFurniture(text, keys)).toBe('4. Флагманские проекты Стратегии');
    // Short lines are not matched by letters alone.
    expect(stripOcrFurniture('Итоги\nТекст.', new Set(['итоги:']))).toBe('Итоги\nТекст.');
  });
});
