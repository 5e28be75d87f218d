// Parsing of tesseract's TSV output (src/ingest/ocr/tsv.ts). The rows are shaped like those
// tesseract 5.3 printed for ../shared/data/pdf/scanned_page.pdf, shortened.
import { describe, expect, test } from 'vitest';
import { parseTesseractTsv, restoreBullet } from '../../src/ingest/ocr/tsv.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (block: number, par: number, line: number, n: number, conf: number, text: string): string =>
  `5\t1\t${block}\t${par}\t${line}\t${n}\t100\t100\t50\t30\t${conf}\t${text}`;
const structure = (level: number, block: number, par: number, line: number): string =>
  `${level}\t1\t${block}\t${par}\t${line}\t0\t0\t0\t100\t100\t-1\t`;

describe('parseTesseractTsv', () => {
  test('words join into lines, lines into paragraphs separated by a blank line; mean word confidence', () => {
    const tsv = [
      HEADER,
      structure(1, 0, 0, 0),
      structure(2, 1, 0, 0),
      structure(3, 1, 1, 0),
      structure(4, 1, 1, 1),
      word(1, 1, 1, 1, 96, 'Развитие'),
      word(1, 1, 1, 2, 90, 'туристско-'),
      structure(4, 1, 1, 2),
      word(1, 1, 2, 1, 93, 'рекреационного'),
      word(1, 1, 2, 2, 91, 'кластера;'),
      structure(3, 1, 2, 0),
      word(1, 2, 1, 1, 80, 'Страница'),
      word(1, 2, 1, 2, 70, '2'),
      word(2, 1, 1, 1, -1, ' '), // a non-word row with a conf of -1 is ignored
      '',
    ].join('\n');
    const parsed = parseTesseractTsv(tsv);
    expect(parsed).toMatchObject({
      text: 'Развитие туристско-\nрекреационного кластера;\n\nСтраница 2',
      meanConfidence: 86.7,
      wordCount: 6,
    });
    // The same words with their boxes, line by line, keyed by tesseract's paragraph.
    expect(parsed.lines.map((l) => [l.paragraph, l.words.map((w) => w.text).join(' ')])).toEqual([
      ['1/1/1', 'Развитие туристско-'],
      ['1/1/1', 'рекреационного кластера;'],
      ['1/1/2', 'Страница 2'],
    ]);
  });

  test('a page without words is empty text with confidence 0', () => {
    expect(parseTesseractTsv(`${HEADER}\n${structure(1, 0, 0, 0)}\n`)).toMatchObject({ text: '', meanConfidence: 0, wordCount: 0, lines: [] });
    expect(parseTesseractTsv('')).toEqual({ text: '', meanConfidence: 0, wordCount: 0, lines: [], width: 0, height: 0 });
  });
});

describe('restoreBullet (bullets tesseract misreads, seen on scanned_page.pdf)', () => {
  test('a lone mark or one glued to a lower-case word becomes •', () => {
    expect(restoreBullet(['°', 'создание', 'условий'])).toEqual(['•', 'создание', 'условий']);
    expect(restoreBullet(['“обеспечение', 'экологической'])).toEqual(['•', 'обеспечение', 'экологической']);
  });

  test('quotes, numbers and capitalised words are left alone', () => {
    expect(restoreBullet(['“Северный', 'код”'])).toEqual(['“Северный', 'код”']);
    expect(restoreBullet(['“умной”', 'экономики'])).toEqual(['“умной”', 'экономики']);
    expect(restoreBullet(['*', '2030'])).toEqual(['*', '2030']);
    expect(restoreBullet(['Раздел', '1.'])).toEqual(['Раздел', '1.']);
  });
});
