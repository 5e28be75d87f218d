// `strategy-miner text FILE`: what the tool read from one document.
// The document is read on a worker thread, as `run` reads it, so --timeout is a hard limit
// (a file that hangs inside pdfjs is stopped and reported as 'timeout') and a crash while
// reading becomes the status 'error' instead of ending the command with a stack trace.
// stdout is what was read (its format is stable); what went wrong goes to stderr.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OcrMode } from '../../records.js';
import { removeStaleOcrDirs } from '../../ingest/ocr/temp-dirs.js';
import { createIngestPool } from '../../pipeline/pool.js';
import { renderDocumentText } from '../../ingest/render.js';
import { printable } from '../../text/printable.js';

export async function textCommand(file: string, flags: { ocr: OcrMode; timeout: number; json: boolean; maxMemory: number }): Promise<void> {
  // A path that cannot be opened is the user's mistake, not a document status.
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a regular file');
  } catch (err) {
    process.stderr.write(`error: cannot read ${printable(file)}: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  await removeStaleOcrDirs();
  const pool = createIngestPool({ size: 1, maxMemoryMb: flags.maxMemory });
  try {
    const { doc } = await pool.ingest(file, { displayName: basename(file), ocr: flags.ocr, timeoutMs: flags.timeout * 1000 });
    // The pool words a timeout for a batch («…; the batch went on»); here there is one file.
    doc.message = doc.message.replace(/; the batch went on$/, '');
    process.stdout.write(flags.json ? JSON.stringify(doc, null, 2) + '\n' : renderDocumentText(doc));
    if (doc.status !== 'ok') {
      process.stderr.write(`error: ${printable(doc.file)}: ${doc.status}${doc.message ? ` — ${printable(doc.message)}` : ''}\n`);
      process.exitCode = 1;
    }
  } finally {
    await pool.close();
  }
}
