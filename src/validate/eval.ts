// `strategy-miner eval`: compares a run with a hand-coded gold file (format in gold.ts) and
// reports the agreement figures reviewers ask for: per-city status accuracy, mention
// precision/recall/F1 per kind, Cohen's kappa between tool and coder on units, sector
// accuracy, and every disagreement with its evidence.
//
// Matching a gold row to a tool unit: by unit_id when the row has one; otherwise among the
// run's units on the same file and page, the one whose normalised text (aggregate/text-key.ts:
// case, ё/е, spacing, numbering and end punctuation ignored) equals the row's; failing that,
// the unit whose text contains the row's or is contained in it, or whose content-word overlap
// coefficient is ≥ 0.8 (the coder may have copied a sentence with a neighbour or without its
// list marker). A row that matches no unit counts as the tool saying 'none' for it.
//
// The tool's label of a unit is its strongest mention kind (priority > context > other_sense),
// or 'none'. Figures are computed over the gold rows only: a sample is not the whole corpus,
// so tool mentions without a gold row are listed apart, not counted as false positives.
import { normalisedStatement, overlapCoefficient, stemSet } from '../aggregate/text-key.js';
import type { Locator } from '../records.js';
import { locatorText } from '../report/evidence.js';
import { matchKey } from '../text/normalize.js';
import { readGold, type Gold, type GoldLabel } from './gold.js';
import { readRun, unitLabel, type RunFiles, type RunUnit } from './read-run.js';

const KINDS = ['priority', 'context', 'other_sense'] as const;
const LABELS: GoldLabel[] = ['priority', 'context', 'other_sense', 'none'];
const MATCH_OVERLAP = 0.8;

