// Territories and duplicate files through the whole pipeline (main thread, OCR off):
// - corpus/sochi_strategy_2030.pdf without a manifest row: its title page names
//   Краснодарский край, and the row stays the city of Sochi;
// - the same PDF saved a second time under another name: reported as a duplicate, counted once;
// - a regional strategy written here as HTML (altai_2035.html) without a manifest row: the
//   region Алтайский край, not a city "altai" from the file name.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import type { RunResult } from '../../src/records.js';
import { runJson } from '../../src/report/run-json.js';

const ROOT = join(import.meta.dirname, '..', '..');

const ALTAI = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Стратегия</title></head><body>
<p>Правительство Алтайского края</p>
<h1>Стратегия социально-экономического развития Алтайского края до 2035 года</h1>
<p>г. Барнаул</p>
<h2>Цели и задачи</h2>
<ul><li>Формирование агропромышленного кластера в предгорных районах края;</li>
<li>создание туристско-рекреационного кластера на базе курортов края.</li></ul>
</body></html>`;

let dir = '';
let run: RunResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-territory-'));
  await copyFile(join(ROOT, 'corpus', 'sochi_strategy_2030.pdf'), join(dir, 'sochi_strategy_2030.pdf'));
  await copyFile(join(ROOT, 'corpus', 'sochi_strategy_2030.pdf'), join(dir, 'sochi_strategy_2030_copy.pdf'));
  await writeFile(join(dir, 'altai_2035.html'), ALTAI);
  const result = await runPipeline(
    { corpusDir: dir, outDir: join(dir, 'out'), topic: 'cluster', rulesDir: join(ROOT, 'rules'), ocr: 'off', formats: ['csv'], excel: false, strict: false, timeoutMs: 120_000, concurrency: 1 },
    () => {},
    { inThread: true, cores: 1 },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  run = result.run;
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('territories of documents without a manifest row', () => {
  it('a regional strategy is its region, and a city strategy naming its region stays the city', () => {
    expect(run.rows.map((r) => [r.city, r.country, r.level, r.region])).toEqual([
      ['Алтайский край', 'RU', 'region', ''],
      ['Сочи', 'RU', 'city', 'Краснодарский край'],
    ]);
    expect(run.warnings).toContain('altai_2035.html: not in the manifest; region "Алтайский край" taken from its title page');
  });

  it('an identical file is a duplicate: a warning, a note in run.json, counted once', () => {
    const copy = run.documents.find((d) => d.entry.file === 'sochi_strategy_2030_copy.pdf')!;
    expect(copy.entry.duplicateOf).toBe('sochi_strategy_2030.pdf');
    expect(copy.mentions).toEqual([]);
    expect(copy.doc.message).toContain('identical to sochi_strategy_2030.pdf (same SHA-256): counted once');
    expect(run.warnings.some((w) => w.startsWith('sochi_strategy_2030_copy.pdf: identical to sochi_strategy_2030.pdf'))).toBe(true);
    const sochi = run.rows.find((r) => r.city === 'Сочи')!;
    expect(sochi.documents).toEqual(['sochi_strategy_2030.pdf']);
    const record = JSON.parse(runJson(run, []));
    expect(record.duplicates).toEqual([{ file: 'sochi_strategy_2030_copy.pdf', sameAs: 'sochi_strategy_2030.pdf', sha256: copy.doc.sha256 }]);
    // one count: the copy adds no mentions
    const original = run.documents.find((d) => d.entry.file === 'sochi_strategy_2030.pdf')!;
    expect(record.counts.mentions).toBe(original.mentions.length + run.documents.find((d) => d.entry.file === 'altai_2035.html')!.mentions.length);
    expect(original.doc.sha256).toBe(copy.doc.sha256);
  });
});
