// A pool of worker threads that run ingestFile (./worker.ts), so documents are read in
// parallel and a document over its time limit can be stopped for real.
//
// Why threads: pdfjs-dist parses on the thread that calls it, so on the main thread two
// PDFs never parse at the same time, and a time limit checked between awaits cannot stop a
// PDF that spins inside one pdfjs call. A worker that runs over the limit is terminated
// (with the OCR processes it started) and replaced; the document gets status 'timeout' and
// the batch goes on. A document that needs more memory than its limit (heap, or heap plus
// buffers) gets 'too_large'; a worker that dies otherwise (a native crash) gives 'error'.
//
// The clock runs until the worker's result arrives (reading, analysis, hand-off). It stops
// while the worker loads the rules and models for its first analysis (start-up, not the
// document's work) and while the worker's OCR processes run: ingestFile gives every OCR page the
// limit on its own (src/ingest/index.ts) and kills a tesseract that overruns it, and a worker
// waiting for its OCR processes is not stuck. A 200-page scan can so take longer than the
// limit, as it can on the main thread, while a PDF stuck in pdfjs is stopped on time.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, extname } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { DocFormat, DocStatus, IngestedDocument } from '../records.js';
import { statusOnly, type IngestOptions } from '../ingest/index.js';
import { sniff } from '../ingest/sniff.js';
import type { PageRange } from '../ingest/pdf/read.js';
import type { StoreTarget } from './process.js';
import type { AnalysisRequest, PoolMessage, WorkerAnalysis, WorkerMessage, WorkerSetup } from './worker.js';

export type { AnalysisRequest, StoreTarget, WorkerAnalysis };

/**
 * Documents read at once: what was asked, but never more than the cores. A worker beyond
 * the core count cannot make CPU-bound parsing faster; it only holds another parsed PDF in
 * memory, and it would break the OCR budget below.
 */
export function documentsAtOnce(concurrency: number, cores: number): number {
  return Math.max(1, Math.min(Math.floor(concurrency) || 1, Math.floor(cores) || 1));
}

/**
 * tesseract processes one document may run: the cores shared out among the documents read
 * at once, at least one. With documentsAtOnce() above, documents × this ≤ cores, so OCR of
 * several documents together never asks for more processes than there are cores (each
 * tesseract runs with OMP_THREAD_LIMIT=1, src/ingest/ocr/engine.ts).
 * A static share, not a semaphore shared by the workers: ingestFile takes a process count,
 * not a way to ask for a slot. The cost: a lone OCR document at the end of a batch uses
 * cores / documents processes while the other cores may be idle.
 */
export function ocrShare(documents: number, cores: number): number {
  return Math.max(1, Math.floor((Math.floor(cores) || 1) / Math.max(1, Math.floor(documents) || 1)));
}

/** The status message of a document stopped at its time limit. */
export function timeoutMessage(timeoutMs: number, detail = ''): string {
  const seconds = Number((timeoutMs / 1000).toFixed(3));
  return `exceeded the ${seconds} s limit per document${detail ? ` (${detail})` : ''}; the batch went on`;
}

/**
 * Memory one document may use on its worker, in MB, unless the caller says otherwise
 * (`--max-memory`). long_301p.pdf peaks at ~170 MB; a document that needs twelve times that
 * is a bomb, and two workers at this limit still leave the main thread room on a small machine.
 */
export const DEFAULT_MAX_MEMORY_MB = 2048;

/** How often a busy worker's memory is looked at. */
const MEMORY_CHECK_MS = 250;

export interface IngestPoolOptions {
  /** Worker threads (documents read at once). */
  size: number;
  /**
   * Memory per document, in MB (default DEFAULT_MAX_MEMORY_MB): the worker's V8 heap limit, and
   * the bound on heap plus buffers (pdfjs inflates PDF streams into buffers, outside the heap),
   * checked every MEMORY_CHECK_MS. A document over it gets 'too_large'; the batch goes on.
   */
  maxMemoryMb?: number;
  /** Heap limits per worker, for tests that need a finer setting; overrides maxMemoryMb's heap limit. */
  resourceLimits?: ResourceLimits;
  /** The store workers write results to (src/store), for process(). */
  store?: WorkerSetup['store'];
  /** Rules every worker loads (with the language models) before it takes a document. */
  warm?: AnalysisRequest;
  /** Start every worker now rather than when the first documents arrive. */
  eager?: boolean;
}

