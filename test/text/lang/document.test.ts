import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BILINGUAL_MIN_SHARE, detectLanguage, documentLanguages } from '../../../src/text/lang/index.js';

// Blocks written for these tests: a document with a Russian half and a Kazakh half.
const RU = [
  'Стратегия социально-экономического развития города до 2030 года определяет цели и задачи.',
  'Приоритетом является формирование туристско-рекреационного кластера.',
  'Поддержка малого и среднего предпринимательства остаётся важной задачей администрации.',
];
const KK = [
  'Қаланы дамыту стратегиясы 2030 жылға дейінгі мақсаттар мен міндеттерді айқындайды.',
  'Басым бағыт туристік кластерді қалыптастыру болып табылады.',
  'Шағын және орта кәсіпкерлікті қолдау әкімдіктің маңызды міндеті болып қала береді.',
];

function spans(texts: string[]): { text: string; lang: string }[] {
  return texts.map((text) => ({ text, lang: detectLanguage(text).lang }));
}

describe('documentLanguages', () => {
  it('reports a document with Russian and Kazakh halves as bilingual with both shares', () => {
    const result = documentLanguages(spans([...RU, ...KK]));
    expect(result.bilingual).toBe(true);
    expect(result.languages.map((l) => l.lang).sort()).toEqual(['kaz', 'rus']);
    for (const l of result.languages) expect(l.share).toBeGreaterThan(0.4);
    const total = result.languages.reduce((s, l) => s + l.share, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('keeps a Russian document with one Kazakh heading monolingual', () => {
    const blocks = [...spans(RU), ...spans(RU), { text: 'Кіріспе', lang: 'kaz' }];
    const result = documentLanguages(blocks);
    expect(result.bilingual).toBe(false);
    expect(result.languages[0]?.lang).toBe('rus');
    expect(result.languages[1]?.share).toBeLessThan(BILINGUAL_MIN_SHARE);
  });

  it('weights blocks by letters, not by count: one long block outweighs several short ones', () => {
    const result = documentLanguages([
      { text: 'а'.repeat(900), lang: 'rus' },
      { text: 'Кіріспе', lang: 'kaz' },
      { text: 'Мақсат', lang: 'kaz' },
      { text: 'Міндет', lang: 'kaz' },
    ]);
    expect(result.languages[0]).toEqual({ lang: 'rus', share: 900 / (900 + 7 + 6 + 6) });
  });

  it('ignores und blocks and numbers, and returns no languages for an empty document', () => {
    expect(documentLanguages([])).toEqual({ languages: [], bilingual: false });
    expect(documentLanguages([{ text: '12 345', lang: 'und' }])).toEqual({ languages: [], bilingual: false });
    const r = documentLanguages([
      { text: '2030 2031 2032 2033 2034 2035 2036 2037', lang: 'rus' },
      { text: 'Басым бағыт', lang: 'kaz' },
    ]);
    expect(r.languages).toEqual([{ lang: 'kaz', share: 1 }]);
  });
});

// The PDF fixtures' truth texts (../shared/data/pdf, one paragraph, list item or table row
// per line): a Russian strategy section, its Kazakh counterpart, and a two-column page.
function truthSpans(file: string): { text: string; lang: string }[] {
  return spans(
    readFileSync(`../shared/data/pdf/${file}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0),
  );
}

describe('documentLanguages on ../shared/data/pdf truth texts', () => {
  it('labels every line of sample_ru.truth.txt and twocol.truth.txt Russian', () => {
    for (const file of ['sample_ru.truth.txt', 'twocol.truth.txt']) {
      const s = truthSpans(file);
      expect(s.filter((x) => x.lang !== 'rus').map((x) => x.text)).toEqual([]);
      expect(documentLanguages(s)).toEqual({ languages: [{ lang: 'rus', share: 1 }], bilingual: false });
    }
  });

  it('labels sample_kk.truth.txt Kazakh, and the two sections together bilingual', () => {
    const kk = truthSpans('sample_kk.truth.txt');
    expect(documentLanguages(kk).languages[0]).toEqual({ lang: 'kaz', share: 1 });
    const both = documentLanguages([...truthSpans('sample_ru.truth.txt'), ...kk]);
    expect(both.bilingual).toBe(true);
    expect(both.languages.map((l) => l.lang).sort()).toEqual(['kaz', 'rus']);
  });
});
