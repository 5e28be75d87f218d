// The corpus manifest: corpus/manifest.csv with columns file,city,country,language,title,year
// and the optional territory, level and region. Parsing is pure (text in, entries or
// positioned errors out); reading the folder is in ./folder.ts.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { CorpusEntry, TerritoryLevel } from '../records.js';
import { matchKey } from '../text/normalize.js';
import { decodeUserCsv, headerDelimiter } from '../text/user-csv.js';
import { guessTerritoryFromTitle, territoryOfName } from './guess.js';

export const MANIFEST_COLUMNS = ['file', 'city', 'country', 'language', 'title', 'year'] as const;
/**
 * Optional columns: `territory` names a row that is not a city (a region, a district) and may
 * stand instead of `city`; `level` is city | district | region | federal_city | republican_city;
 * `region` is the region a city or district lies in. Without them the level and region are
 * read from the name and the title («Алтайский край» is a region).
 */
export const OPTIONAL_MANIFEST_COLUMNS = ['territory', 'level', 'region'] as const;
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = ['city', 'district', 'region', 'federal_city', 'republican_city'];

export interface ManifestError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ManifestResult =
  | { ok: true; entries: CorpusEntry[] }
  | { ok: false; errors: ManifestError[] };

const RawManifestRow = z.object({
  file: z.string().trim().min(1, 'Expected a file name, got an empty cell'),
  city: z.string().trim().default(''),
  territory: z.string().trim().optional(),
  level: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (TERRITORY_LEVELS as readonly string[]).includes(v), { message: `Expected level ${TERRITORY_LEVELS.join(', ')} or an empty cell` }),
  region: z.string().trim().optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === 'RU' || v === 'KZ', { message: 'Expected country RU or KZ' }),
  language: z
    .string()
    .trim()
    .refine((v) => /^(ru|kk)(\+(ru|kk))?$/.test(v), {
      message: 'Expected language ru, kk or ru+kk',
    }),
  title: z.string().trim(),
  year: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}(\s*[-–]\s*\d{4})?$/.test(v), {
      message: 'Expected a year like 2030 or a span like 2017-2022',
    }),
});

/**
 * The manifest's bytes as text: UTF-8, UTF-8 with a BOM, UTF-16 or Windows-1251 (what Excel
 * writes as "CSV" in a Russian locale). A warning says when the encoding was guessed, so that
 * a wrong guess cannot garble city names unseen.
 */
export function decodeManifest(bytes: Uint8Array, file: string): { text: string; warning?: string } {
  const { text, warning } = decodeUserCsv(bytes);
  return warning ? { text, warning: `${file}: ${warning}` } : { text };
}

/** Parses manifest text. `file` is the manifest's path, used in error messages. */
export function parseManifest(text: string, file: string): ManifestResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: headerDelimiter(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { message?: string; lines?: number; column?: number };
    return {
      ok: false,
      errors: [{ file, line: e.lines ?? 1, column: 1, message: `Not valid CSV: ${e.message ?? String(err)}` }],
    };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, errors: [{ file, line: 1, column: 1, message: 'Expected a header row, got an empty file' }] };
  const names = header.record.map((h) => h.trim().toLowerCase());
  // `territory` may stand for `city`.
  const missing = MANIFEST_COLUMNS.filter((c) => !names.includes(c) && !(c === 'city' && names.includes('territory')));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{
        file, line: 1, column: 1,
        message: `Expected columns ${MANIFEST_COLUMNS.join(',')} (optional: ${OPTIONAL_MANIFEST_COLUMNS.join(',')}), got ${names.join(',')} (missing: ${missing.join(', ')})`,
      }],
    };
  }
  const errors: ManifestError[] = [];
  const entries: CorpusEntry[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const raw: Record<string, string> = {};
    names.forEach((n, i) => { raw[n] = record[i] ?? ''; });
    const parsed = RawManifestRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const col = names.indexOf(key) + 1;
        errors.push({ file, line, column: col > 0 ? col : 1, message: `${key}: ${issue.message}, got "${raw[key] ?? ''}"` });
      }
      continue;
    }
    const row = parsed.data;
    const name = row.territory || row.city;
    if (!name) {
      const col = names.indexOf(names.includes('city') ? 'city' : 'territory') + 1;
      errors.push({ file, line, column: col, message: 'city: Expected a city or territory name, got an empty cell' });
      continue;
    }
    const first = seen.get(row.file);
    if (first !== undefined) {
      errors.push({ file, line, column: 1, message: `file "${row.file}" is listed twice (first on line ${first})` });
      continue;
    }
    seen.set(row.file, line);
    const { level, region } = territoryOfRow(name, row.title, row.level as TerritoryLevel | '' | undefined, row.region);
    entries.push({
      file: row.file,
      city: name,
      country: row.country as 'RU' | 'KZ',
      language: row.language,
      title: row.title,
      year: row.year,
      citySource: 'manifest',
      level,
      ...(region ? { region } : {}),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, entries };
}

/**
 * A row's level and region: the manifest's own, else what the name says («Алтайский край»,
 * «Сочи»), else what the title says of the same territory, else a city (the column was `city`
 * before territories had levels, so an old manifest lists cities).
 */
function territoryOfRow(name: string, title: string, level: TerritoryLevel | '' | undefined, region: string | undefined): { level: TerritoryLevel; region?: string } {
  const byName = territoryOfName(name);
  // The title counts only where it is about the same territory: «…Ступино Московской области»
  // does not make the unknown town Ступино a region.
  const guessed = title ? guessTerritoryFromTitle(title) : undefined;
  const sameTitle = guessed && matchKey(guessed.city) === matchKey(name.trim()) ? guessed : undefined;
  const chosen: TerritoryLevel = level || byName?.level || sameTitle?.level || 'city';
  const within = chosen === 'city' || chosen === 'district';
  const named = region || (within ? sameTitle?.region || byName?.region : undefined);
  return named ? { level: chosen, region: named } : { level: chosen };
}