export interface PooledIngest {
  doc: IngestedDocument;
  /** Time spent reading the document (on its worker, not waiting in the queue), in ms. */
  ms: number;
  /** Units, languages and mentions, when analysis was asked for and the worker could do it. */
  analysis?: WorkerAnalysis;
}

/**
 * A document processed into the store: its rows are there (its mentions too when `rules`),
 * or, `stored: false`, the document could not be stored (a time limit, a crash) and is here.
 */
export type ProcessResult =
  | { stored: true; ms: number; analyseMs: number; rules: boolean }
  | ({ stored: false } & PooledIngest);

/** A real resource: worker threads. Call close() when done, or the process stays alive. */
export interface IngestPool {
  readonly size: number;
  /** Page ranges of long PDFs that an idle worker read for the worker reading the document. */
  readonly rangesHelped: number;
  /**
   * Reads one document on a free worker, and analyses it there too when `analysis` is given.
   * Never rejects: every failure is a document status.
   */
  ingest(path: string, options: IngestOptions, analysis?: AnalysisRequest): Promise<PooledIngest>;
  /** Like ingest, but the worker writes the results to the pool's store (`store` option). Never rejects. */
  process(path: string, options: IngestOptions, target: StoreTarget, analysis?: AnalysisRequest): Promise<ProcessResult>;
  /** Ends every worker (and the OCR processes they started); queued documents get 'error'. */
  close(): Promise<void>;
}

/** How long a worker being ended may take to kill and reap its OCR processes. */
const ABORT_GRACE_MS = 1000;

interface Job {
  id: number;
  path: string;
  options: IngestOptions;
  analysis?: AnalysisRequest;
  target?: StoreTarget;
  started: number;
  resolve: (result: ProcessResult) => void;
}

/** A worker's request for another to read pages from..to of its job `id`. */
interface HelpRequest {
  slot: Slot;
  id: number;
  from: number;
  to: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Looks at the worker's memory while it has a document. */
  watch?: NodeJS.Timeout;
  /** pids of OCR processes this worker started and that have not exited. */
  pids: Set<number>;
  /** Time of the current document not counted against its limit: finished OCR and setup spans. */
  ocrMs: number;
  ocrSince?: number;
  /** Start of the worker's one-time setup (rules, models), while it runs; not counted either. */
  setupSince?: number;
  /** Set when the pool ends the worker itself: its 'exit' is then no crash. */
  ending: boolean;
  /** Pages this worker reads for another worker's document (that slot and its job's id). */
  range?: { slot: Slot; job: number; timer?: NodeJS.Timeout };
  /** Ends the worker once its OCR processes are gone (set while it is being aborted). */
  finish?: () => void;
  crash?: Error;
}

