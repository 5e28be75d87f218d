// Layout rules on hand-made lines (positions in PDF points, A4, 12 pt body text), for
// features the PDF fixtures do not contain: tables of contents with dot leaders and page
// numbers in a separate column, and furniture repeated across pages.
import { describe, expect, it } from 'vitest';
import { layoutPage, type LayoutContext } from '../../src/ingest/pdf/layout.js';
import { findFurniture } from '../../src/ingest/pdf/furniture.js';
import type { Line } from '../../src/ingest/pdf/runs.js';

function line(text: string, x0: number, y: number, opts: Partial<Line> = {}): Line {
  const x1 = opts.x1 ?? x0 + text.length * 5.6;
  return { segments: opts.segments ?? [{ text, x0, x1 }], text, x0, x1, y, size: 12, artifact: false, hadFootnoteRef: false, bodyX0: x0, ...opts };
}
const ctx: LayoutContext = { bodySize: 12, headingLevel: (s) => (s >= 14 ? 1 : undefined), leading: () => 13.8, pageHeight: 842 };

describe('layoutPage', () => {
  it('makes TOC lines with dot leaders blocks of kind toc, page number kept', () => {
    const blocks = layoutPage(
      [
        line('Содержание', 250, 760, { size: 14 }),
        line('Раздел 1. Анализ текущего положения ........................ 5', 85, 730, { x1: 553 }),
        line('Раздел 2. Развитие кластеров ................................... 14', 85, 716, { x1: 553 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => [b.kind, b.lines.join(' ')])).toEqual([
      ['heading', 'Содержание'],
      ['toc', 'Раздел 1. Анализ текущего положения 5'],
      ['toc', 'Раздел 2. Развитие кластеров 14'],
    ]);
  });

  it('makes tabbed TOC lines (title, page number column) toc blocks, not table rows', () => {
    const entry = (title: string, page: string, y: number): Line =>
      line(`${title} ${page}`, 85, y, { x1: 553, segments: [{ text: title, x0: 85, x1: 300 }, { text: page, x0: 540, x1: 553 }] });
    const blocks = layoutPage([entry('Введение', '3', 730), entry('Миссия и видение', '7', 716), entry('Кластерная политика', '12', 702)], ctx);
    expect(blocks.map((b) => b.kind)).toEqual(['toc', 'toc', 'toc']);
  });

  it('splits paragraphs at a first-line indent and at a line that ends short', () => {
    const blocks = layoutPage(
      [
        line('Первый абзац начинается с отступа и продолжается', 120, 700, { x1: 553 }),
        line('на следующей строке до конца.', 85, 686.2, { x1: 250 }),
        line('Второй абзац тоже с отступа.', 120, 672.4, { x1: 300 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => b.lines.length)).toEqual([2, 1]);
  });
});

describe('layoutPage: a dash at the start of a line', () => {
  // Justified text (right edge 553) in which Word wrapped the dash of running text to the
  // start of a line, as in the strategy where this cut a priority in two.
  it('continues the sentence when the line before is full, unpunctuated, and the text goes on in lower case', () => {
    const blocks = layoutPage(
      [
        line('Приоритетом является развитие кластеров в высокотехнологичных отраслях', 120, 700, { x1: 553 }),
        line('– радиоэлектронике, авиастроению и производстве композитных материалов.', 85, 686.2, { x1: 500 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => [b.kind, b.lines.join(' ')])).toEqual([
      ['paragraph', 'Приоритетом является развитие кластеров в высокотехнологичных отраслях – радиоэлектронике, авиастроению и производстве композитных материалов.'],
    ]);
  });

  it('an enumeration that goes on with a number stays in the sentence too', () => {
    const blocks = layoutPage(
      [
        line('Объём инвестиций участников туристского кластера к 2030 году составит не менее', 85, 700, { x1: 553 }),
        line('– 12 млрд рублей.', 85, 686.2, { x1: 190 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('real list items still split: after a colon, after «;», after a short line, or in upper case', () => {
    const blocks = layoutPage(
      [
        line('Приоритетами кластерной политики являются:', 120, 700, { x1: 400 }),
        line('– формирование туристско-рекреационного кластера;', 85, 686.2, { x1: 420 }),
        line('– развитие IT-кластера', 85, 672.4, { x1: 230 }),
        line('– поддержка агропромышленного кластера в части переработки продукции и сбыта', 85, 658.6, { x1: 553 }),
        line('– Создание центра кластерного развития.', 85, 644.8, { x1: 330 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list_item', 'list_item', 'list_item', 'list_item']);
  });
});

describe('findFurniture', () => {
  it('removes lines repeated at page edges (digits ignored) but keeps larger section headings', () => {
    const page = (n: number, heading: boolean) => ({
      height: 842,
      lines: [
        line('Стратегия развития города до 2030 года', 215, 800, { size: 9 }),
        ...(heading ? [line(`Раздел ${n}. Кластеры`, 130, 765, { size: 14 })] : []),
        line('Текст страницы о кластерной политике города и её целях.', 85, 740),
        line(`Страница ${n} из 5`, 490, 36, { size: 9 }),
      ],
    });
    const pages = [page(1, true), page(2, false), page(3, false), page(4, true), page(5, false)];
    const furniture = findFurniture(pages, 12);
    expect(pages[0]!.lines.filter((_, i) => furniture[0]!.has(i)).map((l) => l.text)).toEqual(['Стратегия развития города до 2030 года', 'Страница 1 из 5']);
    expect(furniture[3]!.has(1)).toBe(false);
  });
});

describe('heading levels', () => {
  it('nests numbered headings of one size by their numbering depth', () => {
    const blocks = layoutPage([line('2. Стратегические цели', 85, 760, { size: 14 }), line('2.1. Кластерная политика', 85, 730, { size: 14 })], ctx);
    expect(blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 11],
      ['heading', 12],
    ]);
  });
});

describe('tables', () => {
  it('joins a label cell returned as its own line with the numbers on its baseline; a caption under the table stays a paragraph', () => {
    // Shaped like a LibreOffice table with a centred header row and left-aligned labels.
    const seg = (text: string, x0: number) => ({ text, x0, x1: x0 + text.length * 5 });
    const row = (y: number, cells: [string, number][]): Line =>
      line(cells.map((c) => c[0]).join(' '), cells[0]![1], y, { size: 10, segments: cells.map(([t, x]) => seg(t, x)), x1: 510 });
    const blocks = layoutPage(
      [
        row(450.8, [['Показатель', 105], ['2020', 241.7], ['2023', 482.7]]),
        line('Численность населения,', 73.8, 433, { size: 10 }),
        line('тыс. человек', 73.8, 421.5, { size: 10 }),
        row(433, [['1 055', 194.3], ['1 027', 435.3]]),
        line('Инвестиции, млрд руб.', 73.8, 404, { size: 10 }),
        row(404, [['121', 199], ['158', 440]]),
        line('Таблица 1. Основные показатели.', 73.8, 380, { size: 10 }),
      ],
      { ...ctx, leading: (s) => (s === 10 ? 11.5 : 13.8) },
    );
    const text = (b: (typeof blocks)[number]): string => (b.cells ? b.cells.map((c) => c.join(' ')).join(' | ') : b.lines.join(' '));
    expect(blocks.map((b) => [b.kind, text(b)])).toEqual([
      ['table_row', 'Показатель | 2020 | 2023'],
      ['table_row', 'Численность населения, тыс. человек | 1 055 | 1 027'],
      ['table_row', 'Инвестиции, млрд руб. | 121 | 158'],
      ['paragraph', 'Таблица 1. Основные показатели.'],
    ]);
  });
});

describe('centred lines', () => {
  it('joins a centred line continued in lower case, keeps separate centred lines apart', () => {
    const c = (text: string, y: number, width: number): Line => line(text, 297 - width / 2, y, { x1: 297 + width / 2 });
    const blocks = layoutPage(
      [
        c('Администрация города', 700, 120),
        c('Учебная редакция для проверки программы. Текст и', 600, 300),
        c('цифры условные.', 586.2, 90),
      ],
      ctx,
    );
    expect(blocks.map((b) => b.lines.join(' '))).toEqual(['Администрация города', 'Учебная редакция для проверки программы. Текст и цифры условные.']);
  });
});

describe('list markers', () => {
  it('takes the private-use bullet of Word\'s Symbol font («\\uF0B7») as a list marker and drops it', () => {
    const blocks = layoutPage(
      [
        line('Приоритетами являются:', 120, 700, { x1: 260 }),
        line('\uF0B7 развитие туристского кластера;', 103, 686.2, { bodyX0: 121, x1: 320 }),
        line('\uF0B7 поддержка IT-кластера.', 103, 672.4, { bodyX0: 121, x1: 280 }),
      ],
      ctx,
    );
    expect(blocks.map((b) => [b.kind, b.lines.join(' ')])).toEqual([
      ['paragraph', 'Приоритетами являются:'],
      ['list_item', 'развитие туристского кластера;'],
      ['list_item', 'поддержка IT-кластера.'],
    ]);
  });
});

describe('blocksFromPlainText: a wrapped dash in OCR text without word boxes', () => {
  it('continues the sentence after a long unpunctuated line; after a colon it is an item', async () => {
    const { blocksFromPlainText } = await import('../../src/ingest/pdf/plain-text.js');
    const blocks = blocksFromPlainText('Приоритетом является развитие кластеров в высокотехнологичных отраслях\n– радиоэлектронике и авиастроению.\n\nЗадачи:\n– развитие туризма;');
    expect(blocks.map((b) => [b.kind, b.lines.length])).toEqual([
      ['paragraph', 2],
      ['paragraph', 1],
      ['list_item', 1],
    ]);
  });
});
