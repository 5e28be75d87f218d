// The territory of a document that is not in the manifest, and its level: from its title page
// («…города Казани…», «…Алтайского края», «…Смоленского района», «Алматы облысының»,
// «Қарасай ауданының»), else the city from its file name.
import { matchKey } from '../text/normalize.js';
import type { Country, TerritoryLevel } from '../records.js';
import { KNOWN_CITIES, type KnownCity } from './cities.js';
import { KNOWN_REGIONS } from './territories.js';

export interface CityGuess {
  city: string;
  country: Country | '';
  level: TerritoryLevel | '';
  /** The region a city or district lies in, when the title names it or the city list knows it. */
  region?: string;
  source: 'title' | 'filename';
}

/** A territory named in a text, with where. */
export interface TerritoryMention {
  name: string;
  country: Country;
  level: TerritoryLevel;
  /** The region the territory lies in, as the territory lists know it (cities only). */
  region?: string;
  start: number;
  end: number;
  /** Announced by «города / г. / городского округа» or followed by «қаласы»: surely a city. */
  contextual: boolean;
}

const LETTER = /[\p{L}]/u;
// Words that announce a city name in a Russian title, or follow it in a Kazakh one.
const BEFORE_CITY = /(?:город[а-я-]*|г\.|городского округа|округ[а-я]*)\s*$/u;
const AFTER_CITY = /^\s*қала/u;
// Case endings a city name made from the list takes (Барнаул-а, Пенз-ы, Твер-и): not an
// adjective («смоленского»), not a longer word («кызылорда»).
const CASE_ENDING = /^(?:|а|у|ом|е|ы|и|я|ю|ей|ем|ой|ью)$/u;

const REGION_PATTERNS = KNOWN_REGIONS.map((region) => ({
  region,
  patterns: region.forms.map(
    (form) => new RegExp(form.split(' ').map((w) => `(?<!\\p{L})${w}[\\p{L}]*`).join('[\\s\\u00a0]+'), 'gu'),
  ),
}));

// «Смоленского (муниципального) района», «Смоленский муниципальный район»; the adjective is
// a place name (-ский, -цкий), not «городского» or «сельского».
const RU_DISTRICT = /(?<!\p{L})([\p{L}-]+?(?:ск|цк)(?:ий|ого|ому|ом|ой))[\s\u00a0]+(?:муниципальн\p{L}*[\s\u00a0]+)?район(?:а|е|у|ом)?(?!\p{L})/gu;
const NOT_A_PLACE = /^(?:городск|сельск|поселковск|районн)/u;
// «Қарасай ауданы», «Талғар ауданының».
const KK_DISTRICT = /(?<!\p{L})(\p{L}[\p{L}-]*)[\s\u00a0]+аудан(?:ы|ының|ын|ында|ына)(?!\p{L})/gu;
const KK_NOT_A_PLACE = /^(?:осы|бұл|әкімшілік|ауыл|қала|облыс|және)$/u;

