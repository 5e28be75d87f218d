// The tabular views every export shares (CSV files, XLSX sheets): one place decides the
// columns and the row order, so table5.csv and the Table5 sheet can never disagree.
import type { CityRow, DocumentResult, Mention, RunResult, Unit } from '../records.js';
import { pageRanges } from '../aggregate/page-ranges.js';
import { evidenceText, priorityWithLeadIn } from './evidence.js';
import { COUNTRY_ORDER, label, labelList, sortSectors, type Labels } from './labels.js';

export type Cell = string | number;
export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

const LIST = '; ';

export function table5Table(rows: readonly CityRow[], labels?: Labels): Table {
  return {
    name: 'Table5',
    header: [
      'city',
      'country',
      'status',
      'status_note',
      'languages',
      'documents',
      'priority_count',
      'priorities',
      'sectors',
      'context_mentions',
      'other_sense_mentions',
      // Appended last so scripts that read the earlier columns by position keep working.
      'bilingual',
      'level',
      'region',
    ],
    rows: rows.map((r) => [
      r.city,
      r.country,
      r.status,
      r.statusNote,
      r.languages.join(LIST),
      r.documents.join(LIST),
      r.priorities.length,
      r.priorities
        .map((p) => {
          const sectors = p.sectors.length > 0 ? ` [${labelList(p.sectors, labels)}]` : '';
          const kk = (p.translations ?? []).map((t) => ` / ${t.lang}: ${t.text}`).join('');
          return `${priorityWithLeadIn(p)}${kk}${sectors} (${evidenceText(p.evidence)})`;
        })
        .join('\n'),
      labelList(r.sectors, labels),
      r.contextMentions,
      r.otherSenseMentions,
      bilingualText(r),
      r.level,
      r.region,
    ]),
  };
}

/** «file: kaz 51%, rus 49%» for each bilingual document of a city; '' when there is none. */
export function bilingualText(row: CityRow): string {
  return row.bilingualDocuments
    .map((b) => `${b.file}: ${b.languages.map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(', ')}`)
    .join(LIST);
}

/** City of every document, as the aggregate keyed it. */
export function cityOf(run: RunResult): Map<string, { city: string; country: string }> {
  const out = new Map<string, { city: string; country: string }>();
  for (const d of run.documents) out.set(d.entry.file, { city: d.entry.city.trim(), country: d.entry.country });
  return out;
}

/**
 * Mentions in reading order: documents as in the manifest, units in document order, then
 * offset. The rules emit a document's mentions unit by unit in reading order, so a unit's
 * place is where its first mention is: the units themselves (read from the store, megabytes
 * for a long document) are not needed.
 */
export function orderedMentions(documents: readonly DocumentResult[]): Mention[] {
  const out: Mention[] = [];
  for (const d of documents) {
    const order = new Map<string, number>();
    for (const m of d.mentions) if (!order.has(m.unitId)) order.set(m.unitId, order.size);
    const sorted = [...d.mentions].sort((a, b) => order.get(a.unitId)! - order.get(b.unitId)! || a.start - b.start || a.end - b.end);
    // One by one: spreading a document's mentions as arguments overflows the stack when there are ~100k.
    for (const m of sorted) out.push(m);
  }
  return out;
}

export const MENTION_COLUMNS = [
  'city',
  'country',
  'file',
  'page',
  'unit_id',
  'language',
  'kind',
  'uncertain',
  'sectors',
  'measures',
  'targets',
  'rule_ids',
  'terms',
  'start',
  'end',
  'text',
  'lead_in',
  'heading_path',
  'block_kind',
  'ocr',
];

export function mentionsTable(run: RunResult): Table {
  const cities = cityOf(run);
  return {
    name: 'Mentions',
    header: MENTION_COLUMNS,
    rows: orderedMentions(run.documents).map((m) => {
      const c = cities.get(m.file);
      return [
        c?.city ?? '',
        c?.country ?? '',
        m.file,
        m.page,
        m.unitId,
        m.lang,
        m.kind,
        m.uncertain ? 'yes' : '',
        m.sectors.join(LIST),
        m.measures.join(LIST),
        m.targets.join(LIST),
        m.ruleIds.join(LIST),
        m.terms.join(LIST),
        m.start,
        m.end,
        m.text,
        m.leadIn ?? '',
        m.headingPath.join(' > '),
        m.blockKind,
        m.ocr ? 'yes' : 'no',
      ];
    }),
  };
}

/** Pages of a document whose text could not be read (all of them when nothing was read). */
export function pagesWithoutText(d: DocumentResult): number {
  const whole = d.doc.status !== 'ok' && d.doc.status !== 'partial' ? d.doc.pageCount : 0;
  return Math.max(d.doc.unreadablePages.length, whole);
}

export function documentsTable(run: RunResult): Table {
  return {
    name: 'Documents',
    header: [
      'city',
      'country',
      'file',
      'title',
      'year',
      'format',
      'pages',
      'pages_without_text',
      'unreadable_pages',
      'ocr_pages',
      'languages',
      'bilingual',
      'status',
      'message',
      'sha256',
      // Appended last, as in table5.csv.
      'level',
      'region',
    ],
    rows: run.documents.map((d) => [
      d.entry.city.trim(),
      d.entry.country,
      d.entry.file,
      d.entry.title,
      d.entry.year,
      d.doc.format,
      d.doc.pageCount,
      pagesWithoutText(d),
      pageRanges(d.doc.unreadablePages),
      pageRanges(d.doc.ocrPages),
      d.languages.map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(LIST),
      d.bilingual ? 'yes' : 'no',
      d.doc.status,
      d.doc.message,
      d.doc.sha256,
      d.entry.level ?? '',
      d.entry.region ?? '',
    ]),
  };
}

