// HTML reading. Fixtures: test/fixtures/html/ — strategy_kk.html (UTF-8, site chrome around the
// text) and word_saved.html (the markup Word writes when saving a web page, inside an old-style
// layout table) written by hand; the windows-1251 ones built by
// scripts/fixtures/make-html-fixtures.ts. All texts are original.
// HTML has no pages: Block.page is the 1-based section number, a new section at each h1/h2.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import type { IngestedDocument } from '../../src/records.js';
import { blocks, expectConsistent, find } from './sectioned-helpers.js';

const DIR = 'test/fixtures/html';

async function read(name: string): Promise<IngestedDocument> {
  const path = `${DIR}/${name}`;
  return readHtml(path, new Uint8Array(await readFile(path)));
}

/** Invariants every reader must keep, plus: HTML blocks never come from OCR. */
function expectHtmlConsistent(doc: IngestedDocument): void {
  expectConsistent(doc, (b) => expect(b.ocr).toBe(false));
}

describe('readHtml: strategy_kk.html (UTF-8, Kazakh, with site chrome)', () => {
  test('sections start at h1 and h2; headings h1–h3 give the heading path', async () => {
    const doc = await read('strategy_kk.html');
    expect(doc).toMatchObject({ format: 'html', status: 'ok', message: '' });
    expectHtmlConsistent(doc);
    expect(doc.pages.map((p) => p.blocks[0]?.text)).toEqual([
      'Көктөбе қаласының 2050 жылға дейінгі даму стратегиясы',
      '1. Экономиканы әртараптандыру',
      '2. Іске асыру тетіктері',
    ]);
    expect(find(doc, 'Басым бағыттар:')).toMatchObject({
      kind: 'paragraph',
      page: 2,
      headingPath: ['Көктөбе қаласының 2050 жылға дейінгі даму стратегиясы', '1. Экономиканы әртараптандыру', '1.1. Басым бағыттар'],
    });
  });

  test('li are list items with the lead-in; a nested list is introduced by its parent item; the outer list resumes', async () => {
    const doc = await read('strategy_kk.html');
    const items = blocks(doc).filter((b) => b.kind === 'list_item');
    expect(items.map((b) => [b.text, b.leadIn])).toEqual([
      ['туристік кластерді қалыптастыру;', 'Басым бағыттар:'],
      ['агроөнеркәсіптік кластерді дамыту, оның ішінде:', 'Басым бағыттар:'],
      ['жылыжай шаруашылықтарын кеңейту;', 'агроөнеркәсіптік кластерді дамыту, оның ішінде:'],
      ['азық-түлік өнімдерін қайта өңдеу.', 'агроөнеркәсіптік кластерді дамыту, оның ішінде:'],
      ['көлік-логистикалық кластер құру.', 'Басым бағыттар:'],
    ]);
  });

  test('tr are table rows (th and td cells joined with " | "), the caption a paragraph', async () => {
    const doc = await read('strategy_kk.html');
    expect(blocks(doc).filter((b) => b.kind === 'table_row').map((b) => b.text)).toEqual([
      'Кластер | Көрсеткіш | 2030 жыл',
      'Туристік | Туристер саны, мың адам | 450',
      'Агроөнеркәсіптік | Қайта өңдеу үлесі, % | 65',
    ]);
    expect(find(doc, 'Кесте 1.').kind).toBe('paragraph');
  });

  test('script, style, nav, role=navigation, noscript, buttons, doctype and title are dropped', async () => {
    const doc = await read('strategy_kk.html');
    const all = doc.pages.map((p) => p.text).join('\n');
    for (const chrome of ['скриптте', 'font-family', 'Басты бет', 'Кластерлер картасы', 'Сайт картасы', 'JavaScript', 'Жоғары', 'DOCTYPE', 'ресми сайт']) {
      expect(all).not.toContain(chrome);
    }
  });

  test('inline markup, <br>, entities and a Latin look-alike are normalised into one-line blocks', async () => {
    const doc = await read('strategy_kk.html');
    expect(find(doc, 'Қаланың экономикасын').text).toBe('Қаланың экономикасын әртараптандыру үшін кластерлік саясат іске асырылады.');
    expect(find(doc, 'Стратегияның орындалуы').text).toBe('Стратегияның орындалуы жыл сайын қоғамдық кеңесте талқыланады.');
    expect(find(doc, 'Стратегия қаланың').text).toContain('жету жолдарын');
    // A <p> inside a <span> (sloppy CMS markup) is still its own paragraph.
    expect(find(doc, 'Есеп қала').kind).toBe('paragraph');
  });
});

