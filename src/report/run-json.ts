// run.json: what a run was made from and what it found, so two runs can be compared and a
// table can be reproduced. The only output that may differ between identical runs (timings).
import { duplicatesOf } from '../corpus/duplicates.js';
import type { RunResult } from '../records.js';

export function runJson(run: RunResult, written: readonly string[]): string {
  const count = <T extends string>(values: readonly T[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  const mentions = run.documents.flatMap((d) => d.mentions);
  const record = {
    tool: { name: 'strategy-miner', version: run.toolVersion },
    node: run.nodeVersion,
    topic: run.topic,
    options: run.options,
    rules: run.ruleFiles,
    inputs: run.documents.map((d) => ({
      file: d.entry.file,
      city: d.entry.city,
      level: d.entry.level ?? '',
      region: d.entry.region ?? '',
      year: d.entry.year,
      sha256: d.doc.sha256,
      status: d.doc.status,
      pages: d.doc.pageCount,
    })),
    counts: {
      documents: run.documents.length,
      documentsByStatus: count(run.documents.map((d) => d.doc.status)),
      cities: run.rows.length,
      citiesByStatus: count(run.rows.map((r) => r.status)),
      units: run.documents.reduce((n, d) => n + d.units.length, 0),
      mentions: mentions.length,
      mentionsByKind: count(mentions.map((m) => m.kind)),
      mentionsByRule: count(mentions.flatMap((m) => m.ruleIds)),
      priorities: run.rows.reduce((n, r) => n + r.priorities.length, 0),
    },
    /** Files with the same bytes as one listed before them: counted once, under the first. */
    duplicates: duplicatesOf(run.documents),
    warnings: run.warnings,
    timings: run.timings,
    outputs: [...written].sort(),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
