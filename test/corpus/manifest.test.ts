import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/corpus/manifest.js';

const HEADER = 'file,city,country,language,title,year';

describe('parseManifest', () => {
  it('reads rows with quoted titles that hold commas and Cyrillic', () => {
    const text = [
      HEADER,
      'kazan_2030.pdf,Казань,RU,ru,"Стратегия социально-экономического развития города Казани до 2030 года, редакция 2021",2030',
      'astana_2050.pdf,Астана,kz,ru+kk,Астана қаласының даму стратегиясы,2050',
    ].join('\n');
    const result = parseManifest(text, 'corpus/manifest.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({ file: 'kazan_2030.pdf', city: 'Казань', country: 'RU', citySource: 'manifest' });
    expect(result.entries[0]?.title).toContain('редакция 2021');
    expect(result.entries[1]?.country).toBe('KZ');
  });

  it('accepts a BOM and year spans like 2017-2022 (Samara-style «на 2017–2022 годы»)', () => {
    const result = parseManifest(`\uFEFF${HEADER}\nsamara.pdf,Самара,RU,ru,Стратегия,2017-2022\n`, 'm.csv');
    expect(result.ok).toBe(true);
  });

  it('reports a bad country with line and column and what was expected', () => {
    const text = `${HEADER}\nok.pdf,Уфа,RU,ru,Стратегия,2030\nbad.pdf,Омск,RUS,ru,Стратегия,2030\n`;
    const result = parseManifest(text, 'corpus/manifest.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ file: 'corpus/manifest.csv', line: 3, column: 3, message: expect.stringContaining('Expected country RU or KZ') }),
    ]);
    expect(result.errors[0]?.message).toContain('"RUS"');
  });

  it('reports missing columns in the header', () => {
    const result = parseManifest('file,city,country\nx.pdf,Уфа,RU\n', 'm.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/missing: language, title, year/);
  });

  it('reports a file listed twice', () => {
    const text = `${HEADER}\na.pdf,Уфа,RU,ru,T,2030\na.pdf,Омск,RU,ru,T,2030\n`;
    const result = parseManifest(text, 'm.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 3, message: expect.stringContaining('listed twice (first on line 2)') });
  });
});