/**
 * Workers run the compiled JavaScript, beside this module in dist/. Run from the TypeScript
 * sources (the tests), this module has no compiled sibling and the build's worker is used:
 * `make build` (or tsc) first, which `make test` does.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./worker.js', here);
  const built = new URL('../../dist/src/pipeline/worker.js', here);
  if (!existsSync(built)) throw new Error(`the worker thread runs the build, and ${fileURLToPath(built)} is missing: run \`make build\` first`);
  return built;
}

function startWorker(resourceLimits: ResourceLimits | undefined, setup: WorkerSetup): Worker {
  return new Worker(workerUrl(), { workerData: setup, ...(resourceLimits ? { resourceLimits } : {}) });
}

export function createIngestPool(options: IngestPoolOptions): IngestPool {
  const size = Math.max(1, Math.floor(options.size) || 1);
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const resourceLimits = options.resourceLimits ?? { maxOldGenerationSizeMb: maxMemoryMb };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let rangesHelped = 0;
  let pendingHelp: HelpRequest | undefined;
  const ending = new Set<Promise<void>>();
  const setup: WorkerSetup = { ...(options.store ? { store: options.store } : {}), ...(options.warm ? { warm: options.warm } : {}) };

  function addSlot(): Slot {
    const slot: Slot = { worker: startWorker(resourceLimits, setup), ready: false, pids: new Set(), ocrMs: 0, ending: false };
    slot.worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    slot.worker.on('error', (err) => {
      slot.crash = err;
    });
    slot.worker.on('exit', (code) => onExit(slot, code));
    slots.push(slot);
    return slot;
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => !s.job && !s.range && !s.ending);
      if (!slot && slots.length < size) slot = addSlot();
      if (!slot) return;
      slot.job = queue.shift()!;
      if (slot.ready) start(slot);
    }
  }

  // The clock starts when the worker can take the document, so a worker's start-up (module
  // loading) is not charged to the document it happens to get first.
  function start(slot: Slot): void {
    const job = slot.job!;
    job.started = performance.now();
    slot.ocrMs = 0;
    slot.ocrSince = slot.pids.size > 0 ? job.started : undefined;
    slot.setupSince = undefined;
    const request: PoolMessage = {
      type: 'ingest',
      id: job.id,
      path: job.path,
      options: job.options,
      ...(job.analysis ? { analysis: job.analysis } : {}),
      ...(job.target ? { target: job.target } : {}),
    };
    slot.worker.postMessage(request);
    // The limit runs until the result arrives: reading, analysis and the hand-off of the result.
    if (job.options.timeoutMs > 0) slot.timer = setTimeout(() => onDeadline(slot), job.options.timeoutMs);
    slot.watch = setInterval(() => void checkMemory(slot, job), MEMORY_CHECK_MS);
  }

  /**
   * The heap limit alone does not bound a document: pdfjs inflates PDF streams into typed
   * arrays, whose memory lies outside the V8 heap (a 4 MB PDF whose stream inflates to 4 GB).
   * So heap and external memory together are held to the limit here. (Worker.getHeapStatistics
   * needs Node ≥ 22.16; on an older Node 22 the call fails and only the heap limit applies.)
   */
  async function checkMemory(slot: Slot, job: Job): Promise<void> {
    let used: number;
    try {
      const h = await slot.worker.getHeapStatistics();
      used = h.used_heap_size + (h as { external_memory?: number }).external_memory!;
    } catch {
      return; // the worker is ending
    }
    if (slot.job !== job || slot.ending || !(used > maxMemoryMb * 1024 * 1024)) return;
    retire(slot);
    void end(slot);
    pump();
    void finishWith(job, 'too_large', memoryMessage(maxMemoryMb, `it used ${Math.round(used / (1024 * 1024))} MB`));
  }

  /** At the limit, unless OCR time (not counted) pushed it back: then wait for the rest. */
  function onDeadline(slot: Slot): void {
    const job = slot.job;
    if (!job || slot.ending) return;
    const now = performance.now();
    const ocr = slot.ocrMs + (slot.ocrSince !== undefined ? now - slot.ocrSince : 0) + (slot.setupSince !== undefined ? now - slot.setupSince : 0);
    const left = job.options.timeoutMs - (now - job.started - ocr);
    if (left > 0) slot.timer = setTimeout(() => onDeadline(slot), Math.max(50, left));
    else onTimeout(slot);
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        if (slot.job) start(slot);
        else if (pendingHelp && pendingHelp.slot.job?.id === pendingHelp.id) helpWith(slot, pendingHelp);
        pendingHelp = undefined;
        return;
      case 'spawned':
        if (slot.pids.size === 0) slot.ocrSince = performance.now();
        slot.pids.add(message.pid);
        return;
      // The worker's one-time loading of the rule files and models: its start-up, not this
      // document's, so the clock stops as it does for OCR.
      case 'setup':
        if (slot.job?.id === message.id) slot.setupSince = performance.now();
        return;
      case 'setup-done':
        if (slot.job?.id === message.id && slot.setupSince !== undefined) {
          slot.ocrMs += performance.now() - slot.setupSince;
          slot.setupSince = undefined;
        }
        return;
      case 'exited':
        slot.pids.delete(message.pid);
        if (slot.pids.size === 0 && slot.ocrSince !== undefined) {
          slot.ocrMs += performance.now() - slot.ocrSince;
          slot.ocrSince = undefined;
        }
        return;
      case 'done': {
        const job = release(slot, message.id);
        if (!job) return;
        const doc = message.doc;
        // The reader's own deadline (checked between pdfjs calls) may fire first: same status,
        // same wording as a terminated worker, with the reader's detail kept.
        if (doc.status === 'timeout') doc.message = timeoutMessage(job.options.timeoutMs, doc.message);
        job.resolve({ stored: false, doc, ms: message.ingestMs, ...(message.analysis ? { analysis: message.analysis } : {}) });
        return;
      }
      // A worker with a long PDF asks for help: an idle worker reads the second half. With no
      // worker idle (the usual case in the middle of a batch) it reads them itself.
      case 'help': {
        const idle = (s: Slot) => s !== slot && !s.job && !s.range && !s.ending;
        const helper = slot.job?.id === message.id ? slots.find((s) => s.ready && idle(s)) : undefined;
        const request = { slot, id: message.id, from: message.from, to: message.to };
        if (helper) helpWith(helper, request);
        // A worker still starting (loading its modules) helps once it is ready.
        else if (slot.job?.id === message.id && !pendingHelp && slots.some((s) => !s.ready && idle(s))) pendingHelp = request;
        else slot.worker.postMessage({ type: 'range-result', id: message.id } satisfies PoolMessage);
        return;
      }
      case 'range-done':
        if (message.range) rangesHelped++;
        answerRange(slot, message.range);
        pump();
        return;
      case 'stored': {
        const job = release(slot, message.id);
        if (!job) return;
        job.resolve({ stored: true, ms: message.ingestMs, analyseMs: message.analyseMs, rules: message.rules });
        return;
      }
    }
  }

  /** `helper` reads pages from..to of the document of `request.slot`'s job. */
  function helpWith(helper: Slot, request: HelpRequest): void {
    const job = request.slot.job!;
    helper.range = { slot: request.slot, job: job.id };
    if (job.options.timeoutMs > 0) helper.range.timer = setTimeout(() => onRangeTimeout(helper), job.options.timeoutMs);
    helper.worker.postMessage({ type: 'range', id: job.id, path: job.path, from: request.from, to: request.to, timeoutMs: job.options.timeoutMs } satisfies PoolMessage);
  }

  /** Hands the pages `helper` read (or undefined: read them yourself) to the worker that asked. */
  function answerRange(helper: Slot, range: PageRange | undefined): void {
    const asked = helper.range;
    if (!asked) return;
    clearTimeout(asked.timer);
    helper.range = undefined;
    const { slot, job } = asked;
    if (slot.job?.id === job && !slot.ending) slot.worker.postMessage({ type: 'range-result', id: job, ...(range ? { range } : {}) } satisfies PoolMessage);
  }

  /** A helper over the document's limit: the worker that asked reads the pages itself. */
  function onRangeTimeout(helper: Slot): void {
    answerRange(helper, undefined);
    retire(helper);
    void end(helper);
    pump();
  }

  /** The worker finished job `id`: it takes the next document; the job is returned to resolve. */
  function release(slot: Slot, id: number): Job | undefined {
    const job = slot.job;
    if (!job || job.id !== id || slot.ending) return undefined;
    clearTimeout(slot.timer);
    clearInterval(slot.watch);
    slot.job = undefined;
    pump();
    return job;
  }

  function retire(slot: Slot): void {
    slot.ending = true;
    clearTimeout(slot.range?.timer);
    clearTimeout(slot.timer);
    clearInterval(slot.watch);
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
  }

  /**
   * Ends a worker and every OCR process it started. The worker is asked first: it kills and
   * reaps them on its own event loop, then exits. A worker stuck inside pdfjs cannot answer
   * (and then has no OCR running), so after ABORT_GRACE_MS the pool kills the pids it knows
   * of and terminates the thread.
   */
  function end(slot: Slot): Promise<void> {
    const ended = new Promise<void>((resolve) => {
      let grace: NodeJS.Timeout | undefined;
      slot.finish = () => {
        slot.finish = undefined;
        clearTimeout(grace);
        void slot.worker.terminate().then(() => resolve());
      };
      if (!slot.ready) return slot.finish();
      grace = setTimeout(() => {
        killAll(slot.pids);
        slot.finish?.();
      }, ABORT_GRACE_MS);
      slot.worker.postMessage({ type: 'abort' } satisfies PoolMessage);
    });
    ending.add(ended);
    void ended.then(() => ending.delete(ended));
    return ended;
  }

  function onTimeout(slot: Slot): void {
    const job = slot.job;
    if (!job || slot.ending) return;
    retire(slot);
    void end(slot);
    pump(); // the replacement starts now; the batch does not wait for the old worker to end
    void finishWith(job, 'timeout', timeoutMessage(job.options.timeoutMs));
  }

  function onExit(slot: Slot, code: number): void {
    if (slot.ending) return slot.finish?.();
    answerRange(slot, undefined);
    const job = slot.job;
    retire(slot);
    killAll(slot.pids);
    if (job) {
      if ((slot.crash as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.ready) {
        void finishWith(job, 'too_large', memoryMessage(resourceLimits.maxOldGenerationSizeMb ?? maxMemoryMb, 'its worker ran out of heap'));
      } else {
        const cause = slot.crash ? describeCrash(slot.crash) : `it exited with code ${code}`;
        const when = slot.ready ? 'the worker reading this document crashed' : 'the ingestion worker could not start';
        void finishWith(job, 'error', `${when}: ${cause}; the batch went on`);
      }
    }
    pump();
  }

  async function finishWith(job: Job, status: DocStatus, message: string): Promise<void> {
    const ms = job.started > 0 ? performance.now() - job.started : 0;
    job.resolve({ stored: false, doc: await failedDocument(job.path, job.options, status, message), ms });
  }

  function submit(path: string, ingestOptions: IngestOptions, analysis: AnalysisRequest | undefined, target: StoreTarget | undefined): Promise<ProcessResult> {
    return new Promise<ProcessResult>((resolve) => {
      const job: Job = { id: nextId++, path, options: ingestOptions, ...(analysis ? { analysis } : {}), ...(target ? { target } : {}), started: 0, resolve };
      if (closed) {
        void finishWith(job, 'error', 'the ingestion pool was closed before this document was read');
        return;
      }
      queue.push(job);
      pump();
    });
  }

  if (options.eager) while (slots.length < size) addSlot();

  return {
    size,
    get rangesHelped() {
      return rangesHelped;
    },
    async ingest(path, ingestOptions, analysis) {
      const { stored: _, ...result } = (await submit(path, ingestOptions, analysis, undefined)) as Extract<ProcessResult, { stored: false }>;
      return result;
    },
    process(path, ingestOptions, target, analysis) {
      if (!options.store) throw new Error('IngestPool.process needs a pool created with a store');
      return submit(path, ingestOptions, analysis, target);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) void finishWith(job, 'error', 'the ingestion pool was closed before this document was read');
      for (const slot of slots.splice(0)) {
        const job = slot.job;
        retire(slot);
        if (job) void finishWith(job, 'error', 'the ingestion pool was closed while this document was being read');
        void end(slot);
      }
      await Promise.all([...ending]);
    },
  };
}

