// Regression: the TOC heading «Содержание» became an ancestor of every later section in the
// heading path, so section rules read it instead of the real section headings.
// File: corpus/chelyabinsk_strategy_2035.pdf (its page 2 is a table of contents).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('heading paths after a table of contents', () => {
  it('do not carry the TOC heading into the sections that follow it', async () => {
    const doc = await ingestFile(join(ROOT, 'corpus', 'chelyabinsk_strategy_2035.pdf'), { ocr: 'off', timeoutMs: 60_000 });
    expect(doc.status).toBe('ok');
    const blocks = doc.pages.flatMap((p) => p.blocks);
    expect(blocks.some((b) => b.kind === 'toc')).toBe(true);
    for (const b of blocks) expect(b.headingPath.map((h) => h.toLowerCase())).not.toContain('содержание');
    const analysis = blocks.find((b) => b.text.includes('третий кластер'));
    expect(analysis?.headingPath.at(-1)).toMatch(/Кластерный анализ территории/);
  });

  it('drop a bilingual TOC heading «Мазмұны / Содержание» too (corpus/shymkent_strategy_2050_ru_kk.pdf)', async () => {
    const doc = await ingestFile(join(ROOT, 'corpus', 'shymkent_strategy_2050_ru_kk.pdf'), { ocr: 'off', timeoutMs: 60_000 });
    const paths = doc.pages.flatMap((p) => p.blocks).flatMap((b) => b.headingPath);
    expect(paths.some((h) => /Мазмұны|Содержание/.test(h))).toBe(false);
  });
});
