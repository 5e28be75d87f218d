// Anaphoric occurrences (rules/cluster/anaphora.yaml, scope antecedent in src/rules/match.ts),
// capitalised words (^Word) and second cues (requires) on the real rule set and on small
// rule files. Sentences written for these tests, in the style of the sample corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainUnit, formatExplanation, loadRuleSet, loadRuleTexts, matchUnit, type MatchInput, type RuleSet } from '../../src/rules/index.js';

let cluster: RuleSet;
beforeAll(async () => {
  const c = await loadRuleSet('rules', 'cluster');
  if (!c.ok) throw new Error('rules do not load');
  cluster = c.ruleSet;
});

const ru = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({ text, lang: 'rus', ...extra });
const kk = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({ text, lang: 'kaz', ...extra });
const one = (i: MatchInput) => {
  const ms = matchUnit(cluster, i);
  expect(ms).toHaveLength(1);
  return ms[0]!;
};

describe('a bare singular «кластера» borrows the sector of the cluster named before', () => {
  const item = 'обучение операторов для предприятий кластера;';

  it('from the lead-in of its list', () => {
    expect(one(ru(item, { leadIn: 'Задачи по развитию судостроительного и машиностроительного кластера:' }))).toMatchObject({
      kind: 'priority',
      sectors: ['machinery'],
    });
  });

  it('from the section heading («Цель 1. Укрепление аэрокосмического кластера»)', () => {
    const m = one(ru(item, { headingPath: ['4. Цели и задачи', 'Цель 1. Укрепление аэрокосмического кластера'] }));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['aerospace'] });
    expect(m.ruleIds).toContain('anaphor-bare-singular');
  });

  it('from the previous unit, which is nearer than the lead-in and the heading', () => {
    const m = one(
      ru(item, {
        previous: 'создание испытательного полигона для фармацевтического кластера;',
        leadIn: 'Задачи Стратегии:',
        headingPath: ['Цель 1. Укрепление аэрокосмического кластера'],
      }),
    );
    expect(m.sectors).toEqual(['medical_pharma']);
  });

  it('in Kazakh, from a heading', () => {
    const m = one(kk('кластерге жаңа жеткізушілерді тарту;', { headingPath: ['3. Мақсаттар', '3.2. Тамақ өнеркәсібі кластерін дамыту'] }));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['food_agro'] });
  });

  it('not when it names a sector itself, nor for a plural or an adjective', () => {
    const lead = { leadIn: 'Задачи по развитию машиностроительного кластера:' };
    expect(one(ru('создание центра для туристского кластера;', lead)).sectors).toEqual(['tourism']);
    expect(one(ru('поддержка кластеров малого бизнеса;', lead)).sectors).toEqual([]);
    expect(one(ru('поддержка кластерных инициатив;', lead)).sectors).toEqual([]);
  });

  it('not the Kazakh bare modifier «кластер қатысушылары» (a generic compound)', () => {
    const m = one(kk('кластер қатысушыларына гранттар беру;', { previous: 'креативті индустриялар кластерін құру;' }));
    expect(m.sectors).toEqual([]);
  });

  it('takes only the sector, not the sense, of its antecedent', () => {
    const m = one(ru('Для предприятий кластера будут созданы льготные условия аренды.', { previous: 'Университет ввёл в строй вычислительный кластер на 200 узлов.' }));
    expect(m.kind).toBe('priority');
  });

  it('refers to an earlier occurrence in the same unit first', () => {
    const ms = matchUnit(cluster, ru('Развитие тепличного хозяйства пригородов и подготовка агрономов для кластера.', { previous: 'Создание IT-кластера.' }));
    expect(ms.map((m) => m.sectors)).toEqual([['food_agro']]);
    const two = matchUnit(cluster, ru('Создание IT-кластера, а также подготовка программистов и тестировщиков для нужд кластера.', { previous: 'Развитие туристского кластера.' }));
    expect(two.map((m) => m.sectors)).toEqual([['it_digital'], ['it_digital']]);
  });
});