function killAll(pids: Set<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: it exited between its last message and now.
    }
  }
  pids.clear();
}

function memoryMessage(maxMemoryMb: number, detail: string): string {
  return `needed more than the ${maxMemoryMb} MB of memory a document may use (--max-memory; ${detail}); not analysed: a real strategy needs far less, so the file is damaged or built to exhaust memory; the batch went on`;
}

function describeCrash(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `it ran out of memory (${err.message})`;
  return `${code ? code + ': ' : ''}${err.message}`;
}

const FORMAT_OF: Record<string, DocFormat> = { pdf: 'pdf', docx: 'docx', html: 'html' };

/** The record of a document the pool gave up on: its hash and format, no pages. */
async function failedDocument(path: string, options: IngestOptions, status: DocStatus, message: string): Promise<IngestedDocument> {
  let sha256 = '';
  let format: DocFormat = extname(path).toLowerCase() === '.pdf' ? 'pdf' : 'unknown';
  try {
    const bytes = new Uint8Array(await readFile(path));
    sha256 = createHash('sha256').update(bytes).digest('hex');
    format = FORMAT_OF[sniff(bytes)] ?? format;
  } catch {
    // The worker got as far as reading it; if it is gone now, the status still says why.
  }
  return statusOnly(options.displayName ?? basename(path), format, status, message, sha256);
}
