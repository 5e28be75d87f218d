// PDFs made by other means than LibreOffice, each with a truth file (one paragraph, list item
// or table row per line) and a script that makes it:
//  - test/fixtures/pdf/standard14_latin.pdf: written by hand in non-embedded Helvetica
//    (scripts/fixtures/make-standard14-pdf.ts); its last page holds only the running header
//    and the page number;
//  - test/fixtures/pdf/chromium_print.pdf: printed by Debian's Chromium (Skia/PDF; subset
//    DejaVu fonts, header and page numbers in CSS margin boxes; scripts/fixtures/make-chromium-pdf.ts),
//    its last page too holding only the header and the page number;
//  - test/fixtures/pdf/xetex.pdf: typeset by XeTeX (plain format, DejaVu Serif, xdvipdfmx;
//    scripts/fixtures/make-xetex-pdf.ts), justified, a running header, page numbers and a dash
//    list set with TeX's hanging \item;
//  - test/fixtures/pdf/lualatex.pdf: typeset by LuaLaTeX (article class, fontspec DejaVu Serif,
//    babel's Russian; scripts/fixtures/make-lualatex-pdf.ts): numbered \section headings whose
//    number stands a quad from the title, an enumerate list with hanging «1)» labels, a dash
//    itemize, a footnote, a ruled table with a two-line cell;
//  - test/fixtures/pdf/ps2pdf.pdf: a Kazakh page typeset by LuaLaTeX, printed to PostScript by
//    pdftops and distilled by Ghostscript's ps2pdf (scripts/fixtures/make-ps2pdf-pdf.ts), which
//    drops the fonts' Unicode maps: the text layer is unreadable, so the page must be OCR'd;
//  - test/fixtures/pdf/tesseract_sandwich.pdf: a page image under tesseract's invisible text
//    (scripts/fixtures/make-sandwich-pdf.ts; the page is sample_ru.pdf's page 2, truth
//    test/fixtures/ocr/scanned_page.truth.txt).
import { describe, expect, test } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { blocksOf, exactShare, missedLines, truthLines } from '../../bench/truth.js';
import { probeOcr } from '../../src/ingest/ocr.js';

const DIR = 'test/fixtures/pdf';
const read = (name: string) => ingestFile(`${DIR}/${name}`, { ocr: 'auto', timeoutMs: 60_000 });

describe('standard14_latin.pdf (Helvetica, not embedded)', () => {
  test('Latin text in a standard-14 font reads normally, even a page without any English function word', async () => {
    const doc = await read('standard14_latin.pdf');
    expect(doc.pages.map((p) => p.triage)).toEqual(['ok', 'ok', 'ok', 'blank']);
    expect(doc.ocrPages).toEqual([]);
    const truth = truthLines(`${DIR}/standard14_latin.truth.txt`);
    expect(missedLines(truth, blocksOf(doc))).toEqual([]);
    expect(exactShare(truth, blocksOf(doc))).toBe(1);
  });

  test('the last page, only header and page number, is blank: not unreadable, not sent to OCR, and the document is ok', async () => {
    const doc = await read('standard14_latin.pdf');
    expect(doc).toMatchObject({ status: 'ok', unreadablePages: [], message: '' });
    expect(doc.pages[3]).toMatchObject({ triage: 'blank', blocks: [], ocr: false });
  });
});

describe('chromium_print.pdf (Chromium print to PDF)', () => {
  test('every truth line comes out as one block; the running header and page numbers are dropped', async () => {
    const doc = await read('chromium_print.pdf');
    const truth = truthLines(`${DIR}/chromium_print.truth.txt`);
    expect(missedLines(truth, blocksOf(doc))).toEqual([]);
    expect(blocksOf(doc).join('\n')).not.toMatch(/Страница \d|Стратегия развития Северогорска до 2035 года/);
  });

  test('its last page, only margin boxes, is blank and the document ok', async () => {
    const doc = await read('chromium_print.pdf');
    expect(doc).toMatchObject({ status: 'ok', unreadablePages: [], ocrPages: [] });
    expect(doc.pages.map((p) => p.triage)).toEqual(['ok', 'blank']);
  });
});