describe('readHtml: windows-1251 pages', () => {
  test('strategy_ru_cp1251.html: the declared charset is honoured', async () => {
    const doc = await read('strategy_ru_cp1251.html');
    expect(doc).toMatchObject({ status: 'ok', message: 'decoded as windows-1251', pageCount: 3 });
    expectHtmlConsistent(doc);
    expect(find(doc, 'Формирование')).toMatchObject({
      kind: 'list_item',
      text: 'Формирование туристско-рекреационного кластера;',
      leadIn: 'Приоритетами кластерной политики являются:',
      page: 3,
    });
    expect(find(doc, 'Развитие кластера').text).toBe('Развитие кластера информационных технологий «Северный код».');
    expect(find(doc, 'Число участников').text).toBe('Число участников кластеров | 21 | 60');
  });

  test('strategy_ru_cp1251_undeclared.html: bytes that are not UTF-8 are read as windows-1251', async () => {
    const declared = await read('strategy_ru_cp1251.html');
    const undeclared = await read('strategy_ru_cp1251_undeclared.html');
    expect(undeclared.status).toBe('ok');
    expect(undeclared.pages.map((p) => p.text)).toEqual(declared.pages.map((p) => p.text));
  });
});

describe('readHtml: the declared charset and the bytes disagree (fixtures from scripts/fixtures/make-html-fixtures.ts)', () => {
  const reference = async () => (await read('strategy_ru_cp1251.html')).pages.map((p) => p.text);

  test.each([
    ['strategy_ru_cp1251_declared_utf8.html', 'declared utf-8, but the text reads as windows-1251'],
    ['strategy_ru_utf8_declared_cp1251.html', 'declared windows-1251, but the text reads as utf-8'],
    ['strategy_ru_koi8r_undeclared.html', 'no usable charset declaration; the text reads as koi8-r'],
    ['strategy_ru_utf8_twice.html', 'declared utf-8, but the text reads as utf-8 (saved twice, through windows-1251)'],
  ])('%s reads as the same text, and the message says what was found', async (name, message) => {
    const doc = await read(name);
    expect(doc).toMatchObject({ status: 'ok', message });
    expectHtmlConsistent(doc);
    expect(doc.pages.map((p) => p.text)).toEqual(await reference());
  });

  test('strategy_ru_utf8_declared_utf16.html: a declared UTF-16 is read as UTF-8, as the HTML standard says', async () => {
    const doc = await read('strategy_ru_utf8_declared_utf16.html');
    expect(doc).toMatchObject({ status: 'ok', message: '' });
    expect(doc.pages.map((p) => p.text)).toEqual(await reference());
  });

  test('strategy_ru_mixed_encodings.html: half UTF-8, half windows-1251 is garbled, never ok, and every section is unread', async () => {
    const doc = await read('strategy_ru_mixed_encodings.html');
    expect(doc.status).toBe('garbled');
    expect(doc.message).toMatch(/could not be decoded: \d+% of its words look like a wrong charset/);
    expect(doc.pages.length).toBeGreaterThan(0);
    expect(doc.unreadablePages).toEqual(doc.pages.map((p) => p.number));
    expect(doc.pages.every((p) => p.triage === 'garbled')).toBe(true);
  });
});

describe('readHtml: word_saved.html (Word «save as web page» inside a layout table)', () => {
  test('Word list paragraphs are list items without their markers; a data table stays rows; the layout table does not', async () => {
    const doc = await read('word_saved.html');
    expect(doc.status).toBe('ok');
    expectHtmlConsistent(doc);
    const kinds = blocks(doc).map((b) => [b.kind, b.text, b.leadIn]);
    expect(kinds).toEqual([
      ['table_row', 'Главная', undefined],
      ['table_row', 'Документы', undefined],
      ['heading', 'Раздел 2. Стратегические приоритеты', undefined],
      ['paragraph', 'Приоритетами кластерной политики городского округа являются:', undefined],
      ['list_item', 'формирование туристско-рекреационного кластера;', 'Приоритетами кластерной политики городского округа являются:'],
      ['list_item', 'поддержка кластера пищевой промышленности, в том числе:', 'Приоритетами кластерной политики городского округа являются:'],
      ['list_item', 'создание центра сертификации продукции.', 'поддержка кластера пищевой промышленности, в том числе:'],
      ['table_row', 'Кластер | Число участников', undefined],
      ['table_row', 'Туристско-рекреационный | 18', undefined],
      ['heading', '2.1. Механизмы', undefined],
      ['paragraph', 'Координацию осуществляет отдел экономического развития.', undefined],
    ]);
    expect(doc.pages.map((p) => p.blocks[0]?.text)).toEqual(['Главная', 'Раздел 2. Стратегические приоритеты', '2.1. Механизмы']);
  });
});

