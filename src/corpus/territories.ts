// The first-level territories a strategy can belong to: the 89 federal subjects of Russia and
// the 17 oblasts of Kazakhstan (the cities of federal and of republican significance, which
// have the standing of a region, are in ./cities.ts with their level).
//
// Sources of the facts (the list is written here, not copied): the Constitution of the
// Russian Federation, art. 65, as amended in 2022 (89 subjects: 24 republics, 9 krais,
// 48 oblasts, 3 federal cities, 1 autonomous oblast, 4 autonomous okrugs); the Kazakh
// administrative division after the 2022 reform (17 oblasts, with Abai, Zhetisu and Ulytau).
// Capitals are the administrative centres named in the subjects' charters; where a centre
// is disputed or not fixed (Московская, Ленинградская, Запорожская, Херсонская области) none
// is given. Kazakh names are the official Kazakh forms («Алматы облысы»).
import type { Country } from '../records.js';

export type RegionKind = 'republic' | 'krai' | 'oblast' | 'autonomous_oblast' | 'autonomous_okrug';

export interface KnownRegion {
  /** The Russian name in the nominative, as a table shows it. */
  name: string;
  country: Country;
  kind: RegionKind;
  /**
   * How a title writes it, as word patterns: each word is a stem matched at a word start and
   * followed by any letters («алтайск кра[йяюе]» finds «Алтайского края»). Derived from the
   * name when not given (see regionForms).
   */
  forms: string[];
  /** Its administrative centre, where one is fixed. */
  capital?: string;
}

// [name, kind, capital, extra forms]
type Row = [string, RegionKind, string?, string[]?];

