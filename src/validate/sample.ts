// `strategy-miner sample`: draws units (sentences, list items, headings) from a run for a
// human coder, the first step of validating the automatic coding against hand-coding.
//
// Design:
// - Population: every unit of the run (units.jsonl). Units with a кластер-form (a mention of
//   any kind, or, for the cluster topic, the stem кластер in a text no rule matched) are the
//   main population; a share
//   of units without it (WITHOUT_SHARE) is added so the coder can find what the rules miss.
// - `stratify: 'kind'`: the main population is split by the tool's label (priority, context,
//   other_sense, and 'unmatched' for a кластер-form no rule classified) and the draw is spread
//   evenly across these strata (what a stratum cannot fill goes to the others), so rare kinds
//   are seen often enough to estimate their precision.
// - The tool's label is NOT in the output: the coder codes blind, so the tool cannot anchor
//   the coder's judgement; eval looks the tool's label up in the run.
// - Seeded (prng.ts): the same run, n and seed give the same sample; rows are shuffled so the
//   coder does not meet the strata in blocks.
// The CSV is already in the gold format eval reads (file, page, text, label, sectors, plus
// unit_id, which makes matching exact).
import { csvText, type CsvOptions } from '../report/csv.js';
import { matchKey } from '../text/normalize.js';
import { mulberry32, shuffled } from './prng.js';
import { readRun, unitLabel, type RunUnit } from './read-run.js';

export const WITHOUT_SHARE = 0.2;
export const SAMPLE_COLUMNS = ['file', 'page', 'unit_id', 'city', 'text', 'lead_in', 'heading', 'label', 'sectors', 'note'];

export interface SampleOptions {
  n: number;
  seed: number;
  stratify?: 'kind';
  /** Stem that marks a unit as part of the word family even when no rule matched it
   * (default кластер; null: only units with a mention). */
  stem?: string | null;
}

/** Reads units.jsonl of a run folder and returns the sample as CSV text. */
export async function sampleUnits(runDir: string, opts: SampleOptions, csv: CsvOptions = {}): Promise<string> {
  const run = await readRun(runDir, { units: true });
  if (!run.ok) throw new Error(`sample: ${run.error}`);
  // Other topics (rules/<topic>/) define their word family only through their rules.
  const stem = (run.value.meta.topic ?? 'cluster') === 'cluster' ? CLUSTER_STEM : null;
  return sampleCsv(drawSample(run.value.units, { ...opts, stem }), csv);
}

/** The stem every form of the word family shares (DOMAIN.md: кластер, кластері, IT-кластер …). */
export const CLUSTER_STEM = 'кластер';

export function hasClusterForm(u: RunUnit, stem: string | null = CLUSTER_STEM): boolean {
  return u.mentionKinds.length > 0 || (stem !== null && matchKey(u.text).includes(stem));
}

/** The stratum of a unit with a кластер-form: the tool's label, or 'unmatched'. */
export function stratum(u: RunUnit): string {
  const label = unitLabel(u.mentionKinds);
  return label === 'none' ? 'unmatched' : label;
}

export function drawSample(units: readonly RunUnit[], opts: SampleOptions): RunUnit[] {
  if (!Number.isInteger(opts.n) || opts.n < 1) throw new Error(`sample: expected n to be a positive integer, got ${opts.n}`);
  const random = mulberry32(opts.seed);
  const inFamily = (u: RunUnit): boolean => hasClusterForm(u, opts.stem === undefined ? CLUSTER_STEM : opts.stem);
  const withForm = units.filter(inFamily);
  const without = units.filter((u) => !inFamily(u));
  let wantWithout = Math.min(without.length, Math.round(opts.n * WITHOUT_SHARE));
  let wantWith = Math.min(withForm.length, opts.n - wantWithout);
  // Fill from the other population when one runs short.
  wantWithout = Math.min(without.length, opts.n - wantWith);

  const picked: RunUnit[] = [];
  if (opts.stratify === 'kind') picked.push(...stratifiedDraw(withForm, wantWith, random));
  else picked.push(...shuffled(withForm, random).slice(0, wantWith));
  picked.push(...shuffled(without, random).slice(0, wantWithout));
  return shuffled(picked, random);
}

/** Equal allocation across strata; a stratum smaller than its share gives the rest to others. */
function stratifiedDraw(units: readonly RunUnit[], n: number, random: () => number): RunUnit[] {
  const strata = new Map<string, RunUnit[]>();
  for (const u of units) {
    const list = strata.get(stratum(u));
    if (list) list.push(u);
    else strata.set(stratum(u), [u]);
  }
  const names = [...strata.keys()].sort();
  const take = new Map(names.map((s) => [s, 0]));
  let left = n;
  let open = names.filter((s) => (strata.get(s)?.length ?? 0) > 0);
  while (left > 0 && open.length > 0) {
    const share = Math.max(1, Math.floor(left / open.length));
    for (const s of open) {
      if (left === 0) break;
      const room = (strata.get(s)?.length ?? 0) - (take.get(s) ?? 0);
      const add = Math.min(room, share, left);
      take.set(s, (take.get(s) ?? 0) + add);
      left -= add;
    }
    open = open.filter((s) => (take.get(s) ?? 0) < (strata.get(s)?.length ?? 0));
  }
  return names.flatMap((s) => shuffled(strata.get(s) ?? [], random).slice(0, take.get(s) ?? 0));
}

export function sampleCsv(units: readonly RunUnit[], options: CsvOptions = {}): string {
  return csvText(
    [
      SAMPLE_COLUMNS,
      ...units.map((u) => [u.file, u.page, u.id, u.city, u.text, u.leadIn ?? '', u.headingPath.join(' > '), '', '', '']),
    ],
    options,
  );
}
