// One ingestion worker thread (see ./pool.ts): reads documents with ingestFile, one at a
// time, and posts each IngestedDocument back (structured clone). pdfjs-dist runs on the
// thread that calls it, so a worker per core is what lets two PDFs parse at once, and
// terminating the thread is what stops a PDF that never yields inside pdfjs.
import { subscribe } from 'node:diagnostics_channel';
import type { ChildProcess } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import type { IngestedDocument } from '../records.js';
import { ingestFile, type IngestOptions } from './index.js';

/** Pool → worker. 'abort': the pool gave up on the current document; end its OCR processes. */
export type PoolMessage =
  | { type: 'ingest'; id: number; path: string; options: IngestOptions }
  | { type: 'abort' };

/** Worker → pool. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; doc: IngestedDocument }
  // OCR tools started by this thread. Terminating a worker does not end the processes it
  // spawned (they outlive even the main process), so the pool keeps their pids and kills
  // them itself when it gives up on a document.
  | { type: 'spawned'; pid: number }
  | { type: 'exited'; pid: number };

const port = parentPort;
if (!port) throw new Error('src/ingest/worker.ts must run in a worker thread (see src/ingest/pool.ts)');

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
    if (aborting && children.size === 0) process.exit(0);
  });
  // The OCR loop does not know the document was given up and starts the next page's tool.
  if (aborting) queueMicrotask(() => child.kill('SIGKILL'));
});

// On 'abort' the thread kills its OCR processes and ends itself once they have exited. Killed
// here rather than by the pool, so that this thread's event loop also reaps them: a process
// killed after its worker is gone stays a zombie until the whole run ends.
function abort(): void {
  aborting = true;
  if (children.size === 0) process.exit(0);
  for (const child of children) child.kill('SIGKILL');
}

port.on('message', (message: PoolMessage) => {
  if (message.type === 'abort') return abort();
  void ingestFile(message.path, message.options).then((doc) => {
    port.postMessage({ type: 'done', id: message.id, doc } satisfies WorkerMessage);
  });
});

port.postMessage({ type: 'ready' } satisfies WorkerMessage);
