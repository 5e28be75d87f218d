// One worker thread of the pool (see ./pool.ts): reads documents with ingestFile, one at a
// time, and analyses them (units, language, rules: ./analyse.ts), which costs about as much
// as reading a PDF (~1.8 s against ~2.2 s for long_301p.pdf); left on the main thread it
// would cap the speed-up. pdfjs-dist runs on the thread that calls it, so a worker per core
// is what lets two PDFs parse at once, and terminating the thread is what stops a PDF that
// never yields inside pdfjs.
// With a store (src/store) the worker writes the document's reading and mentions there and
// answers with a few numbers; without one it posts the whole document back (structured clone).
import { subscribe } from 'node:diagnostics_channel';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentResult, IngestedDocument } from '../records.js';
import type { RuleSet } from '../rules/index.js';
import { ingestFile, statusOnly, type IngestOptions } from '../ingest/index.js';
import type { PageRange, RangeHelper } from '../ingest/pdf/read.js';
import { removeLiveOcrDirsSync } from '../ingest/ocr/temp-dirs.js';
import { openStore, type Store } from '../store/index.js';
import type { StoreTarget } from './process.js';

// The rules, the language models and the analysis load on first use (or at start-up when the
// pool asks for warm workers): a pool that only reads documents keeps its workers small.
const analysisModule = () => import('./analyse.js');

/** Which rules to analyse a document with; `ruleFiles` must match what the worker loads. */
export interface AnalysisRequest {
  rulesDir: string;
  topic: string;
  /** The rule files (with SHA-256) the run recorded: a worker that loads others must not analyse. */
  ruleFiles: { file: string; sha256: string }[];
}

/** A document's analysis done on the worker (DocumentResult without entry and doc). */
export type WorkerAnalysis = Pick<DocumentResult, 'units' | 'languages' | 'bilingual' | 'pageLanguages' | 'mentions'> & { ms: number };


/** What a worker is started with: the store to write to, and the rules to load before it is ready. */
export interface WorkerSetup {
  /** The store file and the reader version its rows are marked with (the main thread's). */
  store?: { path: string; readerVersion: string };
  warm?: AnalysisRequest;
}

/** Pool → worker. 'abort': the pool gave up on the current document; end its OCR processes. */
export type PoolMessage =
  | { type: 'ingest'; id: number; path: string; options: IngestOptions; analysis?: AnalysisRequest; target?: StoreTarget }
  // Read pages from..to of the PDF another worker is reading (its job `id`), for that worker.
  | { type: 'range'; id: number; path: string; from: number; to: number; timeoutMs: number }
  // The answer to this worker's 'help': the pages, or undefined (no idle worker, or it failed).
  | { type: 'range-result'; id: number; range?: PageRange }
  | { type: 'abort' };

/** Worker → pool. */
export type WorkerMessage =
  | { type: 'ready' }
  // The worker loads the rule files and models for its first analysis: its start-up, not the
  // document's, so the pool stops the document's clock from 'setup' to 'setup-done'.
  | { type: 'setup'; id: number }
  | { type: 'setup-done'; id: number }
  | { type: 'done'; id: number; doc: IngestedDocument; ingestMs: number; analysis?: WorkerAnalysis }
  // A long PDF of job `id`: another worker may read pages from..to meanwhile.
  | { type: 'help'; id: number; from: number; to: number }
  | { type: 'range-done'; id: number; range?: PageRange }
  // The document's rows are in the store (its mentions too when `rules`: the worker had the run's rules).
  | { type: 'stored'; id: number; ingestMs: number; analyseMs: number; rules: boolean }
  // OCR tools started by this thread. Terminating a worker does not end the processes it
  // spawned (they outlive even the main process), so the pool keeps their pids and kills
  // them itself when it gives up on a document.
  | { type: 'spawned'; pid: number }
  | { type: 'exited'; pid: number };

const port = parentPort;
if (!port) throw new Error('src/pipeline/worker.ts must run in a worker thread (see src/pipeline/pool.ts)');
const setup = (workerData ?? {}) as WorkerSetup;
const store: Store | undefined = setup.store ? openStore(setup.store.path, setup.store.readerVersion) : undefined;

