// Every bad-input status with the fixtures of ../shared/data/pdf (README.md there says what
// each one is). OCR is off: pages without usable text must be reported, never passed as read.
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';

const DATA = '../shared/data/pdf';
const opts = { ocr: 'off' as const, timeoutMs: 60_000 };

describe('document statuses', () => {
  it('enc_userpw_aes256.pdf: a user password → encrypted', async () => {
    const doc = await ingestFile(`${DATA}/enc_userpw_aes256.pdf`, opts);
    expect(doc.status).toBe('encrypted');
    expect(doc.message).toMatch(/password/);
    expect(doc.pages).toEqual([]);
  });

  it('enc_ownerpw_rc4_noextract.pdf: owner restrictions only → reads normally', async () => {
    const doc = await ingestFile(`${DATA}/enc_ownerpw_rc4_noextract.pdf`, opts);
    expect(doc.status).toBe('ok');
    expect(doc.pages[1]!.blocks.some((b) => b.text.startsWith('Ключевым инструментом повышения'))).toBe(true);
  });

  it('truncated_sample_60pct.pdf: cut off → corrupt, says so', async () => {
    const doc = await ingestFile(`${DATA}/truncated_sample_60pct.pdf`, opts);
    expect(doc.status).toBe('corrupt');
    expect(doc.message).toMatch(/cut off/);
  });

  it('corrupt_sample.pdf: garbage bytes inside → corrupt even though pdfjs recovers some text', async () => {
    const doc = await ingestFile(`${DATA}/corrupt_sample.pdf`, opts);
    expect(doc.status).toBe('corrupt');
    expect(doc.message).toMatch(/damaged/);
  });

  it('html_saved_as.pdf: an HTML error page named .pdf → not_a_document, message says HTML', async () => {
    const doc = await ingestFile(`${DATA}/html_saved_as.pdf`, opts);
    expect(doc.status).toBe('not_a_document');
    expect(doc.message).toMatch(/HTML page/);
  });

  it('empty.pdf: zero bytes → empty', async () => {
    const doc = await ingestFile(`${DATA}/empty.pdf`, opts);
    expect(doc.status).toBe('empty');
    expect(doc.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('a text file with a .pdf name and a missing file → not_a_document / error, no throw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    writeFileSync(join(dir, 'notes.pdf'), 'Стратегия развития — черновик');
    expect((await ingestFile(join(dir, 'notes.pdf'), opts)).status).toBe('not_a_document');
    const missing = await ingestFile(join(dir, 'nope.pdf'), opts);
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/ENOENT/);
  });

  it('displayName is what provenance records', async () => {
    const doc = await ingestFile(`${DATA}/type3_cyrillic.pdf`, { ...opts, displayName: 'city/type3.pdf' });
    expect(doc.file).toBe('city/type3.pdf');
  });

  it('a 1 ms time limit → timeout, not a hang', async () => {
    const doc = await ingestFile(`${DATA}/sample_ru.pdf`, { ...opts, timeoutMs: 1 });
    expect(doc.status).toBe('timeout');
  });
});

describe('page triage', () => {
  it('scanned_page.pdf: image only → no_text, needs_ocr with OCR off', async () => {
    const doc = await ingestFile(`${DATA}/scanned_page.pdf`, opts);
    expect(doc.status).toBe('needs_ocr');
    expect(doc.pages.map((p) => p.triage)).toEqual(['no_text']);
    expect(doc.unreadablePages).toEqual([1]);
    expect(doc.message).toMatch(/OCR is turned off/);
  });

  it('mixed_scanned.pdf: text, scan, text → partial listing page 2', async () => {
    const doc = await ingestFile(`${DATA}/mixed_scanned.pdf`, opts);
    expect(doc.status).toBe('partial');
    expect(doc.pages.map((p) => p.triage)).toEqual(['ok', 'no_text', 'ok']);
    expect(doc.unreadablePages).toEqual([2]);
    expect(doc.message).toMatch(/pages could not be read: 2 /);
  });

  it('outlined_text.pdf: text turned to curves → no_text on every page', async () => {
    const doc = await ingestFile(`${DATA}/outlined_text.pdf`, opts);
    expect(doc.status).toBe('needs_ocr');
    expect(new Set(doc.pages.map((p) => p.triage))).toEqual(new Set(['no_text']));
  });

  it.each(['no_tounicode.pdf', 'ps2pdf_roundtrip.pdf'])('%s: fonts without a Unicode map → garbled, never ok', async (file) => {
    const doc = await ingestFile(`${DATA}/${file}`, opts);
    expect(doc.status).toBe('needs_ocr');
    expect(new Set(doc.pages.map((p) => p.triage))).toEqual(new Set(['garbled']));
    expect(doc.pages.every((p) => p.blocks.length === 0)).toBe(true);
  });

  it('nonemb_cp1251_winansi.pdf: cp1251 declared as WinAnsi → repaired («Ñòðàòåãèÿ» → «Стратегия»)', async () => {
    const doc = await ingestFile(`${DATA}/nonemb_cp1251_winansi.pdf`, opts);
    expect(doc.status).toBe('ok');
    expect(doc.pages[0]!.triage).toBe('repaired');
    expect(doc.pages[0]!.text).toContain('Стратегия развития города до 2030 года.');
    expect(doc.pages[0]!.text).toContain('агропромышленный кластер и логистика.');
  });

  it('nonemb_differences.pdf and type3_cyrillic.pdf read as they are', async () => {
    const a = await ingestFile(`${DATA}/nonemb_differences.pdf`, opts);
    expect(a.pages[0]!.triage).toBe('ok');
    expect(a.pages[0]!.text).toContain('Кластерная политика: туристский кластер;');
    const b = await ingestFile(`${DATA}/type3_cyrillic.pdf`, opts);
    expect(b.status).toBe('ok');
    expect(b.pages[0]!.text).toBe('Кластерная политика города');
  });

  it('gs_redistilled.pdf: a Ghostscript rewrite keeps its text layer', async () => {
    const doc = await ingestFile(`${DATA}/gs_redistilled.pdf`, opts);
    expect(doc.status).toBe('ok');
    expect(doc.pages.map((p) => p.triage)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a PDF with a .bin name is still read as PDF (content sniffing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    copyFileSync(`${DATA}/type3_cyrillic.pdf`, join(dir, 'download.bin'));
    const doc = await ingestFile(join(dir, 'download.bin'), opts);
    expect(doc.format).toBe('pdf');
    expect(doc.status).toBe('ok');
  });
});
