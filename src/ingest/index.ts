// Ingest: one file → IngestedDocument (pages of blocks with provenance). Never throws on bad
// input: every unreadable file gets a status and a message, and the batch goes on.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import type { DocFormat, DocStatus, IngestedDocument, OcrMode } from '../records.js';
import { describeStart, sniff } from './sniff.js';
import { boundedDocument, htmlTooLarge, MAX_HTML_BYTES } from './limits.js';
import type { RangeHelper } from './pdf/read.js';

export interface IngestOptions {
  /** File name recorded in provenance; default: the path's basename. */
  displayName?: string;
  ocr: OcrMode;
  /** Time limit per document, in milliseconds (OCR pages get it each, on their own). */
  timeoutMs: number;
  /** tesseract processes at a time; default: available parallelism. */
  ocrConcurrency?: number;
  /** A thread that can read half of a long PDF's pages meanwhile (src/ingest/pdf/read.ts). */
  rangeHelper?: RangeHelper;
}

/** A document that has no pages to show, only a status and why. */
export function statusOnly(file: string, format: DocFormat, status: DocStatus, message: string, sha256 = ''): IngestedDocument {
  return { file, format, status, message, pageCount: 0, pages: [], unreadablePages: [], ocrPages: [], sha256 };
}

/** Reads one file: its pages, or a status that says why it has none (./limits.ts bounds its size). */
export async function ingestFile(path: string, options: IngestOptions): Promise<IngestedDocument> {
  return boundedDocument(await readDocument(path, options));
}

async function readDocument(path: string, options: IngestOptions): Promise<IngestedDocument> {
  const file = options.displayName ?? basename(path);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    // Node's message already starts with the code («ENOENT: no such file or directory, open …»).
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const message = (err as Error).message;
    return statusOnly(file, 'unknown', 'error', `cannot read the file: ${code && !message.startsWith(code) ? code + ' ' : ''}${message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = sniff(bytes);
  const ext = extname(path).toLowerCase();
  try {
    switch (kind) {
      case 'empty':
        return statusOnly(file, ext === '.pdf' ? 'pdf' : 'unknown', 'empty', 'the file is empty (0 bytes)', sha256);
      case 'pdf': {
        // Loaded on first use, as the DOCX and HTML readers are: pdfjs-dist costs a process
        // some 80 MB, which the run's main thread, reading on worker threads, never needs.
        const { readPdf } = await import('./pdf/read.js');
        return await readPdf(path, bytes, {
          file,
          sha256,
          ocr: options.ocr,
          timeoutMs: options.timeoutMs,
          ocrConcurrency: options.ocrConcurrency ?? availableParallelism(),
          ...(options.rangeHelper ? { rangeHelper: options.rangeHelper } : {}),
        });
      }
      case 'docx': {
        const { readDocx } = await import('./docx.js');
        return withProvenance(await readDocx(path, bytes), file, sha256);
      }
      case 'html': {
        if (ext === '.pdf') {
          return statusOnly(file, 'html', 'not_a_document', `named .pdf but it is an HTML page (starts with ${describeStart(bytes)}), probably an error page saved instead of the document; download the PDF again`, sha256);
        }
        if (bytes.length > MAX_HTML_BYTES) return statusOnly(file, 'html', 'too_large', htmlTooLarge(bytes.length), sha256);
        const { readHtml } = await import('./html.js');
        return withProvenance(await readHtml(path, bytes), file, sha256);
      }
      case 'zip':
        return statusOnly(file, 'unknown', 'not_a_document', 'a ZIP archive without word/document.xml: not a DOCX file', sha256);
      default:
        return statusOnly(file, 'unknown', 'not_a_document', `not a PDF, DOCX or HTML file (starts with ${describeStart(bytes)})`, sha256);
    }
  } catch (err) {
    // Nesting deeper than the stack (HTML or DOCX XML thousands of elements deep) is a
    // property of the file, not a bug.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return statusOnly(file, kind === 'pdf' ? 'pdf' : kind === 'docx' ? 'docx' : kind === 'html' ? 'html' : 'unknown', 'too_large', `its structure is nested too deeply to read (${err.message})`, sha256);
    }
    // Readers return statuses for bad input; an exception here is a bug, but one document
    // must still not stop the batch.
    return statusOnly(file, kind === 'pdf' ? 'pdf' : 'unknown', 'error', `unexpected failure: ${(err as Error).stack ?? String(err)}`, sha256);
  }
}

function withProvenance(doc: IngestedDocument, file: string, sha256: string): IngestedDocument {
  return { ...doc, file, sha256: doc.sha256 || sha256 };
}