// pdfjs can reject a promise that nobody awaits (a damaged stream or font, found while the
// document is already failing or done). Unhandled, it would end this thread and turn the
// document's real status into a crash; the document's status comes from the calls that are
// awaited, so a stray rejection is dropped here.
process.on('unhandledRejection', () => {});

// Node publishes every ChildProcess created on this thread on the built-in 'child_process'
// diagnostics channel (nodejs/node#44045), so they are known without touching the OCR code.
const children = new Set<ChildProcess>();
let aborting = false;
subscribe('child_process', (message) => {
  const child = (message as { process: ChildProcess }).process;
  children.add(child);
  child.once('spawn', () => {
    if (child.pid !== undefined) port.postMessage({ type: 'spawned', pid: child.pid } satisfies WorkerMessage);
  });
  child.once('exit', () => {
    children.delete(child);
    if (child.pid !== undefined) port.postMessage({ type: 'exited', pid: child.pid } satisfies WorkerMessage);
    if (aborting && children.size === 0) exitNow();
  });
  // The OCR loop does not know the document was given up and starts the next page's tool.
  if (aborting) queueMicrotask(() => child.kill('SIGKILL'));
});

// On 'abort' the thread kills its OCR processes and ends itself once they have exited. Killed
// here rather than by the pool, so that this thread's event loop also reaps them: a process
// killed after its worker is gone stays a zombie until the whole run ends.
function abort(): void {
  aborting = true;
  if (children.size === 0) exitNow();
  for (const child of children) child.kill('SIGKILL');
}

/** Ends the thread; the OCR code's own clean-up will not run, so its page images go first. */
function exitNow(): void {
  removeLiveOcrDirsSync();
  process.exit(0);
}

// The rule set, loaded once per worker (rules dir + topic + file hashes).
let rules: { key: string; ruleSet: RuleSet | undefined } | undefined;

async function ruleSetFor(request: AnalysisRequest): Promise<RuleSet | undefined> {
  const expected = JSON.stringify(request.ruleFiles);
  const key = `${request.rulesDir}\n${request.topic}\n${expected}`;
  if (rules?.key !== key) {
    const { loadRuleSet } = await import('../rules/index.js');
    const loaded = await loadRuleSet(request.rulesDir, request.topic);
    // Rule files edited since the run loaded them: the main thread analyses with its own set.
    const same = loaded.ok && JSON.stringify(loaded.ruleSet.files) === expected;
    rules = { key, ruleSet: same && loaded.ok ? loaded.ruleSet : undefined };
  }
  return rules.ruleSet;
}

const WARM_UP_TEXT = 'Планируется создание туристского кластера. Туристік кластерді дамыту жоспарлануда.';
const WARM_UP_ENTRY = { file: 'warm-up', city: '', country: '', language: '', title: '', year: '', citySource: 'manifest' } as const;
const WARM_UP_DOC: IngestedDocument = {
  file: 'warm-up', format: 'txt', status: 'ok', message: '', pageCount: 1, unreadablePages: [], ocrPages: [], sha256: '',
  pages: [{ number: 1, text: WARM_UP_TEXT, triage: 'ok', ocr: false, blocks: [{ page: 1, index: 0, kind: 'paragraph', text: WARM_UP_TEXT, start: 0, end: WARM_UP_TEXT.length, ocr: false, headingPath: [] }] }],
};

/** Loads the rules and the analysis code; reports the time of a first load as setup. */
async function prepare(id: number | undefined, request: AnalysisRequest): Promise<RuleSet | undefined> {
  const fresh = rules === undefined;
  if (fresh && id !== undefined) parentPort?.postMessage({ type: 'setup', id } satisfies WorkerMessage);
  const ruleSet = await ruleSetFor(request);
  const { analyseDocument } = await analysisModule();
  if (fresh) {
    // The language models and rule caches load on first use; a two-sentence document loads
    // them here, so the first real document is not charged for them.
    if (ruleSet) analyseDocument(WARM_UP_ENTRY, WARM_UP_DOC, ruleSet);
    if (id !== undefined) parentPort?.postMessage({ type: 'setup-done', id } satisfies WorkerMessage);
  }
  return ruleSet;
}

