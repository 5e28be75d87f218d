// Collapses repeated statements of one priority into one item with several evidence
// locations. A strategy states a priority in a heading («2.3. Развитие туристского
// кластера»), again in the body list and again in the summary; Table 5 must show it once.
//
// Measure (documented in the README): two priority units are the same priority when
//   1. their sector sets are equal (a generic «Развитие кластеров» heading is not merged into
//      «Развитие IT-кластера»),
//   2. the numbers they contain agree when both contain any («в районе 12» ≠ «в районе 109»;
//      list numbering and TOC page numbers are stripped first), and
//   3. on their stems (text-key.ts: normalised text, content words cut to 6-letter prefixes)
//      either the shorter statement (at least 3 content words) occurs in the longer one as a
//      phrase, its words in order with at most one word inserted (a heading inside the body
//      sentence that elaborates it, a summary that repeats a heading), or the two are
//      near-identical: Jaccard ≥ 0.85 on stem sets (the same sentence with an OCR slip or an
//      inflection the prefix misses).
// A phrase rather than a looser word-overlap threshold, because single-word differences in
// strategy prose are usually the point («…в Заречном районе» vs «…в Северном районе»), and
// because a long sentence can use every word of a short task in other places (checked on the
// real programme sentences of shared/data/mentions/dev.tsv: test/aggregate/real-priorities).
// An item is compared with every statement already in it (single linkage), in reading order.
import type { BlockKind, LangCode, Locator, Mention, PriorityItem } from '../records.js';
import { containsPhrase, jaccard, numbersIn, stemSequence, stemSet } from './text-key.js';

export const MIN_WORDS_FOR_CONTAINMENT = 3;
export const NEAR_IDENTICAL_JACCARD = 0.85;

/** One unit that holds at least one priority mention, with everything the merge needs. */
export interface PriorityStatement {
  unitId: string;
  file: string;
  page: number;
  locator?: Locator;
  ocr: boolean;
  lang: LangCode;
  text: string;
  leadIn?: string;
  blockKind: BlockKind;
  sectors: string[];
  measures: string[];
  targets: string[];
  /** Position in the city's reading order (documents in manifest order, then units). */
  order: number;
  stems: Set<string>;
  sequence: string[];
  /** The statement's numbers, sorted and joined (numbersIn), computed once. */
  numbers: string;
}

/** Groups a city's priority mentions by unit (several matches in one sentence are one statement). */
export function priorityStatements(mentions: readonly Mention[], unitOrder: ReadonlyMap<string, number>): PriorityStatement[] {
  const byUnit = new Map<string, PriorityStatement>();
  for (const m of mentions) {
    if (m.kind !== 'priority') continue;
    const seen = byUnit.get(m.unitId);
    if (seen) {
      seen.sectors = union(seen.sectors, m.sectors);
      seen.measures = union(seen.measures, m.measures);
      seen.targets = union(seen.targets, m.targets);
      continue;
    }
    byUnit.set(m.unitId, {
      unitId: m.unitId,
      file: m.file,
      page: m.page,
      ...(m.locator !== undefined ? { locator: m.locator } : {}),
      ocr: m.ocr,
      lang: m.lang,
      text: m.text,
      ...(m.leadIn !== undefined ? { leadIn: m.leadIn } : {}),
      blockKind: m.blockKind,
      sectors: union([], m.sectors),
      measures: union([], m.measures),
      targets: union([], m.targets),
      order: unitOrder.get(m.unitId) ?? Number.MAX_SAFE_INTEGER,
      stems: stemSet(m.text),
      sequence: stemSequence(m.text),
      numbers: numbersIn(m.text).join('|'),
    });
  }
  return [...byUnit.values()].sort((a, b) => a.order - b.order || compare(a.unitId, b.unitId));
}

