// `make fuzz`: runs the built CLI on corpora of damaged and hostile copies of the test
// fixtures and checks the promises the README makes about bad input:
//   - every file gets a status (a row in documents.csv), and the run exits 0;
//   - no document that was not fully read makes its city "no cluster policy" or "context only";
//   - the process's peak RSS stays under a stated bound (--max-rss, MB);
//   - no temporary file and no child process is left behind.
// Seeded (--seed) and bounded in time (--seconds): the same seed builds the same corpora, so a
// failure can be replayed; the corpus of a failing round is kept and its path printed.
//
//   node dist/scripts/fuzz.js [--seed N] [--seconds S] [--files N] [--max-rss MB] [--ocr off|auto]
//
// Mutations (each applied to a copy of a fixture chosen at random):
//   PDF  byte flips, truncation, damaged xref table or startxref, wrong /Length, a stream that
//        inflates to 600 MB;
//   DOCX byte flips, truncation, damaged word/document.xml inside a valid zip, a zip bomb
//        (100 MB of XML), XML nested 100,000 deep, one paragraph of a repeated sentence;
//   HTML byte flips, truncation, invalid UTF-8, elements nested 100,000 deep, one paragraph of
//        a repeated sentence, formula cells, markup and U+FFFE in the text.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { mulberry32 } from '../src/validate/prng.js';
import { pdfBomb } from './fixtures/pdf-bomb.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// dist/scripts/fuzz.js or scripts/fuzz.ts: the project root is where package.json and rules/ are.
const ROOT = [join(HERE, '..'), join(HERE, '..', '..')].find((d) => existsSync(join(d, 'rules')) && existsSync(join(d, 'test')))!;
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const SHARED_PDF = join(ROOT, '..', 'shared', 'data', 'pdf');

interface Options {
  seed: number;
  seconds: number;
  files: number;
  maxRssMb: number;
  ocr: 'off' | 'auto';
}

function options(argv: string[]): Options {
  const o: Options = { seed: 1, seconds: 60, files: 6, maxRssMb: 2560, ocr: 'off' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    const n = Number(value);
    if (flag === '--ocr' && (value === 'off' || value === 'auto')) o.ocr = value;
    else if (flag === '--seed' && Number.isInteger(n)) o.seed = n;
    else if (flag === '--seconds' && n > 0) o.seconds = n;
    else if (flag === '--files' && Number.isInteger(n) && n > 0) o.files = n;
    else if (flag === '--max-rss' && n > 0) o.maxRssMb = n;
    else {
      process.stderr.write(`fuzz: expected --seed N, --seconds S, --files N, --max-rss MB or --ocr off|auto, got ${flag} ${value}\n`);
      process.exit(2);
    }
  }
  return o;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

// ------------------------------------------------------------------ fixtures and mutations

interface Fixture {
  name: string;
  kind: 'pdf' | 'docx' | 'html';
  bytes: Buffer;
}

function fixtures(): Fixture[] {
  const pdf = ['sample_ru.pdf', 'sample_kk.pdf', 'twocol.pdf', 'gs_redistilled.pdf'].map((n) => ({ name: n, kind: 'pdf' as const, bytes: readFileSync(join(SHARED_PDF, n)) }));
  const docx = ['strategy_ru.docx', 'strategy_kk.docx', 'no_headings.docx'].map((n) => ({ name: n, kind: 'docx' as const, bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'docx', n)) }));
  const html = ['strategy_kk.html', 'word_saved.html', 'strategy_ru_cp1251.html'].map((n) => ({ name: n, kind: 'html' as const, bytes: readFileSync(join(ROOT, 'test', 'fixtures', 'html', n)) }));
  return [...pdf, ...docx, ...html];
}

// A priority sentence in the shape of the corpus's strategies (corpus/perm_strategy_2030.pdf).
const SENTENCE = 'До 2030 года планируется создать туристский кластер и развивать IT-кластер на территории города. ';

function flipBytes(random: Random, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let n = int(random, 1, 40); n > 0; n--) out[int(random, 0, out.length - 1)] = int(random, 0, 255);
  return out;
}

function truncate(random: Random, bytes: Buffer): Buffer {
  return bytes.subarray(0, int(random, Math.floor(bytes.length * 0.05), Math.floor(bytes.length * 0.95)));
}

function damageXref(random: Random, bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const at = random() < 0.5 ? out.lastIndexOf('xref') : out.lastIndexOf('startxref');
  if (at < 0) return flipBytes(random, bytes);
  const junk = '0123456789 nf\n';
  for (let i = at + 4; i < Math.min(out.length, at + int(random, 10, 120)); i++) out[i] = junk.charCodeAt(int(random, 0, junk.length - 1));
  return out;
}

