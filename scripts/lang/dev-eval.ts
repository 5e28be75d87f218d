// Development measurements for the language detector, on data that is NOT the evaluation
// data of bench/lang.ts: the Russian and Kazakh UD sentences in ../shared/data/segmentation
// (ru_pud, ru_gsd, kk_ktb; see its README), and word pairs / single words cut from them
// (lower case, words of at least 3 letters, each distinct item once), plus the few
// sentences this project wrote itself in test/text/lang. Weights in src/text/lang were
// chosen by comparing values on these figures.
//   npx tsc -p tsconfig.json && node_modules/.bin/node dist/scripts/lang/dev-eval.js [--errors]
// --errors lists wrong labels; the last table (accuracy by confidence, over the word pairs,
// single words and sentences of fewer than 40 letters) is what src/text/units.ts's
// UNIT_LANG_MIN_CONFIDENCE was calibrated on.
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../../src/text/lang/index.js';

const DIR = '../shared/data/segmentation';
const SETS: [string, string[]][] = [
  ['rus', ['ru_pud_sents.txt', 'ru_gsd_sents.txt']],
  ['kaz', ['kk_ktb_sents.txt']],
];

function sentences(file: string): string[] {
  return readFileSync(`${DIR}/${file}`, 'utf8')
    .split('\n')
    .flatMap((line) => line.split('|'))
    .map((s) => s.replace(/\\n/g, ' ').trim())
    .filter((s) => s.length > 0);
}

function cut(sents: string[], size: number): string[] {
  const out = new Set<string>();
  for (const s of sents) {
    const words = (s.match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 3).map((w) => w.toLowerCase());
    for (let i = 0; i + size <= words.length; i += size) out.add(words.slice(i, i + size).join(' '));
  }
  return [...out];
}

const BUCKETS = [0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01];

function main(): void {
  const showErrors = process.argv.includes('--errors');
  const byConfidence = BUCKETS.map(() => ({ n: 0, ok: 0 }));
  for (const [lang, files] of SETS) {
    const sents = files.flatMap(sentences);
    for (const [kind, items] of [
      ['sentences', sents],
      ['word pairs', cut(sents, 2)],
      ['single words', cut(sents, 1)],
    ] as const) {
      const wrong = items.filter((t) => detectLanguage(t).lang !== lang);
      for (const t of items) {
        if (kind === 'sentences' && (t.match(/\p{L}/gu)?.length ?? 0) >= 40) continue;
        const g = detectLanguage(t);
        const b = byConfidence[BUCKETS.findIndex((x) => g.confidence < x)]!;
        b.n++;
        if (g.lang === lang) b.ok++;
      }
      const acc = (100 * (items.length - wrong.length)) / items.length;
      console.log(`${lang} ${kind.padEnd(13)} ${String(items.length).padStart(5)}  ${acc.toFixed(2)}%`);
      if (showErrors) for (const t of wrong.slice(0, 40)) console.log(`    ${detectLanguage(t).lang}  ${t.slice(0, 100)}`);
    }
  }
  console.log('\nShort spans by confidence (both languages): items, % right');
  BUCKETS.forEach((b, i) => {
    const { n, ok } = byConfidence[i]!;
    const from = i === 0 ? 0 : BUCKETS[i - 1]!;
    if (n > 0) console.log(`  ${from.toFixed(2)}–${Math.min(b, 1).toFixed(2)}  ${String(n).padStart(6)}  ${((100 * ok) / n).toFixed(1)}%`);
  });
}

main();