describe('tesseract_sandwich.pdf (a scan with another OCR\'s invisible text)', () => {
  test('without OCR its hidden text layer is read: status ok, the page\'s sentences there', async () => {
    const doc = await ingestFile(`${DIR}/tesseract_sandwich.pdf`, { ocr: 'off', timeoutMs: 60_000 });
    expect(doc).toMatchObject({ status: 'ok', ocrPages: [] });
    expect(doc.pages[0]?.text).toContain('Поддержка инновационного кластера');
  });

  test('with OCR the page is read again through this tool\'s layout, keeping sentences whole', async (ctx) => {
    if (!(await probeOcr()).available) ctx.skip();
    const doc = await read('tesseract_sandwich.pdf');
    expect(doc).toMatchObject({ status: 'ok', ocrPages: [1] });
    // The hidden layer breaks this sentence at a line end («…города Караганды до 2030 года (да-» / «лее — Стратегия)…»).
    expect(blocksOf(doc).some((b) => b.startsWith('Стратегия социально-экономического развития') && b.endsWith('структуры экономики.'))).toBe(true);
  }, 60_000);
});

describe('xetex.pdf (XeTeX with DejaVu Serif)', () => {
  test('every truth line comes out as one block, list items with their hanging lines', async () => {
    const doc = await read('xetex.pdf');
    expect(doc).toMatchObject({ status: 'ok', unreadablePages: [] });
    const truth = truthLines(`${DIR}/xetex.truth.txt`);
    expect(missedLines(truth, blocksOf(doc))).toEqual([]);
    expect(doc.pages[0]!.blocks.filter((b) => b.kind === 'list_item').map((b) => b.leadIn)).toEqual(Array(3).fill('Основными мерами поддержки участников кластеров являются:'));
    expect(blocksOf(doc).join('\n')).not.toMatch(/Страница \d|Стратегия развития Северогорска/);
  });
});

describe('lualatex.pdf (LuaLaTeX with DejaVu Serif)', () => {
  test('every truth line comes out as one block: «1 Title» a heading, hanging «1)» items whole, the footnote apart', async () => {
    const doc = await read('lualatex.pdf');
    expect(doc).toMatchObject({ status: 'ok', unreadablePages: [], ocrPages: [] });
    const truth = truthLines(`${DIR}/lualatex.truth.txt`);
    expect(missedLines(truth, blocksOf(doc))).toEqual([]);
    const blocks = doc.pages[0]!.blocks;
    expect(blocks.find((b) => b.text === '1 Кластерная политика Приозёрного края')?.kind).toBe('heading');
    expect(blocks.filter((b) => b.kind === 'list_item').map((b) => b.text.slice(0, 14))).toEqual([
      '1) формировани',
      '2) развитие аг',
      '3) создание ту',
      'субсидии на во',
      'льготные займы',
      'консультации ц',
    ]);
  });
});

describe('ps2pdf.pdf (Ghostscript from PostScript, no Unicode maps)', () => {
  test('without OCR the page is garbled and the document needs OCR: never ok, never read as text', async () => {
    const doc = await ingestFile(`${DIR}/ps2pdf.pdf`, { ocr: 'off', timeoutMs: 60_000 });
    expect(doc.status).toBe('needs_ocr');
    expect(doc.pages[0]!.triage).toBe('garbled');
    expect(blocksOf(doc)).toEqual([]);
  });

  test('with OCR every truth line comes out as one block, the ruled indicator table as rows', async (ctx) => {
    if (!(await probeOcr()).available) ctx.skip();
    const doc = await read('ps2pdf.pdf');
    expect(doc).toMatchObject({ status: 'ok', ocrPages: [1] });
    expect(missedLines(truthLines(`${DIR}/ps2pdf.truth.txt`), blocksOf(doc))).toEqual([]);
  }, 60_000);
});
