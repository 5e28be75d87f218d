// Joining a paragraph or list item that runs over a page break (src/ingest/pdf/assemble.ts).
// The blocks are shaped like those of corpus/strategiya_2030_proekt.pdf pages 3–4, where a
// list item's last word went to the next page at the item's hanging indent.
import { describe, expect, it } from 'vitest';
import { emptyVocabulary } from '../../src/ingest/hyphenation.js';
import { assemblePages, type PageDraft } from '../../src/ingest/pdf/assemble.js';
import type { RawBlock } from '../../src/ingest/pdf/layout.js';

function block(kind: RawBlock['kind'], lines: string[], flags: Partial<RawBlock> = {}): RawBlock {
  return { kind, lines, size: 12, openEnd: false, continuation: false, ...flags };
}

function page(number: number, blocks: RawBlock[]): PageDraft {
  return { number, triage: 'ok', blocks, ocr: false, unreadable: false };
}

describe('assemblePages across a page break', () => {
  it('joins a list item cut mid-sentence with a lower-case head on the next page', () => {
    const pages = assemblePages(
      [
        page(3, [block('list_item', ['«Небо Казани» — испытательный полигон для участников кластера беспилотной'])]),
        page(4, [block('paragraph', ['авиации;']), block('paragraph', ['Следующий абзац начинается здесь.'])]),
      ],
      emptyVocabulary(),
    );
    expect(pages[0]!.blocks.map((b) => b.text)).toEqual([
      '«Небо Казани» — испытательный полигон для участников кластера беспилотной авиации;',
    ]);
    expect(pages[1]!.blocks.map((b) => b.text)).toEqual(['Следующий абзац начинается здесь.']);
  });

  it('keeps blocks apart when the first ends its sentence or the next starts a new one', () => {
    const ended = assemblePages(
      [page(1, [block('list_item', ['— развитие кластера беспилотной авиации;'])]), page(2, [block('paragraph', ['далее по тексту.'])])],
      emptyVocabulary(),
    );
    expect(ended[1]!.blocks).toHaveLength(1);
    const capital = assemblePages(
      [page(1, [block('paragraph', ['Рисунок 3 Динамика инвестиций'])]), page(2, [block('paragraph', ['Источник: расчёты авторов.'])])],
      emptyVocabulary(),
    );
    expect(capital[1]!.blocks).toHaveLength(1);
  });

  it('undoes a hyphenation break at the page end', () => {
    const pages = assemblePages(
      [page(1, [block('paragraph', ['Город поддержит развитие клас-'])]), page(2, [block('paragraph', ['теров и технопарков.'])])],
      emptyVocabulary(),
    );
    expect(pages[0]!.blocks[0]!.text).toBe('Город поддержит развитие кластеров и технопарков.');
    expect(pages[1]!.blocks).toHaveLength(0);
  });
});

describe('assemblePages on OCR pages: numbered headings', () => {
  // Shaped like corpus/samara_complex_development_2030.pdf: pages 1–4 have a text layer with
  // sized headings, page 5 is an image read by OCR, where every line has the same (no) size.
  const heading = (text: string, level: number): RawBlock => block('heading', [text], { level });
  const ocrPage = (number: number, blocks: RawBlock[]): PageDraft => ({ ...page(number, blocks), ocr: true });

  it('takes a numbered line that continues the headings as a heading of the matching level', () => {
    const pages = assemblePages(
      [
        page(4, [heading('3. Миссия, стратегические цели и задачи', 1), heading('3.1. Цели', 2), block('paragraph', ['Текст.'])]),
        ocrPage(5, [
          block('list_item', ['4. Флагманские проекты Стратегии']),
          block('paragraph', ['Флагманские проекты отобраны по критериям масштаба.']),
          block('list_item', ['4.1. Проект «Аэрокосмическая долина»']),
          block('paragraph', ['Проект предусматривает создание технопарка.']),
        ]),
      ],
      emptyVocabulary(),
    );
    const p5 = pages[1]!.blocks;
    expect(p5.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    expect(p5[3]!.headingPath).toEqual(['4. Флагманские проекты Стратегии', '4.1. Проект «Аэрокосмическая долина»']);
  });

  it('leaves numbered list items as they are: sentence punctuation, lower case, or a number out of sequence', () => {
    const pages = assemblePages(
      [
        page(1, [heading('2. Оценка исходного положения', 1)]),
        ocrPage(2, [
          block('list_item', ['1. Развитие кооперации предприятий;']),
          block('list_item', ['2. подготовка кадров']),
          block('list_item', ['7. Поддержка экспорта']),
        ]),
      ],
      emptyVocabulary(),
    );
    expect(pages[1]!.blocks.map((b) => b.kind)).toEqual(['list_item', 'list_item', 'list_item']);
  });
});
