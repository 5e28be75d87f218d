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
import type { BlockKind, LangCode, Mention, PriorityItem } from '../records.js';
import { containsPhrase, jaccard, numbersIn, stemSequence, stemSet } from './text-key.js';

export const MIN_WORDS_FOR_CONTAINMENT = 3;
export const NEAR_IDENTICAL_JACCARD = 0.85;

/** One unit that holds at least one priority mention, with everything the merge needs. */
export interface PriorityStatement {
  unitId: string;
  file: string;
  page: number;
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
    });
  }
  return [...byUnit.values()].sort((a, b) => a.order - b.order || compare(a.unitId, b.unitId));
}

/** Whether two statements state the same priority (the measure described above). */
export function samePriority(a: PriorityStatement, b: PriorityStatement): boolean {
  if (!sameSet(a.sectors, b.sectors)) return false;
  if (a.stems.size === 0 || b.stems.size === 0) return false;
  const na = numbersIn(a.text);
  const nb = numbersIn(b.text);
  if (na.length > 0 && nb.length > 0 && na.join('|') !== nb.join('|')) return false;
  if (sameSet([...a.stems], [...b.stems])) return true;
  const [short, long] = a.sequence.length <= b.sequence.length ? [a.sequence, b.sequence] : [b.sequence, a.sequence];
  if (short.length >= MIN_WORDS_FOR_CONTAINMENT && containsPhrase(long, short)) return true;
  return jaccard(a.stems, b.stems) >= NEAR_IDENTICAL_JACCARD;
}

/** Groups of statements of the same priority, each group in reading order. */
export function groupStatements(statements: readonly PriorityStatement[]): PriorityStatement[][] {
  const groups: PriorityStatement[][] = [];
  for (const s of statements) {
    const home = groups.find((g) => g.some((member) => samePriority(member, s)));
    if (home) home.push(s);
    else groups.push([s]);
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
    sectors: union([], ...group.map((s) => s.sectors)),
    measures: union([], ...group.map((s) => s.measures)),
    targets: union([], ...group.map((s) => s.targets)),
    lang: rep.lang,
    evidence: group.map((s) => ({ file: s.file, page: s.page, ocr: s.ocr, unitId: s.unitId })),
  };
}

export function union(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort(compare);
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
