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
    // A cell border read as «|АО» is not text, and does not open a fifth column. (The row's
    // third cell still runs into its second: the gap between them is narrower than a cell gap.)
    const row = blocks.find((b) => b.text.startsWith('1 | '))!;
    expect(row.text).not.toContain('|АО');
    expect(row.text.split(' | ')).toHaveLength(4);
  });
});
