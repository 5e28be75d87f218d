// Finds on which PDF page each hand-coded annotation of a corpus source lies, and checks
// that the coding is complete: every occurrence of the word family «кластер» in the PDF's
// text layer must fall inside an annotated sentence, list item, heading or TOC line.
//
// Usage:
//   node locate.mjs toc  PDF ANNOTATIONS.json OUT-TOC-PAGES.json
//   node locate.mjs gold PDF ANNOTATIONS.json FILE-NAME-IN-CORPUS  >> rows (CSV, no header)
//   node locate.mjs page PDF ANNOTATIONS.json PHRASE                 -> page number
//
// Text comes from `pdftotext -raw` (content-stream order: LibreOffice writes a table cell by
// cell, where the layout modes interleave the lines of neighbouring cells).
// Matching is on a key that keeps only letters and digits, lower-cased, so line breaks,
// automatic hyphenation («клас-|теров»), dot leaders and spacing do not matter.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const [, , mode, pdf, annPath, out] = process.argv;
const ann = JSON.parse(readFileSync(annPath, 'utf8'));

function key(s) { return s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, ''); }

const nPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
const pageKeys = [];
// The running header (first line) and the footer (last line: «Страница N из M» or N) are
// dropped, so a sentence that runs over a page break is still one contiguous key.
for (let p = 1; p <= nPages; p++) {
  const lines = execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' })
    .split('\n').map((l) => l.trim()).filter((l) => l && l !== '\f');
  if (ann.header && lines[0] === ann.header.trim()) lines.shift();
  const last = lines.at(-1) ?? '';
  if (last === `Страница ${p} из ${nPages}` || last === String(p)) lines.pop();
  pageKeys.push(key(lines.join('\n')));
}
const starts = [];
let full = '';
for (const k of pageKeys) { starts.push(full.length); full += k; }
const pageAt = (i) => { let p = 0; while (p + 1 < starts.length && starts[p + 1] <= i) p++; return p + 1; };

function find(text, from) {
  const k = key(text);
  let i = full.indexOf(k, from);
  if (i < 0) i = full.indexOf(k);
  return { i, len: k.length };
}

if (mode === 'toc') {
  // Content starts after the page that holds the TOC (page 2 in every corpus document).
  let cursor = starts[2] ?? 0;
  const pages = ann.headings.map((h) => {
    const { i, len } = find(h.text, cursor);
    if (i < 0) { console.error(`${pdf}: heading not found: ${h.text}`); process.exit(1); }
    cursor = i + len;
    return pageAt(i);
  });
  writeFileSync(out, JSON.stringify(pages));
} else if (mode === 'gold') {
  const spans = [];
  let cursor = 0;
  let bad = 0;
  const rows = [];
  for (const a of ann.annotations) {
    const { i, len } = find(a.text, cursor);
    if (i < 0) { console.error(`${pdf}: annotated text not found in the PDF: ${a.text}`); bad++; continue; }
    cursor = i + 1;
    spans.push([i, i + len, a]);
    if (a.label !== 'none' && !/кластер/i.test(a.text)) { console.error(`${pdf}: ${a.label} without a кластер form: ${a.text}`); bad++; }
    if (a.label === 'none' && /кластер/i.test(a.text)) { console.error(`${pdf}: none-row holds a кластер form: ${a.text}`); bad++; }
    // A DOCX has no pages: its gold "page" is the section number strategy-miner gives it
    // (1 = before the first top-level heading, then one per top-level heading).
    const page = ann.format === 'docx' ? a.h1 + 1 : pageAt(i);
    rows.push([out, String(page), a.text, a.label, a.sectors]);
  }
  // Completeness: each occurrence of «кластер» must be inside an annotated span.
  for (let j = full.indexOf('кластер'); j >= 0; j = full.indexOf('кластер', j + 1)) {
    if (!spans.some(([s, e, a]) => a.label !== 'none' && j >= s && j < e)) {
      console.error(`${pdf}: page ${pageAt(j)}: uncoded occurrence: …${full.slice(Math.max(0, j - 40), j + 30)}…`);
      bad++;
    }
  }
  if (bad) process.exit(1);
  const csv = (f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  process.stdout.write(rows.map((r) => r.map(csv).join(',')).join('\n') + (rows.length ? '\n' : ''));
} else if (mode === 'page') {
  // The page that holds a phrase (the page the build turns into an image-only scan).
  const { i } = find(out, starts[2] ?? 0); // after the title page and the TOC
  if (i < 0) { console.error(`${pdf}: phrase not found: ${out}`); process.exit(1); }
  process.stdout.write(String(pageAt(i)) + '\n');
} else {
  console.error('mode must be toc, gold or page');
  process.exit(2);
}
