// Cities a title page may name, with the word forms a title uses, for documents that are
// not in the manifest. Forms are the nominative, the genitive of the Russian title template
// («Стратегия … города Казани») and the Kazakh forms («Алматы қаласын…», «Астана қаласының»).
// The list covers the cities of the study's Table 5 and the largest cities of Russia and
// Kazakhstan (population rankings of Rosstat 2021 census and the Bureau of National
// Statistics of Kazakhstan 2023); extend it as new strategies arrive.
import type { Country } from '../records.js';

export interface KnownCity {
  name: string;
  country: Country;
  /** Stems or whole forms matched case-insensitively at a word start. */
  forms: string[];
  /** The forms are also ordinary words (семей 'of families', орал): accept them only
   * right after «город/г.» or before «қаласы». */
  needsContext?: boolean;
}

export const KNOWN_CITIES: readonly KnownCity[] = [
  { name: 'Москва', country: 'RU', forms: ['москв'] },
  { name: 'Санкт-Петербург', country: 'RU', forms: ['санкт-петербург'] },
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
  { name: 'Набережные Челны', country: 'RU', forms: ['набережные челны', 'набережных челнов'] },
  { name: 'Алматы', country: 'KZ', forms: ['алматы'] },
  { name: 'Астана', country: 'KZ', forms: ['астан'] },
  { name: 'Шымкент', country: 'KZ', forms: ['шымкент'] },
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
