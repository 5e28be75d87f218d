// matchUnit and explainUnit on realistic sentences: the traps and kinds of
// ../shared/DOMAIN.md (sentences written for these tests), the pattern language on a small
// rule set, offsets, and regressions on ../shared/data/mentions/dev.tsv.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  categoryLabel,
  explainUnit,
  formatExplanation,
  loadRuleSet,
  loadRuleTexts,
  matchUnit,
  type MatchInput,
  type RuleSet,
} from '../../src/rules/index.js';
import { documentHeading, readDevRows, type DevRow } from '../../bench/dev-data.js';

let cluster: RuleSet;
let sez: RuleSet;
beforeAll(async () => {
  const c = await loadRuleSet('rules', 'cluster');
  const s = await loadRuleSet('rules', 'sez');
  if (!c.ok || !s.ok) throw new Error('rules do not load');
  cluster = c.ruleSet;
  sez = s.ruleSet;
});

const ru = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({ text, lang: 'rus', ...extra });
const kk = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({ text, lang: 'kaz', ...extra });
const kinds = (rs: RuleSet, i: MatchInput): string[] => matchUnit(rs, i).map((m) => m.kind);

describe('matchUnit: occurrences and offsets', () => {
  it('returns one match per occurrence with the character range of the word', () => {
    const text = 'Создание IT-кластера и поддержка туристско-рекреационного кластера.';
    const ms = matchUnit(cluster, ru(text));
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['IT-кластера', 'кластера']);
    expect(ms.map((m) => m.sectors)).toEqual([['it_digital', 'tourism'], ['tourism']]);
    expect(ms.every((m) => m.kind === 'priority')).toBe(true);
  });

  it('finds the word inside solid and hyphenated compounds, each an economic cluster', () => {
    // Sentences written for this test.
    for (const [text, sector] of [
      ['Агрокластер района получит новое хранилище.', 'food_agro'],
      ['Туркластер на побережье будет расширен.', 'tourism'],
      ['Биофармкластер планируется дополнить виварием.', 'medical_pharma'],
      ['ИТ-кластер города получит технопарк.', 'it_digital'],
    ] as const) {
      expect(matchUnit(cluster, ru(text)), text).toMatchObject([{ kind: 'priority', sectors: [sector] }]);
    }
    expect(kinds(cluster, ru('Стимулирование кластерообразования в обрабатывающей промышленности.'))).toEqual(['priority']);
  });

  it('returns nothing for a unit without the word (and the same result twice: no hidden state)', () => {
    expect(matchUnit(cluster, ru('Город развивает малый бизнес.'))).toEqual([]);
    const i = ru('Развитие кластера деревообработки.');
    expect(matchUnit(cluster, i)).toEqual(matchUnit(cluster, i));
  });

  it('keeps offsets in the input text when it holds soft hyphens and a Latin look-alike', () => {
    const text = 'Развитие тури\u00ADстского клaстера.'; // soft hyphen; Latin «a» inside «кластера»
    const [m] = matchUnit(cluster, ru(text));
    expect(text.slice(m!.start, m!.end)).toBe('клaстера');
    expect(m!.sectors).toEqual(['tourism']);
  });

  it('joins a compound split by spaces around the hyphen (RuREBus style)', () => {
    const [m] = matchUnit(cluster, ru('Создание муниципального туристско - рекреационного кластера .'));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['tourism'] });
  });

  it('finds the Kazakh suffixed forms', () => {
    const text = 'Кластерлердің қатысушылары және кластерлік саясат.';
    expect(matchUnit(cluster, kk(text)).map((m) => text.slice(m.start, m.end))).toEqual(['Кластерлердің', 'кластерлік']);
  });
});

