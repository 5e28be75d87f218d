import { parseTesseractTsv } from '/work/wt-12/dist/src/ingest/ocr/tsv.js';
import { ocrLayout } from '/work/wt-12/dist/src/ingest/pdf/ocr-lines.js';
import fs from 'node:fs';
const p = parseTesseractTsv(fs.readFileSync('/tmp/wt12-sp.tsv','utf8'));
const { lines, context } = ocrLayout(p.lines, p.height);
console.log('body', context.bodySize, 'lead', context.leading(0));
for (const l of lines.slice(0, 14)) console.log(l.y.toFixed(1), l.x0.toFixed(1), l.x1.toFixed(1), l.size, l.segments.length, l.text.slice(0, 50));
