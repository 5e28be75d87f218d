// The whole job: corpus folder → ingested documents → units → mentions → city rows.
// Reports are written by the caller (cli) from the RunResult, so this stays testable.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import PQueue from 'p-queue';
import { buildCityRows } from '../aggregate/index.js';
import { markDuplicates } from '../corpus/duplicates.js';
import { planCorpus } from '../corpus/folder.js';
import { guessCity } from '../corpus/guess.js';
import { statusOnly, type IngestOptions } from '../ingest/index.js';
import { probeOcr } from '../ingest/ocr.js';
import type { CorpusEntry, DocumentResult, IngestedDocument, RunOptions, RunResult } from '../records.js';
import { loadRuleSet, type RuleSet } from '../rules/index.js';
import { documentKey, readerVersion, rulesKey } from '../store/keys.js';
import { openStore, type Store } from '../store/index.js';
import { printable } from '../text/printable.js';
import { TOOL_VERSION } from '../version.js';
import { analyseDocument, documentResult, ruleAnalysis } from './analyse.js';
import { createIngestPool, documentsAtOnce, ocrShare, timeoutMessage, type AnalysisRequest, type ProcessResult } from './pool.js';
import { processIntoStore, type StoreTarget } from './process.js';

export { analyseDocument, MAX_MENTIONS_PER_DOCUMENT, unitMentions } from './analyse.js';

export interface PositionedError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * `close()` ends the run's hold on its store once the reports are written: a document's units
 * and pages are read from the store when a report asks for them (DocumentResult.units and
 * IngestedDocument.pages are getters), so they are never all in memory at once.
 */
export type PipelineResult = { ok: true; run: RunResult; ruleSet: RuleSet; close: () => void } | { ok: false; errors: PositionedError[] };

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
  /**
   * The store file (src/store) that keeps each document's reading and mentions between runs.
   * Absent or false: a store in a temporary folder, removed by close() or at exit, so
   * nothing is kept (`--no-store`).
   */
  store?: string | false;
}

/** The text of a document's first page, where the title is. */
function titlePageText(doc: IngestedDocument): string {
  return doc.pages.find((p) => p.text.trim().length > 0)?.text.slice(0, 2000) ?? '';
}

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

/** A store that lives as long as the run: in a temporary folder, removed on close or at exit. */
function temporaryStore(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-miner-store-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  return { path: join(dir, 'store.sqlite'), remove };
}

/** A document of the corpus and what the store already holds for it. */
interface Planned {
  index: number;
  file: string;
  entry?: CorpusEntry;
  path: string;
  refused?: string;
  /** Bytes; the largest documents are read first. */
  size: number;
  /** Absent when the file could not be read to hash it (the reader then says why). */
  target?: StoreTarget;
}

