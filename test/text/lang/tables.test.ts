// The typed-array lookup tables behind the detector's hot loops (src/text/lang/int-table.ts,
// trigrams.ts). Their job is speed; these tests pin that they answer exactly like the plain
// structures they replaced.
import { data } from 'franc/data.js';
import { describe, expect, it } from 'vitest';
import { IntTable } from '../../../src/text/lang/int-table.js';
import { TrigramScorer } from '../../../src/text/lang/trigrams.js';

describe('IntTable', () => {
  it('finds every stored key and answers -1 for the others', () => {
    const entries = Array.from({ length: 5000 }, (_, i): [number, number] => [(i * 7919) % 0x7fffffff, i]);
    const table = IntTable.from(entries);
    for (const [k, v] of entries) expect(table.get(k)).toBe(v);
    expect(table.get(1)).toBe(-1);
    expect(table.get(0x7ffffffe)).toBe(-1);
  });

  it('refuses keys that are not 31-bit integers', () => {
    expect(() => IntTable.from([[2 ** 31, 1]])).toThrow(/31-bit/);
    expect(() => IntTable.from([[-1, 1]])).toThrow(/31-bit/);
  });
});

const CYRILLIC: Record<string, string> = data['Cyrillic'] ?? {};

describe('TrigramScorer', () => {
  // The same naive Bayes written the slow way: strings and a Map per language.
  function reference(text: string, lang: string): number {
    const trigrams = CYRILLIC[lang]!.split('|');
    let z = 0;
    for (let r = 0; r < trigrams.length; r++) z += 1 / (r + 10);
    const logp = new Map(trigrams.map((g, r) => [g, Math.log((0.5 * (1 / (r + 10))) / z)]));
    const unseen = Math.log(0.5 / 20_000);
    const all = new Set(Object.values(CYRILLIC).flatMap((raw) => raw.split('|')));
    const padded = ` ${text} `;
    let score = 0;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      if (!all.has(g)) continue;
      score += logp.get(g) ?? unseen;
    }
    return score;
  }

  it('scores like the string-keyed model', () => {
    const langs = ['rus', 'ukr', 'bul', 'kaz'];
    const scorer = new TrigramScorer(Object.keys(CYRILLIC));
    // A sentence written for this test.
    const words = ['город', 'развивает', 'кластер', 'машиностроения'];
    const got = new Map(scorer.scores(words, langs));
    for (const lang of langs) expect(got.get(lang)).toBeCloseTo(reference(words.join(' '), lang), 3);
  });
});
