import { describe, expect, it } from 'vitest';
import { buildCityRows, containsPhrase, samePriority, priorityStatements, groupStatements, pageRanges, stemSequence } from '../../src/aggregate/index.js';
import type { CityRow, DocumentResult } from '../../src/records.js';
import { buildDocument } from '../fixtures/runs/build.js';
import { fixtureDocuments } from '../fixtures/runs/corpus.js';

function row(rows: CityRow[], city: string): CityRow {
  const found = rows.find((r) => r.city === city);
  if (!found) throw new Error(`no row for ${city}`);
  return found;
}

describe('buildCityRows on the hand-made run (test/fixtures/runs/corpus.ts)', () => {
  const rows = buildCityRows(fixtureDocuments());

  it('gives one row per city, RU before KZ, each country in manifest order', () => {
    expect(rows.map((r) => r.city)).toEqual(['Казань', 'Уфа', 'Омск', 'Самара', 'Челябинск', 'Нижний Новгород', 'Алматы', 'Астана']);
  });

  it('gives every city the status its text deserves', () => {
    expect(Object.fromEntries(rows.map((r) => [r.city, r.status]))).toEqual({
      Казань: 'priorities',
      Уфа: 'no_cluster_policy',
      Омск: 'context_only',
      Самара: 'priorities',
      Челябинск: 'unreadable',
      'Нижний Новгород': 'unreadable',
      Алматы: 'priorities',
      Астана: 'priorities',
    });
  });

  it('never says "no mention" about a city with an unread document, and names the reason', () => {
    const nn = row(rows, 'Нижний Новгород');
    expect(nn.documents).toEqual(['nnovgorod_2030.pdf', 'nnovgorod_2030_annex.pdf']);
    expect(nn.statusNote).toContain('nnovgorod_2030_annex.pdf: corrupt or truncated');
    expect(nn.statusNote).toContain('xref table damaged');
    const ch = row(rows, 'Челябинск');
    expect(ch.statusNote).toContain('needs OCR');
    expect(ch.statusNote).toContain('none of its 12 pages read');
  });

  it('keeps priorities of a partly read document and says which pages were not read', () => {
    const samara = row(rows, 'Самара');
    expect(samara.priorities).toHaveLength(1);
    expect(samara.priorities[0]?.evidence).toEqual([{ file: 'samara_2030.pdf', page: 2, ocr: true, unitId: 'samara_2030.pdf#p2b0u0' }]);
    expect(samara.statusNote).toContain('pages 3–4 not read');
  });

  it('collapses heading, list item and summary of one priority into one item with three locations', () => {
    const kazan = row(rows, 'Казань');
    expect(kazan.priorities.map((p) => p.text)).toEqual([
      'развитие туристско-рекреационного кластера на основе исторического центра города;',
      'формирование кластера информационных технологий и поддержка резидентов технопарков;',
    ]);
    const tourism = kazan.priorities[0];
    expect(tourism?.leadIn).toBe('Приоритетными направлениями экономической политики являются:');
    expect(tourism?.evidence.map((e) => `${e.page}:${e.unitId.split('#')[1]}`)).toEqual(['2:p2b0u0', '2:p2b2u0', '3:p3b1u0']);
    expect(tourism?.measures).toEqual(['infrastructure']);
    expect(tourism?.targets).toEqual(['sales_growth']);
    expect(kazan.sectors).toEqual(['it_digital', 'tourism']);
    expect(kazan.contextMentions).toBe(1);
    expect(kazan.otherSenseMentions).toBe(2);
  });

  it('links the Kazakh and Russian versions of each bilingual priority instead of counting them twice', () => {
    const almaty = row(rows, 'Алматы');
    expect(almaty.priorities).toHaveLength(2);
    expect(almaty.priorities.map((p) => [p.lang, p.text, p.translations?.map((t) => t.text)])).toEqual([
      ['rus', 'развитие туристского кластера и модернизация горнолыжной инфраструктуры;', ['туристік кластерді дамыту және тау-шаңғы инфрақұрылымын жаңғырту;']],
      ['rus', 'формирование финансового кластера до 2030 года.', ['2030 жылға дейін қаржы кластерін қалыптастыру.']],
    ]);
    expect(almaty.priorities[0]?.evidence.map((e) => e.page)).toEqual([2, 1]);
    expect(almaty.languages).toEqual(['rus', 'kaz']);
  });

  it('reports the bilingual document of a city with the share of each language', () => {
    const almaty = row(rows, 'Алматы');
    expect(almaty.bilingualDocuments).toHaveLength(1);
    expect(almaty.bilingualDocuments[0]?.languages.map((l) => l.lang).sort()).toEqual(['kaz', 'rus']);
    expect(row(rows, 'Казань').bilingualDocuments).toEqual([]);
  });

  it('flags the trap-only city as not mentioning cluster policy and counts its other-sense hits', () => {
    const ufa = row(rows, 'Уфа');
    expect(ufa.priorities).toEqual([]);
    expect(ufa.otherSenseMentions).toBe(2);
    expect(ufa.statusNote).toContain('does not mention cluster policy');
  });
});

