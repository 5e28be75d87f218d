// Result types of the OCR step, shared by ../ocr.ts (public face) and ./engine.ts.

export type OcrProbe =
  | { available: true; version: string }
  | { available: false; missing: string[]; install: string };

export type OcrPageResult =
  | { ok: true; text: string; meanConfidence: number }
  | { ok: false; error: string };