export interface KindFigures {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Disagreement {
  file: string;
  page: number;
  text: string;
  gold: GoldLabel;
  tool: GoldLabel;
  goldSectors: string[];
  toolSectors: string[];
  ruleIds: string[];
  unitId: string | null;
  goldLine: number;
  what: 'kind' | 'sectors' | 'not_found';
}

export interface EvalFigures {
  cities: {
    n: number;
    correct: number;
    accuracy: number | null;
    disagreements: { city: string; gold: string; tool: string; note: string }[];
  };
  units: { coded: number; matched: number; notFound: number; skipped: number };
  kinds: Record<(typeof KINDS)[number], KindFigures>;
  confusion: Record<GoldLabel, Record<GoldLabel, number>>;
  observedAgreement: number | null;
  kappa: number | null;
  sectors: { n: number; exact: number; accuracy: number | null };
  disagreements: Disagreement[];
  /** Tool units with mentions on the gold files that no gold row covers (not counted above). */
  notInGold: { unitId: string; file: string; page: number; locator: Locator; tool: GoldLabel; text: string }[];
  problems: string[];
  /** Remarks on the gold files themselves (an encoding that had to be guessed). */
  warnings: string[];
}

export async function evaluate(runDir: string, goldPath: string): Promise<{ report: string; figures: EvalFigures }> {
  const run = await readRun(runDir, { units: true });
  if (!run.ok) throw new Error(`eval: ${run.error}`);
  const gold = await readGold(goldPath);
  if (!gold.ok) throw new Error(`eval: ${gold.error}`);
  const figures = evaluateRun(run.value, gold.value);
  return { report: evalReport(figures, runDir, gold.value), figures };
}

interface ToolView {
  label: GoldLabel;
  sectors: string[];
  ruleIds: string[];
}

function toolViews(run: RunFiles): Map<string, ToolView> {
  const out = new Map<string, ToolView>();
  const kinds = new Map<string, string[]>();
  for (const m of run.mentions) {
    kinds.set(m.unitId, [...(kinds.get(m.unitId) ?? []), m.kind]);
    const v = out.get(m.unitId) ?? { label: 'none' as GoldLabel, sectors: [], ruleIds: [] };
    v.sectors = [...new Set([...v.sectors, ...m.sectors])].sort();
    v.ruleIds = [...new Set([...v.ruleIds, ...m.ruleIds])].sort();
    out.set(m.unitId, v);
  }
  for (const [id, ks] of kinds) (out.get(id) as ToolView).label = unitLabel(ks);
  return out;
}

/** The run's unit a gold row refers to (the method described at the top of this file). */
export function matchGoldUnit(row: { file: string; page: number; text: string; unitId?: string }, byPage: Map<string, RunUnit[]>, byId: Map<string, RunUnit>): RunUnit | undefined {
  if (row.unitId) {
    const u = byId.get(row.unitId);
    if (u) return u;
  }
  const candidates = byPage.get(`${row.file}\u0000${row.page}`) ?? [];
  const key = normalisedStatement(row.text);
  const exact = candidates.find((u) => normalisedStatement(u.text) === key);
  if (exact) return exact;
  const stems = stemSet(row.text);
  let best: RunUnit | undefined;
  let bestScore = 0;
  for (const u of candidates) {
    const k = normalisedStatement(u.text);
    const contains = key.length > 0 && k.length > 0 && (k.includes(key) || key.includes(k));
    const score = contains ? 1 : overlapCoefficient(stems, stemSet(u.text));
    if (score > bestScore) {
      best = u;
      bestScore = score;
    }
  }
  return bestScore >= MATCH_OVERLAP ? best : undefined;
}

export function evaluateRun(run: RunFiles, gold: Gold): EvalFigures {
  const views = toolViews(run);
  const byId = new Map(run.units.map((u) => [u.id, u]));
  const byPage = new Map<string, RunUnit[]>();
  for (const u of run.units) {
    const key = `${u.file}\u0000${u.page}`;
    const list = byPage.get(key);
    if (list) list.push(u);
    else byPage.set(key, [u]);
  }

  const confusion = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((t) => [t, 0]))])) as Record<GoldLabel, Record<GoldLabel, number>>;
  const disagreements: Disagreement[] = [];
  const covered = new Set<string>();
  let matched = 0;
  let sectorN = 0;
  let sectorExact = 0;

  for (const row of gold.units) {
    const unit = matchGoldUnit(row, byPage, byId);
    if (unit) {
      matched += 1;
      covered.add(unit.id);
    }
    const view = unit ? views.get(unit.id) : undefined;
    const tool: GoldLabel = view?.label ?? 'none';
    const toolSectors = view?.sectors ?? [];
    confusion[row.label][tool] += 1;
    const base = {
      file: row.file,
      page: row.page,
      text: unit?.text ?? row.text,
      gold: row.label,
      tool,
      goldSectors: row.sectors,
      toolSectors,
      ruleIds: view?.ruleIds ?? [],
      unitId: unit?.id ?? null,
      goldLine: row.line,
    };
    if (!unit && row.label !== 'none') disagreements.push({ ...base, what: 'not_found' });
    else if (tool !== row.label) disagreements.push({ ...base, what: 'kind' });
    // Sector accuracy: over units both call a priority and the coder gave sectors for.
    if (row.label === 'priority' && tool === 'priority' && row.sectors.length > 0) {
      sectorN += 1;
      if (row.sectors.join('|') === toolSectors.join('|')) sectorExact += 1;
      else disagreements.push({ ...base, what: 'sectors' });
    }
  }

  const kinds = Object.fromEntries(KINDS.map((k) => [k, kindFigures(confusion, k)])) as EvalFigures['kinds'];
  const { observed, kappa } = cohensKappa(confusion);
  const goldFiles = new Set(gold.units.map((u) => u.file));
  const notInGold = run.units
    .filter((u) => goldFiles.has(u.file) && !covered.has(u.id) && (views.get(u.id)?.label ?? 'none') !== 'none')
    .map((u) => ({ unitId: u.id, file: u.file, page: u.page, locator: u.locator ?? 'page', tool: views.get(u.id)?.label ?? 'none', text: u.text }));

  return {
    cities: cityFigures(run, gold),
    units: { coded: gold.units.length, matched, notFound: gold.units.length - matched, skipped: gold.skipped },
    kinds,
    confusion,
    observedAgreement: observed,
    kappa,
    sectors: { n: sectorN, exact: sectorExact, accuracy: sectorN > 0 ? sectorExact / sectorN : null },
    disagreements,
    notInGold,
    problems: gold.problems,
    warnings: gold.warnings,
  };
}

