import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BloomFilter } from '../../../src/text/lang/bloom.js';
import { detectLanguage } from '../../../src/text/lang/index.js';
import { isKyrgyzOnlyWord, kyrgyzByWords } from '../../../src/text/lang/kyrgyz.js';

const LANGID = '../shared/data/langid';

describe('Kyrgyz headlines without Kyrgyz-only letters (../shared/data/langid/ud/ky.txt)', () => {
  // Lines of ud/ky.txt that letters and trigrams alone labelled rus or kaz: none has a doubled
  // vowel or a letter that Kazakh and Russian both lack.
  it.each([
    'Документке кол коюлду.',
    'Меморандумга кол коюлду.',
    'Торду алайынбы?',
    'Эмнеге болбойт?',
    'Кыргызстанда жумушсуздук азаюуда.',
    'Тазалык” жумушчуларды издейт.',
  ])('labels «%s» kir', (line) => {
    expect(readFileSync(`${LANGID}/ud/ky.txt`, 'utf8')).toContain(line);
    expect(detectLanguage(line).lang).toBe('kir');
  });

  it('keeps one-word Kyrgyz lines that Russian shares as they are (honest limit)', () => {
    // «Россия.» and «Кыргызстан.» are lines of ud/ky.txt and also good Russian.
    expect(detectLanguage('Россия.').lang).toBe('rus');
  });
});

describe('Kyrgyz word evidence leaves Russian and Kazakh alone', () => {
  it('needs two Kyrgyz-only words, and half of the common words', () => {
    expect(isKyrgyzOnlyWord('коюлду')).toBe(true);
    expect(isKyrgyzOnlyWord('документке')).toBe(true);
    // Kazakh and Russian dictionary forms were taken out of the list.
    expect(isKyrgyzOnlyWord('деп')).toBe(false);
    expect(isKyrgyzOnlyWord('стратегия')).toBe(false);
    expect(kyrgyzByWords(['коюлду'], [false])).toBe(false);
    expect(kyrgyzByWords(['документке', 'кол', 'коюлду'], [false, false, false])).toBe(true);
    // A word with a Kazakh-only letter rules Kyrgyz out.
    expect(kyrgyzByWords(['документке', 'қол', 'коюлду'], [false, false, false])).toBe(false);
    // Capitalised names are skipped.
    expect(kyrgyzByWords(['министр', 'Документке', 'Коюлду'], [false, true, true])).toBe(false);
  });

  it('takes no Kazakh sentence of ud/kk.txt (UD_Kazakh-KTB) to Kyrgyz', () => {
    // Before the tesseract-ocr-kaz words were removed from the list, «Михайлов зиратына
    // жерленген.» went to Kyrgyz: «зиратына» and «жерленген» are not hunspell-kk forms.
    const lines = readFileSync(`${LANGID}/ud/kk.txt`, 'utf8').split('\n').filter((l) => l.trim());
    expect(lines.filter((l) => detectLanguage(l).lang === 'kir')).toEqual([]);
    expect(detectLanguage('Михайлов зиратына жерленген.').lang).toBe('kaz');
  });

  it('keeps Russian and Kazakh strategy sentences of this project where they are', () => {
    // Sentences written for these tests.
    expect(detectLanguage('Развитие туристского кластера в Бишкеке и Оше не рассматривается.').lang).toBe('rus');
    expect(detectLanguage('Қала әкімдігі агроөнеркәсіптік кластерді дамытады.').lang).toBe('kaz');
  });
});

describe('BloomFilter', () => {
  it('always finds what was added and rarely what was not', () => {
    const f = BloomFilter.create(2000, 10, 7);
    const added = Array.from({ length: 2000 }, (_, i) => `сөз${i}`);
    for (const w of added) f.add(w);
    const back = BloomFilter.fromData(f.toData());
    expect(added.every((w) => back.has(w))).toBe(true);
    const others = Array.from({ length: 20000 }, (_, i) => `жок${i}`);
    const fp = others.filter((w) => back.has(w)).length / others.length;
    expect(fp).toBeLessThan(0.02);
  });

  it('rejects data too short for its bit count', () => {
    expect(() => BloomFilter.fromData({ bits: 64, hashes: 3, base64: 'AAAA' })).toThrow(/cannot hold/);
  });
});