function damageLength(random: Random, bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const lengths = [...text.matchAll(/\/Length (\d+)/g)];
  if (lengths.length === 0) return flipBytes(random, bytes);
  const m = pick(random, lengths);
  const wrong = pick(random, ['0', '1', '999999999', String(Number(m[1]) + int(random, -50, 50)), '-5']);
  return Buffer.from(text.slice(0, m.index) + `/Length ${wrong}` + text.slice(m.index! + m[0].length), 'latin1');
}

let pdfBombCache: Buffer | undefined;
/** A one-page PDF whose content stream is 600 MB of spaces (~0.6 MB deflated), made once. */
async function cachedPdfBomb(): Promise<Buffer> {
  return (pdfBombCache ??= await pdfBomb(600));
}

async function rewriteDocumentXml(bytes: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', edit(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function beforeBodyEnd(xml: string, insert: string): string {
  const at = xml.lastIndexOf('</w:body>');
  return at < 0 ? xml + insert : xml.slice(0, at) + insert + xml.slice(at);
}

let docxBombCache: Buffer | undefined;

const MUTATIONS: Record<Fixture['kind'], Record<string, (random: Random, f: Fixture) => Buffer | Promise<Buffer>>> = {
  pdf: {
    flip: (r, f) => flipBytes(r, f.bytes),
    truncate: (r, f) => truncate(r, f.bytes),
    xref: (r, f) => damageXref(r, f.bytes),
    length: (r, f) => damageLength(r, f.bytes),
    bomb: () => cachedPdfBomb(),
  },
  docx: {
    flip: (r, f) => flipBytes(r, f.bytes),
    truncate: (r, f) => truncate(r, f.bytes),
    xml: (r, f) => rewriteDocumentXml(f.bytes, (xml) => flipBytes(r, Buffer.from(xml)).toString('utf8')),
    bomb: async (_r, f) =>
      (docxBombCache ??= await rewriteDocumentXml(f.bytes, (xml) => beforeBodyEnd(xml, `<w:p><w:r><w:t>${'а'.repeat(1000)}</w:t></w:r></w:p>`.repeat(50_000)))),
    nesting: (_r, f) => rewriteDocumentXml(f.bytes, (xml) => beforeBodyEnd(xml, '<w:sdt><w:sdtContent>'.repeat(100_000) + '</w:sdtContent></w:sdt>'.repeat(100_000))),
    repeated: (r, f) => rewriteDocumentXml(f.bytes, (xml) => beforeBodyEnd(xml, `<w:p><w:r><w:t>${SENTENCE.repeat(int(r, 500, 3000))}</w:t></w:r></w:p>`)),
  },
  html: {
    flip: (r, f) => flipBytes(r, f.bytes),
    truncate: (r, f) => truncate(r, f.bytes),
    utf8: (r, f) => {
      const out = Buffer.from(f.bytes);
      for (let n = int(r, 1, 20); n > 0; n--) out.set([0xff, 0xfe, 0xc3], int(r, 0, out.length - 3));
      return out;
    },
    nesting: () => Buffer.from(`<!doctype html><html><body>${'<div>'.repeat(100_000)}Развитие туристского кластера.${'</div>'.repeat(100_000)}</body></html>`),
    repeated: (r) => Buffer.from(`<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body><h1>Стратегия развития города Перми до 2030 года</h1><p>${SENTENCE.repeat(int(r, 500, 3000))}</p></body></html>`),
    hostile: () =>
      Buffer.from(`<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body><h1>Стратегия развития города Перми до 2030 года</h1>
<p>=HYPERLINK("http://evil.example","Развитие туристского кластера") планируется к 2030 году.</p>
<p>До 2030 года планируется создать IT-кластер &lt;script&gt;alert(1)&lt;/script&gt; в городе\uFFFE.</p><ul><li>-1+2 развитие агропромышленного кластера;</li></ul></body></html>`),
  },
};

// ------------------------------------------------------------------ one round

interface Round {
  dir: string;
  files: { name: string; from: string; mutation: string }[];
}

async function buildRound(random: Random, all: Fixture[], n: number, base: string, index: number): Promise<Round> {
  const dir = join(base, `round-${index}`);
  const corpus = join(dir, 'corpus');
  await mkdir(corpus, { recursive: true });
  const files: Round['files'] = [];
  const rows = ['file,city,country,language,title,year'];
  for (let i = 0; i < n; i++) {
    const f = pick(random, all);
    const mutation = pick(random, Object.keys(MUTATIONS[f.kind]));
    const bytes = await MUTATIONS[f.kind][mutation]!(random, f);
    const ext = f.kind === 'html' ? '.html' : `.${f.kind}`;
    const name = `f${i}-${mutation}-${f.name.replace(/\.[^.]+$/, '')}${ext}`;
    await writeFile(join(corpus, name), bytes);
    files.push({ name, from: f.name, mutation });
    rows.push(`${name},Город ${i},RU,ru,Стратегия,2030`);
  }
  await writeFile(join(corpus, 'manifest.csv'), rows.join('\n') + '\n');
  return { dir, files };
}

