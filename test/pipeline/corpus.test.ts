// The bundled sample corpus end to end (corpus/manifest.csv, corpus/gold/cities.csv): every
// city gets the status its text deserves, and nothing of another sense reaches Table 5.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import type { OcrMode, RunResult } from '../../src/records.js';
import { probeOcr } from '../../src/ingest/ocr.js';

const ROOT = join(import.meta.dirname, '..', '..');

function options(ocr: OcrMode) {
  return {
    corpusDir: join(ROOT, 'corpus'),
    outDir: join(ROOT, 'output'),
    topic: 'cluster',
    rulesDir: join(ROOT, 'rules'),
    ocr,
    formats: ['csv'],
    excel: false,
    strict: false,
    timeoutMs: 120_000,
    concurrency: availableParallelism(),
  };
}

async function goldStatuses(): Promise<Map<string, string>> {
  const rows = parse(await readFile(join(ROOT, 'corpus', 'gold', 'cities.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as { city: string; status: string }[];
  return new Map(rows.map((r) => [r.city, r.status]));
}

async function run(ocr: OcrMode): Promise<RunResult> {
  const result = await runPipeline(options(ocr));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  return result.run;
}

describe('sample corpus without OCR', () => {
  let result: RunResult;
  beforeAll(async () => { result = await run('off'); }, 300_000);

  it('never flags a city as not mentioning cluster policy when one of its pages was not read', () => {
    for (const row of result.rows) {
      const docs = result.documents.filter((d) => d.entry.city === row.city);
      if (docs.some((d) => d.doc.status !== 'ok')) expect(row.status, row.city).not.toBe('no_cluster_policy');
      if (docs.some((d) => d.doc.status !== 'ok')) expect(row.status, row.city).not.toBe('context_only');
    }
    expect(result.documents.some((d) => d.doc.status === 'partial' || d.doc.status === 'needs_ocr')).toBe(true);
  });

  it('gives the language of every page: the Kazakh and the Russian half of the bilingual PDF', () => {
    // corpus/shymkent_strategy_2050_ru_kk.pdf: page 3 is the Kazakh text, page 4 the Russian.
    const shymkent = result.documents.find((d) => d.entry.file === 'shymkent_strategy_2050_ru_kk.pdf')!;
    expect(shymkent.bilingual).toBe(true);
    const top = (page: number) => shymkent.pageLanguages.find((p) => p.page === page)?.languages[0];
    expect(top(3)).toEqual({ lang: 'kaz', share: 1 });
    expect(top(4)).toEqual({ lang: 'rus', share: 1 });
    // corpus/samara_complex_development_2030.pdf page 5 is an image: without OCR it has no
    // text, so no language, and is not listed.
    const samara = result.documents.find((d) => d.entry.file === 'samara_complex_development_2030.pdf')!;
    expect(samara.pageLanguages.map((p) => p.page)).toEqual([1, 2, 3, 4, 6]);
  });
});

describe('sample corpus with OCR', async () => {
  const probe = await probeOcr();
  let result: RunResult;
  beforeAll(async () => { if (probe.available) result = await run('auto'); }, 600_000);

  it.skipIf(!probe.available)('gives every city the status of the hand-coding in corpus/gold/cities.csv', async () => {
    const gold = await goldStatuses();
    const got = new Map(result.rows.map((r) => [r.city, r.status]));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(gold));
  });

  it.skipIf(!probe.available)('counts no other-sense occurrence as cluster policy', () => {
    const priorities = result.rows.flatMap((r) => r.priorities.map((p) => p.text.toLowerCase()));
    for (const text of priorities) {
      expect(text).not.toMatch(/кластерн\S* анализ|вычислительн\S* кластер|кластер\S* серверов/);
    }
  });

  it.skipIf(!probe.available)('reads every document fully', () => {
    for (const d of result.documents) expect(d.doc.status, `${d.doc.file}: ${d.doc.message}`).toBe('ok');
  });

  it.skipIf(!probe.available)('marks the priority found on the image-only page as coming from OCR', () => {
    const fromOcr = result.documents.flatMap((d) => d.mentions).filter((m) => m.ocr && m.kind === 'priority');
    expect(fromOcr.length).toBeGreaterThan(0);
  });
});
