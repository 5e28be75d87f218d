// `strategy-miner diff OLD_DIR NEW_DIR`: what changed between two runs, for a new strategy
// edition or a rule edit: status changes per city, new and removed priorities per city
// (priorities are compared by normalised text: aggregate/text-key.ts), priorities whose
// sectors changed, mention counts per kind and per rule, and which rule files and inputs
// changed (from run.json hashes).
import { normalisedStatement } from '../aggregate/text-key.js';
import type { Locator } from '../records.js';
import { locatorText } from '../report/evidence.js';
import { matchKey } from '../text/normalize.js';
import { readRun, type RunCity, type RunFiles } from './read-run.js';

/** A priority added or removed, with where it stands: «p. 12» in a PDF, «¶ 214» in a DOCX without page breaks. */
export interface ChangedPriority {
  text: string;
  sectors: string[];
  file: string;
  page: number;
  locator: Locator;
}

export interface CityChange {
  city: string;
  country: string;
  oldStatus: string | null;
  newStatus: string | null;
  added: ChangedPriority[];
  removed: ChangedPriority[];
  sectorChanges: { text: string; old: string[]; new: string[] }[];
}

export interface RunDiff {
  cities: CityChange[];
  statusChanges: number;
  addedPriorities: number;
  removedPriorities: number;
  mentionsByKind: Record<string, { old: number; new: number }>;
  mentionsByRule: Record<string, { old: number; new: number }>;
  rulesChanged: { file: string; change: 'added' | 'removed' | 'edited' }[];
  inputsChanged: { file: string; change: 'added' | 'removed' | 'edited' }[];
}

export async function diffRuns(oldDir: string, newDir: string): Promise<{ report: string; changes: RunDiff }> {
  const a = await readRun(oldDir, { units: false });
  if (!a.ok) throw new Error(`diff: ${a.error}`);
  const b = await readRun(newDir, { units: false });
  if (!b.ok) throw new Error(`diff: ${b.error}`);
  const changes = compareRuns(a.value, b.value);
  return { report: diffReport(changes, oldDir, newDir), changes };
}

const cityKey = (c: { city: string; country: string }): string => `${matchKey(c.city.trim())}\u0000${c.country}`;

export function compareRuns(oldRun: RunFiles, newRun: RunFiles): RunDiff {
  const olds = new Map(oldRun.cities.map((c) => [cityKey(c), c]));
  const news = new Map(newRun.cities.map((c) => [cityKey(c), c]));
  // New run's order first (its manifest order), then cities that disappeared.
  const keys = [...news.keys(), ...[...olds.keys()].filter((k) => !news.has(k))];
  const cities: CityChange[] = [];
  for (const key of keys) {
    const o = olds.get(key);
    const n = news.get(key);
    const change = cityChange(o, n);
    if (change.oldStatus !== change.newStatus || change.added.length + change.removed.length + change.sectorChanges.length > 0) cities.push(change);
  }
  return {
    cities,
    statusChanges: cities.filter((c) => c.oldStatus !== c.newStatus).length,
    addedPriorities: cities.reduce((n, c) => n + c.added.length, 0),
    removedPriorities: cities.reduce((n, c) => n + c.removed.length, 0),
    mentionsByKind: counts(oldRun.mentions.map((m) => m.kind), newRun.mentions.map((m) => m.kind)),
    mentionsByRule: counts(oldRun.mentions.flatMap((m) => m.ruleIds), newRun.mentions.flatMap((m) => m.ruleIds)),
    rulesChanged: hashChanges(oldRun.meta.rules ?? [], newRun.meta.rules ?? []),
    inputsChanged: hashChanges(oldRun.meta.inputs ?? [], newRun.meta.inputs ?? []),
  };
}

function cityChange(o: RunCity | undefined, n: RunCity | undefined): CityChange {
  const base = (n ?? o) as RunCity;
  const keyed = (c: RunCity | undefined) => new Map((c?.priorities ?? []).map((p) => [normalisedStatement(p.text), p]));
  const op = keyed(o);
  const np = keyed(n);
  const pick = (p: RunCity['priorities'][number]): ChangedPriority => ({ text: p.text, sectors: p.sectors, file: p.file, page: p.page, locator: p.evidence?.[0]?.locator ?? 'page' });
  return {
    city: base.city,
    country: base.country,
    oldStatus: o?.status ?? null,
    newStatus: n?.status ?? null,
    added: [...np.entries()].filter(([k]) => !op.has(k)).map(([, p]) => pick(p)),
    removed: [...op.entries()].filter(([k]) => !np.has(k)).map(([, p]) => pick(p)),
    sectorChanges: [...np.entries()]
      .filter(([k, p]) => op.has(k) && [...(op.get(k)?.sectors ?? [])].sort().join('|') !== [...p.sectors].sort().join('|'))
      .map(([k, p]) => ({ text: p.text, old: op.get(k)?.sectors ?? [], new: p.sectors })),
  };
}

