// Layout reconstruction on the PDF fixtures of ../shared/data/pdf (see its README.md): each
// test names the fixture it reads. OCR is off so these tests do not depend on tesseract.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { renderDocumentText } from '../../src/ingest/render.js';
import { normalizeText } from '../../src/text/normalize.js';
import type { Block, IngestedDocument } from '../../src/records.js';

const DATA = '../shared/data/pdf';
const opts = { ocr: 'off' as const, timeoutMs: 120_000 };

function blocks(doc: IngestedDocument): Block[] {
  return doc.pages.flatMap((p) => p.blocks);
}
function truthLines(file: string): string[] {
  return readFileSync(`${DATA}/${file}`, 'utf8').split('\n').map((l) => normalizeText(l).trim()).filter(Boolean);
}
function find(doc: IngestedDocument, start: string): Block {
  const b = blocks(doc).find((x) => x.text.startsWith(start));
  if (!b) throw new Error(`no block starts with «${start}»`);
  return b;
}

describe('sample_ru.pdf', () => {
  let doc: IngestedDocument;
  beforeAll(async () => {
    doc = await ingestFile(`${DATA}/sample_ru.pdf`, opts);
  });

  it('reproduces every truth line of sample_ru.truth.txt as one block', () => {
    const texts = new Set(blocks(doc).map((b) => b.text));
    const missing = truthLines('sample_ru.truth.txt').filter((t) => !texts.has(t));
    expect(missing).toEqual([]);
    expect(doc.status).toBe('ok');
    expect(doc.pageCount).toBe(3);
  });

  it('joins lines into paragraphs and undoes hyphenation («горно-металлургиче-|ского», «оборудо-|вания»)', () => {
    const b = find(doc, 'В рамках реализации Стратегии');
    expect(b.kind).toBe('paragraph');
    expect(b.text).toContain('создание горно-металлургического кластера');
    expect(b.text).toContain('модернизацию оборудования.');
  });

  it('keeps compounds broken at their own hyphen and joins solid words broken at a line end', () => {
    const all = blocks(doc).map((b) => b.text).join('\n');
    // «машинострои-|тельного» (page 2) is a solid word; «Туристско-|рекреационный» (table cell) a compound.
    expect(all).toContain('горно-металлургического и машиностроительного;');
    expect(all).toContain('2 | Туристско-рекреационный |');
    expect(all).toContain('4 | Информационно-коммуникационный |');
    expect(all).toContain('научно-исследовательские');
    expect(all).not.toMatch(/машино-строит|туристскорекреац|научноисслед/);
  });

  it('makes list items with the paragraph that introduces them as leadIn', () => {
    const item = find(doc, 'создание условий для развития малого');
    expect(item.kind).toBe('list_item');
    expect(item.leadIn).toBe('Основными задачами по направлению являются:');
    expect(item.text).toBe('создание условий для развития малого и среднего бизнеса;');
    // The dash list on page 3 follows the two columns, no lead-in paragraph.
    const dashItems = doc.pages[2]!.blocks.filter((b) => b.kind === 'list_item');
    expect(dashItems.map((b) => b.text)).toEqual([
      'создание условий для развития малого и среднего бизнеса;',
      'привлечение инвестиций в обрабатывающую промышленность и формирование промышленных кластеров, в том числе горно-металлургического и машиностроительного;',
      'развитие транспортной и логистической инфраструктуры;',
    ]);
  });

  it('finds headings by font size and fills headingPath', () => {
    const title = find(doc, 'Стратегия социально-экономического развития города Караганды');
    expect(title.kind).toBe('heading');
    expect(title.page).toBe(1);
    const section = find(doc, 'Раздел 1. Приоритетное направление 1');
    expect(section.kind).toBe('heading');
    expect(section.headingPath).toEqual([title.text]);
    expect(find(doc, 'Численность постоянного населения').headingPath).toEqual([title.text, section.text]);
  });

  it('turns a bordered table with multi-line cells into one row per table row, across a page break', () => {
    const rows = blocks(doc).filter((b) => b.kind === 'table_row').map((b) => [b.page, b.text]);
    expect(rows).toEqual([
      [2, '№ | Кластер | Ключевые участники | Целевой индикатор к 2030 году'],
      [2, '1 | Горно-металлургический | АО «Карагандинский металлургический комбинат», сервисные компании, КарТУ | Рост производства в 1,5 раза'],
      [3, '2 | Туристско-рекреационный | Туроператоры, гостиницы, музеи, акимат города | 600 тыс. туристов в год'],
      [3, '3 | Агропромышленный | Тепличные хозяйства, перерабатывающие предприятия | Доля переработки – 70 %'],
      [3, '4 | Информационно-коммуникационный | Технопарк, стартапы, университеты | 150 новых ИТ-компаний'],
    ]);
  });

  it('keeps the footnote as its own block and drops the reference mark from the body', () => {
    const note = find(doc, 'Здесь и далее показатели');
    expect(note.kind).toBe('footnote');
    expect(find(doc, 'Объём инвестиций').text).toBe('Объём инвестиций в основной капитал по разделу 1 оценивается в 101,5 млрд тенге.');
  });

  it('places the footnote right after the paragraph that cites it, as sample_ru.truth.txt reads', () => {
    const p2 = doc.pages[1]!.blocks;
    const cited = p2.findIndex((b) => b.text.startsWith('Объём инвестиций'));
    expect(p2[cited + 1]!.kind).toBe('footnote');
    expect(p2[cited + 2]!.text.startsWith('№ | Кластер')).toBe(true);
  });

  it('joins a paragraph that runs from the foot of the first column to the head of the second', () => {
    const p3 = doc.pages[2]!.blocks.map((b) => b.text);
    const a = p3.indexOf('Первая колонка, абзац третий: сервисные компании получат доступ к долгосрочным контрактам крупных предприятий.');
    const b = p3.indexOf('Вторая колонка, абзац первый: туристско-рекреационный кластер использует природный и исторический потенциал региона.');
    expect(a).toBeGreaterThan(-1);
    expect(b).toBeGreaterThan(a);
  });

  it('removes the running header and the «Страница N из M» footer from every page', () => {
    for (const b of blocks(doc)) {
      expect(b.text).not.toMatch(/Страница \d+ из \d+/);
      expect(b.text).not.toBe('Стратегия развития города Караганды до 2030 года');
    }
  });

  it('keeps block ranges inside Page.text and records the file hash', () => {
    for (const p of doc.pages) {
      expect(p.text).toBe(p.blocks.map((b) => b.text).join('\n'));
      p.blocks.forEach((b, i) => {
        expect(b.index).toBe(i);
        expect(p.text.slice(b.start, b.end)).toBe(b.text);
        expect(b.ocr).toBe(false);
      });
    }
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('renders the text command output with page markers, triage and block kinds', () => {
    const out = renderDocumentText(doc);
    expect(out.split('\n')[0]).toBe('# sample_ru.pdf: ok (pdf, 3 pages)');
    expect(out).toContain('=== page 2 [ok] ===');
    expect(out).toContain('[table_row] № | Кластер');
    expect(out).toContain('[footnote] Здесь и далее');
  });
});

describe('other layouts', () => {
  it('sample_ru_tagged.pdf: header and footer marked as /Artifact are dropped, text as untagged', async () => {
    const doc = await ingestFile(`${DATA}/sample_ru_tagged.pdf`, opts);
    const texts = new Set(blocks(doc).map((b) => b.text));
    expect(truthLines('sample_ru.truth.txt').filter((t) => !texts.has(t))).toEqual([]);
    expect([...texts].some((t) => /Страница|Стратегия развития города Караганды до 2030 года$/.test(t))).toBe(false);
  });

  it('sample_kk.pdf: Kazakh text, keeps «әлеуметтік-экономикалық»', async () => {
    const doc = await ingestFile(`${DATA}/sample_kk.pdf`, opts);
    const texts = new Set(blocks(doc).map((b) => b.text));
    expect(truthLines('sample_kk.truth.txt').filter((t) => !texts.has(t))).toEqual([]);
    expect([...texts].join(' ')).toContain('әлеуметтік-экономикалық');
  });

  it('twocol.pdf: a one-page two-column layout keeps column order and drops the header', async () => {
    const doc = await ingestFile(`${DATA}/twocol.pdf`, opts);
    const got = blocks(doc).map((b) => b.text);
    expect(got).toEqual(truthLines('twocol.truth.txt'));
  });

  it('long_301p.pdf: 301 pages, no furniture in blocks, compounds and soft breaks right', async () => {
    const doc = await ingestFile(`${DATA}/long_301p.pdf`, opts);
    expect(doc.status).toBe('ok');
    expect(doc.pageCount).toBe(301);
    const texts = blocks(doc).map((b) => b.text);
    expect(texts.filter((t) => /Страница \d+ из 301/.test(t))).toEqual([]);
    const truth = truthLines('long_301p.truth.txt');
    const have = new Map<string, number>();
    for (const t of texts) have.set(t, (have.get(t) ?? 0) + 1);
    let exact = 0;
    for (const t of truth) {
      const n = have.get(t) ?? 0;
      if (n > 0) {
        exact++;
        have.set(t, n - 1);
      }
    }
    expect(exact / truth.length).toBeGreaterThanOrEqual(0.99);
  }, 120_000);
});
