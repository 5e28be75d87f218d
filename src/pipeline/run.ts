// The whole job: corpus folder → ingested documents → units → mentions → city rows.
// Reports are written by the caller (cli) from the RunResult, so this stays testable.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import PQueue from 'p-queue';
import { buildCityRows } from '../aggregate/index.js';
import { markDuplicates } from '../corpus/duplicates.js';
import { planCorpus } from '../corpus/folder.js';
import { guessCity } from '../corpus/guess.js';
import { ingestFile, statusOnly, type IngestOptions } from '../ingest/index.js';
import { tooLargeMessage } from '../ingest/limits.js';
import {
  createIngestPool,
  documentsAtOnce,
  ocrShare,
  timeoutMessage,
  type AnalysisRequest,
  type PooledIngest,
} from '../ingest/pool.js';
import type {
  CorpusEntry,
  DocumentResult,
  IngestedDocument,
  Mention,
  RunOptions,
  RunResult,
  Unit,
} from '../records.js';
import { loadRuleSet, matchUnit, type RuleSet } from '../rules/index.js';
import { languagesOfTally, tallyLanguages, type LanguageTally } from '../text/lang/index.js';
import { printable } from '../text/printable.js';
import { documentUnits } from '../text/units.js';
import { TOOL_VERSION } from '../version.js';

export interface PositionedError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type PipelineResult = { ok: true; run: RunResult; ruleSet: RuleSet } | { ok: false; errors: PositionedError[] };

export type Progress = (message: string) => void;

/** How documents are read; the default is worker threads, one document per core. */
export interface IngestionChoice {
  /**
   * Read documents on the main thread (p-queue) instead of worker threads: no parallel
   * parsing, and a time limit that can only stop a document between two pdfjs calls.
   */
  inThread?: boolean;
  /** Memory per document in MB (pool only; default DEFAULT_MAX_MEMORY_MB): more gives 'too_large'. */
  maxMemoryMb?: number;
  /** Heap limits per worker thread (pool only), finer than maxMemoryMb, for tests. */
  resourceLimits?: ResourceLimits;
  /** Cores to plan for; default os.availableParallelism(). */
  cores?: number;
}

type Ingest = (path: string, options: IngestOptions) => Promise<PooledIngest>;

/** Reads a document on the main thread, timed like a pooled one. */
async function ingestInThread(path: string, options: IngestOptions): Promise<PooledIngest> {
  const t = performance.now();
  const doc = await ingestFile(path, options);
  if (doc.status === 'timeout') doc.message = timeoutMessage(options.timeoutMs, doc.message);
  return { doc, ms: performance.now() - t };
}

/**
 * Mentions of one unit, with the unit's provenance. `previous` is the unit before it in
 * reading order: on the same page it is where «этого кластера» finds its antecedent.
 */
export function unitMentions(ruleSet: RuleSet, unit: Unit, previous?: Unit): Mention[] {
  const matches = matchUnit(ruleSet, {
    text: unit.text,
    lang: unit.lang,
    headingPath: unit.headingPath,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
    ...(previous && previous.file === unit.file && nearby(previous, unit) ? { previous: previous.text } : {}),
  });
  return matches.map((m) => ({
    ...m,
    unitId: unit.id,
    file: unit.file,
    page: unit.page,
    lang: unit.lang,
    text: unit.text,
    headingPath: unit.headingPath,
    ocr: unit.ocr,
    blockKind: unit.blockKind,
    ...(unit.leadIn !== undefined ? { leadIn: unit.leadIn } : {}),
    ...(unit.locator !== undefined ? { locator: unit.locator } : {}),
  }));
}

/** The unit before is on the same page, or, where paragraphs are counted, in the paragraph before. */
function nearby(previous: Unit, unit: Unit): boolean {
  return previous.page === unit.page || (unit.locator === 'paragraph' && previous.page === unit.page - 1);
}

/** The text of a document's first page, where the title is. */
function titlePageText(doc: IngestedDocument): string {
  return doc.pages.find((p) => p.text.trim().length > 0)?.text.slice(0, 2000) ?? '';
}

