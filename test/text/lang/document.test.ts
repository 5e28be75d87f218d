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
