// Kind of an economic occurrence: priority (the document commits the territory) or context
// (described, not committed to). Kind rules weigh evidence from the clause that holds the
// word (tense, aspect, mood, who acts), the unit (who speaks: an article, an expert), the
// list lead-in and the section heading; each rule counts once, at its strongest. Priority
// needs more priority than context evidence; a mention without any commitment is context,
// as ../shared/DOMAIN.md defines it. Close scores are marked uncertain.
import type { MentionKind } from '../records.js';
import type { Fired } from './evidence.js';

export interface KindDecision {
  kind: Exclude<MentionKind, 'other_sense'>;
  uncertain: boolean;
  priority: number;
  context: number;
  basis: Fired[];
  /** Why, in words (built only when asked: `explain` asks, matching does not). */
  describe: () => string;
}

export function decideKind(fired: Fired[]): KindDecision {
  let priority = 0;
  let context = 0;
  const basis: Fired[] = [];
  for (const f of fired) {
    if (f.rule.kind === 'priority') priority += f.weight;
    else if (f.rule.kind === 'context') context += f.weight;
    else continue;
    basis.push(f);
  }
  const kind = priority > context ? 'priority' : 'context';
  // Both sides spoke and one point apart: a reviewer should look.
  const uncertain = priority > 0 && context > 0 && Math.abs(priority - context) <= 1;
  const cues = (k: MentionKind): string =>
    basis
      .filter((f) => f.rule.kind === k)
      .map((f) => `${f.rule.id} [${f.scope}] ${f.weight}`)
      .join(', ');
  const describe = (): string =>
    kind === 'priority'
      ? `priority ${priority} > context ${context}: ${cues('priority')}${context > 0 ? `; against: ${cues('context')}` : ''}`
      : priority === 0
        ? context === 0
          ? 'no commitment found: a mention without commitment is context'
          : `no commitment found; context ${context}: ${cues('context')}`
        : `priority ${priority} <= context ${context}: ${cues('context')}; against: ${cues('priority')}`;
  return { kind, uncertain, priority, context, basis, describe };
}
