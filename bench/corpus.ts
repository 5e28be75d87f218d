// The corpora of the whole-run benchmarks: the bundled corpus/ (optional) plus N copies of
// ../shared/data/pdf/long_301p.pdf (301 dense pages), each listed in the manifest as another
// city (a batch of many cities is the common case; N copies as editions of ONE city make the
// aggregate stage quadratic, which would hide everything else), in a temporary folder.
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LONG_PDF = '../shared/data/pdf/long_301p.pdf';
const DOCUMENT = /\.(pdf|docx|html?)$/i;

export async function benchCorpus(copies: number, { bundled = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strategy-miner-bench-'));
  const manifest = ['file,city,country,language,title,year'];
  if (bundled) {
    for (const name of await readdir('corpus')) if (DOCUMENT.test(name)) await copyFile(join('corpus', name), join(dir, name));
    manifest.push(...(await readFile(join('corpus', 'manifest.csv'), 'utf8')).trimEnd().split('\n').slice(1));
  }
  for (let i = 1; i <= copies; i++) {
    const name = `karaganda_long_${i}.pdf`;
    await copyFile(LONG_PDF, join(dir, name));
    manifest.push(`${name},Караганда (копия ${i}),KZ,ru,Стратегия развития города Караганды (копия ${i} для замера),2024`);
  }
  await writeFile(join(dir, 'manifest.csv'), manifest.join('\n') + '\n');
  return dir;
}
