import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeManifest, parseManifest } from '../../src/corpus/manifest.js';
import { planCorpus } from '../../src/corpus/folder.js';
import { encodeSingleByte } from '../../src/text/charset/index.js';

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

// The bundled corpus/manifest.csv as Excel saves it in a Russian locale: Windows-1251 («CSV»)
// or UTF-16 («Unicode text»), with ';' between the cells.
describe('manifests saved by Excel', () => {
  const utf8Text = readFileSync('corpus/manifest.csv', 'utf8');
  const expected = parseManifest(utf8Text, 'corpus/manifest.csv');
  // Its cells hold neither ',' nor ';' nor quotes, so changing the separator is all Excel does.
  const semicolons = utf8Text.replaceAll(',', ';').replaceAll('\n', '\r\n');

  // Windows-1251 has no Kazakh letters, so only the Russian rows can survive it.
  const russianRows = semicolons.split('\r\n').filter((line, i) => i === 0 || line.includes(';RU;')).join('\r\n');

  it('a Windows-1251 manifest with ";" reads as the UTF-8 one, with a warning naming the file', () => {
    const decoded = decodeManifest(encodeSingleByte(russianRows, 'windows-1251'), 'corpus/manifest.csv');
    expect(decoded.warning).toMatch(/^corpus\/manifest\.csv: not UTF-8; read as windows-1251/);
    const parsed = parseManifest(decoded.text, 'corpus/manifest.csv');
    expect(parsed.ok && expected.ok).toBe(true);
    if (!parsed.ok || !expected.ok) return;
    expect(parsed.entries).toEqual(expected.entries.filter((e) => e.country === 'RU'));
    // Every city stays itself: no two cities merge (it was 12 → 10 when read as UTF-8).
    expect(new Set(parsed.entries.map((e) => e.city)).size).toBe(parsed.entries.length);
  });

  it('Kazakh letters already lost to "?" by Excel are pointed out', () => {
    const decoded = decodeManifest(encodeSingleByte(semicolons, 'windows-1251'), 'm.csv');
    expect(decoded.warning).toMatch(/letter\(s\) were already lost as '\?'/);
  });

  it('UTF-16LE with a BOM: no warning', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(semicolons, 'utf16le')]);
    const decoded = decodeManifest(bytes, 'm.csv');
    expect(decoded.warning).toBeUndefined();
    expect(parseManifest(decoded.text, 'm.csv')).toEqual(expected);
  });

  it('planCorpus reads a Windows-1251 manifest in the folder and passes its warning on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-manifest-'));
    await writeFile(join(dir, 'manifest.csv'), encodeSingleByte(russianRows, 'windows-1251'));
    await copyFile('corpus/perm_strategy_2030.pdf', join(dir, 'perm_strategy_2030.pdf'));
    const planned = await planCorpus(dir);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.listed.map((l) => l.entry)).toEqual([expect.objectContaining({ file: 'perm_strategy_2030.pdf', city: 'Пермь' })]);
    expect(planned.plan.warnings[0]).toContain('not UTF-8; read as windows-1251');
  });
});


describe('territories in the manifest', () => {
  it('an old manifest stays valid; its rows get a level from the name and the title', () => {
    // The rows of corpus/manifest.csv for Sochi and Almaty, and a regional row.
    const text = [
      HEADER,
      'sochi_strategy_2030.pdf,Сочи,RU,ru,Стратегия социально-экономического развития муниципального образования городской округ город-курорт Сочи Краснодарского края до 2030 года,2023',
      'almaty_strategy_2050_kk.pdf,Алматы,KZ,kk,Алматы қаласын дамытудың 2050 жылға дейінгі стратегиясы,2024',
      'altai_2035.pdf,Алтайский край,RU,ru,Стратегия социально-экономического развития Алтайского края до 2035 года,2021',
      'stupino.pdf,Ступино,RU,ru,Стратегия развития городского округа Ступино Московской области,2024',
    ].join('\n');
    const result = parseManifest(text, 'm.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.map((e) => [e.city, e.level, e.region])).toEqual([
      ['Сочи', 'city', 'Краснодарский край'],
      ['Алматы', 'republican_city', undefined],
      ['Алтайский край', 'region', undefined],
      // an unknown town is not made a region by the region its title names
      ['Ступино', 'city', undefined],
    ]);
  });

  it('reads the optional territory, level and region columns; territory may stand for city', () => {
    const text = [
      'file,territory,country,language,title,year,level,region',
      'belokurikha.pdf,Белокуриха,RU,ru,Стратегия,2030,city,Алтайский край',
      'smolensky.pdf,Смоленский район,RU,ru,Стратегия,2035,,',
      'karasay.pdf,Қарасай ауданы,KZ,kk,Бағдарлама,2025,district,Алматинская область',
    ].join('\n');
    const result = parseManifest(text, 'm.csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.map((e) => [e.city, e.level, e.region])).toEqual([
      ['Белокуриха', 'city', 'Алтайский край'],
      ['Смоленский район', 'district', undefined],
      ['Қарасай ауданы', 'district', 'Алматинская область'],
    ]);
  });

  it('reports an unknown level and an empty name with line and column', () => {
    const text = ['file,city,country,language,title,year,level', 'a.pdf,Уфа,RU,ru,Стратегия,2030,town', 'b.pdf,,RU,ru,Стратегия,2030,'].join('\n');
    const result = parseManifest(text, 'm.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 2, column: 7, message: expect.stringContaining('Expected level city, district, region') }),
      expect.objectContaining({ line: 3, column: 2, message: expect.stringContaining('Expected a city or territory name') }),
    ]);
  });
});
