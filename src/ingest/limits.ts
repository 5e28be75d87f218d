// Size limits on what one document may make the tool hold. A strategy is 100–400 pages
// (long_301p.pdf, 301 dense pages, is 0.78 million characters of text), so each limit is
// several times what a real strategy needs and far below what would take down a batch: a
// small file that inflates (a zip bomb in a DOCX, one sentence repeated 125,000 times in an
// HTML page) gets status 'too_large' with the limit it broke, and the batch goes on.
import type JSZip from 'jszip';
import type { IngestedDocument } from '../records.js';
import { statusOnly } from './index.js';

/** Characters of text per document: about 1,500 dense pages, five times the longest strategy. */
export const MAX_DOCUMENT_CHARS = 4_000_000;
/** Bytes of one XML part of a DOCX once inflated (word/document.xml of a 400-page strategy is ~5–15 MB). */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;
/** Bytes of an HTML file: a saved strategy page is a few MB at most. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The message of a document that broke a size limit: which limit, and what that suggests. */
export function tooLargeMessage(detail: string): string {
  return `${detail}; not analysed (a real strategy is far smaller: the file is damaged or built to exhaust memory)`;
}

export function docxPartTooLarge(part: string): string {
  return tooLargeMessage(`${part} inflates to more than ${megabytes(MAX_DOCX_PART_BYTES)}, the limit per part of a DOCX`);
}

export function htmlTooLarge(bytes: number): string {
  return tooLargeMessage(`the HTML file is ${megabytes(bytes)}, over the limit of ${megabytes(MAX_HTML_BYTES)}`);
}

/**
 * The document as read, or a 'too_large' record without its pages when its text is over
 * MAX_DOCUMENT_CHARS: everything after reading (units, rules, the hand-off to the main thread,
 * the reports) grows with the text, so the text is where the bound is kept.
 */
export function boundedDocument(doc: IngestedDocument): IngestedDocument {
  let chars = 0;
  for (const page of doc.pages) chars += page.text.length;
  if (chars <= MAX_DOCUMENT_CHARS) return doc;
  const message = tooLargeMessage(
    `${chars.toLocaleString('en-US')} characters of text on ${doc.pageCount} pages, over the limit of ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} per document`,
  );
  return { ...statusOnly(doc.file, doc.format, 'too_large', message, doc.sha256), pageCount: doc.pageCount };
}

/**
 * A zip entry inflated as a stream and decoded as UTF-8, or undefined once it passes
 * `maxBytes`: the inflation stops there, so a 1 MB entry that would inflate to gigabytes
 * costs at most `maxBytes`. The size the zip declares is not trusted; the bytes are counted.
 */
export function inflateCapped(entry: JSZip.JSZipObject, maxBytes = MAX_DOCX_PART_BYTES): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    // jszip's stream is an old readable-stream (no async iterator): plain events.
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
    stream.on('data', (chunk: Buffer) => {
      if (over) return;
      total += chunk.length;
      if (total > maxBytes) {
        over = true;
        // Paused and dropped, jszip stops inflating: nothing asks it for the next chunk.
        stream.pause();
        stream.removeAllListeners('data');
        stream.destroy?.();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err: Error) => {
      if (!over) reject(err);
    });
    stream.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, total).toString('utf8'));
    });
  });
}
