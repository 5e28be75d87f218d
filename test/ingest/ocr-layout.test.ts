// OCR'd pages laid out from tesseract's word boxes by the text-layer rules. Fixture:
// test/fixtures/ocr/scanned_page.tsv, what tesseract 5 (rus+kaz, --psm 3, 300 dpi) gives for
// ../shared/data/pdf/scanned_page.pdf (a scan of sample_ru.pdf's page 2), recorded with
//   pdftoppm -r 300 -gray -singlefile scanned_page.pdf p && OMP_THREAD_LIMIT=1 tesseract p.pgm stdout -l rus+kaz --dpi 300 --psm 3 tsv
// so that the layout is tested without running tesseract. `make bench-ocr-layout` measures the
// scanned fixtures end to end against test/fixtures/ocr/*.truth.txt.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseTesseractTsv } from '../../src/ingest/ocr/tsv.js';
import { foldOcrTableRows, ocrLayout } from '../../src/ingest/pdf/ocr-lines.js';
import { layoutPage } from '../../src/ingest/pdf/layout.js';
import { emptyVocabulary, joinLines } from '../../src/ingest/hyphenation.js';

const parsed = parseTesseractTsv(readFileSync('test/fixtures/ocr/scanned_page.tsv', 'utf8'));
const { lines, context } = ocrLayout(parsed.lines, parsed.height);
const blocks = foldOcrTableRows(layoutPage(lines, context)).map((b) => ({
  kind: b.kind,
  text: b.kind === 'table_row' ? (b.cells ?? []).map((c) => joinLines(c, emptyVocabulary())).join(' | ') : joinLines(b.lines, emptyVocabulary()),
}));

describe('OCR layout of scanned_page.tsv', () => {
  test('word boxes become lines in points on an A4 page, with the page size from the TSV', () => {
    expect(parsed.height).toBeGreaterThan(3000);
    expect(context.pageHeight).toBeCloseTo(842, -1);
    expect(lines.length).toBeGreaterThan(40);
  });

  test('paragraphs run over their line ends (tesseract cut «…органами» / «местного самоуправления.» apart)', () => {
    const para = blocks.find((b) => b.text.startsWith('Ключевым инструментом'))!;
    expect(para.kind).toBe('paragraph');
    expect(para.text).toMatch(/органами местного самоуправления\.$/);
    const investment = blocks.find((b) => b.text.startsWith('В рамках реализации'))!;
    expect(investment.text).toMatch(/модернизацию оборудования\.$/);
  });

  test('the centred title is a heading; the list keeps its items, its lead-in a paragraph', () => {
    expect(blocks.find((b) => b.text.startsWith('Раздел 1.'))?.kind).toBe('heading');
    expect(blocks.find((b) => b.text === 'Основными задачами по направлению являются:')?.kind).toBe('paragraph');
    const items = blocks.filter((b) => b.kind === 'list_item').map((b) => b.text);
    expect(items).toHaveLength(5);
    expect(items[1]).toMatch(/^привлечение инвестиций .* горно-металлургического и машиностроительного;$/);
  });

  test('a table row whose cells run over several lines is one row', () => {
    const header = blocks.find((b) => b.text.startsWith('№'))!;
    expect(header).toEqual({ kind: 'table_row', text: '№ | Кластер | Ключевые участники | Целевой индикатор к 2030 году' });
    // A cell border read as «|АО» is not text, and does not open a fifth column. tesseract ran
    // the second and third cells into one segment (the gap is narrower than a cell gap); the
    // word at the header's column start cuts them apart again, and the third cell's lines
    // under the row stay in it.
    const row = blocks.find((b) => b.text.startsWith('1 | '))!;
    expect(row.text).not.toContain('|АО');
    expect(row).toEqual({
      kind: 'table_row',
      text: '1 | Горно-металлургический | АО «Карагандинский металлургический комбинат», сервисные компании, КарТУ | Рост производства в 1,5 раза',
    });
  });
});

/** Blocks of a recorded TSV, as read.ts lays out an OCR'd page. */
function layOut(tsv: string): { kind: string; text: string }[] {
  const page = parseTesseractTsv(readFileSync(tsv, 'utf8'));
  const laid = ocrLayout(page.lines, page.height);
  return foldOcrTableRows(layoutPage(laid.lines, laid.context)).map((b) => ({
    kind: b.kind,
    text: b.kind === 'table_row' ? (b.cells ?? []).map((c) => joinLines(c, emptyVocabulary())).join(' | ') : joinLines(b.lines, emptyVocabulary()),
  }));
}

// test/fixtures/ocr/scanned_doc_page3.tsv: tesseract's TSV (same command as above) of page 3 of
// ../shared/data/pdf/scanned_doc.pdf: the end of a ruled table, body paragraphs, then two
// justified columns of three paragraphs each, whose first lines tesseract read as one line
// across the gutter («Первая колонка, абзац первый:   тий.»).
describe('OCR layout of scanned_doc_page3.tsv (two columns)', () => {
  const page = layOut('test/fixtures/ocr/scanned_doc_page3.tsv');

  test('each column paragraph is one block, and the word carried to the right column ends the left column\'s last paragraph', () => {
    const columns = page.filter((b) => /^(Первая|Вторая) колонка/.test(b.text));
    expect(columns.map((b) => b.kind)).toEqual(Array(6).fill('paragraph'));
    expect(columns[0]!.text).toBe('Первая колонка, абзац первый: горно-металлургический кластер остаётся базой промышленного производства города.');
    expect(columns[2]!.text).toMatch(/крупных предприятий\.$/);
    expect(columns[3]!.text).toBe('Вторая колонка, абзац первый: туристско-рекреационный кластер использует природный и исторический потенциал региона.');
  });

  test('the table ends where a full-width paragraph starts, and cells of several lines stay in their row', () => {
    expect(page.filter((b) => b.kind === 'table_row').map((b) => b.text)).toEqual([
      '2 | Туристско-рекреационный | Туроператоры, гостиницы, музеи, акимат города | 600 тыс. туристов в год',
      'З | Агропромышленный | Тепличные хозяйства, перерабатываюшие предприятия | Доля переработки - 70 %',
      '4 | Информационно-коммуникационный | Технопарк, стартапы, университеты | 150 новых ИТ-компаний',
    ]);
    const paragraphs = page.filter((b) => b.kind === 'paragraph' && /^(Численность|Вместе с тем|Целевые индикаторы)/.test(b.text));
    expect(paragraphs).toHaveLength(3);
  });
});

// test/fixtures/ocr/ps2pdf_page.tsv: tesseract's TSV of test/fixtures/pdf/ps2pdf.pdf (Ghostscript
// dropped its Unicode maps, so the page is OCR'd): a two-column ruled table of indicators whose
// vertical rules come out as «|» words, one of them between a cell's last word and the value.
describe('OCR layout of ps2pdf_page.tsv (a ruled indicator table)', () => {
  const page = layOut('test/fixtures/ocr/ps2pdf_page.tsv');

  test('rows of an indicator and its value are table rows, not contents lines, whatever order the values go in', () => {
    expect(page.filter((b) => b.kind === 'table_row').map((b) => b.text)).toEqual([
      'Кластерлер қатысушыларының саны, бірлік | 45',
      'Кластерлер қатысушыларының экспорт көлемі, миллион АҚШ доллары | 30',
    ]);
    expect(page.some((b) => b.kind === 'toc')).toBe(false);
  });
});
