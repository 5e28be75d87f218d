// Damage that pdfjs reports without a class of its own, and OCR folders left by killed runs.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { OCR_DIR_PREFIX, removeStaleOcrDirs } from '../../src/ingest/ocr/temp-dirs.js';
import { classifyPdfError } from '../../src/ingest/pdf/pdfjs.js';

const PDF = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'pdf');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-damaged-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('UnknownErrorException from pdfjs', () => {
  it('is corrupt, not error: an xref entry that points at garbage (../shared/data/pdf/sample_ru.pdf, object 3 overwritten)', async () => {
    const bytes = Buffer.from(await readFile(join(PDF, 'sample_ru.pdf')));
    bytes.write('xx', bytes.indexOf('\n3 0 obj') + 1, 'latin1');
    await writeFile(join(dir, 'bad_xref.pdf'), bytes);
    const doc = await ingestFile(join(dir, 'bad_xref.pdf'), { ocr: 'off', timeoutMs: 30_000 });
    expect(doc.status).toBe('corrupt');
    expect(doc.message).toMatch(/Bad \(uncompressed\) XRef entry.*UnknownErrorException/);
  });

  it('is classified by its name whatever its message', () => {
    expect(classifyPdfError({ name: 'UnknownErrorException', message: 'Page dictionary kid reference points to wrong type of object.' }).kind).toBe('corrupt');
  });
});

describe('removeStaleOcrDirs', () => {
  it('removes the OCR folders of dead processes and old unnamed ones, and keeps live and recent ones', async () => {
    const tmp = join(dir, 'tmp');
    await mkdir(tmp);
    // A pid that surely ran and ended: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const make = async (name: string): Promise<string> => {
      const path = join(tmp, name);
      await mkdir(path);
      await writeFile(join(path, 'page-1.pgm'), 'P5 1 1 255 x');
      return path;
    };
    await make(`${OCR_DIR_PREFIX}${dead}-a1b2c3`);
    await make(`${OCR_DIR_PREFIX}${process.pid}-d4e5f6`);
    const oldUnnamed = await make(`${OCR_DIR_PREFIX}Xy12Zq`);
    await utimes(oldUnnamed, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    await make(`${OCR_DIR_PREFIX}Ab34Cd`);
    await make('other-tool-123');
    const removed = await removeStaleOcrDirs(tmp);
    expect(removed.map((p) => p.slice(tmp.length + 1)).sort()).toEqual([`${OCR_DIR_PREFIX}${dead}-a1b2c3`, `${OCR_DIR_PREFIX}Xy12Zq`].sort());
    expect((await readdir(tmp)).sort()).toEqual([`${OCR_DIR_PREFIX}${process.pid}-d4e5f6`, `${OCR_DIR_PREFIX}Ab34Cd`, 'other-tool-123'].sort());
  });
});