describe('readHtml: edge cases', () => {
  const html = (s: string): Uint8Array => new TextEncoder().encode(s);

  test('zero bytes is empty; a page with only chrome is not_a_document', async () => {
    expect(await readHtml('a.html', new Uint8Array())).toMatchObject({ status: 'empty', sha256: '' });
    const chrome = await readHtml('b.html', html('<html><head><script>x()</script></head><body><nav>Меню</nav></body></html>'));
    expect(chrome).toMatchObject({ status: 'not_a_document', pages: [] });
  });

  test('text before the first heading is section 1; a lone h3 does not start a section', async () => {
    const doc = await readHtml('c.html', html('<p>Вводный текст.</p><h3>Подраздел</h3><p>Текст подраздела.</p><h2>Раздел</h2><p>Текст раздела.</p>'));
    expect(doc.pages.map((p) => p.blocks.map((b) => `${b.kind}:${b.text}`))).toEqual([
      ['paragraph:Вводный текст.', 'heading:Подраздел', 'paragraph:Текст подраздела.'],
      ['heading:Раздел', 'paragraph:Текст раздела.'],
    ]);
    expect(doc.pages[0]?.blocks[2]?.headingPath).toEqual(['Подраздел']);
    expect(doc.pages[1]?.blocks[1]?.headingPath).toEqual(['Раздел']);
  });

  test('a paragraph between a lead-in and the list breaks the lead-in link', async () => {
    const doc = await readHtml('d.html', html('<p>Задачи:</p><p>Пояснение к задачам.</p><ul><li>первая;</li></ul>'));
    expect(doc.pages[0]?.blocks[2]).toMatchObject({ kind: 'list_item', text: 'первая;' });
    expect(doc.pages[0]?.blocks[2]?.leadIn).toBeUndefined();
  });

  test('lines split by <br> that start with typed markers are a lead-in and list items', async () => {
    const doc = await readHtml('g.html', html('<p>Задачи:<br>– формирование туристского кластера;<br>а) развитие <b>IT-кластера</b>.</p><p>Строка<br>с переносом.</p>'));
    expect(doc.pages[0]?.blocks.map((b) => [b.kind, b.text, b.leadIn])).toEqual([
      ['paragraph', 'Задачи:', undefined],
      ['list_item', 'формирование туристского кластера;', 'Задачи:'],
      ['list_item', 'развитие IT-кластера.', 'Задачи:'],
      ['paragraph', 'Строка с переносом.', undefined],
    ]);
  });

  test('a dash wrapped to the start of a <br> line of pasted text continues the sentence; real items after «:» still split', async () => {
    const doc = await readHtml('h.html', html('<p>Приоритетом является развитие кластеров в высокотехнологичных отраслях<br>– радиоэлектронике, авиастроению и производстве композитов.</p><p>Задачи:<br>– развитие туризма;<br>– поддержка экспорта.</p>'));
    expect(doc.pages[0]?.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Приоритетом является развитие кластеров в высокотехнологичных отраслях – радиоэлектронике, авиастроению и производстве композитов.'],
      ['paragraph', 'Задачи:'],
      ['list_item', 'развитие туризма;'],
      ['list_item', 'поддержка экспорта.'],
    ]);
  });

  test('a UTF-8 byte-order mark and an unknown declared charset', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...html('<p>Кластерная политика.</p>')]);
    expect((await readHtml('e.html', bom)).pages[0]?.text).toBe('Кластерная политика.');
    const odd = await readHtml('f.html', html('<meta charset="x-no-such"><p>Кластерная политика.</p>'));
    expect(odd.pages[0]?.text).toBe('Кластерная политика.');
  });
});
