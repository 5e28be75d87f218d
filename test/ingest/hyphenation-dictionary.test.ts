// Line-end hyphens decided by dictionary evidence when the document gives none (an empty
// vocabulary). The compounds are the four a real strategy lost, and words of the benchmark
// lists (bench/data/hyphen-compounds.txt, hyphen-solid.txt, from real text in ../shared/data);
// `make bench-hyphenation` measures the whole lists.
import { describe, expect, test } from 'vitest';
import { emptyVocabulary, joinLines, keepsHyphen } from '../../src/ingest/hyphenation.js';
import { isDictionaryForm } from '../../src/ingest/word-forms.js';

const vocab = emptyVocabulary();
const keeps = (left: string, right: string): boolean => keepsHyphen(`развитие ${left}`, `${right} и`, vocab);

describe('keepsHyphen with the hunspell word forms', () => {
  test('the four compounds a real strategy joined wrongly keep their hyphen', () => {
    expect(joinLines(['производство кузнечно-', 'прессового оборудования'], vocab)).toBe('производство кузнечно-прессового оборудования');
    expect(joinLines(['проведение мастер-', 'классов для предпринимателей'], vocab)).toBe('проведение мастер-классов для предпринимателей');
    expect(joinLines(['форум «Евразия-', 'регион»'], vocab)).toBe('форум «Евразия-регион»');
    expect(joinLines(['закупка фрезерно-', 'брусующую линию'], vocab)).toBe('закупка фрезерно-брусующую линию');
  });

  test('productive first parts, particles, по-adverbs, abbreviations with a case ending, Kazakh paired words', () => {
    for (const [l, r] of [['бизнес', 'инкубатора'], ['интернет', 'магазинов'], ['медиа', 'холдинга'], ['кто', 'то'], ['по', 'видимому'], ['АҚШ', 'пен'], ['ата', 'анасы'], ['іс', 'шаралар'], ['сондай', 'ақ'], ['келе', 'келе']]) {
      expect(keeps(l!, r!), `${l}-${r}`).toBe(true);
    }
  });

  test('typesetters\' breaks of solid words are joined, also after a first part that Russian writes solid', () => {
    for (const [l, r] of [['под', 'держки'], ['класте', 'ров'], ['при', 'рода'], ['одно', 'временно'], ['техно', 'парк'], ['агро', 'холдинга'], ['Госу', 'дарственная'], ['Дея', 'тельность']]) {
      expect(keeps(l!, r!), `${l}|${r}`).toBe(false);
    }
  });

  test('the word forms hold both dictionaries, lower-cased with ё as е', () => {
    expect(isDictionaryForm('поддержки')).toBe(true);
    expect(isDictionaryForm('Кластеров')).toBe(true);
    expect(isDictionaryForm('қалыптастыру')).toBe(true);
    expect(isDictionaryForm('ещё')).toBe(true);
    expect(isDictionaryForm('кузнечнопрессового')).toBe(false);
    expect(isDictionaryForm('мастерклассов')).toBe(false);
  });
});
