// Rule examples are sentences written for the rules, never lines of the data the rules are
// measured on: the hand-coded corpus gold (corpus/gold/mentions.csv), the development set
// (../shared/data/mentions/dev.tsv) and the contrast set (../shared/data/mentions/contrast.tsv).
// An example that shares a run of 7 words with one of them is reported.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../../src/rules/index.js';

const RUN = 7;
const words = (s: string): string[] => s.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
function runs(s: string): string[] {
  const w = words(s);
  const out: string[] = [];
  for (let i = 0; i + RUN <= w.length; i++) out.push(w.slice(i, i + RUN).join(' '));
  return out;
}

let sets: RuleSet[] = [];
beforeAll(async () => {
  for (const topic of ['cluster', 'sez']) {
    const r = await loadRuleSet('rules', topic);
    if (!r.ok) throw new Error('rules do not load');
    sets.push(r.ruleSet);
  }
});

function dataRuns(): Map<string, string> {
  const where = new Map<string, string>();
  const add = (text: string, source: string): void => {
    for (const r of runs(text)) if (!where.has(r)) where.set(r, source);
    // Short lines (bare list items) count whole.
    if (words(text).length < RUN && words(text).length >= 3) where.set(words(text).join(' '), source);
  };
  const gold = parse(readFileSync('corpus/gold/mentions.csv', 'utf8'), { columns: true }) as { file: string; text: string }[];
  for (const g of gold) add(g.text, `corpus/gold/mentions.csv (${g.file})`);
  for (const [file, col] of [['../shared/data/mentions/dev.tsv', 5], ['../shared/data/mentions/contrast.tsv', 8]] as const) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.split('\t');
      if (f[col]) add(f[col]!, `${file} ${f[0]}`);
    }
  }
  return where;
}

describe('rule examples', () => {
  it('share no run of 7 words (or a whole short line) with the corpus gold, dev.tsv or contrast.tsv', () => {
    const data = dataRuns();
    const copied: string[] = [];
    for (const rs of sets) {
      for (const rule of rs.rules) {
        for (const { example, pos } of [...rule.examples.match, ...rule.examples.noMatch]) {
          const w = words(example.text);
          const keys = w.length < RUN ? [w.join(' ')] : runs(example.text);
          const hit = keys.find((k) => data.has(k));
          if (hit) copied.push(`${pos.file}:${pos.line} [${rule.id}] «${example.text}» ~ ${data.get(hit)}`);
        }
      }
    }
    expect([...new Set(copied)]).toEqual([]);
  });
});
