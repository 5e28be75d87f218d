// eval on the hand-made run (test/fixtures/runs/corpus.ts) with a gold file written here whose
// figures were worked out by hand (see the comments on each row).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohensKappa, evaluate } from '../../src/validate/index.js';
import { writeFixtureRun } from './helpers.js';

let runDir: string;
let goldDir: string;

const MENTIONS = `file,page,text,label,sectors,unit_id
kazan_2030.pdf,2,Развитие туристско-рекреационного кластера на основе  исторического центра города,priority,tourism,
kazan_2030.pdf,3,Стратегия предусматривает развитие туристско-рекреационного кластера.,context,tourism,
omsk_2025.pdf,1,На территории города сложился нефтехимический кластер с крупнейшим в стране нефтеперерабатывающим заводом.,priority,oil_gas,
ufa_2030.pdf,1,Типология микрорайонов построена методом иерархической кластеризации.,other_sense,,
kazan_2030.pdf,2,создание условий для роста малого и среднего предпринимательства,none,,
almaty_2050_kk_ru.pdf,2,развитие туристского кластера и модернизация горнолыжной инфраструктуры;,priority,tourism;sport,
kazan_2030.pdf,2,Город станет центром кластера беспилотных авиационных систем.,priority,aerospace,
astana_2050_kk.pdf,1,(copied without the text),priority,food_agro,astana_2050_kk.pdf#p1b0u0
omsk_2025.pdf,1,Ещё не размечено,,,
ufa_2030.pdf,1,Обработка данных ведётся на вычислительном кластере,maybe,,
`;
const CITIES = `city,status
Казань,priorities
Омск,priorities
Челябинск,unreadable
Уфа,no_cluster_policy
`;

beforeAll(async () => {
  runDir = await writeFixtureRun();
  goldDir = await mkdtemp(join(tmpdir(), 'sm-gold-'));
  await writeFile(join(goldDir, 'mentions.csv'), MENTIONS);
  await writeFile(join(goldDir, 'cities.csv'), CITIES);
});
afterAll(async () => {
  await rm(runDir, { recursive: true, force: true });
  await rm(goldDir, { recursive: true, force: true });
});

describe('evaluate', () => {
  it('computes city accuracy, P/R/F1 per kind, kappa and sector accuracy', async () => {
    const { figures: f } = await evaluate(runDir, goldDir);
    expect(f.cities).toMatchObject({ n: 4, correct: 3, accuracy: 0.75 });
    expect(f.cities.disagreements).toEqual([
      { city: 'Омск', gold: 'priorities', tool: 'context_only', note: expect.stringContaining('only as context') },
    ]);
    expect(f.units).toEqual({ coded: 8, matched: 7, notFound: 1, skipped: 1 });
    expect(f.kinds.priority).toMatchObject({ tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6 });
    expect(f.kinds.priority.f1).toBeCloseTo(2 / 3, 10);
    expect(f.kinds.context).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: null });
    expect(f.kinds.other_sense).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    // p_o = 5/8, p_e = (5·4 + 1·1 + 1·1 + 1·2)/64 = 24/64 → κ = 0.25/0.625
    expect(f.observedAgreement).toBe(0.625);
    expect(f.kappa).toBeCloseTo(0.4, 10);
    expect(f.sectors).toMatchObject({ n: 3, exact: 2 });
    expect(f.problems).toEqual(['mentions.csv:11: label expected one of priority, context, other_sense, none, got «maybe»']);
  });

  it('lists every disagreement with its evidence', async () => {
    const { figures: f, report } = await evaluate(runDir, join(goldDir, 'mentions.csv'));
    expect(f.disagreements.map((d) => `${d.goldLine}:${d.what}:${d.gold}->${d.tool}`)).toEqual([
      '3:kind:context->priority',
      '4:kind:priority->context',
      '7:sectors:priority->priority',
      '8:not_found:priority->none',
    ]);
    const omsk = f.disagreements[1];
    expect(omsk).toMatchObject({ file: 'omsk_2025.pdf', page: 1, unitId: 'omsk_2025.pdf#p1b0u0', ruleIds: ['cluster.context'], toolSectors: ['oil_gas'] });
    expect(f.notInGold).toHaveLength(9);
    expect(report).toContain("| Cohen's kappa (units, 4 labels) | 0.400 |");
    expect(report).toContain('| priority | 3 | 1 | 2 | 75.0% | 60.0% | 66.7% |');
    expect(report).toContain('| omsk_2025.pdf | 1 | 4 | kind | priority | context | oil_gas | oil_gas | cluster.context |');
  });

  it('reports a missing gold file as an error that names the path', async () => {
    await expect(evaluate(runDir, join(goldDir, 'nope.csv'))).rejects.toThrow(/nope\.csv: not found/);
  });
});

describe('cohensKappa', () => {
  it('is 1 for perfect agreement over two labels and 0 for chance-level agreement', () => {
    expect(cohensKappa({ a: { a: 5, b: 0 }, b: { a: 0, b: 5 } }).kappa).toBe(1);
    expect(cohensKappa({ a: { a: 25, b: 25 }, b: { a: 25, b: 25 } }).kappa).toBe(0);
    expect(cohensKappa({ a: { a: 3 } }).kappa).toBeNull();
  });
});