describe('priority merging measure', () => {
  const doc = (units: { text: string; sectors: string[]; kind?: 'heading' | 'list_item' }[]): DocumentResult =>
    buildDocument({
      file: 'x.pdf',
      city: 'Тест',
      country: 'RU',
      language: 'ru',
      title: '',
      year: '2030',
      pages: [
        {
          blocks: units.map((u) => ({
            kind: u.kind ?? 'list_item',
            units: [{ text: u.text, mention: { kind: 'priority' as const, sectors: u.sectors } }],
          })),
        },
      ],
    });

  it('does not merge a generic two-word heading into a sector priority', () => {
    const d = doc([
      { text: 'Развитие кластеров', sectors: [], kind: 'heading' },
      { text: 'развитие IT-кластера', sectors: ['it_digital'] },
    ]);
    const [row0] = buildCityRows([d]);
    expect(row0?.priorities).toHaveLength(2);
  });

  it('does not merge two different priorities of the same sector', () => {
    const d = doc([
      { text: 'создание промышленного кластера в северной промзоне;', sectors: ['industrial'] },
      { text: 'субсидирование участников промышленного кластера по лизингу оборудования;', sectors: ['industrial'] },
    ]);
    const st = priorityStatements(d.mentions, new Map(d.units.map((u, i) => [u.id, i])));
    expect(samePriority(st[0]!, st[1]!)).toBe(false);
    expect(groupStatements(st)).toHaveLength(2);
  });

  it('does not merge statements that differ in one place name or in their numbers', () => {
    const d = doc([
      { text: 'создание индустриального кластера в Заречном районе;', sectors: ['industrial'] },
      { text: 'создание индустриального кластера в Северном районе;', sectors: ['industrial'] },
      { text: 'развитие туристского кластера на участке 12;', sectors: ['tourism'] },
      { text: 'развитие туристского кластера на участке 109;', sectors: ['tourism'] },
    ]);
    expect(buildCityRows([d])[0]?.priorities).toHaveLength(4);
  });

  it('merges the same sentence with an OCR slip in one word', () => {
    const d = doc([
      {
        text: 'Поддержка участников машиностроительного кластера через городской фонд развития промышленности, льготный лизинг оборудования и субсидирование процентных ставок по кредитам.',
        sectors: ['machinery'],
      },
      {
        text: 'Поддержка участников машиностроительного кластера через городской фонд развития промышленности, льготный лизииг оборудования и субсидирование процентных ставок по кредитам.',
        sectors: ['machinery'],
      },
    ]);
    expect(buildCityRows([d])[0]?.priorities).toHaveLength(1);
  });

  it('merges a numbered heading with the body sentence that repeats it in another case form', () => {
    const d = doc([
      { text: '4.1. Формирование машиностроительного кластера', sectors: ['machinery'], kind: 'heading' },
      { text: 'Формированию машиностроительного кластера будет содействовать городской фонд развития.', sectors: ['machinery'] },
    ]);
    expect(buildCityRows([d])[0]?.priorities).toHaveLength(1);
  });
});

describe('containsPhrase', () => {
  it('finds a heading inside the sentence that repeats it, allowing one inserted word', () => {
    const heading = stemSequence('2.3. Развитие туристского кластера');
    expect(containsPhrase(stemSequence('Стратегия предусматривает развитие туристского кластера в долине реки.'), heading)).toBe(true);
    expect(containsPhrase(stemSequence('Развитие регионального туристского кластера.'), heading)).toBe(true);
    expect(containsPhrase(stemSequence('Развитие транспорта и новых видов туристского отдыха вне кластера.'), heading)).toBe(false);
  });
});

describe('pageRanges', () => {
  it('compresses consecutive pages', () => {
    expect(pageRanges([9, 1, 2, 3, 7, 10])).toBe('1–3, 7, 9–10');
    expect(pageRanges([])).toBe('');
  });
});