/**
 * One row per page of every document: how it was read (triage, OCR, the reader's note), how
 * many units it gave, and its languages. For auditing a document page by page: which pages
 * could not be read, and where the Kazakh and Russian halves of a bilingual strategy lie.
 */
export function pagesTable(run: RunResult): Table {
  return {
    name: 'Pages',
    header: ['city', 'file', 'page', 'triage', 'ocr', 'units', 'languages', 'note'],
    rows: run.documents.flatMap((d) => {
      const langs = new Map(d.pageLanguages.map((p) => [p.page, p.languages]));
      const units = new Map<number, number>();
      for (const u of d.units) units.set(u.page, (units.get(u.page) ?? 0) + 1);
      return d.doc.pages.map((p) => [
        d.entry.city.trim(),
        d.entry.file,
        p.number,
        p.triage,
        p.ocr ? 'yes' : 'no',
        units.get(p.number) ?? 0,
        (langs.get(p.number) ?? []).map((l) => `${l.lang} ${Math.round(l.share * 100)}%`).join(LIST),
        p.note ?? '',
      ]);
    }),
  };
}

/** City × sector: how many (deduplicated) priorities of each city name each sector. */
export function sectorsTable(rows: readonly CityRow[]): Table {
  const sectors = sortSectors(rows.flatMap((r) => r.priorities.flatMap((p) => p.sectors)));
  return {
    name: 'Sectors',
    // Keys, not labels, as column names: the CSV is for scripts; measures.csv gives the labels.
    header: ['city', 'country', 'status', ...sectors, 'priorities'],
    rows: rows.map((r) => [
      r.city,
      r.country,
      r.status,
      ...sectors.map((s) => r.priorities.filter((p) => p.sectors.includes(s)).length),
      r.priorities.length,
    ]),
  };
}

/** Countries present, RU and KZ first; documents without a country are grouped as 'other'. */
export function countriesOf(rows: readonly CityRow[]): string[] {
  const present = new Set<string>(rows.map((r) => r.country || 'other'));
  const extra = [...present].filter((c) => !COUNTRY_ORDER.includes(c as string)).sort();
  return [...COUNTRY_ORDER.filter((c) => present.has(c)), ...extra];
}

/**
 * Country × category, in the spirit of the study's Table 4 (support measures, targets,
 * sectoral focus): for each category the rules assigned to a priority, how many cities of each
 * country name it and in how many priorities.
 */
export function measuresTable(rows: readonly CityRow[], labels?: Labels, topicLabel = 'cluster policy'): Table {
  const countries = countriesOf(rows);
  const categories: { category: string; keys: string[]; of: (p: CityRow['priorities'][number]) => string[] }[] = [
    { category: 'measure', keys: [], of: (p) => p.measures },
    { category: 'target', keys: [], of: (p) => p.targets ?? [] },
    { category: 'sector', keys: [], of: (p) => p.sectors },
  ];
  for (const c of categories) {
    const keys = new Set(rows.flatMap((r) => r.priorities.flatMap(c.of)));
    c.keys = c.category === 'sector' ? sortSectors(keys) : [...keys].sort();
  }
  const header = ['category', 'key', 'label', ...countries.flatMap((c) => [`${c}_cities`, `${c}_priorities`])];
  const out: Cell[][] = [];
  const inCountry = (c: string): CityRow[] => rows.filter((r) => (r.country || 'other') === c);
  out.push([
    'all',
    'cities_with_priorities',
    `Cities with ${topicLabel} priorities`,
    ...countries.flatMap((c) => {
      const rs = inCountry(c);
      return [rs.filter((r) => r.priorities.length > 0).length, rs.reduce((n, r) => n + r.priorities.length, 0)];
    }),
  ]);
  for (const c of categories) {
    for (const key of c.keys) {
      out.push([
        c.category,
        key,
        label(key, labels),
        ...countries.flatMap((country) => {
          const rs = inCountry(country);
          const perCity = rs.map((r) => r.priorities.filter((p) => c.of(p).includes(key)).length);
          return [perCity.filter((n) => n > 0).length, perCity.reduce((a, b) => a + b, 0)];
        }),
      ]);
    }
  }
  return { name: 'Measures', header, rows: out };
}

/** One object per unit of a document for units.jsonl, with the kinds of the mentions it holds. */
export function unitRecords(d: DocumentResult): (Unit & { city: string; country: string; mentionKinds: string[] })[] {
  const kinds = new Map<string, Set<string>>();
  for (const m of d.mentions) {
    const set = kinds.get(m.unitId) ?? new Set<string>();
    set.add(m.kind);
    kinds.set(m.unitId, set);
  }
  return d.units.map((u) => ({ city: d.entry.city.trim(), country: d.entry.country, ...u, mentionKinds: [...(kinds.get(u.id) ?? [])].sort() }));
}
