// Cities a title page may name, with the word forms a title uses, for documents that are
// not in the manifest. Forms are the nominative, the genitive of the Russian title template
// («Стратегия … города Казани») and the Kazakh forms («Алматы қаласын…», «Астана қаласының»).
// The list covers the cities of the study's Table 5 and the largest cities of Russia and
// Kazakhstan (population rankings of Rosstat 2021 census and the Bureau of National
// Statistics of Kazakhstan 2023), and, with forms made from the name, the administrative
// centre of every region in ./territories.ts; extend it as new strategies arrive.
import type { Country, TerritoryLevel } from '../records.js';
import { KNOWN_REGIONS } from './territories.js';

export interface KnownCity {
  name: string;
  country: Country;
  /** 'city', or a city with the standing of a region (federal / republican significance). */
  level: Extract<TerritoryLevel, 'city' | 'federal_city' | 'republican_city'>;
  /** The region it lies in (from KNOWN_REGIONS' capitals, or given here). */
  region?: string;
  /** Stems or whole forms matched case-insensitively at a word start. */
  forms: string[];
  /** The forms are also ordinary words (семей 'of families', орал): accept them only
   * right after «город/г.» or before «қаласы». */
  needsContext?: boolean;
  /** A form matches a word that begins with it and has at most this many letters more
   *  (forms made from a name: its case endings, not another word: «кызыл» ≠ «кызылорда»). */
  maxSuffix?: number;
}

type HandListed = Omit<KnownCity, 'level'> & { level?: KnownCity['level'] };

const HAND_LISTED: readonly HandListed[] = [
  { name: 'Москва', country: 'RU', forms: ['москв'], level: 'federal_city' },
  { name: 'Санкт-Петербург', country: 'RU', forms: ['санкт-петербург'], level: 'federal_city' },
  { name: 'Севастополь', country: 'RU', forms: ['севастопол'], level: 'federal_city' },
  { name: 'Новосибирск', country: 'RU', forms: ['новосибирск'] },
  { name: 'Екатеринбург', country: 'RU', forms: ['екатеринбург'] },
  { name: 'Казань', country: 'RU', forms: ['казань', 'казани'] },
  { name: 'Нижний Новгород', country: 'RU', forms: ['нижний новгород', 'нижнего новгорода', 'нижнем новгороде'] },
  { name: 'Челябинск', country: 'RU', forms: ['челябинск'] },
  { name: 'Красноярск', country: 'RU', forms: ['красноярск'] },
  { name: 'Самара', country: 'RU', forms: ['самар'] },
  { name: 'Уфа', country: 'RU', forms: ['уфа', 'уфы', 'уфе'] },
  { name: 'Ростов-на-Дону', country: 'RU', forms: ['ростов-на-дону', 'ростова-на-дону'] },
  { name: 'Омск', country: 'RU', forms: ['омск'] },
  { name: 'Краснодар', country: 'RU', forms: ['краснодар'] },
  { name: 'Воронеж', country: 'RU', forms: ['воронеж'] },
  { name: 'Пермь', country: 'RU', forms: ['пермь', 'перми'] },
  { name: 'Волгоград', country: 'RU', forms: ['волгоград'] },
  { name: 'Тюмень', country: 'RU', forms: ['тюмень', 'тюмени'] },
  { name: 'Томск', country: 'RU', forms: ['томск'] },
  { name: 'Иркутск', country: 'RU', forms: ['иркутск'] },
  { name: 'Хабаровск', country: 'RU', forms: ['хабаровск'] },
  { name: 'Ульяновск', country: 'RU', forms: ['ульяновск'] },
  { name: 'Ижевск', country: 'RU', forms: ['ижевск'] },
  { name: 'Набережные Челны', country: 'RU', forms: ['набережные челны', 'набережных челнов'], region: 'Республика Татарстан' },
  { name: 'Сочи', country: 'RU', forms: ['сочи'], region: 'Краснодарский край' },
  { name: 'Тольятти', country: 'RU', forms: ['тольятти'], region: 'Самарская область' },
  { name: 'Новокузнецк', country: 'RU', forms: ['новокузнецк'], region: 'Кемеровская область — Кузбасс' },
  { name: 'Магнитогорск', country: 'RU', forms: ['магнитогорск'], region: 'Челябинская область' },
  { name: 'Белокуриха', country: 'RU', forms: ['белокурих'], region: 'Алтайский край' },
  { name: 'Алматы', country: 'KZ', forms: ['алматы'], level: 'republican_city' },
  { name: 'Астана', country: 'KZ', forms: ['астан'], level: 'republican_city' },
  { name: 'Шымкент', country: 'KZ', forms: ['шымкент'], level: 'republican_city' },
  { name: 'Караганда', country: 'KZ', forms: ['караганд', 'қарағанд'] },
  { name: 'Актобе', country: 'KZ', forms: ['актобе', 'ақтөбе'] },
  { name: 'Тараз', country: 'KZ', forms: ['тараз'] },
  { name: 'Павлодар', country: 'KZ', forms: ['павлодар'] },
  { name: 'Усть-Каменогорск', country: 'KZ', forms: ['усть-каменогорск', 'өскемен'] },
  { name: 'Семей', country: 'KZ', forms: ['семей', 'семея'], needsContext: true },
  { name: 'Атырау', country: 'KZ', forms: ['атырау'] },
  { name: 'Костанай', country: 'KZ', forms: ['костана', 'қостанай'] },
  { name: 'Кызылорда', country: 'KZ', forms: ['кызылорд', 'қызылорда'] },
  { name: 'Уральск', country: 'KZ', forms: ['уральск', 'орал'], needsContext: true },
  { name: 'Петропавловск', country: 'KZ', forms: ['петропавловск', 'петропавл'] },
  { name: 'Актау', country: 'KZ', forms: ['актау', 'ақтау'] },
  { name: 'Туркестан', country: 'KZ', forms: ['туркестан', 'түркістан'] },
];

