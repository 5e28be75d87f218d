// Comparing a reading with a truth file (one paragraph, list item or table row per line): the
// measure of the ingest benchmark and of the producer fixtures' tests.
import { readFileSync } from 'node:fs';
import { normalizeText } from '../src/text/normalize.js';
import type { IngestedDocument } from '../src/records.js';

export function clean(s: string): string {
  return normalizeText(s).replace(/\s+/g, ' ').trim();
}

export function blocksOf(doc: IngestedDocument): string[] {
  return doc.pages.flatMap((p) => p.blocks.map((b) => b.text));
}

/** A truth file's lines, cleaned, blank lines left out. */
export function truthLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map(clean).filter((l) => l !== '');
}

/** Share of truth lines that come out exactly as one block (each block counted once). */
export function exactShare(truth: string[], got: string[]): number {
  const pool = new Map<string, number>();
  for (const g of got) pool.set(g, (pool.get(g) ?? 0) + 1);
  let hit = 0;
  for (const t of truth) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(t, n - 1);
    }
  }
  return truth.length === 0 ? 1 : hit / truth.length;
}

/** The truth lines that did not come out as a block: what a failing test prints. */
export function missedLines(truth: string[], got: string[]): string[] {
  const pool = new Map<string, number>();
  for (const g of got) pool.set(g, (pool.get(g) ?? 0) + 1);
  const missed: string[] = [];
  for (const t of truth) {
    const n = pool.get(t) ?? 0;
    if (n > 0) pool.set(t, n - 1);
    else missed.push(t);
  }
  return missed;
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
