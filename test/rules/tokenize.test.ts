// Tokens keep exact character offsets and lose no text (the invariants later stages and
// explain rely on), over real sentences of ../shared/data/langid/sentences/{ru,kk}.txt.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchKey, normalizeText } from '../../src/text/normalize.js';
import { tokenize } from '../../src/rules/tokenize.js';

describe('tokenize', () => {
  it('keeps compounds with their parts and unifies dashes', () => {
    const toks = tokenize('IT-кластер и мақта-тоқыма — «туристско - рекреационный»');
    expect(toks.map((t) => t.key)).toEqual(['it-кластер', 'и', 'мақта-тоқыма', '-', '«', 'туристско-рекреационный', '»']);
    expect(toks[0]!.parts).toEqual(['it', 'кластер']);
    expect(toks[5]!.wordIndex).toBe(3);
  });
  it('does not join a dash between a noun and a number', () => {
    expect(tokenize('кластеров - 2').map((t) => t.key)).toEqual(['кластеров', '-', '2']);
    expect(tokenize('кластер - группа').map((t) => t.key)).toEqual(['кластер', '-', 'группа']);
  });
  for (const lang of ['ru', 'kk']) {
    it(`covers every non-space character of ${lang}.txt with in-bounds, ordered offsets`, () => {
      const lines = readFileSync(`../shared/data/langid/sentences/${lang}.txt`, 'utf8').split('\n').filter((l) => l.trim());
      for (const raw of lines) {
        const text = normalizeText(raw);
        const key = matchKey(text);
        const toks = tokenize(text);
        let covered = '';
        let last = 0;
        for (const t of toks) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeLessThanOrEqual(text.length);
          if (!t.key.includes('-') || t.isWord === false) {
            if (t.isWord) expect(key.slice(t.start, t.end).replace(/’/g, "'")).toBe(t.key);
          }
          covered += text.slice(last, t.start).replace(/\s/gu, '') === '' ? '' : '!';
          last = t.end;
        }
        expect(covered).toBe('');
        expect(text.slice(last).trim()).toBe('');
      }
    });
  }
});
