// runPipeline with the worker-thread pool (the default) and on the main thread: the same
// results, in manifest order even when the documents finish in another order.
// Corpus: long_301p.pdf listed first, then three short fixtures (../shared/data/pdf); the
// main-thread run, there to compare with, reads only the three short ones (suite time).
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type IngestionChoice } from '../../src/pipeline/run.js';
import type { RunResult } from '../../src/records.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PDF = join(ROOT, '..', 'shared', 'data', 'pdf');
const FILES = ['long_301p.pdf', 'sample_ru.pdf', 'sample_kk.pdf', 'twocol.pdf'];

let dir = '';
let shortDir = '';
async function makeCorpus(files: string[]): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'strategy-miner-pool-'));
  const rows = files.map((f) => `${f},Караганда,KZ,ru,Стратегия развития города Караганды (редакция ${FILES.indexOf(f) + 1}),${2020 + FILES.indexOf(f)}`);
  await writeFile(join(d, 'manifest.csv'), ['file,city,country,language,title,year', ...rows].join('\n') + '\n');
  for (const f of files) await copyFile(join(PDF, f), join(d, f));
  return d;
}
beforeAll(async () => {
  dir = await makeCorpus(FILES);
  shortDir = await makeCorpus(FILES.slice(1));
});
afterAll(async () => {
  for (const d of [dir, shortDir]) if (d) await rm(d, { recursive: true, force: true });
});

async function run(ingestion: IngestionChoice, corpusDir = dir): Promise<{ run: RunResult; finished: string[] }> {
  const finished: string[] = [];
  const result = await runPipeline(
    {
      corpusDir,
      outDir: join(corpusDir, 'out'),
      topic: 'cluster',
      rulesDir: join(ROOT, 'rules'),
      ocr: 'off',
      formats: ['csv'],
      excel: false,
      strict: false,
      timeoutMs: 120_000,
      concurrency: 2,
    },
    (message) => finished.push(/\] ([^:]+):/.exec(message)?.[1] ?? message),
    { cores: 2, ...ingestion },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { run: result.run, finished };
}

describe('runPipeline on worker threads', () => {
  let pooled: { run: RunResult; finished: string[] };
  let inThread: { run: RunResult; finished: string[] };
  beforeAll(async () => {
    pooled = await run({});
    inThread = await run({ inThread: true }, shortDir);
  }, 300_000);

  it('keeps manifest order although long_301p.pdf finishes last', () => {
    // With two workers the three short files are read beside the long one, so they finish first.
    expect(pooled.finished.at(-1)).toBe('long_301p.pdf');
    expect(pooled.run.documents.map((d) => d.entry.file)).toEqual(FILES);
    expect(pooled.run.documents.map((d) => d.doc.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(pooled.run.documents[0]!.doc.pageCount).toBe(301);
  });

  it('gives the same documents, units and mentions as reading on the main thread', () => {
    expect(inThread.run.documents.map((d) => d.entry.file)).toEqual(FILES.slice(1));
    expect(pooled.run.documents.slice(1)).toEqual(inThread.run.documents);
    expect(pooled.run.documents.slice(1).reduce((n, d) => n + d.mentions.length, 0)).toBeGreaterThan(0);
  });

  it('says in run.json timings how documents were read', () => {
    const stages = (r: RunResult) => r.timings.map((t) => t.stage).join('\n');
    expect(stages(pooled.run)).toMatch(/ingest \(sum over documents; 2 worker threads, 1 OCR process each\)/);
    expect(stages(inThread.run)).toMatch(/ingest \(sum over documents; main thread, 2 at once, 1 OCR process each\)/);
  });
});
