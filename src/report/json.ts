// table5.json, mentions.jsonl and units.jsonl: the machine-readable outputs.
import type { CityRow, DocumentResult, RunResult } from '../records.js';
import { cityOf, orderedMentions, unitRecords } from './tables.js';

export function table5Json(run: RunResult): string {
  const docs = new Map(run.documents.map((d) => [d.entry.file, d] as [string, DocumentResult]));
  const cities = run.rows.map((r: CityRow) => ({
    city: r.city,
    country: r.country,
    level: r.level,
    region: r.region,
    status: r.status,
    statusNote: r.statusNote,
    languages: r.languages,
    bilingualDocuments: r.bilingualDocuments,
    documents: r.documents.map((file) => {
      const d = docs.get(file);
      return { file, title: d?.entry.title ?? '', year: d?.entry.year ?? '', status: d?.doc.status ?? 'error' };
    }),
    priorities: r.priorities.map((p) => ({
      text: p.text,
      ...(p.leadIn !== undefined ? { leadIn: p.leadIn } : {}),
      lang: p.lang,
      sectors: p.sectors,
      measures: p.measures,
      targets: p.targets ?? [],
      file: p.evidence[0]?.file ?? '',
      page: p.evidence[0]?.page ?? 0,
      ocr: p.evidence.some((e) => e.ocr),
      evidence: p.evidence,
      translations: p.translations ?? [],
    })),
    sectors: r.sectors,
    contextMentions: r.contextMentions,
    otherSenseMentions: r.otherSenseMentions,
  }));
  return `${JSON.stringify(cities, null, 2)}\n`;
}

export function mentionsJsonl(run: RunResult): string {
  const cities = cityOf(run);
  return orderedMentions(run.documents)
    .map((m) => JSON.stringify({ city: cities.get(m.file)?.city ?? '', country: cities.get(m.file)?.country ?? '', ...m }) + '\n')
    .join('');
}

/**
 * units.jsonl, one document's lines at a time: written as a stream, so the units of a whole
 * corpus (hundreds of MB for thousands of pages) are never in memory together.
 */
export function* unitsJsonl(run: RunResult): Generator<string> {
  for (const d of run.documents) yield unitRecords(d).map((u) => JSON.stringify(u) + '\n').join('');
}
