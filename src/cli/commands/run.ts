// `strategy-miner run`: the main job.
import { resolve } from 'node:path';
import type { OcrMode, RunOptions, RunResult } from '../../records.js';
import { removeStaleOcrDirs } from '../../ingest/ocr/temp-dirs.js';
import { runPipeline } from '../../pipeline/run.js';
import { writeReports } from '../../report/index.js';
import { categoryLabel, type RuleSet } from '../../rules/index.js';
import { printable } from '../../text/printable.js';
import { printErrors } from '../io.js';

export interface RunFlags {
  out: string;
  topic: string;
  rules: string;
  ocr: OcrMode;
  format: string[];
  excel: boolean;
  strict: boolean;
  timeout: number;
  concurrency: number;
  allowOutside: boolean;
  rawCsv: boolean;
  maxMemory: number;
  /** A path, false for --no-store, undefined for the default beside the output folder. */
  store?: string | false;
}

/**
 * Where the store lives by default: beside the output folder, not in it, so that replacing
 * the output folder with a run's new one keeps it (output/ → output.store.sqlite).
 */
export function defaultStorePath(outDir: string): string {
  return `${resolve(outDir)}.store.sqlite`;
}

/** Labels of every category the run's mentions carry, for the reports. */
export function categoryLabels(run: RunResult, ruleSet: RuleSet): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const d of run.documents) {
    for (const m of d.mentions) {
      for (const key of [...m.sectors, ...m.measures, ...m.targets]) labels[key] ??= categoryLabel(ruleSet, key);
    }
  }
  return labels;
}

function summary(run: RunResult): string {
  const byStatus = new Map<string, number>();
  for (const row of run.rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  const docsNotOk = run.documents.filter((d) => d.doc.status !== 'ok');
  const mentions = run.documents.reduce((n, d) => n + d.mentions.length, 0);
  const lines = [
    `strategy-miner: ${run.documents.length} documents, ${run.rows.length} cities, ${mentions} word-family occurrences`,
    `  cities: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`,
  ];
  if (docsNotOk.length) {
    lines.push(`  documents not fully read (never reported as "no cluster mention"):`);
    for (const d of docsNotOk) lines.push(`    ${printable(d.doc.file)}: ${d.doc.status} — ${printable(d.doc.message)}`);
  }
  for (const w of run.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}

export async function runCommand(corpusDir: string, flags: RunFlags): Promise<void> {
  const options: RunOptions = {
    corpusDir: resolve(corpusDir),
    outDir: resolve(flags.out),
    topic: flags.topic,
    rulesDir: resolve(flags.rules),
    ocr: flags.ocr,
    formats: flags.format,
    excel: flags.excel,
    strict: flags.strict,
    timeoutMs: flags.timeout * 1000,
    concurrency: flags.concurrency,
    allowOutside: flags.allowOutside,
    rawCsv: flags.rawCsv,
  };
  const stale = await removeStaleOcrDirs();
  if (stale.length > 0) process.stderr.write(`strategy-miner: removed ${stale.length} OCR temp folder(s) left by runs that were killed\n`);
  const store = flags.store === false ? false : flags.store !== undefined ? resolve(flags.store) : defaultStorePath(options.outDir);
  const result = await runPipeline(options, (msg) => process.stderr.write(msg + '\n'), { maxMemoryMb: flags.maxMemory, store });
  if (!result.ok) {
    printErrors(result.errors);
    process.exitCode = 2;
    return;
  }
  const { run, ruleSet } = result;
  let written: string[];
  try {
    ({ written } = await writeReports(run, options.outDir, { labels: categoryLabels(run, ruleSet) }));
  } finally {
    result.close();
  }
  process.stderr.write(summary(run) + '\n');
  process.stderr.write(`  wrote ${written.length} files to ${options.outDir}\n`);
  if (options.strict && run.documents.some((d) => d.doc.status !== 'ok')) process.exitCode = 1;
}
