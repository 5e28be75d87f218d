// src/rules/clause.ts: the clause that holds an occurrence. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { clauseOf } from '../../src/rules/clause.js';
import { tokenize } from '../../src/rules/tokenize.js';

/** The clause of the n-th occurrence of «кластер…» as text. */
function clause(text: string, n = 0): string {
  const tokens = tokenize(text);
  const occ = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.key.includes('кластер'))[n]![1];
  return clauseOf(tokens, occ, occ + 1)
    .filter((r) => r.end > r.start)
    .map((r) => text.slice(tokens[r.start]!.start, tokens[r.end - 1]!.end))
    .join(' … ');
}

describe('clauseOf', () => {
  it('splits coordinated clauses at «, а» and «;»', () => {
    const s = 'В 2015 году был создан туристский кластер, а до 2030 года планируется сформировать IT-кластер.';
    expect(clause(s, 0)).toBe('В 2015 году был создан туристский кластер');
    expect(clause(s, 1)).toBe('а до 2030 года планируется сформировать IT-кластер.');
  });
  it('«, а также» continues a list of noun phrases', () => {
    expect(clause('Задачи: развитие сельского хозяйства, а также территориальных кластеров.')).toBe('Задачи: развитие сельского хозяйства, а также территориальных кластеров.');
  });
  it('cuts a subordinate clause out of the main one', () => {
    expect(clause('Кластер, где работают 40 фирм, получит субсидию.')).toBe('Кластер … получит субсидию.');
  });
  it('a word inside a subordinate clause has that clause', () => {
    expect(clause('Город построит дороги, которые свяжут кластер с портом.')).toBe('которые свяжут кластер с портом.');
  });
  it('keeps an agreeing relative clause right after the word, not one that refers to another noun', () => {
    expect(clause('Принято решение о создании кластера, который будет сформирован до 2027 года.')).toBe(
      'Принято решение о создании кластера … который будет сформирован до 2027 года.',
    );
    expect(clause('Стратегия предусматривает создание кластера, которое не удалось начать раньше.')).toBe('Стратегия предусматривает создание кластера');
  });
  it('a sentence-initial concession has its own clause; a purpose clause reads the main clause with it', () => {
    expect(clause('Хотя завод закрылся, кластер будет создан к 2028 году.')).toBe('кластер будет создан к 2028 году.');
    expect(clause('Чтобы резиденты кластера оставались в городе, администрация снизит аренду.')).toBe(
      'Чтобы резиденты кластера оставались в городе … администрация снизит аренду.',
    );
  });
  it('Kazakh: «, ал» starts a new clause', () => {
    expect(clause('Бұрын кластер құрылды, ал енді жаңа зауыт салынады.')).toBe('Бұрын кластер құрылды');
  });
});
