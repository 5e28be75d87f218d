// List items and their lead-ins (issue 5: «a list item is a unit; its lead-in sentence is
// linked to its items»). Inputs written for this project in the style of city strategies.
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/text/segment/index.js';
import { assertCovers } from './helpers.js';

function shape(input: string, lang = 'rus') {
  const segs = segmentText(input, lang);
  assertCovers(input, segs);
  return segs.map((s) => ({ kind: s.kind, text: s.text, ...(s.leadIn !== undefined ? { leadIn: s.leadIn } : {}) }));
}

describe('lists', () => {
  it('links dash items ending with «;» to their lead-in (the segment command example)', () => {
    expect(shape('Приоритетами являются:\n- развитие туристского кластера;\n- поддержка IT-кластера.')).toEqual([
      { kind: 'sentence', text: 'Приоритетами являются:' },
      { kind: 'list_item', text: '- развитие туристского кластера;', leadIn: 0 },
      { kind: 'list_item', text: '- поддержка IT-кластера.', leadIn: 0 },
    ]);
  });

  it('links numbered items after a paragraph that ends with the lead-in', () => {
    const input =
      'Город опирается на свои преимущества. Основные задачи на 2025–2030 годы:\n' +
      '1) создание кластера креативных индустрий;\n2) развитие т.н. «умной» экономики;\n3) поддержка экспортёров.\n' +
      'Задачи уточняются ежегодно.';
    expect(shape(input)).toEqual([
      { kind: 'sentence', text: 'Город опирается на свои преимущества.' },
      { kind: 'sentence', text: 'Основные задачи на 2025–2030 годы:' },
      { kind: 'list_item', text: '1) создание кластера креативных индустрий;', leadIn: 1 },
      { kind: 'list_item', text: '2) развитие т.н. «умной» экономики;', leadIn: 1 },
      { kind: 'list_item', text: '3) поддержка экспортёров.', leadIn: 1 },
      { kind: 'sentence', text: 'Задачи уточняются ежегодно.' },
    ]);
  });

  it('keeps nested lists apart and returns to the outer lead-in', () => {
    const input = 'Меры поддержки:\n1. Финансовые:\n• гранты;\n• субсидии;\n2. Инфраструктурные;\n3. Кадровые.';
    expect(shape(input)).toEqual([
      { kind: 'sentence', text: 'Меры поддержки:' },
      { kind: 'list_item', text: '1. Финансовые:', leadIn: 0 },
      { kind: 'list_item', text: '• гранты;', leadIn: 1 },
      { kind: 'list_item', text: '• субсидии;', leadIn: 1 },
      { kind: 'list_item', text: '2. Инфраструктурные;', leadIn: 0 },
      { kind: 'list_item', text: '3. Кадровые.', leadIn: 0 },
    ]);
  });

  it('joins a list item wrapped over two lines', () => {
    expect(shape('Задачи:\n– формирование туристско-рекреационного\nкластера;\n– развитие МСП.')).toEqual([
      { kind: 'sentence', text: 'Задачи:' },
      { kind: 'list_item', text: '– формирование туристско-рекреационного\nкластера;', leadIn: 0 },
      { kind: 'list_item', text: '– развитие МСП.', leadIn: 0 },
    ]);
  });

  it('splits an enumeration inside one paragraph block into items', () => {
    expect(shape('Приоритеты города: 1) развитие IT-кластера; 2) поддержка туризма; 3) рост экспорта. Их финансирует бюджет.')).toEqual([
      { kind: 'sentence', text: 'Приоритеты города:' },
      { kind: 'list_item', text: '1) развитие IT-кластера;', leadIn: 0 },
      { kind: 'list_item', text: '2) поддержка туризма;', leadIn: 0 },
      { kind: 'list_item', text: '3) рост экспорта.', leadIn: 0 },
      { kind: 'sentence', text: 'Их финансирует бюджет.' },
    ]);
  });

  it('treats a single PDF list-item block as a list item without a lead-in', () => {
    expect(shape('– туристік кластерді дамыту;', 'kaz')).toEqual([{ kind: 'list_item', text: '– туристік кластерді дамыту;' }]);
  });

  it('links Kazakh items to their lead-in', () => {
    expect(shape('Қаланың басымдықтары:\n- туристік кластерді дамыту;\n- IT-кластерді қолдау.', 'kaz')).toEqual([
      { kind: 'sentence', text: 'Қаланың басымдықтары:' },
      { kind: 'list_item', text: '- туристік кластерді дамыту;', leadIn: 0 },
      { kind: 'list_item', text: '- IT-кластерді қолдау.', leadIn: 0 },
    ]);
  });

  it('does not make dialogue lines into list items', () => {
    expect(shape('Директор ответил.\n— Кластер будет.\n— Когда?')).toEqual([
      { kind: 'sentence', text: 'Директор ответил.' },
      { kind: 'sentence', text: '— Кластер будет.' },
      { kind: 'sentence', text: '— Когда?' },
    ]);
  });
});

describe('lists whose markers were lost', () => {
  it('takes lower-case lines after a lead-in as its items (as in ../shared/data/pdf/sample_ru.truth.txt)', () => {
    const input = 'Основными задачами являются:\nсоздание туристского кластера;\nразвитие IT-кластера.\nОбъём инвестиций составит 5 млрд тенге.';
    expect(shape(input)).toEqual([
      { kind: 'sentence', text: 'Основными задачами являются:' },
      { kind: 'list_item', text: 'создание туристского кластера;', leadIn: 0 },
      { kind: 'list_item', text: 'развитие IT-кластера.', leadIn: 0 },
      { kind: 'sentence', text: 'Объём инвестиций составит 5 млрд тенге.' },
    ]);
  });
});
