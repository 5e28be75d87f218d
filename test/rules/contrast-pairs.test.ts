// Pairs of sentences written for this test (not taken from ../shared/data/mentions/ or
// corpus/gold): each pair shares the cluster and most words, and one change of tense,
// speaker, target year, sense or heading flips the decision. Russian and Kazakh.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSet, matchUnit, type MatchInput, type RuleSet } from '../../src/rules/index.js';

let rs: RuleSet;
beforeAll(async () => {
  const r = await loadRuleSet('rules', 'cluster');
  if (!r.ok) throw new Error('rules do not load');
  rs = r.ruleSet;
});

type Opts = Partial<Omit<MatchInput, 'text' | 'lang'>>;
/** The unit's label: priority if any occurrence is, else context if any is, else other_sense. */
function label(text: string, lang: 'rus' | 'kaz' = 'rus', opts: Opts = {}): string {
  const ms = matchUnit(rs, { text, lang, ...opts });
  if (ms.length === 0) throw new Error(`no occurrence in «${text}»`);
  return ms.some((m) => m.kind === 'priority') ? 'priority' : ms.some((m) => m.kind === 'context') ? 'context' : 'other_sense';
}
const ANALYSIS = { headingPath: ['2. Анализ социально-экономического положения'] };
const TASKS = { headingPath: ['4. Цели и задачи', '4.2. Задачи'] };
const KK_ANALYSIS = { headingPath: ['2. Ағымдағы жағдайды талдау'] };
const KK_TASKS = { headingPath: ['3. Мақсаттар мен міндеттер'] };

describe('past against planned', () => {
  it('Russian', () => {
    expect(label('В 2019 году в районе был создан кластер производителей мебели.')).toBe('context');
    expect(label('До 2029 года в районе будет создан кластер производителей мебели.')).toBe('priority');
    expect(label('Министерство в 2020 году выделило гранты участникам кластера пищевой промышленности.')).toBe('context');
    expect(label('Министерство ежегодно будет выделять гранты участникам кластера пищевой промышленности.')).toBe('priority');
  });
  it('Kazakh', () => {
    expect(label('2019 жылы ауданда жиһаз өндірушілер кластері құрылды.', 'kaz')).toBe('context');
    expect(label('2029 жылға дейін ауданда жиһаз өндірушілер кластері құрылатын болады.', 'kaz')).toBe('priority');
  });
  it('a dated past participle and a body named «…развития» are no commitment; «продолжит» is', () => {
    expect(label('Центр кластерного развития, созданный в 2011 году, оказывает участникам консультационные услуги.')).toBe('context');
    expect(label('В 2008 году фармацевтические компании области объединились в кластер.')).toBe('context');
    expect(label('Центр кластерного развития продолжит консультировать участников кластеров.')).toBe('priority');
  });
  it('in one sentence, the clause that holds the word decides', () => {
    const ms = matchUnit(rs, { text: 'В 2016 году в городе был создан туристский кластер, а к 2030 году планируется сформировать IT-кластер.', lang: 'rus' });
    expect(ms.map((m) => m.kind)).toEqual(['context', 'priority']);
  });
});

describe('description against commitment', () => {
  it('Russian: the cluster as subject of a present stative verb is context; the city acting for it is a priority', () => {
    expect(label('Молочный кластер района объединяет 14 хозяйств и два завода.', 'rus', ANALYSIS)).toBe('context');
    expect(label('Администрация района обеспечит молочному кластеру сбыт через городские школы.', 'rus', TASKS)).toBe('priority');
  });
  it('Kazakh', () => {
    expect(label('Аудандағы сүт кластері 14 шаруашылықты біріктіреді.', 'kaz', KK_ANALYSIS)).toBe('context');
    expect(label('Аудан әкімдігі сүт кластерін дамыту үшін қойма салады.', 'kaz', KK_TASKS)).toBe('priority');
  });
});

describe('an article abstract against a strategy statement', () => {
  it('Russian', () => {
    expect(label('В статье обосновывается необходимость создания агропромышленного кластера в Курганской области.')).toBe('context');
    expect(label('Стратегия предусматривает создание агропромышленного кластера в Курганской области.')).toBe('priority');
    expect(label('По мнению экспертов, городу следует сформировать кластер креативных индустрий.')).toBe('context');
  });
  it('Kazakh', () => {
    expect(label('Мақалада облыста агроөнеркәсіптік кластер құру қажеттігі негізделеді.', 'kaz')).toBe('context');
    expect(label('Бағдарлама облыста агроөнеркәсіптік кластер құруды көздейді.', 'kaz', KK_TASKS)).toBe('priority');
  });
});

describe('a base-year figure against a target', () => {
  it('Russian', () => {
    expect(label('В 2023 году в кластере работали 2,1 тыс. человек.', 'rus', ANALYSIS)).toBe('context');
    expect(label('К 2030 году число работников кластера должно вырасти до 4 тыс. человек.')).toBe('priority');
  });
  it('Kazakh', () => {
    expect(label('2023 жылы кластерде 2,1 мың адам жұмыс істеді.', 'kaz', KK_ANALYSIS)).toBe('context');
    expect(label('2030 жылға қарай кластердегі жұмыскерлер саны 4 мың адамға жетуі тиіс.', 'kaz')).toBe('priority');
  });
});

