// De-hyphenation at line ends: hyphenation breaks are undone, compounds keep their hyphen.
// Sentences written for this test in the style of ../shared/data/pdf/sample_ru.pdf and sample_kk.pdf.
import { describe, expect, it } from 'vitest';
import { buildVocabulary, joinLines, keepsHyphen } from '../../src/ingest/hyphenation.js';

const doc = [
  'Развитие кластеров опирается на взаимодействие бизнеса и науки.',
  'Поддержка кластеров включает гранты и льготную аренду.',
  'Горно-металлургический комплекс и машиностроительный завод работают в городе.',
  'Предусмотрена реконструкция объектов и переработка продукции.',
  'Қаланың экономикалық әлеуеті мен әлеуметтік саласы дамиды.',
];
const vocab = buildVocabulary(doc);

describe('keepsHyphen', () => {
  it('joins a word seen unbroken elsewhere in the document («клас-|теров»)', () => {
    expect(keepsHyphen('развитие клас', 'теров и', vocab)).toBe(false);
    expect(keepsHyphen('предусмотрена ре', 'конструкция', vocab)).toBe(false);
  });

  it('keeps a compound seen with its hyphen elsewhere («горно-|металлургического»)', () => {
    expect(keepsHyphen('создание горно', 'металлургического кластера', vocab)).toBe(true);
  });

  it('keeps compounds that occur nowhere else, by their first element', () => {
    expect(keepsHyphen('развитие туристско', 'рекреационного кластера', vocab)).toBe(true);
    expect(keepsHyphen('высокотехнологичные научно', 'исследовательские работы', vocab)).toBe(true);
    expect(keepsHyphen('қаланың әлеуметтік', 'экономикалық дамуы', vocab)).toBe(true);
  });

  it('does not keep a noun-stem «о» join as a compound («машино-|строительного»)', () => {
    expect(keepsHyphen('и машино', 'строительного', vocab)).toBe(false);
  });

  it('keeps the hyphen of a Latin compound in Russian or Kazakh text («strategy-|miner»)', () => {
    // corpus/samara_complex_development_2030.pdf, page 1, broke «strategy-miner» at its hyphen
    // and the reader printed «strategyminer».
    expect(keepsHyphen('подготовленный для проверки программы strategy', 'miner.', vocab)).toBe(true);
    expect(joinLines(['программы e-', 'government и'], vocab)).toBe('программы e-government и');
    // The document's own vocabulary still wins: a Latin word seen unbroken is joined.
    const english = buildVocabulary(['The document describes the strategy.']);
    expect(keepsHyphen('the docu', 'ment', english)).toBe(false);
  });

  it('keeps the hyphen before a capital letter or a digit', () => {
    expect(keepsHyphen('коридор Алматы', 'Астана', vocab)).toBe(true);
    expect(keepsHyphen('на 2025', '2030 годы', vocab)).toBe(true);
  });
});

describe('joinLines', () => {
  it('joins lines with spaces, glues hyphenation breaks and soft hyphens', () => {
    expect(joinLines(['Поддержка клас-', 'теров включает', 'гранты и льгот\u00ADная', 'аренду.'], vocab)).toBe(
      'Поддержка кластеров включает гранты и льгот\u00ADная аренду.',
    );
    expect(joinLines(['льгот\u00AD', 'ную аренду'], vocab)).toBe('льготную аренду');
  });

  it('keeps a compound hyphen without a space', () => {
    expect(joinLines(['развитие туристско-', 'рекреационного кластера'], vocab)).toBe('развитие туристско-рекреационного кластера');
  });
});