/** Everything downstream of ingestion, for one document. Pure. */
export function analyseDocument(entry: CorpusEntry, doc: IngestedDocument, ruleSet: RuleSet): DocumentResult {
  const { units, blockLanguages } = documentUnits(doc);
  // One letter count per block serves both votes: the document's tally is the sum of its pages'.
  const byPage = new Map<number, LanguageTally>();
  for (const b of blockLanguages) byPage.set(b.page, tallyLanguages([b], byPage.get(b.page)));
  const whole: LanguageTally = new Map();
  for (const tally of byPage.values()) for (const [lang, n] of tally) whole.set(lang, (whole.get(lang) ?? 0) + n);
  const { languages, bilingual } = languagesOfTally(whole);
  const pageLanguages = [...byPage]
    .sort((a, b) => a[0] - b[0])
    .map(([page, tally]) => ({ page, languages: languagesOfTally(tally).languages }))
    .filter((p) => p.languages.length > 0);
  const mentions: Mention[] = [];
  for (let i = 0; i < units.length; i++) for (const m of unitMentions(ruleSet, units[i]!, units[i - 1])) mentions.push(m);
  if (mentions.length > MAX_MENTIONS_PER_DOCUMENT) {
    const message = tooLargeMessage(
      `${mentions.length.toLocaleString('en-US')} occurrences of the topic's words, over the limit of ${MAX_MENTIONS_PER_DOCUMENT.toLocaleString('en-US')} per document`,
    );
    return { entry, doc: { ...statusOnly(doc.file, doc.format, 'too_large', message, doc.sha256), pageCount: doc.pageCount }, languages, bilingual, pageLanguages, units: [], mentions: [] };
  }
  return { entry, doc, languages, bilingual, pageLanguages, units, mentions };
}

/**
 * Word-family occurrences per document. A 300-page strategy has a few hundred; every report
 * holds each occurrence with its sentence, so this bounds what one document adds to the run
 * (one paragraph of one sentence repeated 40,000 times, 80,000 occurrences, took 2.5 GB and
 * 52 s to report).
 */
export const MAX_MENTIONS_PER_DOCUMENT = 20_000;

function entryForUnlisted(file: string, doc: IngestedDocument): { entry: CorpusEntry; warning: string } {
  const guess = guessCity(titlePageText(doc), file);
  const where = guess.source === 'title' ? 'its title page' : 'its file name';
  const what = guess.level ? `${guess.level.replace('_', ' ')} "${guess.city}"${guess.region ? ` (${guess.region})` : ''}` : `city "${guess.city}"`;
  return {
    entry: {
      file,
      city: guess.city,
      country: guess.country,
      language: '',
      title: '',
      year: '',
      citySource: guess.source,
      level: guess.level,
      ...(guess.region ? { region: guess.region } : {}),
    },
    warning: `${printable(file)}: not in the manifest; ${what} taken from ${where}`,
  };
}