function counts(a: readonly string[], b: readonly string[]): Record<string, { old: number; new: number }> {
  const out: Record<string, { old: number; new: number }> = {};
  for (const k of [...new Set([...a, ...b])].sort()) out[k] = { old: 0, new: 0 };
  for (const k of a) (out[k] as { old: number }).old += 1;
  for (const k of b) (out[k] as { new: number }).new += 1;
  return out;
}

function hashChanges(a: readonly { file: string; sha256: string }[], b: readonly { file: string; sha256: string }[]): RunDiff['rulesChanged'] {
  // run.json may hold absolute paths; two checkouts of the same rules must still compare, so
  // each run's paths are taken relative to their common folder.
  const old = new Map(relativeToCommonFolder(a.map((x) => x.file)).map((f, i) => [f, a[i]?.sha256]));
  const now = new Map(relativeToCommonFolder(b.map((x) => x.file)).map((f, i) => [f, b[i]?.sha256]));
  const out: RunDiff['rulesChanged'] = [];
  for (const [file, sha] of now) {
    if (!old.has(file)) out.push({ file, change: 'added' });
    else if (old.get(file) !== sha) out.push({ file, change: 'edited' });
  }
  for (const file of old.keys()) if (!now.has(file)) out.push({ file, change: 'removed' });
  return out;
}

export function relativeToCommonFolder(paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const split = paths.map((p) => p.split('/'));
  let common = 0;
  const first = split[0] as string[];
  while (common < first.length - 1 && split.every((parts) => parts.length - 1 > common && parts[common] === first[common])) common += 1;
  return split.map((parts) => parts.slice(common).join('/'));
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function diffReport(d: RunDiff, oldDir: string, newDir: string): string {
  const out: string[] = [];
  out.push(`# Changes from \`${oldDir}\` to \`${newDir}\``, '');
  out.push(
    `${d.statusChanges} status change(s), ${d.addedPriorities} new and ${d.removedPriorities} removed priorit${d.addedPriorities + d.removedPriorities === 1 ? 'y' : 'ies'}.`,
    '',
  );
  out.push('## Rule files and inputs', '');
  if (d.rulesChanged.length + d.inputsChanged.length === 0) out.push('No rule file or input changed (by SHA-256 in run.json).');
  for (const r of d.rulesChanged) out.push(`- rule file ${r.file}: ${r.change}`);
  for (const r of d.inputsChanged) out.push(`- input ${r.file}: ${r.change}`);
  out.push('');
  out.push('## Cities', '');
  if (d.cities.length === 0) out.push('No city changed.', '');
  for (const c of d.cities) {
    const status = c.oldStatus === c.newStatus ? `status ${c.newStatus}` : `status ${c.oldStatus ?? '(absent)'} → ${c.newStatus ?? '(absent)'}`;
    out.push(`### ${c.city}${c.country ? ` (${c.country})` : ''}: ${status}`, '');
    for (const p of c.added) out.push(`- \\+ ${p.text} [${p.sectors.join('; ')}] (${p.file} ${locatorText(p.page, p.locator)})`);
    for (const p of c.removed) out.push(`- \\− ${p.text} [${p.sectors.join('; ')}] (${p.file} ${locatorText(p.page, p.locator)})`);
    for (const s of c.sectorChanges) out.push(`- sectors ${s.old.join('; ') || '∅'} → ${s.new.join('; ') || '∅'}: ${s.text}`);
    out.push('');
  }
  out.push('## Mentions by kind', '');
  out.push('| kind | old | new | change |', '|---|---|---|---|');
  for (const [k, v] of Object.entries(d.mentionsByKind)) out.push(`| ${k} | ${v.old} | ${v.new} | ${signed(v.new - v.old)} |`);
  out.push('');
  // Only the rules whose counts moved: a rule set has dozens of rules, and the JSON output
  // (`diff --json`) keeps all of them.
  const moved = Object.entries(d.mentionsByRule).filter(([, v]) => v.old !== v.new);
  const still = Object.keys(d.mentionsByRule).length - moved.length;
  out.push('## Mentions by rule', '');
  if (moved.length === 0) out.push(`No rule's count changed (${still} rules).`);
  else {
    out.push('| rule | old | new | change |', '|---|---|---|---|');
    for (const [k, v] of moved) out.push(`| ${cell(k)} | ${v.old} | ${v.new} | ${signed(v.new - v.old)} |`);
    if (still > 0) out.push('', `${still} other rule(s) unchanged.`);
  }
  out.push('');
  return out.join('\n');
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