describe('a demonstrative («этого кластера», «бұл кластер») takes the sense of its antecedent', () => {
  it('a computing cluster named in the previous unit makes it other_sense (Novosibirsk pattern)', () => {
    const previous = 'В 2022 году институт ввёл в эксплуатацию новый вычислительный кластер мощностью 2 петафлопса.';
    const m = one(ru('Ресурсы этого кластера предоставляются научным группам для расчётов.', { previous }));
    expect(m.kind).toBe('other_sense');
    expect(m.ruleIds).toEqual(expect.arrayContaining(['anaphor-demonstrative', 'computing-cluster']));
    // Without the previous unit it looks like a science cluster described as a fact.
    expect(one(ru('Ресурсы этого кластера предоставляются научным группам для расчётов.')).kind).toBe('context');
  });

  it('in Kazakh', () => {
    const m = one(kk('Осы кластердің ресурстары ғылыми топтарға беріледі.', { previous: 'Университетте жаңа есептеу кластері іске қосылды.' }));
    expect(m.kind).toBe('other_sense');
  });

  it('an economic antecedent keeps it economic and lends its sector', () => {
    const m = one(ru('Участники этого кластера будут получать субсидии на оборудование.', { previous: 'В городе сложился мебельный и деревообрабатывающий кластер.' }));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['forestry_wood'] });
  });

  it('a previous unit on another topic leaves it alone', () => {
    const m = one(ru('Участники этого кластера будут получать субсидии.', { previous: 'Бюджет города вырос на 8 %.', leadIn: 'Меры поддержки туристского кластера:' }));
    expect(m).toMatchObject({ kind: 'priority', sectors: ['tourism'] });
  });

  it('explain names the antecedent and where it was found', () => {
    const previous = 'В 2022 году институт ввёл в эксплуатацию новый вычислительный кластер мощностью 2 петафлопса.';
    const e = explainUnit(cluster, ru('Ресурсы этого кластера предоставляются научным группам.', { previous }));
    expect(e.occurrences[0]!.anaphor).toMatchObject({ ruleId: 'anaphor-demonstrative', antecedent: { source: 'previous', surface: 'кластер' } });
    expect(e.occurrences[0]!.fired.find((f) => f.ruleId === 'computing-cluster')).toMatchObject({ scope: 'antecedent', matched: 'вычислительный кластер' });
    const text = formatExplanation(e);
    expect(text).toContain(`previous unit: ${previous}`);
    expect(text).toMatch(/refers back \(anaphor-demonstrative\) to «кластер» in the previous unit/);
    expect(text).toMatch(/computing-cluster \[antecedent\] pattern "вычислительн\* кластер\*" matched «вычислительный кластер»/);
  });
});

describe('groups of games venues (venue-complex): the phrase or clause names games or venues', () => {
  // Sentences written for this test; the venue groups of Sochi 2014 and the 2017 Universiade.
  it('are other_sense', () => {
    expect(one(ru('Ледовые арены Прибрежного кластера после Олимпиады принимают концерты и выставки.')).kind).toBe('other_sense');
    expect(one(kk('Универсиада нысандарының тау кластері жыл бойы жұмыс істейді.')).kind).toBe('other_sense');
  });

  it('a tourism cluster called «Горный», a lower-case «горного кластера» or a name without venue words still count', () => {
    expect(one(ru('Создание туристического кластера «Горный» с трассами для семейного отдыха.', { headingPath: ['4. Задачи'] }))).toMatchObject({
      kind: 'priority',
      sectors: ['tourism'],
    });
    expect(one(ru('Развитие горного туристского кластера с новыми трассами.')).kind).toBe('priority');
    expect(one(ru('Прибрежный кластер объединяет 40 туристических предприятий побережья.')).kind).toBe('context');
  });
});

describe('section words: implementation and target-indicator sections are plan sections', () => {
  it('a target-indicator row naming a cluster is a priority, in Kazakh and in Russian', () => {
    const kkRow = kk('Туристік кластер қатысушыларының саны, бірлік | 300 | 700', { blockKind: 'table_row', headingPath: ['6. Іске асыру тетіктері'] });
    expect(one(kkRow)).toMatchObject({ kind: 'priority', sectors: ['tourism'] });
    const kkRow2 = kk('Мұнай-химия кластері кәсіпорындарының саны | 5 | 9', { blockKind: 'table_row', headingPath: ['5. Нысаналы индикаторлар'] });
    expect(one(kkRow2)).toMatchObject({ kind: 'priority', sectors: ['oil_gas'] });
    const ruRow = ru('Число участников IT-кластера, ед. | 120 | 300', { blockKind: 'table_row', headingPath: ['6. Механизмы реализации и целевые индикаторы'] });
    expect(one(ruRow)).toMatchObject({ kind: 'priority', sectors: ['it_digital'] });
  });

  it('the same row in an analysis section stays context', () => {
    const row = kk('Туристік кластер қатысушыларының саны, бірлік | 300 | 410', { blockKind: 'table_row', headingPath: ['2. Ағымдағы жағдайды талдау'] });
    expect(one(row).kind).toBe('context');
  });
});