export async function runPipeline(
  options: RunOptions,
  progress: Progress = () => {},
  ingestion: IngestionChoice = {},
): Promise<PipelineResult> {
  const timings: { stage: string; ms: number }[] = [];
  const t0 = performance.now();
  const rules = await loadRuleSet(options.rulesDir, options.topic);
  if (!rules.ok) return { ok: false, errors: rules.errors };
  const ruleSet = rules.ruleSet;
  const planned = await planCorpus(options.corpusDir, { allowOutside: options.allowOutside ?? false });
  if (!planned.ok) return { ok: false, errors: planned.errors };
  const { plan } = planned;
  timings.push({ stage: 'load rules and manifest', ms: performance.now() - t0 });

  const warnings = [...plan.warnings];
  const files: { file: string; entry?: CorpusEntry; path: string; refused?: string }[] = [
    ...plan.listed.map((l) => (l.refused === undefined ? { file: l.entry.file, entry: l.entry, path: l.path } : { file: l.entry.file, entry: l.entry, path: '', refused: l.refused })),
    ...plan.unlisted.map((file) => ({ file, path: join(options.corpusDir, file) })),
  ];
  const results: (DocumentResult | undefined)[] = new Array(files.length);
  // Kept by position, not by finishing order, so outputs are the same from run to run.
  const guessWarnings: (string | undefined)[] = new Array(files.length);
  // Documents at once never exceed the cores, and each gets its share of OCR processes, so
  // tesseract runs across all documents together stay within the core count.
  const cores = ingestion.cores ?? availableParallelism();
  const atOnce = documentsAtOnce(options.concurrency, cores);
  const ocrConcurrency = ocrShare(atOnce, cores);
  const pool = ingestion.inThread
    ? undefined
    : createIngestPool({
        size: atOnce,
        ...(ingestion.maxMemoryMb ? { maxMemoryMb: ingestion.maxMemoryMb } : {}),
        ...(ingestion.resourceLimits ? { resourceLimits: ingestion.resourceLimits } : {}),
      });
  // Workers also analyse (units, language, rules) with the same rule files as this run.
  const analysis: AnalysisRequest = { rulesDir: options.rulesDir, topic: options.topic, ruleFiles: ruleSet.files };
  const ingest: Ingest = pool ? (path, o) => pool.ingest(path, o, analysis) : ingestInThread;
  // The pool queues documents itself; in-thread, p-queue keeps atOnce documents in flight.
  const queue = new PQueue({ concurrency: pool ? Infinity : atOnce });
  let done = 0;
  const tIngest = performance.now();
  let ingestMs = 0;
  let analyseMs = 0;
  try {
    await Promise.all(
      files.map(async ({ file, entry, path, refused }, i) => {
        // A refused row is never opened: no bytes of it are read, not even for a hash.
        const { doc, ms, analysis: analysed } = refused
          ? { doc: statusOnly(file, 'unknown', 'refused', refused), ms: 0, analysis: undefined }
          : await queue.add(() =>
              ingest(path, {
                displayName: file,
                ocr: options.ocr,
                timeoutMs: options.timeoutMs,
                ocrConcurrency,
              }),
            );
        ingestMs += ms;
        let resolved = entry;
        if (!resolved) {
          const guessed = entryForUnlisted(file, doc);
          resolved = guessed.entry;
          guessWarnings[i] = guessed.warning;
        }
        // Analysed on its worker, or here (main thread mode, a document the pool gave up on,
        // rule files changed under a worker).
        let r: DocumentResult;
        if (analysed) {
          r = {
            entry: resolved,
            doc,
            languages: analysed.languages,
            bilingual: analysed.bilingual,
            pageLanguages: analysed.pageLanguages,
            units: analysed.units,
            mentions: analysed.mentions,
          };
          analyseMs += analysed.ms;
        } else {
          const ta = performance.now();
          r = analyseDocument(resolved, doc, ruleSet);
          analyseMs += performance.now() - ta;
        }
        results[i] = r;
        done++;
        const found = r.mentions.filter((m) => m.kind !== 'other_sense').length;
        // r.doc, not doc: analysis can give a document a status of its own (too_large).
        const d = r.doc;
        progress(
          `[${done}/${files.length}] ${printable(file)}: ${d.status}, ${d.pageCount} pages` +
            (d.ocrPages.length ? `, ${d.ocrPages.length} by OCR` : '') +
            (d.unreadablePages.length ? `, ${d.unreadablePages.length} unreadable` : '') +
            `, ${found} ${ruleSet.label.en} mentions` +
            (d.status === 'ok' ? '' : ` — ${d.message}`),
        );
      }),
    );
  } finally {
    await pool?.close();
  }
  timings.push({ stage: 'documents (wall)', ms: performance.now() - tIngest });
  const ocrEach = `${ocrConcurrency} OCR process${ocrConcurrency === 1 ? '' : 'es'} each`;
  timings.push({
    stage: pool
      ? `ingest (sum over documents; ${atOnce} worker thread${atOnce === 1 ? '' : 's'}, ${ocrEach})`
      : `ingest (sum over documents; main thread, ${atOnce} at once, ${ocrEach})`,
    ms: ingestMs,
  });
  timings.push({ stage: 'segment, language, rules (sum)', ms: analyseMs });

  for (const w of guessWarnings) if (w) warnings.push(w);
  // Identical files are counted once: the later copies keep their row with a note.
  const deduplicated = markDuplicates(results.filter((r): r is DocumentResult => r !== undefined));
  const documents = deduplicated.documents;
  warnings.push(...deduplicated.warnings);
  const tAgg = performance.now();
  const rows = buildCityRows(documents, ruleSet.label.en);
  timings.push({ stage: 'aggregate', ms: performance.now() - tAgg });
  const run: RunResult = {
    toolVersion: TOOL_VERSION,
    nodeVersion: process.version,
    topic: options.topic,
    topicLabel: ruleSet.label.en,
    options,
    ruleFiles: ruleSet.files,
    documents,
    rows,
    warnings,
    timings: timings.map((t) => ({ stage: t.stage, ms: Math.round(t.ms) })),
  };
  return { ok: true, run, ruleSet };
}