/** The analysis, and the document as analysis left it (a document over a limit of analysis becomes 'too_large'). */
async function analyse(id: number, doc: IngestedDocument, request: AnalysisRequest): Promise<{ analysis?: WorkerAnalysis; doc: IngestedDocument }> {
  const ruleSet = await prepare(id, request);
  if (!ruleSet) return { doc };
  const { analyseDocument } = await analysisModule();
  const t = performance.now();
  // The entry only travels along in the result; the main thread attaches the real one.
  const entry = { file: doc.file, city: '', country: '', language: '', title: '', year: '', citySource: 'manifest' } as const;
  const r = analyseDocument(entry, doc, ruleSet);
  const { units, languages, bilingual, pageLanguages, mentions } = r;
  return { analysis: { units, languages, bilingual, pageLanguages, mentions, ms: performance.now() - t }, doc: r.doc };
}

/** Reads (unless stored already) and analyses a document into the store. */
async function intoStore(id: number, path: string, options: IngestOptions, target: StoreTarget, request: AnalysisRequest | undefined): Promise<WorkerMessage> {
  const { processIntoStore } = await import('./process.js');
  const r = await processIntoStore(store!, path, options, target, async () => (request ? prepare(id, request) : undefined));
  if (r.stored) return { type: 'stored', id, ingestMs: r.ingestMs, analyseMs: r.analyseMs, rules: r.rules };
  const { analysis, doc } = request ? await analyse(id, r.doc, request) : { doc: r.doc };
  return { type: 'done', id, doc, ingestMs: r.ingestMs, ...(analysis ? { analysis } : {}) };
}

// Jobs of this worker waiting for the pages another worker reads for them.
const waiting = new Map<number, (range: PageRange | undefined) => void>();

/** Asks the pool to have an idle worker read a range of job `id`'s PDF. */
function helperFor(id: number): RangeHelper {
  return (from, to) =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      port!.postMessage({ type: 'help', id, from, to } satisfies WorkerMessage);
    });
}

async function readRange(message: Extract<PoolMessage, { type: 'range' }>): Promise<void> {
  let range: PageRange | undefined;
  try {
    const { readPdfRange } = await import('../ingest/pdf/read.js');
    range = await readPdfRange(new Uint8Array(await readFile(message.path)), message.from, message.to, message.timeoutMs);
  } catch {
    range = undefined; // the worker reading the document reads these pages itself
  }
  port!.postMessage({ type: 'range-done', id: message.id, ...(range ? { range } : {}) } satisfies WorkerMessage);
}

port.on('message', (message: PoolMessage) => {
  if (message.type === 'abort') return abort();
  if (message.type === 'range') return void readRange(message);
  if (message.type === 'range-result') {
    waiting.get(message.id)?.(message.range);
    waiting.delete(message.id);
    return;
  }
  message = { ...message, options: { ...message.options, rangeHelper: helperFor(message.id) } };
  void (async () => {
    if (message.target && store) {
      let reply: WorkerMessage;
      try {
        reply = await intoStore(message.id, message.path, message.options, message.target, message.analysis);
      } catch (err) {
        // The store could not be written (disk full, the file removed): this document fails, the batch goes on.
        const doc = statusOnly(message.options.displayName ?? message.path, 'unknown', 'error', `could not write to the store ${store.path}: ${(err as Error).message}`);
        reply = { type: 'done', id: message.id, doc, ingestMs: 0 };
      }
      port.postMessage(reply);
      return;
    }
    const t = performance.now();
    const doc = await ingestFile(message.path, message.options);
    const ingestMs = performance.now() - t;
    const { analysis, doc: analysed } = message.analysis ? await analyse(message.id, doc, message.analysis) : { doc };
    port.postMessage({ type: 'done', id: message.id, doc: analysed, ingestMs, ...(analysis ? { analysis } : {}) } satisfies WorkerMessage);
  })();
});

// Warm before ready: the rules, the language models and the analysis code load while the
// pool is still planning, not while the first document's clock runs.
if (setup.warm) {
  // pdfjs-dist too: a worker that helps with half of a long PDF should not load it then.
  await Promise.all([prepare(undefined, setup.warm), import('../ingest/pdf/read.js')]);
}
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