/** Whether two statements state the same priority (the measure described above). */
export function samePriority(a: PriorityStatement, b: PriorityStatement): boolean {
  if (!sameSet(a.sectors, b.sectors)) return false;
  if (a.stems.size === 0 || b.stems.size === 0) return false;
  if (a.numbers !== '' && b.numbers !== '' && a.numbers !== b.numbers) return false;
  if (a.stems.size === b.stems.size && [...a.stems].every((x) => b.stems.has(x))) return true;
  const [short, long] = a.sequence.length <= b.sequence.length ? [a.sequence, b.sequence] : [b.sequence, a.sequence];
  if (short.length >= MIN_WORDS_FOR_CONTAINMENT && containsPhrase(long, short)) return true;
  return jaccard(a.stems, b.stems) >= NEAR_IDENTICAL_JACCARD;
}

/**
 * Groups of statements of the same priority, each group in reading order. A statement joins
 * the first group (in creation order) that has a member stating the same priority.
 *
 * Only statements with equal sector sets can be the same priority, and any two that are share
 * at least one stem (equal stem sets, a contained phrase, or Jaccard ≥ 0.85). So the groups
 * are indexed by sector set and stem, and a statement is compared only with the groups it
 * could join: the result is the same as comparing it with every group, but a 300-page
 * strategy with 2,000 priority sentences no longer takes seconds per city.
 */
export function groupStatements(statements: readonly PriorityStatement[]): PriorityStatement[][] {
  const groups: PriorityStatement[][] = [];
  const index = new Map<string, Map<string, number[]>>(); // sector set → stem → group numbers, ascending
  for (const s of statements) {
    const sectorKey = [...new Set(s.sectors)].sort(compare).join('|');
    let byStem = index.get(sectorKey);
    if (!byStem) index.set(sectorKey, (byStem = new Map()));
    const candidates = new Set<number>();
    for (const stem of s.stems) for (const g of byStem.get(stem) ?? []) candidates.add(g);
    let home = -1;
    for (const g of [...candidates].sort((a, b) => a - b)) {
      if (groups[g]!.some((member) => samePriority(member, s))) {
        home = g;
        break;
      }
    }
    if (home < 0) {
      home = groups.length;
      groups.push([s]);
    } else groups[home]!.push(s);
    for (const stem of s.stems) {
      const list = byStem.get(stem);
      if (!list) byStem.set(stem, [home]);
      else if (list[list.length - 1] !== home && !list.includes(home)) {
        list.push(home);
        list.sort((a, b) => a - b);
      }
    }
  }
  return groups;
}

// Which statement speaks for the group in Table 5: the body (a list item or a sentence) reads
// as a priority; a heading or a TOC line is only a title for it.
const REPRESENTATIVE_RANK: Record<BlockKind, number> = {
  list_item: 0,
  paragraph: 1,
  table_row: 2,
  heading: 3,
  footnote: 4,
  toc: 5,
};

/** One Table 5 item from a group of statements of the same priority. */
export function toPriorityItem(group: readonly PriorityStatement[]): PriorityItem {
  const rep = [...group].sort((a, b) => REPRESENTATIVE_RANK[a.blockKind] - REPRESENTATIVE_RANK[b.blockKind] || a.order - b.order)[0];
  if (!rep) throw new Error('toPriorityItem: empty group');
  return {
    text: rep.text.trim(),
    ...(rep.leadIn !== undefined ? { leadIn: rep.leadIn } : {}),
    sectors: unionAll(group.map((s) => s.sectors)),
    measures: unionAll(group.map((s) => s.measures)),
    targets: unionAll(group.map((s) => s.targets)),
    lang: rep.lang,
    evidence: group.map((s) => ({ file: s.file, page: s.page, ocr: s.ocr, unitId: s.unitId, ...(s.locator !== undefined ? { locator: s.locator } : {}) })),
  };
}

export function union(...lists: (readonly string[])[]): string[] {
  return unionAll(lists);
}

/**
 * The sorted union of any number of lists. Takes them as one array, not as spread arguments:
 * a group can hold a statement per repeat of one sentence (125,000 in a hostile paragraph),
 * and spreading that many arguments overflows the call stack.
 */
export function unionAll(lists: readonly (readonly string[])[]): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const item of list) all.add(item);
  return [...all].sort(compare);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Code-point order, independent of the machine's locale (outputs must be byte-identical). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