/** Peak resident set of a process so far (VmHWM), in MB; 0 when it has ended. */
async function peakRssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Processes whose command line names `path` (the OCR tools name the PDF they read). */
async function processesNaming(path: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if ((await readFile(`/proc/${entry}/cmdline`, 'utf8')).includes(path)) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

interface RoundResult {
  problems: string[];
  peakMb: number;
  seconds: number;
  statuses: Map<string, number>;
}

async function runRound(round: Round, o: Options): Promise<RoundResult> {
  const corpus = join(round.dir, 'corpus');
  const out = join(round.dir, 'out');
  const tmp = join(round.dir, 'tmp');
  await mkdir(tmp);
  const t0 = performance.now();
  let peakMb = 0;
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, 'run', corpus, '--out', out, '--ocr', o.ocr, '--timeout', '30', '--max-memory', '512', '--format', 'csv,md,json,xlsx,html,qdpx'],
      { env: { ...process.env, TMPDIR: tmp }, maxBuffer: 64 << 20 },
      (err, _stdout, stderr) => {
        clearInterval(watch);
        const c = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
        resolve({ code: c, stderr });
      },
    );
    const watch = setInterval(() => {
      if (child.pid !== undefined) void peakRssMb(child.pid).then((mb) => (peakMb = Math.max(peakMb, mb)));
    }, 100);
  });
  const problems: string[] = [];
  if (code !== 0) problems.push(`exit code ${code}: ${stderr.split('\n').slice(-8).join(' | ')}`);
  if (peakMb > o.maxRssMb) problems.push(`peak RSS ${Math.round(peakMb)} MB over the bound of ${o.maxRssMb} MB`);

  const statuses = new Map<string, number>();
  if (code === 0) {
    const docs = parse(await readFile(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    for (const f of round.files) {
      const row = docs.find((d) => d.file === f.name);
      if (!row || !row.status) problems.push(`${f.name}: no status in documents.csv`);
      else statuses.set(row.status, (statuses.get(row.status) ?? 0) + 1);
    }
    const table = JSON.parse(await readFile(join(out, 'table5.json'), 'utf8')) as { city: string; status: string; documents: { file: string; status: string }[] }[];
    for (const city of table) {
      const unread = city.documents.filter((d) => d.status !== 'ok');
      if (unread.length > 0 && (city.status === 'no_cluster_policy' || city.status === 'context_only')) {
        problems.push(`${city.city}: ${city.status} although ${unread.map((d) => `${d.file} is ${d.status}`).join(', ')}`);
      }
    }
  }
  const left = await readdir(tmp);
  if (left.length > 0) problems.push(`temporary files left in TMPDIR: ${left.join(', ')}`);
  const children = await processesNaming(corpus);
  if (children.length > 0) problems.push(`processes left running: ${children.join(', ')}`);
  return { problems, peakMb, seconds: (performance.now() - t0) / 1000, statuses };
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  if (!existsSync(BIN)) {
    process.stderr.write(`fuzz: ${BIN} is missing; run make build first\n`);
    process.exit(2);
  }
  const random = mulberry32(o.seed);
  const all = fixtures();
  const base = await mkdtemp(join(tmpdir(), 'strategy-miner-fuzz-'));
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let rounds = 0;
  let files = 0;
  let peak = 0;
  let slowest = 0;
  const statuses = new Map<string, number>();
  const failures: string[] = [];
  // A round is started only when one more as slow as the slowest so far still fits.
  while (rounds === 0 || elapsed() + slowest < o.seconds) {
    const round = await buildRound(random, all, o.files, base, rounds);
    const result = await runRound(round, o);
    rounds++;
    files += round.files.length;
    peak = Math.max(peak, result.peakMb);
    slowest = Math.max(slowest, elapsed() / rounds, result.seconds);
    for (const [s, n] of result.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
    process.stdout.write(
      `round ${rounds}: ${round.files.map((f) => f.mutation).join(' ')} → ${[...result.statuses].map(([s, n]) => `${s} ${n}`).join(', ')}; ${result.seconds.toFixed(1)} s, peak ${Math.round(result.peakMb)} MB\n`,
    );
    if (result.problems.length > 0) {
      failures.push(`round ${rounds} (kept in ${round.dir}):\n  ${result.problems.join('\n  ')}`);
      break;
    }
    await rm(round.dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `fuzz seed ${o.seed}: ${rounds} rounds, ${files} files in ${elapsed().toFixed(0)} s; statuses ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}; peak RSS ${Math.round(peak)} MB (bound ${o.maxRssMb} MB)\n`,
  );
  if (failures.length > 0) {
    process.stdout.write(`FAILED\n${failures.join('\n')}\n`);
    process.exitCode = 1;
  } else await rm(base, { recursive: true, force: true });
}

await main();
