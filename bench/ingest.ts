// Ingest benchmark (issue 3, Measure). Run from the project root after tsc:
//   node dist/bench/ingest.js
// Prints: quality per PDF with a truth file in ../shared/data/pdf, compound/soft-break
// errors and header/footer leaks on long_301p.pdf, triage of every fixture against
// ../shared/data/README.md, speed against pdftotext and raw pdfjs, peak memory, and OCR
// word recovery when OCR is available. Timings on a shared machine are indicative only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestFile } from '../src/ingest/index.js';
import { blocksOf, exactShare, levenshtein, truthLines } from './truth.js';
import type { IngestedDocument } from '../src/records.js';

const DATA = '../shared/data/pdf';
const TIMEOUT = 600_000;

// ---------- child mode: one measured run in a fresh process (for time and peak RSS) ----------
if (process.argv[2] === '--child') {
  const mode = process.argv[3];
  const file = process.argv[4]!;
  // Same loading options as the ingest path, module already imported: like for like.
  const { startLoading } = await import('../src/ingest/pdf/pdfjs.js');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let pages = 0;
  if (mode === 'raw') {
    const task = startLoading(new Uint8Array(readFileSync(file)));
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent({ includeMarkedContent: true });
      page.cleanup();
      pages++;
    }
    await task.destroy();
  } else {
    const doc = await ingestFile(file, { ocr: 'off', timeoutMs: TIMEOUT });
    pages = doc.pageCount;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, pages, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

/**
 * Character error rate: lines are aligned in order (equal lines resynchronise within a
 * window of 40 lines), and the edit distance of each unmatched stretch is added up.
 */
function cer(truth: string[], got: string[]): number {
  let i = 0;
  let j = 0;
  let edits = 0;
  const total = truth.join('\n').length;
  const chunk = (a: string[], b: string[]): number => {
    const x = a.join('\n');
    const y = b.join('\n');
    return x.length * y.length > 4e7 ? Math.max(x.length, y.length) : levenshtein(x, y);
  };
  while (i < truth.length || j < got.length) {
    if (i < truth.length && j < got.length && truth[i] === got[j]) {
      i++;
      j++;
      continue;
    }
    let found: [number, number] | null = null;
    outer: for (let d = 1; d <= 80; d++) {
      for (let di = 0; di <= d; di++) {
        const ii = i + di;
        const jj = j + (d - di);
        if (ii < truth.length && jj < got.length && truth[ii] === got[jj]) {
          found = [ii, jj];
          break outer;
        }
      }
    }
    const [ni, nj] = found ?? [truth.length, got.length];
    edits += chunk(truth.slice(i, ni), got.slice(j, nj));
    i = ni;
    j = nj;
  }
  return total === 0 ? 0 : edits / total;
}

function countOf(hay: string[], re: RegExp): number {
  let n = 0;
  for (const h of hay) n += h.match(re)?.length ?? 0;
  return n;
}

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;
function tokens(lines: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) for (const t of l.toLowerCase().match(WORD) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Compounds whose hyphen was dropped, and hyphenation breaks left in, by token counts. */
function hyphenErrors(truth: string[], got: string[]): { wronglyJoined: number; unjoined: number; examples: string[] } {
  const t = tokens(truth);
  const g = tokens(got);
  let wronglyJoined = 0;
  let unjoined = 0;
  const examples: string[] = [];
  for (const [tok, n] of t) {
    if (!tok.includes('-')) continue;
    const solid = tok.replace(/-/g, '');
    const extra = (g.get(solid) ?? 0) - (t.get(solid) ?? 0);
    const missing = n - (g.get(tok) ?? 0);
    const wrong = Math.min(Math.max(0, extra), Math.max(0, missing));
    if (wrong > 0) {
      wronglyJoined += wrong;
      if (examples.length < 8) examples.push(`${tok}→${solid}×${wrong}`);
    }
  }
  for (const [tok, n] of g) {
    if (!tok.includes('-')) continue;
    const extra = n - (t.get(tok) ?? 0);
    if (extra > 0) {
      unjoined += extra;
      if (examples.length < 16) examples.push(`kept ${tok}×${extra}`);
    }
  }
  return { wronglyJoined, unjoined, examples };
}

function pct(x: number): string {
  return (x * 100).toFixed(2) + '%';
}

function table(rows: (string | number)[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(widths[c]!)).join('  '));
  console.log();
}

// ---------- quality ----------
const QUALITY: [pdf: string, truth: string][] = [
  ['sample_ru.pdf', 'sample_ru.truth.txt'],
  ['sample_ru_tagged.pdf', 'sample_ru.truth.txt'],
  ['gs_redistilled.pdf', 'sample_ru.truth.txt'],
  ['enc_ownerpw_rc4_noextract.pdf', 'sample_ru.truth.txt'],
  ['sample_kk.pdf', 'sample_kk.truth.txt'],
  ['twocol.pdf', 'twocol.truth.txt'],
  ['long_301p.pdf', 'long_301p.truth.txt'],
  ['type3_cyrillic.pdf', 'type3_cyrillic.truth.txt'],
  ['nonemb_cp1251_winansi.pdf', 'nonemb.truth.txt'],
  ['nonemb_differences.pdf', 'nonemb.truth.txt'],
];
// Running header and footer of the fixtures (as rendered; see ../shared/data/README.md).
const FURNITURE = [/Стратегия развития города Караганды до 2030 года/g, /Страница \d+ из \d+/g];

console.log('## Quality (ocr off): truth lines reproduced exactly as one block, CER, furniture leaked into blocks');
const qRows: (string | number)[][] = [['file', 'status', 'truth lines', 'exact', 'CER', 'furniture leaked']];
let longDoc: IngestedDocument | null = null;
let longTruth: string[] = [];
for (const [pdf, truthFile] of QUALITY) {
  const truth = truthLines(`${DATA}/${truthFile}`);
  const doc = await ingestFile(`${DATA}/${pdf}`, { ocr: 'off', timeoutMs: TIMEOUT });
  const got = blocksOf(doc);
  const leaked = FURNITURE.reduce((n, re) => n + Math.max(0, countOf(got, re) - countOf(truth, re)), 0);
  qRows.push([pdf, doc.status, truth.length, pct(exactShare(truth, got)), pct(cer(truth, got)), leaked]);
  if (pdf === 'long_301p.pdf') {
    longDoc = doc;
    longTruth = truth;
  }
}
table(qRows);

if (longDoc) {
  const h = hyphenErrors(longTruth, blocksOf(longDoc));
  console.log('## long_301p.pdf line-end hyphens');
  table([
    ['wrongly joined compounds', 'unjoined soft breaks', 'examples'],
    [h.wronglyJoined, h.unjoined, h.examples.join(', ') || '-'],
  ]);
}

// ---------- triage ----------
// Expected outcome per fixture with OCR off, from the table in ../shared/data/README.md.
const EXPECTED: Record<string, string> = {
  'sample_ru.pdf': 'ok', 'sample_ru_tagged.pdf': 'ok', 'sample_kk.pdf': 'ok', 'twocol.pdf': 'ok', 'long_301p.pdf': 'ok',
  'scanned_page.pdf': 'needs_ocr [no_text]', 'scanned_doc.pdf': 'needs_ocr [no_text]', 'mixed_scanned.pdf': 'partial [ok,no_text,ok]',
  'no_tounicode.pdf': 'needs_ocr [garbled]', 'ps2pdf_roundtrip.pdf': 'needs_ocr [garbled]', 'outlined_text.pdf': 'needs_ocr [no_text]',
  'nonemb_differences.pdf': 'ok', 'nonemb_cp1251_winansi.pdf': 'ok [repaired]', 'type3_cyrillic.pdf': 'ok',
  'gs_redistilled.pdf': 'ok', 'enc_userpw_aes256.pdf': 'encrypted', 'enc_ownerpw_rc4_noextract.pdf': 'ok',
  'truncated_sample_60pct.pdf': 'corrupt', 'corrupt_sample.pdf': 'corrupt', 'html_saved_as.pdf': 'not_a_document', 'empty.pdf': 'empty',
};
function summarize(doc: IngestedDocument): string {
  const kinds = [...new Set(doc.pages.map((p) => p.triage))];
  const pages = doc.pages.map((p) => p.triage);
  const detail = kinds.length === 0 || (kinds.length === 1 && kinds[0] === 'ok') ? '' : kinds.length === 1 ? ` [${kinds[0]}]` : ` [${pages.join(',')}]`;
  return doc.status + detail;
}
console.log('## Triage of every fixture (ocr off) vs ../shared/data/README.md');
const tRows: (string | number)[][] = [['file', 'expected', 'got', 'match', 'message']];
let matches = 0;
for (const [file, expected] of Object.entries(EXPECTED)) {
  const doc = await ingestFile(`${DATA}/${file}`, { ocr: 'off', timeoutMs: TIMEOUT });
  const got = summarize(doc);
  if (got === expected) matches++;
  tRows.push([file, expected, got, got === expected ? 'yes' : 'NO', doc.message.slice(0, 90)]);
}
table(tRows);
console.log(`triage matches: ${matches}/${Object.keys(EXPECTED).length}\n`);

// ---------- speed and memory ----------
const self = fileURLToPath(import.meta.url);
const long = `${DATA}/long_301p.pdf`;
interface ChildRun { ms: number; cpuMs: number; pages: number; maxRssMb: number }
function child(mode: string): ChildRun {
  const r = spawnSync(process.execPath, [self, '--child', mode, long], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildRun;
}
/**
 * Alternates raw and full runs and keeps each one's fastest: the machine is shared. Five
 * rounds, not three: on a loaded machine single runs of either vary by ±30%, more than the
 * reconstruction costs, and three rounds let one lucky raw run decide the overhead.
 */
function bestOf(n: number): { raw: ChildRun; full: ChildRun } {
  let raw: ChildRun | null = null;
  let full: ChildRun | null = null;
  for (let i = 0; i < n; i++) {
    const a = child('raw');
    const b = child('ingest');
    if (!raw || a.cpuMs < raw.cpuMs) raw = a;
    if (!full || b.cpuMs < full.cpuMs) full = b;
  }
  return { raw: raw!, full: full! };
}
console.log('## Speed on long_301p.pdf (2 shared cores, other jobs running: indicative)');
const t0 = performance.now();
const pt = spawnSync('pdftotext', [long, '-'], { maxBuffer: 1 << 28 });
const pdftotextMs = performance.now() - t0;
const ROUNDS = 5;
const { raw, full } = bestOf(ROUNDS);
const pagesN = full.pages;
const pdftotextCpu = (() => {
  const c = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; { time pdftotext '${long}' - >/dev/null; } 2>&1`], { encoding: 'utf8' });
  const [u = 0, s = 0] = c.stdout.trim().split(/\s+/).map(Number);
  return (u + s) * 1000;
})();
table([
  [`tool (best of ${ROUNDS})`, 'wall s', 'CPU s', 'pages/s (wall)', 'pages/s (CPU)', 'peak RSS MB'],
  ['pdftotext', pt.status === 0 ? (pdftotextMs / 1000).toFixed(2) : 'n/a', (pdftotextCpu / 1000).toFixed(2), pt.status === 0 ? (pagesN / (pdftotextMs / 1000)).toFixed(0) : 'n/a', (pagesN / (pdftotextCpu / 1000)).toFixed(0), '-'],
  ['pdfjs getTextContent only', (raw.ms / 1000).toFixed(2), (raw.cpuMs / 1000).toFixed(2), (raw.pages / (raw.ms / 1000)).toFixed(0), (raw.pages / (raw.cpuMs / 1000)).toFixed(0), raw.maxRssMb.toFixed(0)],
  ['ingestFile (reconstruction)', (full.ms / 1000).toFixed(2), (full.cpuMs / 1000).toFixed(2), (pagesN / (full.ms / 1000)).toFixed(0), (pagesN / (full.cpuMs / 1000)).toFixed(0), full.maxRssMb.toFixed(0)],
]);
const over = (a: number, b: number): string => (((a - b) / b) * 100).toFixed(1) + '%';
console.log(`reconstruction overhead over raw pdfjs: CPU ${over(full.cpuMs, raw.cpuMs)}, wall ${over(full.ms, raw.ms)} (target <= 25%); peak RSS ${full.maxRssMb.toFixed(0)} MB (target < 300 MB)\n`);

// ---------- OCR ----------
console.log('## OCR word recovery (scanned_page.pdf, mixed_scanned.pdf)');
if (!existsSync(new URL('../src/ingest/ocr.js', import.meta.url))) {
  console.log('OCR module not built: skipped\n');
} else {
  const { probeOcr } = await import('../src/ingest/ocr.js');
  const probe = await probeOcr();
  if (!probe.available) {
    console.log(`OCR not available: ${probe.install}\n`);
  } else {
    // The scans are renderings of sample_ru.pdf pages: expected words come from that file's
    // text layer, page by page; a scanned page is compared with the page it overlaps most.
    const ref = await ingestFile(`${DATA}/sample_ru.pdf`, { ocr: 'off', timeoutMs: TIMEOUT });
    const refPages = ref.pages.map((p) => tokens(p.blocks.map((b) => b.text)));
    const oRows: (string | number)[][] = [['file', 'page', 'status', 'words expected', 'recovered']];
    for (const file of ['scanned_page.pdf', 'mixed_scanned.pdf']) {
      const doc = await ingestFile(`${DATA}/${file}`, { ocr: 'auto', timeoutMs: 120_000 });
      for (const p of doc.pages.filter((pg) => pg.ocr)) {
        const got = tokens(p.blocks.map((b) => b.text));
        let best = { expected: 0, hit: 0 };
        for (const want of refPages) {
          let expected = 0;
          let hit = 0;
          for (const [w, n] of want) {
            expected += n;
            hit += Math.min(n, got.get(w) ?? 0);
          }
          if (hit > best.hit) best = { expected, hit };
        }
        oRows.push([file, p.number, doc.status, best.expected, pct(best.hit / Math.max(1, best.expected))]);
      }
    }
    table(oRows);
  }
}
