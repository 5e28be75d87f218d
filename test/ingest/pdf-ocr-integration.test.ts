// How the PDF reader uses OCR, with the OCR module replaced so these tests run the same with
// or without tesseract (the real engine is tested in ocr.test.ts). Fixture:
// ../shared/data/pdf/mixed_scanned.pdf (text page, image-only page, text page).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrPageResult, OcrProbe } from '../../src/ingest/ocr.js';

const state: { probe: OcrProbe; results: Map<number, OcrPageResult>; asked: number[][] } = {
  probe: { available: true, version: 'test' },
  results: new Map(),
  asked: [],
};
vi.mock('../../src/ingest/ocr.js', () => ({
  probeOcr: async () => state.probe,
  ocrPdfPages: async (_path: string, pages: number[]) => {
    state.asked.push(pages);
    return new Map(pages.map((p) => [p, state.results.get(p) ?? { ok: false, error: 'tesseract exited with code 1' }]));
  },
}));

const { ingestFile } = await import('../../src/ingest/index.js');
const FILE = '../shared/data/pdf/mixed_scanned.pdf';

// What OCR of page 2 looks like: header, text with a hyphenated line end, a list, the footer.
const PAGE2 = [
  'Стратегия развития города Караганды до 2030 года',
  '',
  'Раздел 1. Приоритетное направление 1: развитие кластеров',
  '',
  'Ключевым инструментом является кластерная поли-',
  'тика города.',
  '',
  'Основными задачами являются:',
  '• создание условий для бизнеса;',
  '• развитие инфраструктуры.',
  '',
  'Страница 2 из 3',
].join('\n');

beforeEach(() => {
  state.probe = { available: true, version: 'test' };
  state.results = new Map();
  state.asked = [];
});

describe('OCR in the PDF reader', () => {
  it('auto: OCRs only the image-only page; its blocks are marked ocr, header and footer dropped', async () => {
    state.results.set(2, { ok: true, text: PAGE2, meanConfidence: 91 });
    const doc = await ingestFile(FILE, { ocr: 'auto', timeoutMs: 60_000, ocrConcurrency: 1 });
    expect(state.asked).toEqual([[2]]);
    expect(doc.status).toBe('ok');
    expect(doc.ocrPages).toEqual([2]);
    expect(doc.unreadablePages).toEqual([]);
    const page = doc.pages[1]!;
    expect(page.ocr).toBe(true);
    expect(page.triage).toBe('no_text');
    expect(page.blocks.every((b) => b.ocr)).toBe(true);
    expect(page.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Раздел 1. Приоритетное направление 1: развитие кластеров'],
      ['paragraph', 'Ключевым инструментом является кластерная политика города.'],
      ['paragraph', 'Основными задачами являются:'],
      ['list_item', 'создание условий для бизнеса;'],
      ['list_item', 'развитие инфраструктуры.'],
    ]);
    expect(page.blocks[3]!.leadIn).toBe('Основными задачами являются:');
    expect(doc.pages[0]!.ocr).toBe(false);
  });

  it('auto without tesseract: partial, the message names the page and the install command', async () => {
    state.probe = { available: false, missing: ['tesseract'], install: 'sudo apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz' };
    const doc = await ingestFile(FILE, { ocr: 'auto', timeoutMs: 60_000 });
    expect(state.asked).toEqual([]);
    expect(doc.status).toBe('partial');
    expect(doc.unreadablePages).toEqual([2]);
    expect(doc.message).toContain('2 (1 page no text layer');
    expect(doc.message).toContain('sudo apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz');
  });

  it('auto with OCR failing on the page: partial, never ok', async () => {
    const doc = await ingestFile(FILE, { ocr: 'auto', timeoutMs: 60_000 });
    expect(doc.status).toBe('partial');
    expect(doc.pages[1]!.note).toMatch(/OCR failed: tesseract exited/);
  });

  it('force: asks for every page; a page whose OCR fails keeps its text layer', async () => {
    state.results.set(2, { ok: true, text: PAGE2, meanConfidence: 91 });
    const doc = await ingestFile(FILE, { ocr: 'force', timeoutMs: 60_000 });
    expect(state.asked).toEqual([[1, 2, 3]]);
    expect(doc.status).toBe('ok');
    expect(doc.ocrPages).toEqual([2]);
    expect(doc.pages[0]!.blocks[0]!.text).toBe('Стратегия социально-экономического развития города Караганды до 2030 года');
    expect(doc.pages[0]!.note).toMatch(/OCR failed \(text layer kept\)/);
  });
});
