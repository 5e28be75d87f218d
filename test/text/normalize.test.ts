import { describe, expect, it } from 'vitest';
import { fixLatinLookalikes, matchKey, normalizeText } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('removes soft hyphens that LibreOffice hyphenation leaves in words («клас\\u00ADтеров»)', () => {
    expect(normalizeText('развитие клас\u00ADтеров')).toBe('развитие кластеров');
  });

  it('turns NBSP and narrow NBSP into spaces and drops zero-width characters', () => {
    expect(normalizeText('2030\u00A0г.\u202Fи\u200Bдалее')).toBe('2030 г. идалее');
  });

  it('composes decomposed letters (й written as и + combining breve) to NFC', () => {
    expect(normalizeText('и\u0306')).toBe('й');
  });

  it('unifies hyphen look-alikes inside compounds («IT\\u2011кластер»)', () => {
    expect(normalizeText('IT\u2011кластер')).toBe('IT-кластер');
  });

  it('fixes Latin i and h inside Kazakh words, as in the Lingua kk test lines', () => {
    // «білім» typed with a Latin i, «һ» typed as Latin h
    expect(fixLatinLookalikes('бiлiм беру жүйесi')).toBe('білім беру жүйесі');
    expect(fixLatinLookalikes('Шаhар')).toBe('Шаһар');
  });

  it('leaves Latin words alone (IT, Kubernetes)', () => {
    expect(normalizeText('IT-кластер и кластер Kubernetes')).toBe('IT-кластер и кластер Kubernetes');
  });
});

describe('matchKey', () => {
  it('lower-cases and folds ё to е without changing length', () => {
    const text = 'Объединённые КЛАСТЕРЫ';
    const key = matchKey(text);
    expect(key).toBe('объединенные кластеры');
    expect(key.length).toBe(text.length);
  });

  it('keeps offsets for letters that grow when lower-cased', () => {
    const text = 'İstanbul кластер';
    expect(matchKey(text).length).toBe(text.length);
  });
});
