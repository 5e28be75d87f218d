// `strategy-miner text FILE`: what the tool read from one document.
import { basename } from 'node:path';
import type { OcrMode } from '../../records.js';
import { ingestFile } from '../../ingest/index.js';
import { renderDocumentText } from '../../ingest/render.js';

export async function textCommand(file: string, flags: { ocr: OcrMode; timeout: number; json: boolean }): Promise<void> {
  const doc = await ingestFile(file, { displayName: basename(file), ocr: flags.ocr, timeoutMs: flags.timeout * 1000 });
  process.stdout.write(flags.json ? JSON.stringify(doc, null, 2) + '\n' : renderDocumentText(doc));
  if (doc.status !== 'ok') process.exitCode = 1;
}