describe('matchUnit: kinds', () => {
  it('priority needs a commitment; a described cluster is context', () => {
    expect(kinds(cluster, ru('Формирование инновационного территориального кластера в сфере машиностроения.'))).toEqual(['priority']);
    expect(kinds(cluster, ru('В городе действует машиностроительный кластер из 30 предприятий.'))).toEqual(['context']);
    expect(kinds(cluster, kk('Қалада машина жасау кластерін қалыптастыру жоспарлануда.'))).toEqual(['priority']);
    expect(kinds(cluster, kk('Қалада 2018 жылы машина жасау кластері құрылды.'))).toEqual(['context']);
  });

  it('a list item inherits the commitment of its lead-in', () => {
    const item = 'кластер деревообрабатывающих предприятий;';
    expect(kinds(cluster, ru(item, { blockKind: 'list_item' }))).toEqual(['context']);
    expect(kinds(cluster, ru(item, { blockKind: 'list_item', leadIn: 'В рамках задачи 3 предусматривается создание:' }))).toEqual(['priority']);
  });

  it('the section decides when the sentence itself is neutral', () => {
    const text = 'Агропромышленный кластер района.';
    expect(kinds(cluster, ru(text, { headingPath: ['Глава 3. Стратегические цели и задачи'] }))).toEqual(['priority']);
    expect(kinds(cluster, ru(text, { headingPath: ['Глава 1. SWOT-анализ'] }))).toEqual(['context']);
    // The innermost recognised heading wins.
    expect(kinds(cluster, ru(text, { headingPath: ['Глава 3. Задачи', '3.1. Анализ исходной ситуации'] }))).toEqual(['context']);
  });

  it('an analysis section outweighs an action noun, not an explicit plan', () => {
    const h = { headingPath: ['Раздел 2. Анализ текущего состояния экономики'] };
    expect(kinds(cluster, ru('Развитие кластеров в городе сдерживается нехваткой кадров.', h))).toEqual(['context']);
    expect(kinds(cluster, ru('До 2030 года в городе будет создан фармацевтический кластер.', h))).toEqual(['priority']);
  });
});

describe('matchUnit: other senses never count as cluster policy', () => {
  const traps: [string, MatchInput][] = [
    ['cluster analysis', ru('По итогам кластерного анализа районы области объединены в четыре кластера.')],
    ['clustering of data', ru('Кластеризация данных о потребителях выполнена методом k-means.')],
    ['computing cluster', ru('В дата-центре университета работает вычислительный кластер.')],
    ['servers', ru('Портал муниципальных услуг размещен на кластере серверов.')],
    ['Kubernetes', ru('Сервис развернут в кластере Kubernetes.')],
    ['Kazakh computing', kk('Университеттің есептеу кластері жаңартылды.')],
    ['building complex', ru('Жилой кластер из пяти домов будет построен в 2026 году.')],
    ['bibliography', ru('Смирнов К. Л. Кластеры и конкурентоспособность региона // Региональная экономика. – 2017. – № 9. – С. 14–22.')],
    ['TOC block', ru('3.4. Формирование туристского кластера', { blockKind: 'toc' })],
    ['TOC dot leaders', ru('3.4. Формирование туристского кластера ............ 57')],
    ['e-government', ru('Развитие кластера электронного правительства района продолжится.')],
  ];
  for (const [name, input] of traps) {
    it(name, () => {
      const ms = matchUnit(cluster, input);
      expect(ms.length).toBeGreaterThan(0);
      expect(ms.map((m) => m.kind)).toEqual(ms.map(() => 'other_sense'));
      expect(ms.every((m) => m.sectors.length === 0 && m.measures.length === 0)).toBe(true);
    });
  }

  it('computing words elsewhere in the unit do not overturn an IT cluster named as such', () => {
    // Computing vocabulary outside the phrase of the word is weak evidence (src/rules/sense.ts).
    expect(kinds(cluster, ru('Будет создан IT-кластер, а серверы муниципалитета перенесены в новый ЦОД.'))).toEqual(['priority']);
  });
});

describe('the sez topic', () => {
  it('finds zones and parks and reuses the common sector and commitment rules', () => {
    const [m] = matchUnit(sez, ru('Планируется создание особой экономической зоны туристско-рекреационного типа.'));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['tourism'] });
    expect(kinds(sez, kk('Облыста индустриялық аймақ жұмыс істейді.'))).toEqual(['context']);
    expect(kinds(sez, ru('Детский технопарк «Кванториум» открыт в школе № 5.'))).toEqual(['other_sense']);
    expect(matchUnit(sez, ru('Создание туристского кластера.'))).toEqual([]);
  });
});

