// Result types of the OCR step, shared by ../ocr.ts (public face) and ./engine.ts.

export type OcrProbe =
  | { available: true; version: string }
  | { available: false; missing: string[]; install: string };

import type { OcrLine } from './tsv.js';

export type OcrPageResult =
  | {
      ok: true;
      text: string;
      meanConfidence: number;
      /** The lines with their word boxes, and the page image's height in pixels, for the layout. */
      lines?: OcrLine[];
      imageHeight?: number;
    }
  | { ok: false; error: string };
