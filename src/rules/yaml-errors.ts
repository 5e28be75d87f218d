// Turns YAML syntax errors and zod issues into RuleFileErrors with file, line and column,
// worded "Expected …, got …" with a "did you mean" where a likely fix exists (the way
// ESLint words invalid rule options). Positions come from the yaml package's Document
// nodes (node.range) mapped through a LineCounter.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import type { RuleFileError } from './types.js';

export function positionOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[], key = false): { line: number; column: number } {
  // Walk down as far as the path exists; an error on a missing field points at its parent.
  let node: unknown = doc.contents;
  let at: Node | null = (doc.contents as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const lastAndKey = key && i === path.length - 1;
      node = pair.value;
      at = lastAndKey ? (pair.key as Node) : ((pair.value as Node | null) ?? (pair.key as Node));
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      at = item as Node;
    } else break;
  }
  const offset = at?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function didYouMean(word: string, known: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean "${best}"?` : '';
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  array: 'a list (lines starting with "- ")',
  object: 'a mapping (key: value lines)',
  boolean: 'true or false',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/**
 * One error per zod issue. knownKeys: every field name the schema knows, for suggestions on
 * unknown keys.
 */
export function zodIssuesToErrors(
  file: string,
  doc: Document,
  lc: LineCounter,
  data: unknown,
  issues: z.core.$ZodIssue[],
  knownKeys: Set<string>,
): RuleFileError[] {
  const out: RuleFileError[] = [];
  for (const issue of issues) {
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    const got = valueAt(data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const pos = positionOf(doc, lc, [...issue.path, k], true);
        // A field the schema knows elsewhere («sectors» in a no_match example) is misplaced, not misspelt.
        const message = knownKeys.has(k)
          ? `Expected only the fields allowed${where}, got "${k}", which belongs elsewhere in a rule file${MISPLACED_HINT[k] && issue.path.includes('no_match') ? ` (${MISPLACED_HINT[k]})` : ''}`
          : `Expected a known field${where}, got unknown field "${k}"${didYouMean(k, knownKeys)}`;
        out.push({ file, ...pos, message });
      }
      continue;
    }
    const pos = positionOf(doc, lc, issue.path);
    let message: string;
    if (issue.code === 'invalid_type') {
      message = `Expected ${TYPE_WORDS[issue.expected] ?? issue.expected}${where}, got ${describeValue(got)}`;
    } else if (issue.code === 'invalid_value') {
      const allowed = issue.values.map(String);
      message = `Expected one of ${allowed.join(', ')}${where}, got ${describeValue(got)}${typeof got === 'string' ? didYouMean(got, allowed) : ''}`;
    } else if (issue.code === 'invalid_union') {
      message = `Expected ${unionExpectation(issue.path)}${where}, got ${describeValue(got)}`;
    } else if (issue.code === 'too_small' && issue.message.startsWith('Too small')) {
      const unit = issue.origin === 'array' ? 'item(s)' : issue.origin === 'string' ? 'character(s)' : '';
      message = `Expected at least ${String(issue.minimum)} ${unit}${where}, got ${describeValue(got)}`;
    } else {
      message = `Expected ${issue.message}${where}, got ${describeValue(got)}`;
    }
    out.push({ file, ...pos, message });
  }
  return out;
}

/** Why a field that belongs to a match example is wrong in a no_match example. */
const MISPLACED_HINT: Record<string, string> = {
  sectors: 'a no_match example expects no occurrence, so it has no sectors to check',
  kind: 'a no_match example expects no occurrence, so it has no kind to check',
  measures: 'a no_match example expects no occurrence, so it has no measures to check',
  targets: 'a no_match example expects no occurrence, so it has no targets to check',
};

function unionExpectation(path: readonly PropertyKey[]): string {
  const last = String(path[path.length - 1] ?? '');
  if (last === 'scope') return 'one of term, near, unit, lead_in, heading (or a list of them)';
  if (last === 'window') return 'a number of words or {before: N, after: N}';
  return 'a value of one of the allowed shapes';
}
