import { describe, expect, it } from 'vitest';
import { cityFromFileName, guessCity, guessCityFromTitle } from '../../src/corpus/guess.js';

describe('guessing the city of a document that is not in the manifest', () => {
  it('reads the Russian title template «… города Казани до 2030 года»', () => {
    expect(guessCityFromTitle('Стратегия социально-экономического развития города Казани до 2030 года')).toEqual({ city: 'Казань', country: 'RU' });
  });

  it('reads a Kazakh title «Алматы қаласын дамытудың …»', () => {
    expect(guessCityFromTitle('Алматы қаласын дамытудың 2050 жылға дейінгі стратегиясы')).toEqual({ city: 'Алматы', country: 'KZ' });
  });

  it('reads titles without «города», such as «Стратегический план развития Екатеринбурга»', () => {
    expect(guessCityFromTitle('Стратегический план развития Екатеринбурга')?.city).toBe('Екатеринбург');
  });

  it('prefers the city announced by «города» over one named in passing', () => {
    const title = 'Администрация города Омска\nСтратегия развития до 2030 года с учётом опыта Новосибирска';
    expect(guessCityFromTitle(title)?.city).toBe('Омск');
  });

  it('does not take the word «семей» (of families) for the city of Semey without «города»', () => {
    expect(guessCityFromTitle('Программа поддержки молодых семей на 2024–2026 годы')).toBeUndefined();
    expect(guessCityFromTitle('Стратегия развития города Семей до 2030 года')?.city).toBe('Семей');
  });

  it('falls back to the file name with source "filename"', () => {
    expect(cityFromFileName('corpus/tver_strategy_2030.pdf')).toBe('tver');
    expect(guessCity('Стратегия развития', 'tver_strategy_2030.pdf')).toEqual({ city: 'tver', country: '', source: 'filename' });
  });
});
