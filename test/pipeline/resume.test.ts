// A run killed with kill -9 resumes: the next run reads only the documents the killed one had
// not stored, and its outputs are byte-identical to those of a run never interrupted.
// Corpus: six documents of the bundled corpus/ (Russian, Kazakh and bilingual PDFs, the DOCX,
// and strategiya_2030_proekt.pdf, which is not in the manifest), read with --ocr off. The
// killed run reads one document at a time, so the kill lands between documents; the
// uninterrupted run reads two at a time, so the outputs cannot depend on the order either.
// The CLI runs from dist/ (make test builds it first), as a user runs it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '../../src/store/sqlite.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const LISTED = ['ekaterinburg_strategic_plan_2035.pdf', 'kaliningrad_strategy_2035.docx', 'almaty_strategy_2050_kk.pdf', 'perm_strategy_2030.pdf', 'shymkent_strategy_2050_ru_kk.pdf'];
const UNLISTED = 'strategiya_2030_proekt.pdf';
const DOCUMENTS = LISTED.length + 1;

let dir = '';
let corpus = '';
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "make build" (make test does) before the CLI tests`);
  dir = await mkdtemp(join(tmpdir(), 'strategy-miner-resume-'));
  corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const f of [...LISTED, UNLISTED]) await copyFile(join(ROOT, 'corpus', f), join(corpus, f));
  const manifest = (await readFile(join(ROOT, 'corpus', 'manifest.csv'), 'utf8')).split('\n');
  await writeFile(join(corpus, 'manifest.csv'), [manifest[0], ...manifest.filter((l) => LISTED.some((f) => l.startsWith(`${f},`)))].join('\n') + '\n');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const args = (out: string, store: string, concurrency = 1) => ['run', corpus, '--out', out, '--store', store, '--ocr', 'off', '--concurrency', String(concurrency), '--format', 'csv,md,json,html'];

/** Runs the CLI; with `killWhen`, kills it with SIGKILL as soon as killWhen() is true. */
function cli(argv: string[], killWhen?: () => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const poll = killWhen
      ? setInterval(() => {
          if (killWhen()) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 10)
      : undefined;
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

/** Documents with their mentions in the store, read as another process would (0 before it exists). */
function storedDocuments(store: string): number {
  if (!existsSync(store)) return 0;
  try {
    const db = new (sqlite().DatabaseSync)(store, { readOnly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM analysis').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the tables are being created
  }
}

describe('a run killed with kill -9', () => {
  it('resumes with the unfinished documents only, and writes the same files as an uninterrupted run', async () => {
    const store = join(dir, 'resumed.store.sqlite');
    const killed = await cli(args(join(dir, 'resumed'), store), () => storedDocuments(store) >= 1);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const atKill = storedDocuments(store);
    expect(atKill).toBeGreaterThanOrEqual(1);
    expect(atKill, 'the run finished before it could be killed').toBeLessThan(DOCUMENTS);

    const resumed = await cli(args(join(dir, 'resumed'), store));
    expect(resumed.code, resumed.stderr).toBe(0);
    const line = /store .*: (\d+) of (?:\d+) documents stored, (\d+) to analyse with these rules, (\d+) to read/.exec(resumed.stderr);
    expect(line, resumed.stderr).not.toBeNull();
    const [stored, toAnalyse, toRead] = line!.slice(1).map(Number) as [number, number, number];
    expect(stored + toAnalyse).toBeGreaterThanOrEqual(atKill);
    expect(stored + toAnalyse + toRead).toBe(DOCUMENTS);
    expect(toRead).toBeLessThan(DOCUMENTS);
    expect(resumed.stderr.match(/\(from the store\)$/gm)?.length).toBe(stored);

    const whole = await cli(args(join(dir, 'whole'), join(dir, 'whole.store.sqlite'), 2));
    expect(whole.code, whole.stderr).toBe(0);
    const files = (await readdir(join(dir, 'whole'))).filter((f) => f !== 'run.json').sort();
    expect(files).toEqual((await readdir(join(dir, 'resumed'))).filter((f) => f !== 'run.json').sort());
    expect(files).toContain('units.jsonl');
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(dir, 'resumed', f)), readFile(join(dir, 'whole', f))]);
      expect(a.equals(b), `${f} differs between the resumed and the uninterrupted run`).toBe(true);
    }
  }, 180_000);
});
