// One ingestion worker thread (see ./pool.ts): reads documents with ingestFile, one at a
// time, and posts each IngestedDocument back (structured clone). pdfjs-dist runs on the
// thread that calls it, so a worker per core is what lets two PDFs parse at once, and
// terminating the thread is what stops a PDF that never yields inside pdfjs.
// On request it also runs the document's pure analysis (units, language, rules: the
// pipeline's analyseDocument), which costs about as much as reading a PDF (~1.8 s against
// ~2.2 s for long_301p.pdf here); left on the main thread it would cap the speed-up.
import { subscribe } from 'node:diagnostics_channel';
import type { ChildProcess } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import type { DocumentResult, IngestedDocument } from '../records.js';
import type { RuleSet } from '../rules/index.js';
import { ingestFile, type IngestOptions } from './index.js';
import { removeLiveOcrDirsSync } from './ocr/temp-dirs.js';

/** Which rules to analyse a document with; `ruleFiles` must match what the worker loads. */
export interface AnalysisRequest {
  rulesDir: string;
  topic: string;
  /** The rule files (with SHA-256) the run recorded: a worker that loads others must not analyse. */
  ruleFiles: { file: string; sha256: string }[];
}

/** A document's analysis done on the worker (DocumentResult without entry and doc). */
export type WorkerAnalysis = Pick<DocumentResult, 'units' | 'languages' | 'bilingual' | 'pageLanguages' | 'mentions'> & { ms: number };

/** Pool → worker. 'abort': the pool gave up on the current document; end its OCR processes. */
export type PoolMessage =
  | { type: 'ingest'; id: number; path: string; options: IngestOptions; analysis?: AnalysisRequest }
  | { type: 'abort' };

/** Worker → pool. */
export type WorkerMessage =
  | { type: 'ready' }
  // The worker loads the rule files and models for its first analysis: its start-up, not the
  // document's, so the pool stops the document's clock from 'setup' to 'setup-done'.
  | { type: 'setup'; id: number }
  | { type: 'setup-done'; id: number }
  | { type: 'done'; id: number; doc: IngestedDocument; ingestMs: number; analysis?: WorkerAnalysis }
  // OCR tools started by this thread. Terminating a worker does not end the processes it
  // spawned (they outlive even the main process), so the pool keeps their pids and kills
  // them itself when it gives up on a document.
  | { type: 'spawned'; pid: number }
  | { type: 'exited'; pid: number };

const port = parentPort;
if (!port) throw new Error('src/ingest/worker.ts must run in a worker thread (see src/ingest/pool.ts)');

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
async function prepare(id: number, request: AnalysisRequest): Promise<RuleSet | undefined> {
  const fresh = rules === undefined;
  if (fresh) parentPort?.postMessage({ type: 'setup', id } satisfies WorkerMessage);
  const ruleSet = await ruleSetFor(request);
  const { analyseDocument } = await import('../pipeline/run.js');
  if (fresh) {
    // The language models and rule caches load on first use; a two-sentence document loads
    // them here, so the first real document is not charged for them.
    if (ruleSet) analyseDocument(WARM_UP_ENTRY, WARM_UP_DOC, ruleSet);
    parentPort?.postMessage({ type: 'setup-done', id } satisfies WorkerMessage);
  }
  return ruleSet;
}

/** The analysis, and the document as analysis left it (a document over a limit of analysis becomes 'too_large'). */
async function analyse(id: number, doc: IngestedDocument, request: AnalysisRequest): Promise<{ analysis?: WorkerAnalysis; doc: IngestedDocument }> {
  const ruleSet = await prepare(id, request);
  if (!ruleSet) return { doc };
  const { analyseDocument } = await import('../pipeline/run.js');
  const t = performance.now();
  // The entry only travels along in the result; the main thread attaches the real one.
  const entry = { file: doc.file, city: '', country: '', language: '', title: '', year: '', citySource: 'manifest' } as const;
  const r = analyseDocument(entry, doc, ruleSet);
  const { units, languages, bilingual, pageLanguages, mentions } = r;
  return { analysis: { units, languages, bilingual, pageLanguages, mentions, ms: performance.now() - t }, doc: r.doc };
}

port.on('message', (message: PoolMessage) => {
  if (message.type === 'abort') return abort();
  void (async () => {
    const t = performance.now();
    const doc = await ingestFile(message.path, message.options);
    const ingestMs = performance.now() - t;
    const { analysis, doc: analysed } = message.analysis ? await analyse(message.id, doc, message.analysis) : { doc };
    port.postMessage({ type: 'done', id: message.id, doc: analysed, ingestMs, ...(analysis ? { analysis } : {}) } satisfies WorkerMessage);
  })();
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
