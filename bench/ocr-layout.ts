// OCR layout: do the sentences of scanned pages come out whole? The scanned fixtures of
// ../shared/data/pdf are images of sample_ru.pdf's pages; their truth files
// (test/fixtures/ocr/*.truth.txt, scripts/fixtures/make-ocr-truth.ts) hold the truth lines of
// the pages shown. Each truth line is cut into sentences and list items by the project's own
// segmenter; a truth sentence is whole when one unit of the OCR'd pages matches it, letters and
// digits compared, with at most 10% of characters different (OCR misreads letters; a unit cut
// in two or glued to the next sentence differs by far more). Needs tesseract. Run: make bench-ocr-layout
import { ingestFile } from '../src/ingest/index.js';
import { documentUnits } from '../src/text/units.js';
import { segmentText } from '../src/text/segment/index.js';
import { levenshtein, truthLines } from './truth.js';
import { probeOcr } from '../src/ingest/ocr.js';

const TARGET = 0.98;
const SIMILAR = 0.9;
const FIXTURES = ['scanned_page', 'scanned_doc', 'mixed_scanned'];
const key = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, '');

if (!(await probeOcr()).available) {
  console.log('OCR is not available (apt-get install -y tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz poppler-utils): nothing measured');
  process.exit(0);
}
console.log('## OCR layout: truth sentences that come out as one whole unit');
let allWhole = 0;
let allTotal = 0;
// The sandwich PDF (a page image under tesseract's invisible text, scripts/fixtures/make-sandwich-pdf.ts)
// is read twice: trusting its hidden text layer, and OCR'd again.
// The Ghostscript PDF (scripts/fixtures/make-ps2pdf-pdf.ts) lost its Unicode maps on the way
// through PostScript, so its page is OCR'd too: a LaTeX page with a ruled table.
const OCR_TRUTH = (name: string): string => `test/fixtures/ocr/${name}.truth.txt`;
const RUNS = [
  ...FIXTURES.map((name) => ({ name, pdf: `../shared/data/pdf/${name}.pdf`, truth: OCR_TRUTH(name), ocr: 'auto' as const })),
  { name: 'sandwich, hidden text layer', pdf: 'test/fixtures/pdf/tesseract_sandwich.pdf', truth: OCR_TRUTH('scanned_page'), ocr: 'off' as const },
  { name: 'sandwich, OCR again', pdf: 'test/fixtures/pdf/tesseract_sandwich.pdf', truth: OCR_TRUTH('scanned_page'), ocr: 'force' as const },
  { name: 'ps2pdf (Ghostscript), OCR', pdf: 'test/fixtures/pdf/ps2pdf.pdf', truth: 'test/fixtures/pdf/ps2pdf.truth.txt', ocr: 'auto' as const },
];
for (const { name, pdf, truth, ocr } of RUNS) {
  const sentences = truthLines(truth).flatMap((line) => segmentText(line, 'rus').map((s) => s.text));
  const doc = await ingestFile(pdf, { ocr, timeoutMs: 300_000 });
  const units = documentUnits(doc).units.filter((u) => u.ocr || ocr === 'off').map((u) => key(u.text));
  const missed: string[] = [];
  for (const s of sentences) {
    const k = key(s);
    const whole = units.some((u) => Math.abs(u.length - k.length) <= (1 - SIMILAR) * k.length && 1 - levenshtein(u, k) / Math.max(u.length, k.length) >= SIMILAR);
    if (!whole) missed.push(s);
  }
  const share = (sentences.length - missed.length) / sentences.length;
  if (FIXTURES.includes(name)) {
    allWhole += sentences.length - missed.length;
    allTotal += sentences.length;
  }
  console.log(`${name.padEnd(28)} ${(share * 100).toFixed(1).padStart(5)}%  (${sentences.length - missed.length} of ${sentences.length})  target ≥ ${TARGET * 100}%  ${share >= TARGET ? 'met' : 'MISSED'}`);
  for (const m of missed) console.log(`    not whole: ${m.slice(0, 110)}`);
}
console.log(`${'all scanned fixtures'.padEnd(28)} ${((allWhole / allTotal) * 100).toFixed(1).padStart(5)}%  (${allWhole} of ${allTotal})`);
