// OCR for pages without a usable text layer (issue 3, item 3): scanned pages and pages whose
// fonts have no Unicode map. The work is in ./ocr/engine.ts; this file binds the installed
// tools (tesseract with rus+kaz, pdftoppm) and caches the probe for the whole process.
import { DEFAULT_TOOLS, ocrPdfPagesWith, probeOcrWith } from './ocr/engine.js';
import type { OcrPageResult as PageResult, OcrProbe as Probe } from './ocr/types.js';

export type OcrProbe = Probe;
export type OcrPageResult = PageResult;

let cachedProbe: Promise<OcrProbe> | undefined;

/**
 * Whether OCR can run here: tesseract, its rus and kaz language data, and pdftoppm. When
 * something is missing the result names the Debian packages and the command to install them.
 * Checked once per process.
 */
export async function probeOcr(): Promise<OcrProbe> {
  cachedProbe ??= probeOcrWith(DEFAULT_TOOLS);
  return cachedProbe;
}

/**
 * OCRs the given 1-based pages of a PDF, `concurrency` tesseract processes at a time, each
 * page limited to `timeoutMs`. Every requested page gets a result; failures are values.
 * Text: lines separated by '\n', paragraphs by a blank line; mean word confidence 0–100.
 * `signal` (optional) cancels the job, e.g. when the document's own time limit is reached.
 */
export async function ocrPdfPages(
  pdfPath: string,
  pages: number[],
  opts: { concurrency: number; timeoutMs: number; signal?: AbortSignal },
): Promise<Map<number, OcrPageResult>> {
  const probe = await probeOcr();
  if (!probe.available) {
    const error = `OCR not available: missing ${probe.missing.join(', ')}; install with: ${probe.install}`;
    return new Map(pages.map((p) => [p, { ok: false, error }]));
  }
  return ocrPdfPagesWith(DEFAULT_TOOLS, pdfPath, pages, opts);
}
