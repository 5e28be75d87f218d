// Headings set in bold at body size (test/fixtures/pdf/bold_headings.pdf, made with
// LibreOffice from bold_headings.fodt beside it; the text was written for this test). Real
// strategies often set section titles and «Список использованных источников» this way, and
// the heading path of every block (mentions.csv, the rules' section conditions) depends on
// them being seen.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';

const PDF = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'bold_headings.pdf');

describe('bold body-size headings (test/fixtures/pdf/bold_headings.pdf)', async () => {
  const doc = await ingestFile(PDF, { ocr: 'off', timeoutMs: 60_000 });
  const blocks = doc.pages.flatMap((p) => p.blocks);
  const kindOf = (start: string) => blocks.find((b) => b.text.startsWith(start))?.kind;

  it('takes a one-line and a two-line bold title as headings', () => {
    expect(doc.status).toBe('ok');
    expect(kindOf('Раздел 3. Приоритеты кластерной политики')).toBe('heading');
    const twoLines = blocks.find((b) => b.text.startsWith('Развитие транспортно-логистического'));
    expect(twoLines?.kind).toBe('heading');
    expect(twoLines?.text).toMatch(/международного коридора$/);
    expect(kindOf('Список использованных источников')).toBe('heading');
  });

  it('leaves a bold paragraph, a bold lead-in and a bold table caption in the text', () => {
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).not.toContainEqual(expect.stringMatching(/^(Администрация|Цель 1|Таблица 1)/));
    expect(blocks.some((b) => b.kind !== 'heading' && b.text.includes('Таблица 1. Грузооборот терминала по годам'))).toBe(true);
    expect(blocks.some((b) => b.kind !== 'heading' && b.text.includes('Администрация города ежегодно отчитывается'))).toBe(true);
  });

  it('puts the bibliography entries under their heading', () => {
    const porter = blocks.find((b) => b.text.includes('Портер М. Кластеры и конкуренция'));
    expect(porter?.headingPath.at(-1)).toBe('Список использованных источников');
  });
});
