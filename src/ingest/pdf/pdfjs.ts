// Thin wrapper around pdfjs-dist (legacy build, the one meant for Node): opens a document
// from bytes and names its failures. Following mozilla/pdf.js examples/node: Uint8Array
// input, one page at a time, page.cleanup() after each page, loadingTask.destroy() at the end.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  getDocument,
  VerbosityLevel,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
// pdfjs needs the 14 standard fonts to measure text drawn with non-embedded fonts; without
// them it warns and guesses widths. Trailing slash: pdfjs appends file names to it.
const STANDARD_FONTS = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export type OpenFailure = { kind: 'encrypted' | 'corrupt' | 'error'; message: string };

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

/** Starts loading; the caller owns the task and must destroy it. */
export function startLoading(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    // pdfjs transfers (detaches) the buffer it is given: pass a copy so the caller's bytes
    // stay usable (sha256, OCR fallback).
    data: bytes.slice(),
    // Errors only: warnings about odd fonts are expected on real-world files and would
    // drown the batch's progress output. Problems that matter surface as exceptions or as
    // page triage results.
    verbosity: VerbosityLevel.ERRORS,
    standardFontDataUrl: STANDARD_FONTS,
    useSystemFonts: false,
    disableFontFace: true,
    // Sends each font's name («ABCDEF+LiberationSerif-Bold») with its data: read.ts tells bold
    // lines by it.
    fontExtraProperties: true,
  });
}

/**
 * Maps a pdfjs exception to a document status. pdfjs exceptions are told apart by `name`
 * (PasswordException, InvalidPDFException, FormatError …), as pdf.js's own api_spec does.
 */
export function classifyPdfError(err: unknown): OpenFailure {
  const name = err instanceof Error ? err.name : typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : '';
  const msg = err instanceof Error ? err.message : String(err);
  switch (name) {
    case 'PasswordException':
      return { kind: 'encrypted', message: `the PDF is encrypted and needs a password to open (${msg})` };
    case 'InvalidPDFException':
    case 'MissingPDFException':
    case 'FormatError':
    case 'UnexpectedResponseException':
    case 'XRefParseException':
    // What pdfjs throws for damage it has no class for. On 150 byte-damaged copies of
    // sample_ru, sample_kk and twocol.pdf (../shared/data/pdf) it came with two messages, both
    // about a broken file: "Bad (uncompressed) XRef entry" (an xref offset that does not point
    // at its object) and "Page dictionary kid reference points to wrong type of object".
    case 'UnknownErrorException':
      return { kind: 'corrupt', message: `the PDF is broken or truncated: ${msg} (${name})` };
    default:
      return { kind: 'error', message: `pdfjs failed: ${name ? name + ': ' : ''}${msg}` };
  }
}
