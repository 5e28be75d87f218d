// Table cells that hold several items. Rows written for this project in the shape of the
// strategy tables where this cut priorities: a "measures" column with «;»-separated items, a
// SWOT cell with bullets, a numbered «№ | Кластер | …» table as in
// ../shared/data/pdf/sample_ru.truth.txt (lines 20–24), whose rows stay whole.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { cellItems, tableRowPieces } from '../../src/text/table-cells.js';
import { documentUnits } from '../../src/text/units.js';
import { readHtml } from '../../src/ingest/html.js';

const HEADER = '№ | Кластер | Меры поддержки | Срок';
const ROW =
  '2 | Туристско-рекреационный кластер | субсидирование процентной ставки по кредитам гостиниц; создание центра кластерного развития; продвижение туристских маршрутов | 2025–2030';

describe('cellItems', () => {
  test('«;» and bullets separate items; a dash inside a sentence does not', () => {
    expect(cellItems('субсидии; гранты; налоговые льготы').map((i) => i.text)).toEqual(['субсидии;', 'гранты;', 'налоговые льготы']);
    expect(cellItems('• наличие кластера • развитая логистика').map((i) => i.text)).toEqual(['наличие кластера', 'развитая логистика']);
    expect(cellItems('– рост экспорта – снижение издержек').map((i) => i.text)).toEqual(['рост экспорта', 'снижение издержек']);
    expect(cellItems('Кластер – это объединение предприятий').map((i) => i.text)).toEqual(['Кластер – это объединение предприятий']);
  });

  test('item ranges point into the cell', () => {
    const cell = '  субсидии;  гранты ';
    for (const item of cellItems(cell)) expect(cell.slice(item.start, item.end)).toBe(item.text);
  });
});

describe('tableRowPieces', () => {
  test('each item of a measures cell becomes a piece with the row and column headers as lead-in', () => {
    const pieces = tableRowPieces(ROW, HEADER)!;
    expect(pieces.map((p) => [p.text, p.leadIn, p.item])).toEqual([
      ['Туристско-рекреационный кластер', 'Кластер', false],
      ['субсидирование процентной ставки по кредитам гостиниц;', 'Туристско-рекреационный кластер — Меры поддержки', true],
      ['создание центра кластерного развития;', 'Туристско-рекреационный кластер — Меры поддержки', true],
      ['продвижение туристских маршрутов', 'Туристско-рекреационный кластер — Меры поддержки', true],
      ['2025–2030', 'Туристско-рекреационный кластер — Срок', false],
    ]);
    for (const p of pieces) expect(ROW.slice(p.start, p.end)).toBe(p.text);
  });

  test('a SWOT row of two bulleted cells: no row header, column headers only', () => {
    const pieces = tableRowPieces('• действующий машиностроительный кластер • кадры техникумов | • износ сетей • отток молодёжи', 'Сильные стороны | Слабые стороны')!;
    expect(pieces.map((p) => [p.text, p.leadIn])).toEqual([
      ['действующий машиностроительный кластер', 'Сильные стороны'],
      ['кадры техникумов', 'Сильные стороны'],
      ['износ сетей', 'Слабые стороны'],
      ['отток молодёжи', 'Слабые стороны'],
    ]);
  });

  test('rows without a multi-item cell stay one unit (sample_ru.truth.txt line 21)', () => {
    expect(tableRowPieces('1 | Горно-металлургический | АО «Карагандинский металлургический комбинат», сервисные компании, КарТУ | Рост производства в 1,5 раза', '№ | Кластер | Ключевые участники | Целевой индикатор к 2030 году')).toBeUndefined();
  });
});

describe('documentUnits: table rows of an HTML strategy', () => {
  test('one unit per item, the header of the table reaching every row', async () => {
    const html = `<h2>Меры поддержки кластеров</h2><table border="1"><tr><td>№</td><td>Кластер</td><td>Меры поддержки</td><td>Срок</td></tr>
      <tr><td>1</td><td>ИТ-кластер</td><td>гранты стартапам; создание коворкинга</td><td>2026</td></tr>
      <tr><td>${ROW.split(' | ').join('</td><td>')}</td></tr></table><p>Конец таблицы.</p>`;
    const doc = await readHtml('t.html', new TextEncoder().encode(html));
    const { units } = documentUnits(doc);
    const items = units.filter((u) => u.kind === 'list_item');
    expect(items.map((u) => [u.text, u.leadIn])).toEqual([
      ['гранты стартапам;', 'ИТ-кластер — Меры поддержки'],
      ['создание коворкинга', 'ИТ-кластер — Меры поддержки'],
      ['субсидирование процентной ставки по кредитам гостиниц;', 'Туристско-рекреационный кластер — Меры поддержки'],
      ['создание центра кластерного развития;', 'Туристско-рекреационный кластер — Меры поддержки'],
      ['продвижение туристских маршрутов', 'Туристско-рекреационный кластер — Меры поддержки'],
    ]);
    expect(items.every((u) => u.blockKind === 'table_row')).toBe(true);
    // The header row itself stays one unit.
    expect(units.find((u) => u.text.startsWith('№'))?.text).toBe('№ | Кластер | Меры поддержки | Срок');
  });
});
