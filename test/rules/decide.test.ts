// src/rules/sense.ts and src/rules/kind.ts on hand-made evidence lists: how closeness and
// weights decide, and when a decision is marked uncertain.
import { describe, expect, it } from 'vitest';
import type { Fired, FiredScope } from '../../src/rules/evidence.js';
import { decideKind } from '../../src/rules/kind.js';
import { decideSense } from '../../src/rules/sense.js';
import type { CompiledRule } from '../../src/rules/types.js';

function rule(id: string, over: Partial<CompiledRule> = {}): CompiledRule {
  return {
    id,
    description: id,
    file: 't.yaml',
    pos: { file: 't.yaml', line: 1, column: 1 },
    languages: ['rus'],
    role: 'signal',
    scopes: ['unit'],
    window: { before: 5, after: 5 },
    patterns: [],
    exclusions: [],
    requires: [],
    weight: 1,
    sectors: [],
    measures: [],
    targets: [],
    source: 't',
    examples: { match: [], noMatch: [] },
    examplesTopic: 'cluster',
    ...over,
  };
}
function fired(r: CompiledRule, scope: FiredScope, extra: Partial<Fired> = {}): Fired {
  return { rule: r, scope, weight: r.weight, ev: null, viaAntecedent: false, distance: null, inClause: true, ...extra };
}
const other = (w = 1): CompiledRule => rule('computing', { kind: 'other_sense', weight: w });
const sector = rule('sector-it', { sectors: ['it_digital'] });

describe('decideSense', () => {
  it('no evidence of another sense: economic by default, certain', () => {
    expect(decideSense([])).toMatchObject({ topic: true, uncertain: false });
  });
  it('a phrase of another sense beats a weak economic word', () => {
    const d = decideSense([fired(other(), 'near'), fired(rule('econ', { role: 'sense' }), 'unit')]);
    expect(d).toMatchObject({ topic: false, uncertain: false, other: 3, economic: 1 });
  });
  it('a sector modifier in the clause outweighs computing words elsewhere in the unit', () => {
    const d = decideSense([fired(other(), 'unit'), fired(sector, 'near', { distance: -1 })]);
    expect(d).toMatchObject({ topic: true, economic: 3, other: 1 });
  });
  it('weak other-sense evidence alone decides, but is uncertain', () => {
    expect(decideSense([fired(other(), 'unit')])).toMatchObject({ topic: false, uncertain: true });
  });
  it('a sector word outside the clause counts as weak', () => {
    const d = decideSense([fired(other(), 'clause'), fired(sector, 'near', { distance: 3, inClause: false })]);
    expect(d).toMatchObject({ topic: false, other: 2, economic: 1, uncertain: true });
  });
  it('weak economic evidence counts once however many words there are', () => {
    const weak = ['a', 'b', 'c'].map((id) => fired(rule(id, { role: 'sense' }), 'unit'));
    expect(decideSense([fired(other(), 'near'), ...weak])).toMatchObject({ topic: false, economic: 1 });
  });
  it('a demonstrative takes the other sense of its antecedent', () => {
    const d = decideSense([fired(other(), 'antecedent', { viaAntecedent: true }), fired(sector, 'near', { distance: 0 })]);
    expect(d).toMatchObject({ topic: false, uncertain: false });
  });
});

describe('decideKind', () => {
  const plan = rule('plan', { kind: 'priority', weight: 3 });
  const past = rule('past', { kind: 'context', weight: 3 });
  const section = rule('section-plan', { kind: 'priority', weight: 2 });
  it('no commitment is context, and certain', () => {
    expect(decideKind([])).toMatchObject({ kind: 'context', uncertain: false });
  });
  it('priority needs more priority than context evidence', () => {
    expect(decideKind([fired(plan, 'clause'), fired(past, 'clause')])).toMatchObject({ kind: 'context', uncertain: true });
    expect(decideKind([fired(plan, 'clause'), fired(section, 'heading'), fired(past, 'clause')])).toMatchObject({ kind: 'priority', uncertain: false });
  });
  it('a one-point margin is uncertain', () => {
    expect(decideKind([fired(section, 'heading'), fired(rule('stative', { kind: 'context', weight: 1 }), 'clause')])).toMatchObject({ kind: 'priority', uncertain: true });
  });
});
