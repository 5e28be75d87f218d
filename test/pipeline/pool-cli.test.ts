// The compiled worker (dist/src/pipeline/worker.js) as a user runs it: `strategy-miner run`
// with a one-second limit on a corpus whose first document, long_301p.pdf
// (../shared/data/pdf), takes several seconds to read. That document must be stopped with
// status 'timeout', and the document listed after it must still be read: the small DOCX of
// the bundled corpus (corpus/kaliningrad_strategy_2035.docx), which reads in a few tens of
// milliseconds, so the same 1 s limit cannot stop it even on a loaded machine (--timeout
// takes whole seconds). make test builds dist/ before this runs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const PDF = join(ROOT, '..', 'shared', 'data', 'pdf');

let dir = '';
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "make build" (make test does) before the CLI tests`);
  dir = await mkdtemp(join(tmpdir(), 'strategy-miner-pool-cli-'));
  await writeFile(
    join(dir, 'manifest.csv'),
    'file,city,country,language,title,year\n' +
      'long_301p.pdf,Караганда,KZ,ru,Стратегия развития города Караганды до 2050 года,2024\n' +
      'kaliningrad_strategy_2035.docx,Калининград,RU,ru,Стратегия социально-экономического развития городского округа «Город Калининград» на период до 2035 года,2023\n',
  );
  await copyFile(join(PDF, 'long_301p.pdf'), join(dir, 'long_301p.pdf'));
  await copyFile(join(ROOT, 'corpus', 'kaliningrad_strategy_2035.docx'), join(dir, 'kaliningrad_strategy_2035.docx'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 }, (err, _stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stderr });
    });
  });
}

describe('strategy-miner run with a time limit (worker threads from dist/)', () => {
  it('stops the document over the limit, reads the next one and exits 0', async () => {
    const out = join(dir, 'out');
    const { code, stderr } = await cli(['run', dir, '--out', out, '--ocr', 'off', '--timeout', '1', '--concurrency', '1', '--format', 'json']);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/long_301p\.pdf: timeout — exceeded the 1 s limit per document.*; the batch went on/);
    expect(stderr).toMatch(/kaliningrad_strategy_2035\.docx: ok, \d+ pages, [1-9]\d* cluster policy mentions/);
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { inputs: { file: string; status: string }[] };
    expect(run.inputs.map((i) => [i.file, i.status])).toEqual([['long_301p.pdf', 'timeout'], ['kaliningrad_strategy_2035.docx', 'ok']]);
  });

  it('exits 1 with --strict because one document was not read', async () => {
    const { code, stderr } = await cli(['run', dir, '--out', join(dir, 'strict'), '--ocr', 'off', '--timeout', '1', '--strict', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/documents not fully read[\s\S]*long_301p\.pdf: timeout/);
  });
});