const RU: Row[] = [
  // Republics. A republic named by a proper noun is also written without «Республика».
  ['Республика Адыгея', 'republic', 'Майкоп', ['адыге[ияю]']],
  ['Республика Алтай', 'republic', 'Горно-Алтайск', ['республик алтай']],
  ['Республика Башкортостан', 'republic', 'Уфа', ['башкортостан', 'башкири']],
  ['Республика Бурятия', 'republic', 'Улан-Удэ', ['бурят[ияю]']],
  ['Республика Дагестан', 'republic', 'Махачкала', ['дагестан']],
  ['Республика Ингушетия', 'republic', 'Магас', ['ингушет']],
  ['Кабардино-Балкарская Республика', 'republic', 'Нальчик'],
  ['Республика Калмыкия', 'republic', 'Элиста', ['калмыки']],
  ['Карачаево-Черкесская Республика', 'republic', 'Черкесск'],
  ['Республика Карелия', 'republic', 'Петрозаводск', ['карели']],
  ['Республика Коми', 'republic', 'Сыктывкар', ['республик коми']],
  ['Республика Крым', 'republic', 'Симферополь', ['республик крым']],
  ['Республика Марий Эл', 'republic', 'Йошкар-Ола', ['марий эл']],
  ['Республика Мордовия', 'republic', 'Саранск', ['мордови']],
  ['Республика Саха (Якутия)', 'republic', 'Якутск', ['республик саха', 'якути']],
  ['Республика Северная Осетия — Алания', 'republic', 'Владикавказ', ['северн осети']],
  ['Республика Татарстан', 'republic', 'Казань', ['татарстан']],
  ['Республика Тыва', 'republic', 'Кызыл', ['республик тыв', 'тувинск республик']],
  ['Удмуртская Республика', 'republic', 'Ижевск', ['удмурти']],
  ['Республика Хакасия', 'republic', 'Абакан', ['хакаси']],
  ['Чеченская Республика', 'republic', 'Грозный', ['чечн']],
  ['Чувашская Республика', 'republic', 'Чебоксары', ['чуваши']],
  ['Донецкая Народная Республика', 'republic', 'Донецк', ['донецк народн республик']],
  ['Луганская Народная Республика', 'republic', 'Луганск', ['луганск народн республик']],
  // Krais.
  ['Алтайский край', 'krai', 'Барнаул'],
  ['Забайкальский край', 'krai', 'Чита'],
  ['Камчатский край', 'krai', 'Петропавловск-Камчатский'],
  ['Краснодарский край', 'krai', 'Краснодар'],
  ['Красноярский край', 'krai', 'Красноярск'],
  ['Пермский край', 'krai', 'Пермь'],
  ['Приморский край', 'krai', 'Владивосток'],
  ['Ставропольский край', 'krai', 'Ставрополь'],
  ['Хабаровский край', 'krai', 'Хабаровск'],
  // Oblasts.
  ['Амурская область', 'oblast', 'Благовещенск'],
  ['Архангельская область', 'oblast', 'Архангельск'],
  ['Астраханская область', 'oblast', 'Астрахань'],
  ['Белгородская область', 'oblast', 'Белгород'],
  ['Брянская область', 'oblast', 'Брянск'],
  ['Владимирская область', 'oblast', 'Владимир'],
  ['Волгоградская область', 'oblast', 'Волгоград'],
  ['Вологодская область', 'oblast', 'Вологда'],
  ['Воронежская область', 'oblast', 'Воронеж'],
  ['Запорожская область', 'oblast'],
  ['Ивановская область', 'oblast', 'Иваново'],
  ['Иркутская область', 'oblast', 'Иркутск'],
  ['Калининградская область', 'oblast', 'Калининград'],
  ['Калужская область', 'oblast', 'Калуга'],
  ['Кемеровская область — Кузбасс', 'oblast', 'Кемерово', ['кузбасс']],
  ['Кировская область', 'oblast', 'Киров'],
  ['Костромская область', 'oblast', 'Кострома'],
  ['Курганская область', 'oblast', 'Курган'],
  ['Курская область', 'oblast', 'Курск'],
  ['Ленинградская область', 'oblast'],
  ['Липецкая область', 'oblast', 'Липецк'],
  ['Магаданская область', 'oblast', 'Магадан'],
  ['Московская область', 'oblast', undefined, ['подмосковь']],
  ['Мурманская область', 'oblast', 'Мурманск'],
  ['Нижегородская область', 'oblast', 'Нижний Новгород'],
  ['Новгородская область', 'oblast', 'Великий Новгород'],
  ['Новосибирская область', 'oblast', 'Новосибирск'],
  ['Омская область', 'oblast', 'Омск'],
  ['Оренбургская область', 'oblast', 'Оренбург'],
  ['Орловская область', 'oblast', 'Орёл'],
  ['Пензенская область', 'oblast', 'Пенза'],
  ['Псковская область', 'oblast', 'Псков'],
  ['Ростовская область', 'oblast', 'Ростов-на-Дону'],
  ['Рязанская область', 'oblast', 'Рязань'],
  ['Самарская область', 'oblast', 'Самара'],
  ['Саратовская область', 'oblast', 'Саратов'],
  ['Сахалинская область', 'oblast', 'Южно-Сахалинск'],
  ['Свердловская область', 'oblast', 'Екатеринбург'],
  ['Смоленская область', 'oblast', 'Смоленск'],
  ['Тамбовская область', 'oblast', 'Тамбов'],
  ['Тверская область', 'oblast', 'Тверь'],
  ['Томская область', 'oblast', 'Томск'],
  ['Тульская область', 'oblast', 'Тула'],
  ['Тюменская область', 'oblast', 'Тюмень'],
  ['Ульяновская область', 'oblast', 'Ульяновск'],
  ['Херсонская область', 'oblast'],
  ['Челябинская область', 'oblast', 'Челябинск'],
  ['Ярославская область', 'oblast', 'Ярославль'],
  // The autonomous oblast and okrugs.
  ['Еврейская автономная область', 'autonomous_oblast', 'Биробиджан'],
  ['Ненецкий автономный округ', 'autonomous_okrug', 'Нарьян-Мар'],
  ['Ханты-Мансийский автономный округ — Югра', 'autonomous_okrug', 'Ханты-Мансийск', ['югр[аыеу]', 'хмао']],
  ['Чукотский автономный округ', 'autonomous_okrug', 'Анадырь'],
  ['Ямало-Ненецкий автономный округ', 'autonomous_okrug', 'Салехард', ['янао']],
];

