// src/rules/morph.ts: verb forms told from nouns of the same shape. Words chosen for the
// test from general Russian and Kazakh grammar; the noun look-alikes are hunspell-ru lemmas
// (src/rules/data/ru-noun-lookalikes.json).
import { describe, expect, it } from 'vitest';
import { isRuPast, isRuShortPassive, morphBit, morphBits } from '../../src/rules/morph.js';
import { tokenize } from '../../src/rules/tokenize.js';

describe('Russian past tense', () => {
  it('finds past forms of every gender, number and the reflexive', () => {
    for (const w of ['создала', 'объединили', 'распределило', 'сложился', 'велась', 'вошли', 'был', 'стали', 'утвердило']) expect(isRuPast(w, false), w).toBe(true);
  });
  it('does not take nouns and adverbs of the same shape', () => {
    for (const w of ['потенциала', 'цели', 'земли', 'правила', 'отрасли', 'модели', 'около', 'школа', 'канала', 'руководители', 'мини-футбола', 'бизнес-школа']) expect(isRuPast(w, false), w).toBe(false);
  });
  it('reads a capitalised masculine form as a name (Тагил, Урал), not a verb', () => {
    expect(isRuPast('тагил', true)).toBe(false);
    expect(isRuPast('создал', false)).toBe(true);
  });
});

describe('Russian short passive participles', () => {
  it('finds them', () => {
    for (const w of ['создан', 'сформирована', 'завершено', 'приостановлены', 'включен']) expect(isRuShortPassive(w, false), w).toBe(true);
  });
  it('does not take nouns and modal short adjectives', () => {
    for (const w of ['план', 'страна', 'стран', 'цена', 'должен', 'должна', 'намерен', 'направлены']) expect(isRuShortPassive(w, false), w).toBe(false);
  });
});

describe('Kazakh verb forms at the end of a clause', () => {
  const bitsOf = (text: string, word: string, kazakh = true): number => {
    const tokens = tokenize(text);
    for (const t of tokens) t.kazakh = kazakh;
    return morphBits(tokens.find((t) => t.key === word)!);
  };
  it('a finite past ends the clause; an accusative noun in -ді does not', () => {
    expect(bitsOf('Облыста кластер құрылды.', 'құрылды') & morphBit('kk-past')).not.toBe(0);
    expect(bitsOf('Кластерді дамыту.', 'кластерді') & morphBit('kk-past')).toBe(0);
  });
  it('present-future -ады/-еді is not the past (өтеледі against өтелді)', () => {
    expect(bitsOf('Шығындар өтеледі.', 'өтеледі') & morphBit('kk-past')).toBe(0);
    expect(bitsOf('Шығындар өтеледі.', 'өтеледі') & morphBit('kk-aorist')).not.toBe(0);
    expect(bitsOf('Шығындар өтелді.', 'өтелді') & morphBit('kk-past')).not.toBe(0);
  });
  it('intention, future participle and a task list verbal noun', () => {
    expect(bitsOf('Әкімдік кластер құрмақ.', 'құрмақ') & morphBit('kk-intent')).not.toBe(0);
    expect(bitsOf('Кластер құрылатын болады.', 'құрылатын') & morphBit('kk-future-participle')).not.toBe(0);
    expect(bitsOf('Кластерлерді дамыту.', 'дамыту') & morphBit('kk-verbal-noun')).not.toBe(0);
  });
  it('Kazakh classes stay off Russian words of a Russian unit («к 2030 году.», «среды.»)', () => {
    expect(bitsOf('Рост к 2030 году.', 'году', false)).toBe(0);
    expect(bitsOf('Качество городской среды.', 'среды', false)).toBe(0);
  });
});