/** Every territory named in the text: regions first, then districts, then cities outside them. */
export function findTerritories(text: string): TerritoryMention[] {
  const key = matchKey(text);
  const found: TerritoryMention[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  const add = (m: TerritoryMention): void => {
    if (!free(m.start, m.end)) return;
    found.push(m);
    taken.push([m.start, m.end]);
  };
  // Regions first: their adjectives hold city stems («Краснодарского края», «Омской области»).
  const regionHits: TerritoryMention[] = [];
  for (const { region, patterns } of REGION_PATTERNS) {
    for (const re of patterns) {
      for (const m of key.matchAll(re)) {
        regionHits.push({ name: region.name, country: region.country, level: 'region', start: m.index, end: m.index + m[0].length, contextual: true });
      }
    }
  }
  regionHits.sort((a, b) => a.start - b.start || b.end - a.end).forEach(add);
  for (const m of key.matchAll(RU_DISTRICT)) {
    const adjective = m[1]!;
    if (NOT_A_PLACE.test(adjective)) continue;
    add({ name: `${titleCase(adjective.replace(/(?:ого|ому|ом)$/u, 'ий'))} район`, country: 'RU', level: 'district', start: m.index, end: m.index + m[0].length, contextual: true });
  }
  for (const m of key.matchAll(KK_DISTRICT)) {
    const word = m[1]!;
    if (KK_NOT_A_PLACE.test(word)) continue;
    add({ name: `${titleCase(word)} ауданы`, country: 'KZ', level: 'district', start: m.index, end: m.index + m[0].length, contextual: true });
  }
  const cityHits: TerritoryMention[] = [];
  for (const city of KNOWN_CITIES) {
    for (const hit of formHits(key, city)) {
      cityHits.push({
        name: city.name,
        country: city.country,
        level: city.level,
        ...(city.region ? { region: city.region } : {}),
        ...hit,
      });
    }
  }
  // At one place the longest name wins («Петропавловск-Камчатский» over «Петропавловск»).
  cityHits.sort((a, b) => a.start - b.start || b.end - a.end).forEach(add);
  return found.sort((a, b) => a.start - b.start);
}

function formHits(key: string, city: KnownCity): { start: number; end: number; contextual: boolean }[] {
  const hits: { start: number; end: number; contextual: boolean }[] = [];
  for (const form of city.forms) {
    let from = 0;
    for (;;) {
      const i = key.indexOf(form, from);
      if (i < 0) break;
      from = i + 1;
      if (i > 0 && LETTER.test(key[i - 1] ?? '')) continue; // not at a word start
      let end = i + form.length;
      while (end < key.length && LETTER.test(key[end] ?? '')) end++;
      if (city.maxSuffix !== undefined && !CASE_ENDING.test(key.slice(i + form.length, end))) continue;
      const contextual = BEFORE_CITY.test(key.slice(Math.max(0, i - 24), i)) || AFTER_CITY.test(key.slice(end, end + 12));
      if (city.needsContext && !contextual) continue;
      hits.push({ start: i, end, contextual });
    }
  }
  return hits;
}

function titleCase(word: string): string {
  return word.replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

// A Russian title names its territory after the kind of document («Стратегия … развития
// Алтайского края до 2035 года»); a Kazakh one before the word for development («Алматы
// облысын дамытудың …»). The first words are the anchors; the year ends a Russian title.
const RU_ANCHOR = /(?<!\p{L})(?:стратеги|развити|план|программ)\p{L}*/gu;
const KK_ANCHOR = /(?<!\p{L})(?:дамыт|даму)\p{L}*/gu;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/u;
const RU_TITLE_CHARS = 300;
const KK_TITLE_CHARS = 100;

interface Anchored {
  at: number;
  mention: TerritoryMention;
}

function anchoredSubject(key: string, mentions: readonly TerritoryMention[]): TerritoryMention | undefined {
  let best: Anchored | undefined;
  for (const a of key.matchAll(RU_ANCHOR)) {
    const from = a.index + a[0].length;
    const rest = key.slice(from, from + RU_TITLE_CHARS);
    const year = YEAR.exec(rest);
    const until = from + (year ? year.index : rest.length);
    const m = mentions.find((x) => x.start >= from && x.start < until);
    if (m) {
      best = { at: a.index, mention: m };
      break;
    }
  }
  for (const a of key.matchAll(KK_ANCHOR)) {
    if (best && a.index > best.at) break;
    const before = mentions.filter((x) => x.end <= a.index && x.end >= a.index - KK_TITLE_CHARS);
    const m = before[before.length - 1];
    if (m) {
      best = { at: a.index, mention: m };
      break;
    }
  }
  return best?.mention;
}

/**
 * The territory a title page is about, with its level. The territory the title names after
 * «Стратегия … развития» (before «дамыту» in Kazakh) wins; a city or district named with its
 * region («…Сочи Краснодарского края») stays the city and gets the region. Without such a
 * title, a name announced by «города …» / «… қаласы» wins over a bare one; among equals the
 * first in the text.
 */
export function guessTerritoryFromTitle(titleText: string): Omit<CityGuess, 'source'> | undefined {
  const key = matchKey(titleText);
  const mentions = findTerritories(titleText);
  if (mentions.length === 0) return undefined;
  const subject =
    anchoredSubject(key, mentions) ??
    [...mentions].sort((a, b) => Number(b.contextual) - Number(a.contextual) || a.start - b.start)[0]!;
  let region: string | undefined;
  if (subject.level === 'city' || subject.level === 'district') {
    const named = mentions.filter((m) => m.level === 'region' && m.country === subject.country);
    region = (named.find((m) => m.start >= subject.end) ?? named[0])?.name ?? subject.region;
  }
  return { city: subject.name, country: subject.country, level: subject.level, ...(region ? { region } : {}) };
}

/** The city named on a title page (any territory: a region or district too). */
export function guessCityFromTitle(titleText: string): { city: string; country: Country } | undefined {
  const t = guessTerritoryFromTitle(titleText);
  return t ? { city: t.city, country: t.country as Country } : undefined;
}

/**
 * The level (and region) of a territory name a manifest gives, when the name is one the lists
 * know or has the shape of a district: «Алтайский край» → region, «Сочи» → city in
 * Краснодарский край, «Смоленский район» → district.
 */
export function territoryOfName(name: string): { level: TerritoryLevel; country: Country; region?: string } | undefined {
  const trimmed = name.trim();
  const whole = findTerritories(trimmed).find((m) => m.start === 0 && m.end >= trimmed.replace(/[\s.»"]+$/u, '').length - 2);
  if (!whole) return undefined;
  return { level: whole.level, country: whole.country, ...(whole.region ? { region: whole.region } : {}) };
}

/** The city from a file name such as `kazan_strategy_2030.pdf` → «kazan». */
export function cityFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const first = base.split(/[_\s.]+/).find((p) => /\p{L}/u.test(p)) ?? base;
  return first.replace(/-\d+$/, '');
}

export function guessCity(titleText: string, fileName: string): CityGuess {
  const fromTitle = guessTerritoryFromTitle(titleText);
  if (fromTitle) return { ...fromTitle, source: 'title' };
  return { city: cityFromFileName(fileName), country: '', level: '', source: 'filename' };
}
