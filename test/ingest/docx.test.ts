// DOCX reading. Fixtures: test/fixtures/docx/, built by scripts/fixtures/make-docx-fixtures.ts
// (original texts; they open in LibreOffice). Block.page is the page Word recorded
// (w:lastRenderedPageBreak) when the file has them, else the 1-based paragraph number
// (doc.locator says which); none of the fixtures but word_rendered_pages.docx records pages.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { readDocx } from '../../src/ingest/docx.js';
import type { IngestedDocument } from '../../src/records.js';
import { blocks, expectConsistent, find } from './sectioned-helpers.js';

const DIR = 'test/fixtures/docx';

async function read(name: string): Promise<IngestedDocument> {
  const path = `${DIR}/${name}`;
  return readDocx(path, new Uint8Array(await readFile(path)));
}

/** Invariants every reader must keep, plus: DOCX pages are text (never OCR) and blocks are trimmed, clean lines. */
function expectDocxConsistent(doc: IngestedDocument): void {
  for (const page of doc.pages) expect([page.triage, page.ocr]).toEqual(['ok', false]);
  expectConsistent(doc, (b) => expect(b.text).not.toMatch(/\n|^\s|\s$|\u00AD|\u00A0/));
}

describe('readDocx: strategy_ru.docx (Russian, every block kind)', () => {
  test('is read with status ok and a sha256; without recorded pages every paragraph is numbered, a note sharing its citing paragraph\'s number', async () => {
    const doc = await read('strategy_ru.docx');
    expect(doc).toMatchObject({ file: `${DIR}/strategy_ru.docx`, format: 'docx', status: 'ok', locator: 'paragraph', pageCount: 31, unreadablePages: [], ocrPages: [] });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expectDocxConsistent(doc);
    expect(doc.pages.map((p) => p.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    for (const page of doc.pages) expect(page.blocks.filter((b) => b.kind !== 'footnote' && b.kind !== 'list_item').length).toBeLessThanOrEqual(1);
    expect(find(doc, 'Северогорск – промышленный центр').page).toBe(find(doc, 'По данным территориального органа').page);
  });

  test('numbered list items keep their lead-in; a nested list is introduced by its parent item', async () => {
    const doc = await read('strategy_ru.docx');
    const item = find(doc, 'Формирование туристско-рекреационного кластера;');
    expect(item).toMatchObject({
      kind: 'list_item',
      page: 16,
      leadIn: 'Приоритетами кластерной политики городского округа являются:',
      headingPath: ['2. Стратегические цели и задачи'],
    });
    expect(find(doc, 'открытие центра коллективного пользования;')).toMatchObject({
      kind: 'list_item',
      leadIn: 'Содействие созданию кластера информационных технологий, включая:',
    });
  });

  test('list items from a list style and from typed dashes; dash markers dropped', async () => {
    const doc = await read('strategy_ru.docx');
    expect(find(doc, 'субсидии на компенсацию части затрат;')).toMatchObject({ kind: 'list_item', leadIn: 'Инструменты реализации:' });
    expect(find(doc, 'рост объёма инвестиций в основной капитал;')).toMatchObject({
      kind: 'list_item',
      leadIn: 'Ожидаемые результаты:',
      headingPath: ['2. Стратегические цели и задачи', '2.1. Меры поддержки'],
    });
  });

  test('table rows join cells with " | " and a multi-paragraph cell becomes one cell', async () => {
    const doc = await read('strategy_ru.docx');
    const rows = blocks(doc).filter((b) => b.kind === 'table_row').map((b) => b.text);
    expect(rows).toEqual([
      'Фактор | Оценка | Комментарий',
      'Кадровый потенциал | сильная сторона | Два колледжа и филиал технического университета',
      'Транспортная доступность | слабая сторона | Нет прямого железнодорожного сообщения с областным центром',
    ]);
    expect(find(doc, 'Фактор').headingPath).toEqual(['1. Анализ текущего положения', '1.1. Сильные и слабые стороны']);
  });

  test('table of contents lines are toc blocks, not body text or headings', async () => {
    const doc = await read('strategy_ru.docx');
    const toc = blocks(doc).filter((b) => b.kind === 'toc').map((b) => b.text);
    expect(toc).toEqual(['Оглавление', '1. Анализ текущего положения 3', '2. Стратегические цели и задачи 7', '3. Механизмы реализации 12']);
    expect(blocks(doc).filter((b) => b.kind === 'heading')).toHaveLength(6);
  });

  test('footnote and endnote follow the paragraph citing them; tracked deletions, field codes and the running header are left out', async () => {
    const doc = await read('strategy_ru.docx');
    const para = find(doc, 'Северогорск – промышленный центр');
    const next = doc.pages[para.page - 1]?.blocks[para.index + 1];
    expect(next).toMatchObject({ kind: 'footnote', text: 'По данным территориального органа статистики на 1 января 2024 года.' });
    const cited = find(doc, 'На территории города действует');
    expect(doc.pages[cited.page - 1]?.blocks[cited.index + 1]).toMatchObject({
      kind: 'footnote',
      text: 'Перечень предприятий – участников кластера приведён в приложении 2.',
    });
    expect(para.text).toBe('Северогорск – промышленный центр северной части области с населением 212,4 тыс. человек. Более трети занятых работает в обрабатывающих производствах.');
    expect(find(doc, 'Поддержка предоставляется').text).toBe('Поддержка предоставляется в форме субсидий и грантов участникам кластеров.');
    const all = doc.pages.map((p) => p.text).join('\n');
    expect(all).not.toContain('колонтитул');
    expect(all).not.toContain('TOC \\o');
    expect(all).not.toContain('грантовсубсидий');
  });

  test('soft hyphen, non-breaking hyphen, NBSP and a hyperlink come out as plain text', async () => {
    const doc = await read('strategy_ru.docx');
    expect(find(doc, 'Проведение').text).toBe('Проведение научно-исследовательских работ в интересах кластера поддерживается городом.');
    // A page break inside a paragraph leaves it one paragraph.
    expect(find(doc, 'План мероприятий')).toMatchObject({
      page: 31,
      text: 'План мероприятий утверждается постановлением администрации. Отчёт о реализации публикуется на сайте администрации города.',
    });
  });
});

describe('readDocx: other documents', () => {
  test('strategy_kk.docx: Russian-Word style names («Заголовок 1»), an outline level and a style based on a heading', async () => {
    const doc = await read('strategy_kk.docx');
    expect(doc.status).toBe('ok');
    expectDocxConsistent(doc);
    expect(blocks(doc).filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Көктөбе қаласының 2050 жылға дейінгі даму стратегиясы',
      '1. Қаланың экономикасы',
      '1.1. Басым бағыттар',
      '2. Іске асыру тетіктері',
    ]);
    expect(find(doc, 'туристік кластерді қалыптастыру;')).toMatchObject({
      kind: 'list_item',
      page: 6,
      leadIn: 'Басым бағыттар:',
      headingPath: ['1. Қаланың экономикасы', '1.1. Басым бағыттар'],
    });
    // normalizeText replaced the Latin «i» typed inside a Kazakh word.
    expect(find(doc, 'Қаланың экономикасын').text).toContain('кластерлік саясат іске асырылады');
  });

  test('no_headings.docx: explicit page breaks, pageBreakBefore and a section break do not make page numbers (no reader could find them): paragraphs do', async () => {
    const doc = await read('no_headings.docx');
    expectDocxConsistent(doc);
    expect(doc.locator).toBe('paragraph');
    expect(doc.pages.map((p) => [p.number, p.blocks.map((b) => b.text.split(':')[0])])).toEqual([
      [1, ['Первая часть']],
      [2, ['Программа рассчитана на 2025–2030 годы.']],
      [3, ['Вторая часть']],
      [4, ['Третья часть']],
      [5, ['Объём финансирования составит 4,2 млрд рублей.']],
      [6, ['Четвёртая часть']],
    ]);
    expect(blocks(doc).every((b) => b.kind === 'paragraph' && b.headingPath.length === 0)).toBe(true);
  });

  test('typed_by_hand.docx: without heading styles, short all-bold lines are headings; typed markers make list items', async () => {
    const doc = await read('typed_by_hand.docx');
    expectDocxConsistent(doc);
    expect(blocks(doc).filter((b) => b.kind === 'heading').map((b) => [b.text, b.page])).toEqual([
      ['Программа развития промышленности города Северогорска на 2025–2030 годы', 1],
      ['1. Общие положения', 2],
      ['1.1. Цель программы', 4],
      ['2. Кластерная политика', 6],
    ]);
    // Lines split by Shift+Enter are one paragraph, so they share its number.
    expect(blocks(doc).filter((b) => b.page === 7).map((b) => b.kind)).toEqual(['paragraph', 'list_item', 'list_item']);
    expect(find(doc, 'Цель программы –').headingPath).toEqual(['1. Общие положения', '1.1. Цель программы']);
    // Lines split by Shift+Enter: the lead-in and two «– » items.
    expect(blocks(doc).filter((b) => b.kind === 'list_item').map((b) => [b.text, b.leadIn])).toEqual([
      ['формирование кластера строительных материалов;', 'Задачи программы:'],
      ['развитие машиностроительного кластера.', 'Задачи программы:'],
      ['субсидирование процентной ставки по кредитам;', 'Меры поддержки участников кластеров:'],
      ['компенсация затрат на сертификацию продукции.', 'Меры поддержки участников кластеров:'],
    ]);
    // A bold sentence and a partly bold paragraph stay paragraphs.
    expect(find(doc, 'Участие в кластере').kind).toBe('paragraph');
    expect(find(doc, 'Важно:').kind).toBe('paragraph');
  });

  test('word_rendered_pages.docx: the pages Word recorded, also inside a paragraph, in a moved table row and in an empty paragraph', async () => {
    const doc = await read('word_rendered_pages.docx');
    expectDocxConsistent(doc);
    expect(doc.locator).toBe('page');
    expect(doc.pages.map((p) => [p.number, p.blocks.map((b) => b.text.slice(0, 20))])).toEqual([
      [1, ['Программа развития к', 'Программа принята ре']],
      // The explicit page break and the break Word recorded after it are one page.
      [2, ['1. Кластерная полити', 'Приоритетом является']],
      // The paragraph ran over to page 3: what follows it is there.
      [3, ['Второй приоритет – р', 'Кластер | Участники', 'Строительный | 12 пр']],
      [4, ['Туристский | 30 гост']],
      [5, ['Контроль исполнения ']],
    ]);
  });

  test('image_only.docx: a pasted scan is needs_ocr, never an empty ok document', async () => {
    const doc = await read('image_only.docx');
    expect(doc).toMatchObject({ status: 'needs_ocr', pageCount: 0, pages: [] });
    expect(doc.message).toMatch(/no text.*1 embedded image/);
  });
});

describe('readDocx: damaged and wrong inputs', () => {
  test('truncated_60pct.docx is corrupt (ZIP cut off)', async () => {
    const doc = await read('truncated_60pct.docx');
    expect(doc).toMatchObject({ status: 'corrupt', pages: [], pageCount: 0 });
    expect(doc.message).toMatch(/^broken or truncated ZIP archive: /);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('broken_xml.docx is corrupt and names the part and the XML problem', async () => {
    const doc = await read('broken_xml.docx');
    expect(doc.status).toBe('corrupt');
    expect(doc.message).toMatch(/^word\/document\.xml is not well-formed XML: .*(not closed|unexpected|does not match)/);
  });

  test('zip_not_docx.docx (a ZIP without word/document.xml) is not_a_document', async () => {
    expect(await read('zip_not_docx.docx')).toMatchObject({ status: 'not_a_document', message: expect.stringContaining('word/document.xml') });
  });

  test('zero bytes, a legacy .doc header and a PDF given as .docx', async () => {
    expect(await readDocx('empty.docx', new Uint8Array())).toMatchObject({ status: 'empty', sha256: '' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await readDocx('old.doc', ole)).toMatchObject({ status: 'not_a_document', message: expect.stringContaining('.doc') });
    const pdf = new Uint8Array(await readFile('../shared/data/pdf/twocol.pdf'));
    expect(await readDocx('twocol.docx', pdf)).toMatchObject({ status: 'not_a_document', message: expect.stringContaining('not a ZIP') });
  });
});
