// Sense of one occurrence: economic (the topic's sense) or another sense, from positive
// evidence weighed by how close to the word it was found.
//   - The phrase around the word decides first: its modifiers and complements
//     («вычислительный кластер», «кластер из 12 узлов», «жилой кластер» against
//     «туристский кластер», «IT-кластер»), then the clause, then the section or the kind of
//     document (a heading «Документация > Kubernetes»), and words elsewhere in the unit
//     count least («сервер» in a sentence about an IT cluster's support measures).
//   - Other sense needs positive evidence. An occurrence with none is economic: a
//     strategy is an economic document.
//   - When the two sides are close, the decision is marked uncertain and shown for review.
import type { Fired, FiredScope } from './evidence.js';

/** Strength of a piece of evidence by where it was found (closest counts most). */
const STRENGTH: Record<FiredScope, number> = {
  term: 4,
  block_kind: 4,
  near: 3,
  clause: 2,
  lead_in: 2,
  heading: 2,
  // Other-sense evidence around a demonstrative's antecedent decides before any sum (see
  // decideSense); economic evidence there counts as a sector two words away.
  antecedent: 2,
  unit: 1,
};

export interface SenseDecision {
  topic: boolean;
  uncertain: boolean;
  other: number;
  economic: number;
  /** The fired rules the decision rests on. */
  basis: Fired[];
  /** Why, in words (built only when asked: `explain` asks, matching does not). */
  describe: () => string;
}

/** How strongly a fired rule speaks for another sense: by where it was found. */
function otherStrength(f: Fired): number {
  // A pattern that takes in the word itself is its phrase («жилой кластер»), whatever
  // scope the rule declares.
  const scope = f.distance === 0 ? 'term' : f.scope;
  return STRENGTH[scope] * f.rule.weight;
}

/**
 * Economic evidence: sector, measure and target rules, sense rules, and a recognised section
 * of a strategy. A sector word that modifies the word in its clause («туристского
 * кластера», «кластер информационных технологий») is as strong as a phrase of another sense.
 * The rest — an economic word elsewhere, a section heading — only says that the text is a
 * strategy, which the default already assumes: together it counts at most WEAK_ECONOMIC_CAP.
 */
function economicStrength(f: Fired): { strong: number; weak: number } {
  const r = f.rule;
  const none = { strong: 0, weak: 0 };
  if (r.kind === 'other_sense') return none;
  if (r.role === 'sense') return f.scope === 'term' ? { strong: STRENGTH.term * r.weight, weak: 0 } : { strong: 0, weak: 1 };
  if (r.sectors.length > 0) {
    const close = f.scope === 'term' || f.distance === 0 || ((f.scope === 'near' || (f.distance !== null && Math.abs(f.distance) <= 2)) && f.inClause);
    if (close) return { strong: STRENGTH.near, weak: 0 };
    return f.scope === 'antecedent' ? { strong: STRENGTH.antecedent, weak: 0 } : { strong: 0, weak: 1 };
  }
  if (r.measures.length + r.targets.length > 0) return { strong: 0, weak: 1 };
  if (f.scope === 'heading' && (r.kind === 'priority' || r.kind === 'context')) return { strong: 0, weak: 1 };
  return none;
}

const WEAK_ECONOMIC_CAP = 1;

export function decideSense(fired: Fired[]): SenseDecision {
  let other = 0;
  let economic = 0;
  const otherBasis: Fired[] = [];
  const econBasis: Fired[] = [];
  let weak = 0;
  for (const f of fired) {
    if (f.rule.kind === 'other_sense') {
      other += otherStrength(f);
      otherBasis.push(f);
    } else {
      const e = economicStrength(f);
      if (e.strong + e.weak > 0) {
        economic += e.strong;
        weak += e.weak;
        econBasis.push(f);
      }
    }
  }
  economic += Math.min(weak, WEAK_ECONOMIC_CAP);
  const ids = (fs: Fired[]): string => fs.map((f) => `${f.rule.id} [${f.scope}]`).join(', ');
  // A demonstrative («этого кластера») is the cluster it refers to: when that one is of
  // another sense, so is this occurrence, whatever words stand around it.
  const inherited = otherBasis.filter((f) => f.scope === 'antecedent');
  if (inherited.length > 0) {
    return { topic: false, uncertain: false, other, economic, basis: inherited, describe: () => `refers to a cluster of another sense: ${ids(inherited)}` };
  }
  if (other === 0) {
    return { topic: true, uncertain: false, other, economic, basis: econBasis, describe: () => economic > 0 ? `economic sense: ${ids(econBasis)}` : 'no evidence of another sense: economic by default' };
  }
  if (other > economic) {
    // Weak alone (one word somewhere in the unit), or close to the economic side.
    const uncertain = other - economic <= 1 || other <= 1;
    return {
      topic: false,
      uncertain,
      other,
      economic,
      basis: otherBasis,
      describe: () => `other sense ${other} > economic ${economic}: ${ids(otherBasis)}${economic > 0 ? `; against: ${ids(econBasis)}` : ''}`,
    };
  }
  return {
    topic: true,
    uncertain: economic - other <= 1,
    other,
    economic,
    basis: econBasis,
    describe: () => `economic ${economic} >= other sense ${other}: ${ids(econBasis)}; against: ${ids(otherBasis)}`,
  };
}