// Kazakh oblasts: [Russian name, capital, Kazakh name]. The Kazakh title form is the Kazakh
// name's first words + «облыс…» («Алматы облысының»); three new oblasts keep their Kazakh name
// in Russian too («область Абай»).
const KZ: [string, string, string][] = [
  ['область Абай', 'Семей', 'Абай облысы'],
  ['Акмолинская область', 'Кокшетау', 'Ақмола облысы'],
  ['Актюбинская область', 'Актобе', 'Ақтөбе облысы'],
  ['Алматинская область', 'Конаев', 'Алматы облысы'],
  ['Атырауская область', 'Атырау', 'Атырау облысы'],
  ['Западно-Казахстанская область', 'Уральск', 'Батыс Қазақстан облысы'],
  ['Жамбылская область', 'Тараз', 'Жамбыл облысы'],
  ['область Жетісу', 'Талдыкорган', 'Жетісу облысы'],
  ['Карагандинская область', 'Караганда', 'Қарағанды облысы'],
  ['Костанайская область', 'Костанай', 'Қостанай облысы'],
  ['Кызылординская область', 'Кызылорда', 'Қызылорда облысы'],
  ['Мангистауская область', 'Актау', 'Маңғыстау облысы'],
  ['Павлодарская область', 'Павлодар', 'Павлодар облысы'],
  ['Северо-Казахстанская область', 'Петропавловск', 'Солтүстік Қазақстан облысы'],
  ['Туркестанская область', 'Туркестан', 'Түркістан облысы'],
  ['область Ұлытау', 'Жезказган', 'Ұлытау облысы'],
  ['Восточно-Казахстанская область', 'Усть-Каменогорск', 'Шығыс Қазақстан облысы'],
];

const NOUN_STEM: Record<string, string> = {
  край: 'кра[йяюе]',
  область: 'област',
  республика: 'республик',
  автономный: 'автономн',
  автономная: 'автономн',
  округ: 'округ',
  народная: 'народн',
};

/**
 * The word patterns of a Russian name: adjectives cut to their stem («алтайск»), nouns to
 * theirs («кра[йяюе]»), words after a dash dropped («— Югра», «— Кузбасс» are named by their
 * extra forms). «Алтайский край» → «алтайск кра[йяюе]».
 */
export function regionForms(name: string): string {
  const words = name.replace(/\s+—.*$/, '').replace(/\s*\(.*\)$/, '').toLowerCase().replace(/ё/g, 'е').split(/\s+/);
  return words
    .map((w) => NOUN_STEM[w] ?? (/(ий|ый|ой|ая|ое)$/.test(w) ? w.slice(0, -2) : w))
    .join(' ');
}

function kazakhForms(kazakh: string): string[] {
  const words = kazakh.toLowerCase().split(/\s+/).slice(0, -1);
  return [[...words, 'облыс'].join(' ')];
}

export const KNOWN_REGIONS: readonly KnownRegion[] = [
  ...RU.map(([name, kind, capital, extra]): KnownRegion => ({
    name,
    country: 'RU',
    kind,
    forms: [...new Set([regionForms(name), ...(extra ?? [])])],
    ...(capital ? { capital } : {}),
  })),
  ...KZ.map(([name, capital, kazakh]): KnownRegion => {
    // «область Абай» is also written «области Абай», and in Kazakh «Абай облысы».
    const own = name.startsWith('область ') ? `област ${name.slice(8).toLowerCase()}` : regionForms(name);
    const latinFree = own.replace(/і/g, 'и').replace(/ұ/g, 'у');
    return { name, country: 'KZ', kind: 'oblast', forms: [...new Set([own, latinFree, ...kazakhForms(kazakh)])], capital };
  }),
];