/** Reads the file once to hash it: its key in the store. */
async function planDocument(p: Omit<Planned, 'size' | 'target'>, rules: string, ocr: RunOptions['ocr'], ocrTools: string, store: Store): Promise<Planned> {
  if (p.refused !== undefined) return { ...p, size: 0 };
  let bytes: Buffer;
  try {
    bytes = await readFile(p.path);
  } catch {
    return { ...p, size: 0 };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const docKey = documentKey(sha256, { file: p.file, ocr, ocrTools });
  return { ...p, size: bytes.length, target: { docKey, rulesKey: rules, sha256, read: !store.hasReading(docKey) } };
}

/** A document's result as the store holds it; its units and pages are read when asked for. */
function storedResult(store: Store, target: StoreTarget, entry: CorpusEntry): DocumentResult {
  const reading = store.reading(target.docKey);
  const rules = store.rules(target.docKey, target.rulesKey);
  if (!reading || !rules) throw new Error(`store ${store.path}: the rows of ${entry.file} are missing (was the store removed during the run?)`);
  const result = documentResult(entry, reading.doc, { ...reading, units: [] }, rules);
  if ('tooLarge' in rules) return result;
  lazy(result, 'units', () => store.units(target.docKey));
  lazy(result.doc, 'pages', () => store.pages(target.docKey));
  return result;
}

function lazy<T extends object, K extends keyof T>(object: T, key: K, get: () => T[K]): void {
  Object.defineProperty(object, key, { get, enumerable: true, configurable: true });
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

  const temporary = ingestion.store ? undefined : temporaryStore();
  const store = openStore(ingestion.store || temporary!.path, readerVersion(), { prune: true });
  const close = () => {
    store.close();
    temporary?.remove();
  };
  try {
    const run = await processCorpus(options, progress, ingestion, ruleSet, plan, store, timings);
    return { ok: true, run, ruleSet, close };
  } catch (err) {
    close();
    throw err;
  }
}

async function processCorpus(
  options: RunOptions,
  progress: Progress,
  ingestion: IngestionChoice,
  ruleSet: RuleSet,
  plan: Extract<Awaited<ReturnType<typeof planCorpus>>, { ok: true }>['plan'],
  store: Store,
  timings: { stage: string; ms: number }[],
): Promise<RunResult> {
  const warnings = [...plan.warnings];
  const rules = rulesKey(options.topic, ruleSet.files);
  const probe = options.ocr === 'off' ? undefined : await probeOcr();
  const ocrTools = probe?.available ? probe.version : 'none';
  const tPlan = performance.now();
  const files: Planned[] = await Promise.all(
    [
      ...plan.listed.map((l) => (l.refused === undefined ? { file: l.entry.file, entry: l.entry, path: l.path } : { file: l.entry.file, entry: l.entry, path: '', refused: l.refused })),
      ...plan.unlisted.map((file) => ({ file, path: join(options.corpusDir, file) })),
    ].map((p, index) => planDocument({ ...p, index }, rules, options.ocr, ocrTools, store)),
  );
  const toRead = files.filter((f) => f.refused === undefined && (!f.target || f.target.read)).length;
  const toAnalyse = files.filter((f) => f.target && !f.target.read && !store.hasRules(f.target.docKey, rules)).length;
  const fromStore = files.filter((f) => f.target && !f.target.read && store.hasRules(f.target.docKey, rules)).length;
  progress(`store ${store.path}: ${fromStore} of ${files.length} documents stored, ${toAnalyse} to analyse with these rules, ${toRead} to read`);
  timings.push({ stage: 'hash documents and look them up in the store', ms: performance.now() - tPlan });

  const results: (DocumentResult | undefined)[] = new Array(files.length);
  // Kept by position, not by finishing order, so outputs are the same from run to run.
  const guessWarnings: (string | undefined)[] = new Array(files.length);
  // Documents at once never exceed the cores, and each gets its share of OCR processes, so
  // tesseract runs across all documents together stay within the core count.
  const cores = ingestion.cores ?? availableParallelism();
  const atOnce = documentsAtOnce(options.concurrency, cores);
  const ocrConcurrency = ocrShare(atOnce, cores);
  // Workers also analyse (units, language, rules) with the same rule files as this run.
  const analysis: AnalysisRequest = { rulesDir: options.rulesDir, topic: options.topic, ruleFiles: ruleSet.files };
  const work = toRead + toAnalyse;
  const pool =
    ingestion.inThread || work === 0
      ? undefined
      : createIngestPool({
          // Every core's worker even for fewer documents: an idle one reads half of a long PDF.
          size: atOnce,
          store: { path: store.path, readerVersion: readerVersion() },
          warm: analysis,
          eager: true,
          ...(ingestion.maxMemoryMb ? { maxMemoryMb: ingestion.maxMemoryMb } : {}),
          ...(ingestion.resourceLimits ? { resourceLimits: ingestion.resourceLimits } : {}),
        });
  const submit = (path: string, o: IngestOptions, target: StoreTarget): Promise<ProcessResult> =>
    pool ? pool.process(path, o, target, analysis) : processInThread(store, path, o, target, ruleSet);
  // atOnce documents in flight, the largest first: a long document started last would keep
  // one core busy while the others idle at the end of the batch.
  const queue = new PQueue({ concurrency: atOnce });
  let done = 0;
  const tIngest = performance.now();
  let ingestMs = 0;
  let analyseMs = 0;
  const finish = (p: Planned, r: DocumentResult, note: string) => {
    results[p.index] = r;
    done++;
    const found = r.mentions.filter((m) => m.kind !== 'other_sense').length;
    // r.doc: analysis can give a document a status of its own (too_large).
    const d = r.doc;
    progress(
      `[${done}/${files.length}] ${printable(p.file)}: ${d.status}, ${d.pageCount} pages` +
        (d.ocrPages.length ? `, ${d.ocrPages.length} by OCR` : '') +
        (d.unreadablePages.length ? `, ${d.unreadablePages.length} unreadable` : '') +
        `, ${found} ${ruleSet.label.en} mentions` +
        (d.status === 'ok' ? '' : ` — ${d.message}`) +
        note,
    );
  };
  const entryOf = (p: Planned, doc: IngestedDocument): CorpusEntry => {
    if (p.entry) return p.entry;
    const guessed = entryForUnlisted(p.file, doc);
    guessWarnings[p.index] = guessed.warning;
    return guessed.entry;
  };
  const one = async (p: Planned): Promise<void> => {
    // A refused row is never opened: no bytes of it are read, not even for a hash.
    if (p.refused !== undefined) {
      const doc = statusOnly(p.file, 'unknown', 'refused', p.refused);
      return finish(p, analyseDocument(entryOf(p, doc), doc, ruleSet), '');
    }
    const target = p.target;
    const stored = target && !target.read && store.hasRules(target.docKey, rules);
    const r: ProcessResult | undefined = stored
      ? undefined
      : await queue.add(
          () => submit(p.path, { displayName: p.file, ocr: options.ocr, timeoutMs: options.timeoutMs, ocrConcurrency }, target ?? unreadable(p.file)),
          { priority: p.size },
        );
    if (r && !r.stored) {
      // Not stored (a time limit, a crash, a file that could not be read): analysed as it is.
      ingestMs += r.ms;
      const doc = r.doc;
      let result: DocumentResult;
      if (r.analysis) {
        const { ms, ...a } = r.analysis;
        analyseMs += ms;
        result = { entry: entryOf(p, doc), doc, ...a };
      } else result = analyseDocument(entryOf(p, doc), doc, ruleSet);
      return finish(p, result, '');
    }
    if (r) {
      ingestMs += r.ms;
      analyseMs += r.analyseMs;
      // The worker loaded other rule files than this run's (edited meanwhile): analysed here.
      if (!r.rules) store.putRules(target!.docKey, rules, ruleAnalysis(store.units(target!.docKey), ruleSet));
    }
    const reading = store.reading(target!.docKey)!;
    const entry = p.entry ?? entryOf(p, { ...reading.doc, pages: store.pages(target!.docKey) });
    finish(p, storedResult(store, target!, entry), r ? '' : ' (from the store)');
  };
  try {
    await Promise.all([...files].sort((a, b) => b.size - a.size).map(one));
  } finally {
    await pool?.close();
  }
  timings.push({ stage: 'documents (wall)', ms: performance.now() - tIngest });
  const ocrEach = `${ocrConcurrency} OCR process${ocrConcurrency === 1 ? '' : 'es'} each`;
  timings.push({
    stage: pool
      ? `ingest (sum over documents; ${pool.size} worker thread${pool.size === 1 ? '' : 's'}, ${ocrEach})`
      : ingestion.inThread
        ? `ingest (sum over documents; main thread, ${atOnce} at once, ${ocrEach})`
        : 'ingest (sum over documents; every document from the store)',
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
  return {
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
}

/** A target for a file that could not be hashed: it is read (and fails with its reason), never stored. */
function unreadable(file: string): StoreTarget {
  return { docKey: '', rulesKey: '', sha256: `unreadable:${file}`, read: true };
}

/** The main-thread mode: the same processing, on this thread, timed like a pooled document. */
async function processInThread(store: Store, path: string, options: IngestOptions, target: StoreTarget, ruleSet: RuleSet): Promise<ProcessResult> {
  const r = await processIntoStore(store, path, options, target, async () => ruleSet);
  if (r.stored) return { stored: true, ms: r.ingestMs, analyseMs: r.analyseMs, rules: r.rules };
  const doc = r.doc;
  if (doc.status === 'timeout') doc.message = timeoutMessage(options.timeoutMs, doc.message);
  return { stored: false, doc, ms: r.ingestMs };
}
