import { parseTesseractTsv } from '/work/wt-12/dist/src/ingest/ocr/tsv.js';
import { ocrLayout } from '/work/wt-12/dist/src/ingest/pdf/ocr-lines.js';
import fs from 'node:fs';
const p = parseTesseractTsv(fs.readFileSync('/tmp/wt12-p3.tsv','utf8'));
const { lines, context } = ocrLayout(p.lines, p.height);
console.log('body', context.bodySize, 'lead', context.leading(0));
p.lines.forEach((l, i) => { const L = lines[i]; if (L && /колонка|кластер остаётся|Численность|тий/.test(L.text)) console.log(l.paragraph, L.y.toFixed(1), L.x0.toFixed(0), L.x1.toFixed(0), L.segments.length, L.text.slice(0, 70)); });
