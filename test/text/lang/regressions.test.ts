// Regression tests named after what broke. Sentences from the bundled corpus name their file;
// the others were written for these tests.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/text/lang/index.js';

describe('detectLanguage: Russian lines of real strategies stay Russian', () => {
  it('a table caption with a Latin acronym was labelled Kyrgyz', () => {
    // corpus/ekaterinburg_strategic_plan_2035.pdf
    expect(detectLanguage('Таблица 2. SWOT-анализ Екатеринбурга.').lang).toBe('rus');
    expect(detectLanguage('Рисунок 4. PEST-анализ города').lang).toBe('rus');
  });

  it('a list item without ы, э or ь was labelled Bulgarian', () => {
    // corpus/strategiya_2030_proekt.pdf
    expect(detectLanguage('«Казанка» — благоустройство берегов реки Казанки.').lang).toBe('rus');
    expect(detectLanguage('Директор задержался, потом вернулся к проекту набережной.').lang).toBe('rus');
    expect(detectLanguage('Он улыбнулся, кивнул и отправился домой через площадь.').lang).toBe('rus');
    expect(detectLanguage('Парк на берегу реки благоустроят к лету.').lang).toBe('rus');
  });

  it('a table row whose words franc\'s trigrams alone put in Kazakh', () => {
    // corpus/ekaterinburg_strategic_plan_2035.pdf
    expect(detectLanguage('Среднемесячная заработная плата, тыс. руб. | 54,2 | 61,8 | 78,4').lang).toBe('rus');
    expect(detectLanguage('Численность постоянного населения, тыс. чел. | 1 544 | 1 588').lang).toBe('rus');
  });

  it('a Russian reflexive verb counts as Russian (hunspell forms that unmunch never produced)', () => {
    expect(detectLanguage('развивается').lang).toBe('rus');
    expect(detectLanguage('боялся').lang).toBe('rus');
  });
});

describe('detectLanguage: short Kazakh spans', () => {
  it('a Kazakh dictionary form that the letter n-grams read as Russian', () => {
    // hunspell-kk forms of Russian loans with Kazakh endings (scripts/lang/build-lexicon.ts).
    expect(detectLanguage('республикасы').lang).toBe('kaz');
    expect(detectLanguage('доктринаны').lang).toBe('kaz');
  });

  it('a word both dictionaries accept is a coin toss, reported as such', () => {
    const g = detectLanguage('технология');
    expect(['rus', 'kaz']).toContain(g.lang);
    expect(g.confidence).toBeLessThan(0.6);
  });

  it('a Kazakh word next to a Russian-only form', () => {
    expect(detectLanguage('аудан порту').lang).toBe('kaz');
  });
});

describe('detectLanguage: other Turkic languages', () => {
  it('Bashkir and Kazakh article headings by their ordinal suffixes', () => {
    expect(detectLanguage('12-се статья').lang).toBe('bak');
    expect(detectLanguage('3-сө бүлек').lang).toBe('bak');
    expect(detectLanguage('2-ші бөлім').lang).toBe('kaz');
    expect(detectLanguage('3-й раздел').lang).toBe('rus');
  });

  it('Kyrgyz words with doubled long vowels are not Russian or Kazakh', () => {
    expect(detectLanguage('Баары жакшы болот.').lang).toBe('kir');
    expect(['rus', 'kaz']).not.toContain(detectLanguage('Туура жооп').lang);
  });

  it('Russian words with оо («сообщение», «кооперация») stay Russian', () => {
    expect(detectLanguage('Сообщение о кооперации предприятий.').lang).toBe('rus');
  });
});
