// One Table 5 row per city from the per-document results.
//
// Keys: a city is its name (compared by matchKey, so «Алматы» and «АЛМАТЫ» are one city) plus
// its country; a document within a city is file + edition year, so the same file listed twice
// in the manifest counts once, while two editions of a strategy both stay in the row and the
// row says which documents (and editions) it rests on.
// Order: RU cities, then KZ, then others, each in manifest order (first document of the city).
import type { CityRow, Country, DocumentResult, LangCode, Mention } from '../records.js';
import { matchKey } from '../text/normalize.js';
import { linkLanguages } from './bilingual.js';
import { compare, groupStatements, priorityStatements, toPriorityItem } from './dedupe.js';
import { cityStatus } from './status.js';

const COUNTRY_ORDER: Record<string, number> = { RU: 0, KZ: 1 };
/** Languages below this share of a document's text are not listed for the city. */
const LANGUAGE_MIN_SHARE = 0.1;

interface CityGroup {
  key: string;
  city: string;
  country: Country | '';
  firstIndex: number;
  documents: DocumentResult[];
}

/** `topicLabel` names the topic in status notes («cluster policy», from the rule files). */
export function buildCityRows(documents: DocumentResult[], topicLabel = 'cluster policy'): CityRow[] {
  const groups = groupByCity(documents);
  return groups
    .sort((a, b) => (COUNTRY_ORDER[a.country] ?? 2) - (COUNTRY_ORDER[b.country] ?? 2) || a.firstIndex - b.firstIndex)
    .map((g) => cityRow(g, topicLabel));
}

/** Document identity inside a city: file + edition year. */
export function documentKey(d: DocumentResult): string {
  return `${d.entry.file}\u0000${d.entry.year}`;
}

export function cityKey(city: string, country: string): string {
  return `${matchKey(city.trim())}\u0000${country}`;
}

function groupByCity(documents: readonly DocumentResult[]): CityGroup[] {
  const groups = new Map<string, CityGroup>();
  documents.forEach((d, index) => {
    // A file with the same bytes as one before it is counted once, under the first.
    if (d.entry.duplicateOf !== undefined) return;
    const key = cityKey(d.entry.city, d.entry.country);
    let group = groups.get(key);
    if (!group) {
      group = { key, city: d.entry.city.trim(), country: d.entry.country, firstIndex: index, documents: [] };
      groups.set(key, group);
    }
    if (!group.documents.some((x) => documentKey(x) === documentKey(d))) group.documents.push(d);
  });
  return [...groups.values()];
}

function cityRow(group: CityGroup, topicLabel: string): CityRow {
  const unitOrder = new Map<string, number>();
  let position = 0;
  for (const d of group.documents) for (const u of d.units) unitOrder.set(u.id, position++);
  // Mentions whose unit is missing from `units` still count, after the listed ones.
  const mentions: Mention[] = group.documents.flatMap((d) => d.mentions);
  for (const m of mentions) if (!unitOrder.has(m.unitId)) unitOrder.set(m.unitId, position++);

  const statements = priorityStatements(mentions, unitOrder);
  const items = linkLanguages(groupStatements(statements).map(toPriorityItem));
  const contextUnits = new Set(mentions.filter((m) => m.kind === 'context').map((m) => m.unitId)).size;
  const otherSenseUnits = new Set(mentions.filter((m) => m.kind === 'other_sense').map((m) => m.unitId)).size;
  const uncertain = mentions.filter((m) => m.uncertain === true).sort((a, b) => unitOrder.get(a.unitId)! - unitOrder.get(b.unitId)!);
  // A unit counts as certain when one of its mentions of that kind was decided with confidence.
  const certainUnits = (kind: Mention['kind']): number => new Set(mentions.filter((m) => m.kind === kind && m.uncertain !== true).map((m) => m.unitId)).size;
  const { status, statusNote } = cityStatus({
    documents: group.documents,
    priorities: certainUnits('priority') > 0 ? items.length : 0,
    contextUnits: certainUnits('context'),
    otherSenseUnits,
    uncertain,
    topicLabel,
  });

  return {
    city: group.city,
    country: group.country,
    level: group.documents.find((d) => d.entry.level)?.entry.level ?? '',
    region: group.documents.find((d) => d.entry.region)?.entry.region ?? '',
    status,
    statusNote,
    languages: cityLanguages(group.documents),
    bilingualDocuments: group.documents
      .filter((d) => d.bilingual)
      .map((d) => ({ file: d.entry.file, languages: d.languages.filter((l) => l.lang !== 'und' && l.share >= LANGUAGE_MIN_SHARE) })),
    documents: group.documents.map((d) => d.entry.file),
    priorities: items,
    sectors: sectorsByFrequency(items.map((i) => i.sectors)),
    contextMentions: contextUnits,
    otherSenseMentions: otherSenseUnits,
  };
}

function cityLanguages(documents: readonly DocumentResult[]): LangCode[] {
  const total = new Map<LangCode, number>();
  for (const d of documents) {
    for (const { lang, share } of d.languages) {
      if (lang === 'und' || share < LANGUAGE_MIN_SHARE) continue;
      total.set(lang, (total.get(lang) ?? 0) + share);
    }
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([lang]) => lang);
}

/** Sectors of a city's priorities, most frequent first, ties alphabetical. */
function sectorsByFrequency(lists: readonly string[][]): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([s]) => s);
}
