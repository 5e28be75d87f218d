// One long PDF on two workers: while the worker reading long_301p.pdf (../shared/data/pdf,
// 301 pages) reads the first half, the idle worker reads the second half, and the document
// comes out exactly as one worker reads it alone: same pages, blocks, headings, triage.
// Workers run the build (make test builds dist/ first).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngestPool, type IngestPool } from '../../src/pipeline/pool.js';

const PDF = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'pdf', 'long_301p.pdf');
const options = { displayName: 'long_301p.pdf', ocr: 'off' as const, timeoutMs: 600_000 };

let pools: IngestPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

describe('page ranges of one PDF on several workers', () => {
  it('the second half read by the idle worker gives the same document as one worker', async () => {
    const two = createIngestPool({ size: 2, eager: true });
    const one = createIngestPool({ size: 1 });
    pools = [two, one];
    // Both workers of `two` must be ready before the document arrives, or none is idle to help.
    await two.ingest(join(PDF, '..', 'sample_ru.pdf'), { ocr: 'off', timeoutMs: 600_000 });
    await two.ingest(join(PDF, '..', 'sample_kk.pdf'), { ocr: 'off', timeoutMs: 600_000 });
    const split = await two.ingest(PDF, options);
    expect(two.rangesHelped).toBe(1);
    const whole = await one.ingest(PDF, options);
    expect(one.rangesHelped).toBe(0);
    expect(split.doc.status).toBe('ok');
    expect(split.doc.pageCount).toBe(301);
    expect(split.doc).toEqual(whole.doc);
  }, 180_000);
});