function kindFigures(confusion: Record<GoldLabel, Record<GoldLabel, number>>, kind: GoldLabel): KindFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const g of LABELS) {
    for (const t of LABELS) {
      const n = confusion[g][t];
      if (g === kind && t === kind) tp += n;
      else if (t === kind) fp += n;
      else if (g === kind) fn += n;
    }
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Cohen's kappa over the confusion matrix: (p_o − p_e) / (1 − p_e). */
export function cohensKappa(confusion: Record<string, Record<string, number>>): { observed: number | null; kappa: number | null } {
  const labels = Object.keys(confusion);
  let total = 0;
  let agree = 0;
  const rowSum = new Map<string, number>();
  const colSum = new Map<string, number>();
  for (const g of labels) {
    for (const t of labels) {
      const n = confusion[g]?.[t] ?? 0;
      total += n;
      if (g === t) agree += n;
      rowSum.set(g, (rowSum.get(g) ?? 0) + n);
      colSum.set(t, (colSum.get(t) ?? 0) + n);
    }
  }
  if (total === 0) return { observed: null, kappa: null };
  const po = agree / total;
  let pe = 0;
  for (const l of labels) pe += ((rowSum.get(l) ?? 0) / total) * ((colSum.get(l) ?? 0) / total);
  // Both raters used one single label throughout: agreement is perfect but kappa is undefined.
  const kappa = pe === 1 ? null : (po - pe) / (1 - pe);
  return { observed: po, kappa };
}

function cityFigures(run: RunFiles, gold: Gold): EvalFigures['cities'] {
  const byKey = new Map(run.cities.map((c) => [matchKey(c.city.trim()), c]));
  const disagreements: EvalFigures['cities']['disagreements'] = [];
  let correct = 0;
  for (const g of gold.cities) {
    const c = byKey.get(matchKey(g.city));
    const tool = c?.status ?? 'missing';
    if (tool === g.status) correct += 1;
    else disagreements.push({ city: g.city, gold: g.status, tool, note: c?.statusNote ?? 'city not in the run' });
  }
  const n = gold.cities.length;
  return { n, correct, accuracy: n > 0 ? correct / n : null, disagreements };
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function evalReport(f: EvalFigures, runDir: string, gold: Gold): string {
  const out: string[] = [];
  out.push('# Evaluation against hand-coding', '');
  out.push(`Run: \`${runDir}\`. Gold: \`${gold.source.mentions}\`${gold.source.cities ? ` and \`${gold.source.cities}\`` : ''}.`, '');
  out.push('## Summary', '');
  out.push('| figure | value |', '|---|---|');
  out.push(`| city status accuracy | ${pct(f.cities.accuracy)} (${f.cities.correct}/${f.cities.n}) |`);
  out.push(`| coded units | ${f.units.coded} (matched to run units: ${f.units.matched}; not found: ${f.units.notFound}; not yet coded: ${f.units.skipped}) |`);
  out.push(`| observed agreement (units) | ${pct(f.observedAgreement)} |`);
  out.push(`| Cohen's kappa (units, 4 labels) | ${num(f.kappa)} |`);
  out.push(`| sector accuracy (exact set, units both call priority) | ${pct(f.sectors.accuracy)} (${f.sectors.exact}/${f.sectors.n}) |`);
  out.push('');
  out.push('## Mentions by kind', '');
  out.push('| kind | TP | FP | FN | precision | recall | F1 |', '|---|---|---|---|---|---|---|');
  for (const k of KINDS) {
    const x = f.kinds[k];
    out.push(`| ${k} | ${x.tp} | ${x.fp} | ${x.fn} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} |`);
  }
  out.push('');
  out.push('## Confusion matrix (rows: coder, columns: tool)', '');
  out.push(`| coder \\ tool | ${LABELS.join(' | ')} |`, `|---|${LABELS.map(() => '---').join('|')}|`);
  for (const g of LABELS) out.push(`| ${g} | ${LABELS.map((t) => f.confusion[g][t]).join(' | ')} |`);
  out.push('');
  out.push('## City status disagreements', '');
  if (f.cities.disagreements.length === 0) out.push(f.cities.n === 0 ? 'No cities.csv in the gold folder.' : 'None.');
  else {
    out.push('| city | coder | tool | tool note |', '|---|---|---|---|');
    for (const d of f.cities.disagreements) out.push(`| ${cell(d.city)} | ${d.gold} | ${d.tool} | ${cell(d.note)} |`);
  }
  out.push('');
  out.push('## Unit disagreements', '');
  if (f.disagreements.length === 0) out.push('None.');
  else {
    out.push('| file | page | gold line | what | coder | tool | coder sectors | tool sectors | rules | text |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const d of f.disagreements) {
      out.push(
        `| ${cell(d.file)} | ${d.page} | ${d.goldLine} | ${d.what} | ${d.gold} | ${d.tool} | ${d.goldSectors.join('; ')} | ${d.toolSectors.join('; ')} | ${d.ruleIds.join(', ')} | ${cell(d.text)} |`,
      );
    }
  }
  out.push('');
  out.push('## Tool mentions without a gold row (not counted above)', '');
  if (f.notInGold.length === 0) out.push('None.');
  else for (const u of f.notInGold) out.push(`- ${u.file} ${locatorText(u.page, u.locator)} (${u.tool}): ${u.text}`);
  if (f.warnings.length > 0) {
    out.push('', '## Gold files', '');
    for (const w of f.warnings) out.push(`- ${w}`);
  }
  if (f.problems.length > 0) {
    out.push('', '## Gold rows that could not be used', '');
    for (const p of f.problems) out.push(`- ${p}`);
  }
  out.push('');
  return out.join('\n');
}