describe('the pattern language (a small rule set)', () => {
  const yaml = `categories:
  sectors:
    a: { ru: а, en: a }
    b: { ru: б, en: b }
    c: { ru: в, en: c }
rules:
  - id: w
    role: trigger
    description: w
    languages: [rus]
    patterns: [кластер*]
    source: t
    examples: { match: [{ text: кластер, kind: context }], no_match: [{ text: завод }] }
  - id: gap
    description: gap
    languages: [rus]
    scope: term
    patterns: ['формирование [0..3] кластер*']
    assigns: { sectors: [a] }
    source: t
    examples: { match: [{ text: формирование кластера, kind: context, sectors: [a] }], no_match: [{ text: кластер }] }
  - id: stem
    description: stem
    languages: [rus]
    patterns: ['~промышленность']
    exclusions: ['~промышленность ~парк']
    assigns: { sectors: [b] }
    source: t
    examples: { match: [{ text: промышленный кластер, kind: context, sectors: [b] }], no_match: [{ text: кластер }] }
  - id: punct
    description: definition dash
    languages: [rus]
    scope: term
    patterns: ['кластер* - /\\p{L}+/']
    assigns: { sectors: [c] }
    source: t
    examples: { match: [{ text: кластер - группа, kind: context, sectors: [c] }], no_match: [{ text: кластер }] }
  - id: alt
    description: alternatives
    languages: [rus]
    scope: term
    patterns: ['{швейн*|текстильн*} кластер*']
    assigns: { sectors: [a] }
    source: t
    examples: { match: [{ text: швейный кластер, kind: context, sectors: [a] }], no_match: [{ text: кластер }] }
  - id: past
    description: a past verb in the clause
    languages: [rus]
    scope: clause
    patterns: ['@ru-past']
    assigns: { kind: context, weight: 3 }
    source: t
    examples: { match: [{ text: кластер сложился, kind: context }], no_match: [{ text: кластер сложится }] }
  - id: plan
    description: a plan in the clause
    languages: [rus]
    scope: clause
    patterns: [планируется]
    assigns: { kind: priority, weight: 2 }
    source: t
    examples: { match: [{ text: кластер планируется, kind: priority }], no_match: [{ text: кластер }] }
`;
  let rs: RuleSet;
  beforeAll(() => {
    const r = loadRuleTexts('t', [{ path: 'x.yaml', text: yaml, common: false }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    rs = r.ruleSet;
  });
  const sectors = (text: string): string[] => matchUnit(rs, ru(text)).flatMap((m) => m.sectors);

  it('a gap skips up to n words and any punctuation', () => {
    expect(sectors('формирование инновационных, территориальных кластеров')).toEqual(['a']);
    expect(sectors('формирование новых инновационных территориальных кластеров')).toEqual(['a']);
    expect(sectors('формирование очень новых инновационных территориальных кластеров')).toEqual([]);
  });
  it('a ~stem covers the noun and the adjective, and an exclusion cancels an overlapping match', () => {
    expect(sectors('кластер промышленности')).toEqual(['b']);
    expect(sectors('промышленного кластера')).toEqual(['b']);
    expect(sectors('кластер в промышленном парке')).toEqual([]);
  });
  it('punctuation and token regexes', () => {
    expect(sectors('кластер – группа предприятий')).toEqual(['c']);
    expect(sectors('кластеров – 2')).toEqual([]);
  });
  it('{a|b} matches any alternative', () => {
    expect(sectors('текстильного кластера')).toEqual(['a']);
    expect(sectors('швейного кластера')).toEqual(['a']);
    expect(sectors('обувного кластера')).toEqual([]);
  });
  it('@ru-past and scope clause: a past verb counts only in the clause of the word', () => {
    const k = (text: string): string[] => matchUnit(rs, ru(text)).map((m) => m.kind);
    expect(k('Мебельный кластер сложился в 2010 году.')).toEqual(['context']);
    // The past clause is about another thing; the word's clause holds the plan.
    expect(k('Завод закрылся в 2015 году, а кластер планируется создать к 2030 году.')).toEqual(['priority']);
    expect(k('Кластер сложился в 2015 году, а новый завод планируется открыть к 2030 году.')).toEqual(['context']);
  });
  it('rejects an unknown morphological class and a one-word alternative, with the reason', () => {
    const bad = (pattern: string): string => {
      const r = loadRuleTexts('t', [{ path: 'x.yaml', text: yaml.replace("['@ru-past']", `['${pattern}']`), common: false }]);
      return r.ok ? '' : r.errors.map((e) => e.message).join('; ');
    };
    expect(bad('@ru-future')).toMatch(/Expected a morphological class .*@ru-past.*got "@ru-future"/);
    expect(bad('{один}')).toMatch(/at least two alternatives/);
  });
});

describe('explainUnit', () => {
  it('shows tokens, the trigger, each signal with its pattern, exclusions and the decision', () => {
    const e = explainUnit(cluster, ru('Уровень развития туристского кластера пока низкий, планируется его поддержка.'));
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    const o = e.occurrences[0]!;
    expect(o.match.kind).toBe('priority');
    expect(o.trigger).toMatchObject({ ruleId: 'cluster-word', matched: 'кластера' });
    expect(o.fired.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['sector-tourism', 'commitment-modality', 'commitment-action']));
    const text = formatExplanation(e);
    expect(text).toContain('occurrence 1: «кластера»');
    expect(text).toContain('sector-tourism [unit] pattern "туристск*" matched «туристского» → sectors tourism');
    expect(text).toMatch(/decision: priority \d+ > context 0: /);
    // Two clauses: the plan («планируется его поддержка») is in the second, and the first
    // holds the word; the comma before «планируется» is no clause boundary of its own.
    expect(text).toContain('clause (tense and mood are read here)');
  });
  it('shows an exclusion that cancelled a match', () => {
    const e = explainUnit(cluster, ru('Уровень развития кластеров в городе низкий.'));
    const c = e.occurrences[0]!.cancelled.find((x) => x.ruleId === 'commitment-action');
    expect(c?.cancelledBy).toEqual({ pattern: 'уров* развити*', matched: 'Уровень развития' });
    expect(formatExplanation(e)).toContain('cancelled by exclusion "уров* развити*" matching «Уровень развития»');
  });
  it('says why nothing was classified', () => {
    expect(formatExplanation(explainUnit(cluster, ru('Завод работает.')))).toContain('no word of the topic "cluster"');
  });
});

describe('categoryLabel', () => {
  it('gives Russian / English labels for report tables', () => {
    expect(categoryLabel(cluster, 'tourism')).toBe('туризм / tourism');
    expect(categoryLabel(cluster, 'financial_support')).toBe('финансовая поддержка / financial support');
    expect(categoryLabel(cluster, 'nope')).toBe('nope');
  });
});

describe('regressions on ../shared/data/mentions/dev.tsv', () => {
  const rows = readDevRows();
  // Each line under the heading its page has (bench/dev-data.ts): a documentation page is
  // documentation. The lines alone are reported by `make bench-rules`: an occurrence
  // without evidence of another sense is economic, so bare lines such as «Для запуска
  // кластера:» count there.
  const input = (r: DevRow): MatchInput => {
    const headingPath = documentHeading(r.source);
    return ru(r.text, headingPath.length ? { headingPath } : {});
  };
  it('no other_sense line is reported as cluster policy', () => {
    const wrong = rows.filter((r) => r.label === 'other_sense' && matchUnit(cluster, input(r)).some((m) => m.kind !== 'other_sense'));
    expect(wrong.map((r) => r.id)).toEqual([]);
  });
  it('every priority/context line is found, and every line has at least one occurrence', () => {
    const missed = rows.filter((r) => r.label !== 'other_sense' && !matchUnit(cluster, input(r)).some((m) => m.kind !== 'other_sense'));
    expect(missed.map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => matchUnit(cluster, input(r)).length === 0).map((r) => r.id)).toEqual([]);
  });
});
