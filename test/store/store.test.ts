// The store (src/store): a second run reads no document, a rule edit redoes only the
// mentions, a new document is the only one read, and a changed reader or schema empties what
// it must. Corpus: sample_ru.pdf and sample_kk.pdf (../shared/data/pdf), and the HTML page
// test/fixtures/html/strategy_ru_cp1251_declared_utf8.html as the document added later.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import type { IngestedDocument, RunResult } from '../../src/records.js';
import { openStore, STORE_SCHEMA } from '../../src/store/index.js';
import { sqlite } from '../../src/store/sqlite.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PDF = join(ROOT, '..', 'shared', 'data', 'pdf');
const HEADER = 'file,city,country,language,title,year';
const ROWS = ['sample_ru.pdf,Самара,RU,ru,Стратегия,2030', 'sample_kk.pdf,Павлодар,KZ,kk,Стратегия,2025'];

let dir = '';
let rulesDir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-store-'));
  for (const f of ['sample_ru.pdf', 'sample_kk.pdf']) await copyFile(join(PDF, f), join(dir, f));
  await writeFile(join(dir, 'manifest.csv'), [HEADER, ...ROWS].join('\n') + '\n');
  rulesDir = join(dir, 'rules');
  await cp(join(ROOT, 'rules'), rulesDir, { recursive: true });
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(store: string, corpusDir = join(dir)): Promise<{ run: RunResult; lines: string[] }> {
  const lines: string[] = [];
  const result = await runPipeline(
    {
      corpusDir, outDir: join(dir, 'out'), topic: 'cluster', rulesDir, ocr: 'off',
      formats: ['csv'], excel: false, strict: false, timeoutMs: 120_000, concurrency: 2,
    },
    (m) => lines.push(m),
    { cores: 2, store },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  // Read everything the reports would read before the store is closed.
  const run = structuredClone({ ...result.run, documents: result.run.documents.map((d) => ({ ...d, doc: { ...d.doc } })) });
  result.close();
  return { run, lines };
}

const storeLine = (lines: string[]) => lines.find((l) => l.startsWith('store '))!;

describe('the store', () => {
  let first: { run: RunResult; lines: string[] };
  let store = '';
  beforeAll(async () => {
    store = join(dir, 'runs', 'store.sqlite');
    first = await run(store);
  }, 120_000);

  it('a second run reads no document and gives the same documents, units and mentions', async () => {
    expect(storeLine(first.lines)).toMatch(/0 of 2 documents stored, 0 to analyse with these rules, 2 to read$/);
    const second = await run(store);
    expect(storeLine(second.lines)).toMatch(/2 of 2 documents stored, 0 to analyse with these rules, 0 to read$/);
    expect(second.lines.filter((l) => l.endsWith('(from the store)'))).toHaveLength(2);
    expect(second.run.documents).toEqual(first.run.documents);
    expect(second.run.rows).toEqual(first.run.rows);
    // The units and pages really are there (not empty arrays that compare equal).
    expect(second.run.documents[0]!.units.length).toBeGreaterThan(20);
    expect(second.run.documents[0]!.doc.pages.length).toBe(first.run.documents[0]!.doc.pageCount);
  }, 120_000);

  it('after a rule edit only the mentions are redone, and they follow the edit', async () => {
    const rules = await run(store);
    expect(storeLine(rules.lines)).toMatch(/ 0 to read$/);
    // An edit that changes no decision (a comment) still changes the rule files' hashes.
    const file = join(rulesDir, 'common', 'categories.yaml');
    await writeFile(file, (await readFile(file, 'utf8')) + '\n# edited by test/store/store.test.ts\n');
    const edited = await run(store);
    expect(storeLine(edited.lines)).toMatch(/0 of 2 documents stored, 2 to analyse with these rules, 0 to read$/);
    expect(edited.run.documents.map((d) => d.mentions)).toEqual(first.run.documents.map((d) => d.mentions));
    expect(edited.run.ruleFiles).not.toEqual(first.run.ruleFiles);
  }, 120_000);

  it('a document added to the corpus is the only one read', async () => {
    await copyFile(join(ROOT, 'test/fixtures/html/strategy_ru_cp1251_declared_utf8.html'), join(dir, 'added.html'));
    await writeFile(join(dir, 'manifest.csv'), [HEADER, ...ROWS, 'added.html,Южногорск,RU,ru,Стратегия,2035'].join('\n') + '\n');
    try {
      const added = await run(store);
      expect(storeLine(added.lines)).toMatch(/2 of 3 documents stored, 0 to analyse with these rules, 1 to read$/);
      expect(added.run.documents.map((d) => d.doc.status)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      await rm(join(dir, 'added.html'));
      await writeFile(join(dir, 'manifest.csv'), [HEADER, ...ROWS].join('\n') + '\n');
    }
  }, 120_000);

  it('rows of another reader version are dropped when a run opens the store; another schema empties it', () => {
    const path = join(dir, 'versions.sqlite');
    const doc: IngestedDocument = { file: 'a.pdf', format: 'pdf', status: 'ok', message: '', pageCount: 0, pages: [], unreadablePages: [], ocrPages: [], sha256: 'ab' };
    const reading = { units: [], languages: [], bilingual: false, pageLanguages: [] };
    const old = openStore(path, 'reader-1');
    old.putReading('k1', doc, reading);
    old.putRules('k1', 'r1', { mentions: [] });
    old.close();
    // A worker opens without pruning: the row stays.
    const worker = openStore(path, 'reader-2');
    expect(worker.hasReading('k1')).toBe(true);
    worker.close();
    const next = openStore(path, 'reader-2', { prune: true });
    expect(next.counts()).toEqual({ readings: 0, analyses: 0 });
    next.putReading('k2', doc, reading);
    next.close();
    const db = new (sqlite().DatabaseSync)(path);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(`${STORE_SCHEMA}-older`);
    db.close();
    const migrated = openStore(path, 'reader-2');
    expect(migrated.counts()).toEqual({ readings: 0, analyses: 0 });
    migrated.close();
  });
});