// Names whose made forms are also ordinary words or names: accepted only after «город/г.».
const COMMON_WORDS = new Set(['Владимир', 'Киров', 'Курган', 'Орёл', 'Грозный', 'Иваново', 'Чита', 'Тула', 'Магас', 'Кызыл']);

/**
 * The title forms of a city's name: the name itself and, for a declined name, its stem
 * («Барнаул» → «барнаул»; «Пенза» → «пенз»; «Тверь» → «твер» + ь/и/я; «Орёл» → «орел», «орл»).
 */
export function cityForms(name: string): string[] {
  const lower = name.toLowerCase().replace(/ё/g, 'е');
  if (/[ая]$/.test(lower)) return [lower.slice(0, -1)];
  if (/ь$/.test(lower)) return [lower, `${lower.slice(0, -1)}и`, `${lower.slice(0, -1)}я`];
  if (/ый$/.test(lower)) return [lower, lower.slice(0, -2)];
  if (/[еоё]л$/.test(lower)) return [lower, lower.slice(0, -2) + 'л']; // Орёл → Орла
  if (/о$/.test(lower)) return [lower, lower.slice(0, -1)];
  return [lower];
}

const handNames = new Set(HAND_LISTED.map((c) => c.name));
const capitalOf = new Map(KNOWN_REGIONS.flatMap((r) => (r.capital ? [[r.capital, r.name] as [string, string]] : [])));

export const KNOWN_CITIES: readonly KnownCity[] = [
  ...HAND_LISTED.map((c): KnownCity => {
    const region = c.region ?? capitalOf.get(c.name);
    return { ...c, level: c.level ?? 'city', ...(region && c.level === undefined ? { region } : {}) };
  }),
  ...KNOWN_REGIONS.flatMap((r): KnownCity[] =>
    r.capital && !handNames.has(r.capital)
      ? [{
          name: r.capital,
          country: r.country,
          level: 'city',
          region: r.name,
          forms: cityForms(r.capital),
          maxSuffix: 3,
          ...(COMMON_WORDS.has(r.capital) || cityForms(r.capital).some((f) => f.length < 5) ? { needsContext: true } : {}),
        }]
      : [],
  ),
];
