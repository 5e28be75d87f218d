// The hand-coded gold standard that `eval` compares a run with.
//
// Format (CSV with a header row, UTF-8; as Excel writes them, a BOM, UTF-16, Windows-1251 (with a
// warning) and ';' separators are accepted):
//
//   mentions.csv   file,page,text,label,sectors[,unit_id][,note]
//     file     the document's file name as in the manifest (e.g. kazan_2030.pdf)
//     page     1-based page number
//     text     the sentence or list item as the coder read it (matching ignores case, ё/е,
//              spacing, list numbering and end punctuation)
//     label    priority | context | other_sense | none
//              (none: the unit is not about clusters at all, e.g. a unit drawn without кластер)
//     sectors  sector keys separated by ';' (for priority and context; may be empty)
//     unit_id  optional: the unit id from `sample` output; when present it decides the match
//     Rows whose label is empty are not yet coded and are skipped (and counted).
//
//   cities.csv     city,status   (next to mentions.csv; optional)
//     status   priorities | context_only | no_cluster_policy | needs_review | unreadable
//
// The CSV that `sample` writes is already in this format: the coder fills label and sectors.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { restoreCell } from '../report/csv.js';
import type { ReadResult } from './read-run.js';
import { decodeUserCsv } from '../text/user-csv.js';

export const GOLD_LABELS = ['priority', 'context', 'other_sense', 'none'] as const;
export type GoldLabel = (typeof GOLD_LABELS)[number];
export const CITY_STATUSES = ['priorities', 'context_only', 'no_cluster_policy', 'needs_review', 'unreadable'];

export interface GoldUnit {
  line: number;
  file: string;
  page: number;
  text: string;
  label: GoldLabel;
  sectors: string[];
  unitId?: string;
}

export interface GoldCity {
  line: number;
  city: string;
  status: string;
}

export interface Gold {
  units: GoldUnit[];
  cities: GoldCity[];
  /** Rows not yet coded (empty label). */
  skipped: number;
  /** Rows that could not be used, with file and line. */
  problems: string[];
  /** Remarks on the files themselves (an encoding that had to be guessed). */
  warnings: string[];
  source: { mentions: string; cities?: string };
}

/** Rows of a gold CSV in whatever encoding and separator Excel gave it (../text/user-csv). */
function rows(bytes: Uint8Array, path: string, warnings: string[]): ReadResult<Record<string, string>[]> {
  const { text, delimiter, warning } = decodeUserCsv(bytes);
  if (warning) warnings.push(`${path}: ${warning}`);
  try {
    return { ok: true, value: parse(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), delimiter, bom: true, skip_empty_lines: true, relax_column_count: true }) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** `goldPath` is mentions.csv or the folder holding mentions.csv (and cities.csv). */
export async function readGold(goldPath: string): Promise<ReadResult<Gold>> {
  let mentionsPath = goldPath;
  try {
    if ((await stat(goldPath)).isDirectory()) mentionsPath = join(goldPath, 'mentions.csv');
  } catch {
    return { ok: false, error: `${goldPath}: not found` };
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(mentionsPath));
  } catch {
    return { ok: false, error: `${mentionsPath}: not found` };
  }
  const warnings: string[] = [];
  const parsed = rows(body, mentionsPath, warnings);
  if (!parsed.ok) return { ok: false, error: `${mentionsPath}: ${parsed.error}` };
  const header = Object.keys(parsed.value[0] ?? {});
  const missing = ['file', 'page', 'text', 'label'].filter((c) => parsed.value.length > 0 && !header.includes(c));
  if (missing.length > 0) return { ok: false, error: `${mentionsPath}: expected columns file,page,text,label,sectors; missing ${missing.join(', ')}` };

  const problems: string[] = [];
  const units: GoldUnit[] = [];
  let skipped = 0;
  parsed.value.forEach((r, i) => {
    const line = i + 2;
    const label = (r.label ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (!label) {
      skipped += 1;
      return;
    }
    if (!(GOLD_LABELS as readonly string[]).includes(label)) {
      problems.push(`${basename(mentionsPath)}:${line}: label expected one of ${GOLD_LABELS.join(', ')}, got «${r.label}»`);
      return;
    }
    const page = Number((r.page ?? '').trim());
    if (!Number.isInteger(page) || page < 1) {
      problems.push(`${basename(mentionsPath)}:${line}: page expected a positive integer, got «${r.page}»`);
      return;
    }
    units.push({
      line,
      // A sample written without --raw-csv guards cells that start like a formula.
      file: restoreCell((r.file ?? '').trim()),
      page,
      text: restoreCell(r.text ?? ''),
      label: label as GoldLabel,
      sectors: (r.sectors ?? '')
        .split(/[;,|]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .sort(),
      ...(r.unit_id?.trim() ? { unitId: restoreCell(r.unit_id.trim()) } : {}),
    });
  });

  const citiesPath = join(dirname(mentionsPath), 'cities.csv');
  const cities: GoldCity[] = [];
  let citiesSource: string | undefined;
  try {
    const cbody = new Uint8Array(await readFile(citiesPath));
    citiesSource = citiesPath;
    const c = rows(cbody, citiesPath, warnings);
    if (!c.ok) problems.push(`${citiesPath}: ${c.error}`);
    else
      c.value.forEach((r, i) => {
        const status = (r.status ?? '').trim();
        if (!CITY_STATUSES.includes(status)) {
          problems.push(`cities.csv:${i + 2}: status expected one of ${CITY_STATUSES.join(', ')}, got «${r.status}»`);
          return;
        }
        cities.push({ line: i + 2, city: (r.city ?? '').trim(), status });
      });
  } catch {
    // cities.csv is optional
  }
  return { ok: true, value: { units, cities, skipped, problems, warnings, source: { mentions: mentionsPath, ...(citiesSource ? { cities: citiesSource } : {}) } } };
}
