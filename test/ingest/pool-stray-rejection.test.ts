// A damaged PDF that made pdfjs reject a promise nobody awaited, which ended its worker
// ("ERR_UNHANDLED_REJECTION … XRefEntryException: Bad (uncompressed) XRef entry") and turned a
// corrupt file into 'error'. Found by byte-flipping copies of ../shared/data/pdf fixtures with
// mulberry32(11) (files 285 and 286 of that series, 286 from no_tounicode.pdf); it happens when
// 286 is read on the worker that has just read 285, so both are rebuilt here and read in order.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIngestPool } from '../../src/pipeline/pool.js';
import { mulberry32 } from '../../src/validate/prng.js';

const PDF = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'pdf');
const SOURCES = ['sample_ru.pdf', 'sample_kk.pdf', 'twocol.pdf', 'gs_redistilled.pdf', 'no_tounicode.pdf', 'type3_cyrillic.pdf'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-stray-'));
  const sources = await Promise.all(SOURCES.map((f) => readFile(join(PDF, f))));
  const random = mulberry32(11);
  for (let i = 0; i <= 286; i++) {
    const bytes = Buffer.from(sources[i % sources.length]!);
    const flips = 1 + Math.floor(random() * 400);
    for (let k = 0; k < flips; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    if (i >= 285) await writeFile(join(dir, `f${i}.pdf`), bytes);
  }
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

it('a stray rejection inside pdfjs does not crash the worker: the damaged file is corrupt', async () => {
  const pool = createIngestPool({ size: 1 });
  try {
    const before = await pool.ingest(join(dir, 'f285.pdf'), { ocr: 'off', timeoutMs: 30_000 });
    const doc = (await pool.ingest(join(dir, 'f286.pdf'), { ocr: 'off', timeoutMs: 30_000 })).doc;
    expect(before.doc.status).toBe('corrupt');
    expect(doc.status, doc.message).toBe('corrupt');
    expect(doc.message).toMatch(/cross-reference table points at garbage/);
  } finally {
    await pool.close();
  }
});
