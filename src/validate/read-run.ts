// Reads the files of a run folder that sample, eval and diff work from (table5.json,
// mentions.jsonl, units.jsonl, run.json). Thin: parsing and shape checks only; failures are
// values that name the file and line.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CityStatus, Locator, MentionKind, Unit } from '../records.js';

export interface RunCity {
  city: string;
  country: string;
  status: CityStatus;
  statusNote: string;
  /** `evidence` carries the locator (page, section or ¶) of each place; older runs lack it. */
  priorities: { text: string; sectors: string[]; file: string; page: number; evidence?: { locator?: Locator }[] }[];
}

export interface RunMention {
  city: string;
  file: string;
  page: number;
  unitId: string;
  kind: MentionKind;
  sectors: string[];
  ruleIds: string[];
  terms: string[];
  text: string;
}

export type RunUnit = Unit & { city: string; country: string; mentionKinds: string[] };

export interface RunMeta {
  topic?: string;
  rules?: { file: string; sha256: string }[];
  inputs?: { file: string; sha256: string; status: string }[];
  tool?: { version: string };
}

export interface RunFiles {
  dir: string;
  cities: RunCity[];
  mentions: RunMention[];
  units: RunUnit[];
  meta: RunMeta;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

async function readText(path: string): Promise<ReadResult<string>> {
  try {
    return { ok: true, value: await readFile(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: `${path}: ${code === 'ENOENT' ? 'not found (is this the output folder of a `run`?)' : String(e)}` };
  }
}

function parseJsonl<T>(path: string, body: string): ReadResult<T[]> {
  const out: T[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (e) {
      return { ok: false, error: `${path}:${i + 1}: not valid JSON (${(e as Error).message})` };
    }
  }
  return { ok: true, value: out };
}

/** Reads a run folder. `units.jsonl` is optional for diff (older runs), required by sample. */
export async function readRun(dir: string, need: { units: boolean }): Promise<ReadResult<RunFiles>> {
  const table = await readText(join(dir, 'table5.json'));
  if (!table.ok) return table;
  let cities: RunCity[];
  try {
    cities = JSON.parse(table.value) as RunCity[];
    if (!Array.isArray(cities)) return { ok: false, error: `${join(dir, 'table5.json')}: expected an array of cities, got ${typeof cities}` };
  } catch (e) {
    return { ok: false, error: `${join(dir, 'table5.json')}: not valid JSON (${(e as Error).message})` };
  }
  const mentionsText = await readText(join(dir, 'mentions.jsonl'));
  if (!mentionsText.ok) return mentionsText;
  const mentions = parseJsonl<RunMention>(join(dir, 'mentions.jsonl'), mentionsText.value);
  if (!mentions.ok) return mentions;
  let units: RunUnit[] = [];
  const unitsText = await readText(join(dir, 'units.jsonl'));
  if (unitsText.ok) {
    const parsed = parseJsonl<RunUnit>(join(dir, 'units.jsonl'), unitsText.value);
    if (!parsed.ok) return parsed;
    units = parsed.value;
  } else if (need.units) return unitsText;
  let meta: RunMeta = {};
  const metaText = await readText(join(dir, 'run.json'));
  if (metaText.ok) {
    try {
      meta = JSON.parse(metaText.value) as RunMeta;
    } catch (e) {
      return { ok: false, error: `${join(dir, 'run.json')}: not valid JSON (${(e as Error).message})` };
    }
  }
  return { ok: true, value: { dir, cities, mentions: mentions.value, units, meta } };
}

/** The strongest kind among a unit's mentions: priority > context > other_sense; 'none' without. */
export function unitLabel(kinds: readonly string[]): 'priority' | 'context' | 'other_sense' | 'none' {
  if (kinds.includes('priority')) return 'priority';
  if (kinds.includes('context')) return 'context';
  if (kinds.includes('other_sense')) return 'other_sense';
  return 'none';
}