describe('an IT cluster full of server and cloud words against a computing text', () => {
  it('Russian', () => {
    expect(label('Резидентам IT-кластера город предоставит серверные мощности и облачную платформу по льготной цене.', 'rus', TASKS)).toBe('priority');
    expect(label('Кластер из восьми серверов обслуживает облачную платформу городских данных.')).toBe('other_sense');
    expect(label('Вычислительный кластер университета будет расширен до 200 узлов к 2027 году.')).toBe('other_sense');
  });
  it('Kazakh', () => {
    expect(label('IT-кластер қатысушыларына бұлттық серверлер жеңілдікпен беріледі.', 'kaz', KK_TASKS)).toBe('priority');
    expect(label('Университеттің есептеу кластері 2027 жылға қарай кеңейтіледі.', 'kaz')).toBe('other_sense');
  });
});

describe('a housing «кластер» against an economic one', () => {
  it('Russian', () => {
    expect(label('В 2027 году на окраине будет построен жилой кластер на 3 тысячи квартир.')).toBe('other_sense');
    expect(label('В 2027 году на окраине будет сформирован строительный кластер производителей панелей и окон.')).toBe('priority');
  });
  it('Kazakh', () => {
    expect(label('Қала шетінде тұрғын үй кластері салынады.', 'kaz')).toBe('other_sense');
    expect(label('Қала шетінде құрылыс материалдары кластері құрылады.', 'kaz', KK_TASKS)).toBe('priority');
  });
});

describe('a bare «Развитие кластеров.» under a goals heading', () => {
  it('is a priority there and context in an analysis of results', () => {
    expect(label('Развитие кластеров.', 'rus', { headingPath: ['3. Стратегические цели'] })).toBe('priority');
    expect(label('Кластерлерді дамыту.', 'kaz', KK_TASKS)).toBe('priority');
    expect(label('Кластеры созданы.', 'rus', ANALYSIS)).toBe('context');
    expect(label('Кластер құрылды.', 'kaz', KK_ANALYSIS)).toBe('context');
  });
});

describe('other senses need positive evidence', () => {
  it('an occurrence with no evidence of another sense is economic', () => {
    expect(label('Кластер будет поддержан.')).toBe('priority');
  });
  it('epidemiology, science and games venues', () => {
    expect(label('В интернате выявлен кластер заболеваний гриппом.')).toBe('other_sense');
    expect(label('Ауылдық мектепте жұқтырудың кластері анықталды.', 'kaz')).toBe('other_sense');
    expect(label('Учёные получили кластеры атомов меди размером в нанометр.')).toBe('other_sense');
    expect(label('Олимпийские объекты Горного кластера принимают этапы кубка мира.')).toBe('other_sense');
  });
});

describe('sentences of other senses, one per line (test/rules/fixtures/other-senses.txt)', () => {
  // Written for this project in the styles of cloud manuals, news, science, planning and
  // music texts, Russian and Kazakh. On their first run 23 of 30 came out right; the rules
  // for the seven that failed (nodes, processors, an imperative after a comma, a sample, a
  // housing estate, metal clusters, piano keys) were then widened.
  const lines = readFileSync('test/rules/fixtures/other-senses.txt', 'utf8').split('\n').filter((l) => l.trim());
  it('none is reported as cluster policy', () => {
    const leaks = lines.filter((l) => label(l, /[әғқңөұүһі]/i.test(l) ? 'kaz' : 'rus') !== 'other_sense');
    expect(leaks).toEqual([]);
  });
});

// A second batch, written in the fifth session before the rules were run on it: 30 sentences
// of other senses (test/rules/fixtures/other-senses-2.txt) and 20 policy sentences that share
// their words (test/rules/fixtures/policy-lookalikes.txt: an IT cluster with servers and a data
// centre, a park cluster of a tourist zone; the first 13 plans, the last 7 past facts, an
// article abstract, a definition and a rating). First run: 20 of 30 other-sense lines right,
// 19 of 20 policy lines kept, 19 of 20 kinds right. The word lists of other-senses.yaml were
// then widened (node «узел», accelerators, backups, clustered answers, a medical term,
// hospital beds, a school building, consonants, park amenities) and «мини-футбола» stopped
// reading as a past verb; two misses are left, named below.
describe('second batch of other senses and look-alike policy sentences', () => {
  const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim());
  const lang = (l: string) => (/[әғқңөұүһі]/i.test(l) ? 'kaz' : 'rus');
  // A sport word beside the cluster word weighs as much as the park after it: the tie goes to
  // the economic sense by design (never a false "no mention"), and the unit is marked uncertain.
  const KNOWN_LEAK = 'Спортивный кластер парка включает воркаут-площадку, скейт-парк и поле для мини-футбола.';
  // «Парковый кластер» reads as a park's zone: the tourist zone is too far from the word to count.
  const KNOWN_LOSS = 'Парковый кластер «Зелёная долина» станет основой развития туристско-рекреационной зоны района.';

  it('other senses: none reported as cluster policy but the one named', () => {
    const leaks = read('test/rules/fixtures/other-senses-2.txt').filter((l) => label(l, lang(l)) !== 'other_sense');
    expect(leaks).toEqual([KNOWN_LEAK]);
    expect(matchUnit(rs, { text: KNOWN_LEAK, lang: 'rus' }).every((m) => m.uncertain === true)).toBe(true);
  });

  it('policy sentences keep their sense and their kind (plans priority, facts context) but the one named', () => {
    const lines = read('test/rules/fixtures/policy-lookalikes.txt');
    const wrong = lines.filter((l, i) => label(l, lang(l)) !== (i < 13 ? 'priority' : 'context'));
    expect(wrong).toEqual([KNOWN_LOSS]);
  });
});
