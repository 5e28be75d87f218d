import { describe, expect, it } from 'vitest';
import { KNOWN_CITIES } from '../../src/corpus/cities.js';
import { cityFromFileName, findTerritories, guessCity, guessCityFromTitle, guessTerritoryFromTitle, territoryOfName } from '../../src/corpus/guess.js';
import { KNOWN_REGIONS } from '../../src/corpus/territories.js';

describe('guessing the city of a document that is not in the manifest', () => {
  it('reads the Russian title template «… города Казани до 2030 года»', () => {
    expect(guessCityFromTitle('Стратегия социально-экономического развития города Казани до 2030 года')).toEqual({ city: 'Казань', country: 'RU' });
  });

  it('reads a Kazakh title «Алматы қаласын дамытудың …»', () => {
    expect(guessCityFromTitle('Алматы қаласын дамытудың 2050 жылға дейінгі стратегиясы')).toEqual({ city: 'Алматы', country: 'KZ' });
  });

  it('reads titles without «города», such as «Стратегический план развития Екатеринбурга»', () => {
    expect(guessCityFromTitle('Стратегический план развития Екатеринбурга')?.city).toBe('Екатеринбург');
  });

  it('prefers the city announced by «города» over one named in passing', () => {
    const title = 'Администрация города Омска\nСтратегия развития до 2030 года с учётом опыта Новосибирска';
    expect(guessCityFromTitle(title)?.city).toBe('Омск');
  });

  it('does not take the word «семей» (of families) for the city of Semey without «города»', () => {
    expect(guessCityFromTitle('Программа поддержки молодых семей на 2024–2026 годы')).toBeUndefined();
    expect(guessCityFromTitle('Стратегия развития города Семей до 2030 года')?.city).toBe('Семей');
  });

  it('falls back to the file name with source "filename"', () => {
    expect(cityFromFileName('corpus/tver_strategy_2030.pdf')).toBe('tver');
    expect(guessCity('Стратегия развития', 'tver_strategy_2030.pdf')).toEqual({ city: 'tver', country: '', level: '', source: 'filename' });
  });
});

// Title pages written for these tests in the shape real strategies use (DOMAIN.md, «The
// documents»); none is copied from a data file.
describe('territories and their level on a title page', () => {
  it('a regional strategy is the region, not a city: «…Алтайского края»', () => {
    const title = 'Правительство Алтайского края\nСТРАТЕГИЯ социально-экономического развития Алтайского края до 2035 года\nг. Барнаул, 2021';
    expect(guessTerritoryFromTitle(title)).toEqual({ city: 'Алтайский край', country: 'RU', level: 'region' });
  });

  it('«…Тюменской области» is a region although «Тюмень» is a known city', () => {
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Тюменской области до 2030 года')).toMatchObject({ city: 'Тюменская область', level: 'region' });
  });

  it('a city strategy that names its region stays the city (Sochi, not Krasnodar or the krai)', () => {
    const title = 'Стратегия социально-экономического развития муниципального образования городской округ город-курорт Сочи Краснодарского края до 2030 года';
    expect(guessTerritoryFromTitle(title)).toEqual({ city: 'Сочи', country: 'RU', level: 'city', region: 'Краснодарский край' });
  });

  it('a city of a region named elsewhere on the page takes the region from the city list', () => {
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития города Барнаула на период до 2030 года')).toEqual({ city: 'Барнаул', country: 'RU', level: 'city', region: 'Алтайский край' });
  });

  it('a municipal district, in Russian and in Kazakh', () => {
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Смоленского района Алтайского края на период до 2035 года')).toEqual({ city: 'Смоленский район', country: 'RU', level: 'district', region: 'Алтайский край' });
    expect(guessTerritoryFromTitle('Стратегия развития Зеленодольского муниципального района Республики Татарстан до 2030 года')).toMatchObject({ city: 'Зеленодольский район', level: 'district', region: 'Республика Татарстан' });
    expect(guessTerritoryFromTitle('Алматы облысы Қарасай ауданын дамытудың 2021–2025 жылдарға арналған бағдарламасы')).toEqual({ city: 'Қарасай ауданы', country: 'KZ', level: 'district', region: 'Алматинская область' });
  });

  it('a Kazakh oblast «…облысының» and a city of republican significance', () => {
    expect(guessTerritoryFromTitle('Түркістан облысының әлеуметтік-экономикалық дамуының 2030 жылға дейінгі стратегиясы')).toMatchObject({ city: 'Туркестанская область', country: 'KZ', level: 'region' });
    expect(guessTerritoryFromTitle('Алматы қаласын дамытудың 2050 жылға дейінгі стратегиясы')).toEqual({ city: 'Алматы', country: 'KZ', level: 'republican_city' });
    expect(guessTerritoryFromTitle('Стратегия развития Алматинской области до 2030 года')).toMatchObject({ city: 'Алматинская область', level: 'region' });
  });

  it('republics, autonomous okrugs and federal cities', () => {
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Республики Башкортостан на период до 2030 года')?.city).toBe('Республика Башкортостан');
    expect(guessTerritoryFromTitle('Стратегия развития Ханты-Мансийского автономного округа — Югры до 2036 года')).toMatchObject({ city: 'Ханты-Мансийский автономный округ — Югра', level: 'region' });
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Удмуртской Республики на период до 2025 года')?.city).toBe('Удмуртская Республика');
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Санкт-Петербурга на период до 2035 года')).toEqual({ city: 'Санкт-Петербург', country: 'RU', level: 'federal_city' });
  });

  it('the region of a capital (Новосибирск) is not taken for the region itself, nor the reverse', () => {
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития города Новосибирска на период до 2030 года')).toMatchObject({ city: 'Новосибирск', level: 'city', region: 'Новосибирская область' });
    expect(guessTerritoryFromTitle('Стратегия социально-экономического развития Новосибирской области на период до 2030 года')).toMatchObject({ city: 'Новосибирская область', level: 'region' });
  });

  it('a name made from the list takes case endings only: «Кызылорда» is not «Кызыл»', () => {
    expect(findTerritories('Стратегия развития города Кызылорды').map((m) => m.name)).toEqual(['Кызылорда']);
    expect(findTerritories('Стратегия развития города Пензы').map((m) => m.name)).toEqual(['Пенза']);
  });

  it('the 89 Russian federal subjects and 17 Kazakh oblasts are listed', () => {
    const regions = KNOWN_REGIONS.filter((r) => r.country === 'RU').length + KNOWN_CITIES.filter((c) => c.level === 'federal_city').length;
    expect(regions).toBe(89);
    expect(KNOWN_REGIONS.filter((r) => r.country === 'KZ')).toHaveLength(17);
    expect(KNOWN_CITIES.filter((c) => c.level === 'republican_city').map((c) => c.name).sort()).toEqual(['Алматы', 'Астана', 'Шымкент']);
  });

  it('every region is found by its own name, and by no other region', () => {
    for (const r of KNOWN_REGIONS) {
      expect([...new Set(findTerritories(r.name).map((m) => m.name))], r.name).toEqual([r.name]);
    }
  });

  it('a manifest name gives its level: region, district, city with its region', () => {
    expect(territoryOfName('Алтайский край')).toEqual({ level: 'region', country: 'RU' });
    expect(territoryOfName('Смоленский район')).toMatchObject({ level: 'district' });
    expect(territoryOfName('Сочи')).toEqual({ level: 'city', country: 'RU', region: 'Краснодарский край' });
    expect(territoryOfName('Шымкент')).toEqual({ level: 'republican_city', country: 'KZ' });
    expect(territoryOfName('Тверская губерния XIX века')).toBeUndefined();
  });
});
