// Scores the segmenter on the gold partitions in ../shared/data/segmentation (format in
// ../shared/data/README.md) and checks that no input text is ever lost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/text/segment/index.js';
import { parsePartitionLine, scoreBoundaries } from '../../../src/text/segment/partition.js';
import { assertCovers } from './helpers.js';

const DATA = '../shared/data/segmentation';

function cases(file: string) {
  return readFileSync(`${DATA}/${file}`, 'utf8').split('\n').filter((l) => l.trim() !== '').map(parsePartitionLine);
}

function errorsPerThousand(file: string, lang: string): number {
  let gold = 0;
  let errors = 0;
  for (const c of cases(file)) {
    const s = scoreBoundaries(c.sentences, segmentText(c.text, lang).map((x) => [x.start, x.end] as [number, number]));
    gold += s.gold;
    errors += s.falseSplits + s.missedSplits;
  }
  return (1000 * errors) / gold;
}

describe('partition format', () => {
  it('reads chunks, gaps and literal \\n (format of ../shared/data/README.md)', () => {
    const c = parsePartitionLine('Первое.| |Второе\\nстрока.|  |Третье');
    expect(c.text).toBe('Первое. Второе\nстрока.  Третье');
    expect(c.sentences.map(([s, e]) => c.text.slice(s, e))).toEqual(['Первое.', 'Второе\nстрока.', 'Третье']);
  });
  it('counts false and missed boundaries by the end of the sentence before them', () => {
    expect(scoreBoundaries([[0, 5], [6, 10], [11, 15]], [[0, 10], [11, 13], [14, 15]])).toEqual({
      gold: 2, falseSplits: 1, missedSplits: 1,
    });
  });
});

describe('gold segmentation data', () => {
  it('gets every razdel unit case right (razdel_unit_sents.txt)', () => {
    for (const c of cases('razdel_unit_sents.txt')) {
      const got = segmentText(c.text, 'rus').map((s) => c.text.slice(s.start, s.end));
      expect(got).toEqual(c.sentences.map(([s, e]) => c.text.slice(s, e)));
    }
  });

  // Targets of issue 5; the benchmark (make bench-segment) prints the exact figures.
  it.each([
    ['ru_pud_sents.txt', 'rus', 7],
    ['ru_gsd_sents.txt', 'rus', 20],
    ['kk_ktb_sents.txt', 'kaz', 20],
  ])('%s stays within %s errors per 1000 boundaries (target %i)', (file, lang, target) => {
    expect(errorsPerThousand(file, lang)).toBeLessThanOrEqual(target);
  });

  it('never loses text: segments and whitespace gaps rebuild every gold case', () => {
    for (const file of ['ru_pud_sents.txt', 'ru_gsd_sents.txt', 'kk_ktb_sents.txt', 'razdel_unit_sents.txt']) {
      for (const c of cases(file)) assertCovers(c.text, segmentText(c.text));
    }
  });
});