describe('sector words that name something else than the cluster', () => {
  it('a zone is a location, medical tourism is tourism, a logistics centre serves the cluster', () => {
    expect(one(ru('формирование тепличного кластера на землях промышленной зоны;')).sectors).toEqual(['food_agro']);
    expect(one(ru('поддержка кластерных проектов в деловом, медицинском и событийном туризме;')).sectors).toEqual(['tourism']);
    expect(one(kk('агроөнеркәсіптік кластерге арналған логистикалық орталық салу;')).sectors).toEqual(['food_agro']);
    expect(one(ru('создание логистического центра для пищевого кластера;')).sectors).toEqual(['food_agro']);
  });

  it('the sector words still count when they qualify the cluster', () => {
    expect(one(ru('развитие медицинского кластера;')).sectors).toEqual(['medical_pharma']);
    expect(one(ru('развитие промышленного кластера;')).sectors).toEqual(['industrial']);
    expect(one(kk('көлік-логистикалық кластерді дамыту;')).sectors).toEqual(['transport_logistics']);
  });

  it('a word next to another cluster word describes that cluster (the nearest head)', () => {
    const ms = matchUnit(cluster, ru('Развитие IT-кластера и кластера креативных индустрий.'));
    expect(ms.map((m) => m.sectors)).toEqual([['it_digital'], ['creative']]);
    const kz = matchUnit(cluster, kk('Ақпараттық технологиялар кластерін және креативті индустриялар кластерін дамыту.'));
    expect(kz.map((m) => m.sectors)).toEqual([['it_digital'], ['creative']]);
    // Coordinated adjectives before one plural head all belong to it.
    const coordinated = one(ru('Город будет развивать научно-образовательный, IT- и биофармацевтический кластеры.'));
    expect(coordinated.sectors).toEqual(['education_science', 'it_digital', 'medical_pharma']);
  });

  it('textiles are light industry, wood is forestry_wood', () => {
    expect(one(ru('формирование текстильного кластера;')).sectors).toEqual(['light_industry']);
    expect(one(kk('тоқыма кластерін қалыптастыру;')).sectors).toEqual(['light_industry']);
    expect(one(ru('формирование кластера лёгкой промышленности;')).sectors).toEqual(['light_industry']);
    expect(one(ru('формирование деревообрабатывающего кластера;')).sectors).toEqual(['forestry_wood']);
  });
});

describe('pattern language: ^Word and requires (small rule files)', () => {
  const load = (rules: string) => {
    const r = loadRuleTexts('t', [{ path: 'rules/t/word.yaml', common: false, text: rules }]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    return r.ruleSet;
  };
  const base = `rules:
  - id: w
    role: trigger
    description: word
    languages: [rus]
    patterns: [кластер*]
    source: test
    examples: { match: [{ text: кластер, kind: context }], no_match: [{ text: завод }] }
`;

  it('^Word matches a capitalised word only, at the start of a sentence or inside it', () => {
    const rs = load(
      base +
        `  - id: named
    description: named
    languages: [rus]
    scope: term
    patterns: ['^северн* кластер*']
    assigns: { kind: other_sense }
    source: test
    examples: { match: [{ text: Северный кластер, kind: other_sense }], no_match: [{ text: северный кластер }] }
`,
    );
    expect(matchUnit(rs, ru('Северный кластер закрыт.'))[0]!.kind).toBe('other_sense');
    expect(matchUnit(rs, ru('Объекты Северного кластера закрыты.'))[0]!.kind).toBe('other_sense');
    expect(matchUnit(rs, ru('Развитие северного кластера.'))[0]!.kind).toBe('context');
  });

  it('requires: the rule fires only with its second cue in the same text', () => {
    const rs = load(
      base +
        `  - id: venue
    description: venue
    languages: [rus]
    scope: unit
    patterns: [кластер*]
    requires: [стадион*, арен*]
    assigns: { kind: other_sense }
    source: test
    examples: { match: [{ text: кластер и стадион, kind: other_sense }], no_match: [{ text: кластер и завод }] }
`,
    );
    expect(matchUnit(rs, ru('Кластер включает стадион.'))[0]!.kind).toBe('other_sense');
    expect(matchUnit(rs, ru('Кластер включает завод.'))[0]!.kind).toBe('context');
  });

  it('reports takes on a rule that is not an anaphor, and a ^ before punctuation', () => {
    const r = loadRuleTexts('t', [
      {
        path: 'rules/t/word.yaml',
        common: false,
        text:
          base +
          `  - id: bad
    description: bad
    languages: [rus]
    takes: [kind]
    patterns: ['^-']
    assigns: { kind: context }
    source: test
    examples: { match: [{ text: кластер, kind: context }], no_match: [{ text: завод }] }
`,
      },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/Expected "takes" only on a rule with "role: anaphor"/);
    expect(messages).toMatch(/Expected a word, word\* or ~stem after "\^"/);
  });
});
