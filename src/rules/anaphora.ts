// Occurrences that refer back to a cluster named before («этого кластера», «для
// предприятий кластера») and the place of that antecedent: earlier in the unit, the
// previous unit, the lead-in or a heading.
import { matchKey } from '../text/normalize.js';
import { collectHits, distance, inWindow, viewOf, type Hit, type RuleHits, type TextView } from './hits.js';
import type { CompiledRule, MatchInput, RuleSet } from './types.js';

/** Where an anaphoric occurrence's antecedent was found: the text, its hits, the occurrence. */
export interface AntecedentSite {
  source: 'unit' | 'previous' | 'lead_in' | 'heading';
  view: TextView;
  hits: RuleHits;
  occ: Hit;
}

/** The first anaphor rule whose match lies in its scope around the occurrence. */
export function anaphorOf(rs: RuleSet, unit: TextView, unitHits: RuleHits, occ: Hit): CompiledRule | null {
  for (const ri of unitHits.touched) {
    const rule = rs.rules[ri]!;
    if (rule.role !== 'anaphor') continue;
    for (const h of unitHits.valid[ri]!) {
      const d = distance(unit.tokens, h, occ);
      if (rule.scopes.includes('term') && d === 0) return rule;
      if (rule.scopes.includes('near') && inWindow(d, rule.window)) return rule;
    }
  }
  return null;
}

/**
 * The cluster named before the unit: the last occurrence of the topic word in the previous
 * unit, else in the lead-in, else in the headings from the innermost out. The nearest text
 * that names the word wins, as a reader resolves «этого кластера» to the latest mention.
 */
export function findAntecedent(rs: RuleSet, input: MatchInput): AntecedentSite | null {
  if (input.previous) {
    const a = antecedentIn(rs, input.previous);
    if (a) return { source: 'previous', ...a };
  }
  if (input.leadIn) {
    const a = antecedentIn(rs, input.leadIn);
    if (a) return { source: 'lead_in', ...a };
  }
  const hp = input.headingPath ?? [];
  for (let i = hp.length - 1; i >= 0; i--) {
    const a = antecedentIn(rs, hp[i]!);
    if (a) return { source: 'heading', ...a };
  }
  return null;
}

type AntecedentText = { view: TextView; hits: RuleHits; occ: Hit } | null;
const antecedentCache = new WeakMap<RuleSet, Map<string, AntecedentText>>();
/** The last occurrence of the topic word in a text, with the text's antecedent-index hits (cached: a previous unit is looked at again by the next one). */
function antecedentIn(rs: RuleSet, text: string): AntecedentText {
  let m = antecedentCache.get(rs);
  if (!m) antecedentCache.set(rs, (m = new Map()));
  let r = m.get(text);
  if (r === undefined) {
    r = null;
    if (!rs.prefilter || rs.prefilter.test(matchKey(text))) {
      const view = viewOf(text);
      const hits = collectHits(rs, rs.index.antecedent, view);
      let last: Hit | null = null;
      for (const ri of hits.touched) {
        if (rs.rules[ri]!.role !== 'trigger') continue;
        for (const h of hits.valid[ri]!) if (!last || h.start > last.start) last = h;
      }
      if (last) r = { view, hits, occ: last };
    }
    if (m.size > 5000) m.clear();
    m.set(text, r);
  }
  return r;
}

