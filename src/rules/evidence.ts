// The signals that fire for one occurrence: each rule's best match in its scopes around
// the occurrence (term, near, clause, unit, lead-in, section heading, block kind, and for an
// anaphoric occurrence the antecedent). sense.ts and kind.ts decide from this list; the
// trace that `explain` prints is built from it too.
import type { AntecedentSite } from './anaphora.js';
import { inClause, type Clause } from './clause.js';
import { belongsToAnother, distance, headingHitsOf, inWindow, patternOf, type Hit, type Prepared, type RuleHits, type TextView } from './hits.js';
import type { CompiledRule, MatchInput, RuleEvidence, RuleSet } from './types.js';

export type FiredScope = RuleEvidence['scope'];

export interface Fired {
  rule: CompiledRule;
  scope: FiredScope;
  weight: number;
  /** Set only when a trace is built. */
  ev: RuleEvidence | null;
  /** True when the match was found around the antecedent of an anaphoric occurrence. */
  viaAntecedent: boolean;
  /** Words between the match and the occurrence (0: overlapping), for a match in the unit. */
  distance: number | null;
  /** For a match in the unit: it lies in the clause that holds the occurrence. */
  inClause: boolean;
}

export interface OccurrenceContext {
  rs: RuleSet;
  input: MatchInput;
  prepared: Prepared;
  unit: TextView;
  unitHits: RuleHits;
  occ: Hit;
  /** The other occurrences in the unit (a modifier between belongs to the nearer one). */
  others: Hit[];
  clause: Clause;
  leadIn: TextView | null;
  leadHits: RuleHits | null;
  section: { view: TextView; hits: RuleHits } | null;
  anaphor: { rule: CompiledRule; site: AntecedentSite | null } | null;
  trace: boolean;
}

/** Scopes ordered from the closest to the occurrence to the farthest: a rule counts once, at its closest. */
const SCOPE_ORDER: FiredScope[] = ['term', 'near', 'clause', 'unit', 'lead_in', 'heading', 'block_kind', 'antecedent'];

export function gatherEvidence(c: OccurrenceContext): { fired: Fired[]; cancelled: RuleEvidence[] } {
  const { rs, input, unit, unitHits, occ } = c;
  const fired: Fired[] = [];
  const cancelled: RuleEvidence[] = [];
  // Only rules that found something here, plus those that look at headings or block kinds.
  const todo = new Array<boolean>(rs.rules.length).fill(false);
  for (const ri of unitHits.touched) todo[ri] = true;
  if (c.leadHits) for (const ri of c.leadHits.touched) todo[ri] = true;
  if ((input.headingPath?.length ?? 0) > 0) for (const ri of rs.headingRules) todo[ri] = true;
  for (const ri of rs.blockRules) todo[ri] = true;
  for (let ri = 0; ri < todo.length; ri++) {
    if (!todo[ri]) continue;
    const rule = rs.rules[ri]!;
    if (rule.role === 'trigger' || rule.role === 'anaphor') continue;
    const blockOk = !rule.blockKinds || (input.blockKind !== undefined && rule.blockKinds.includes(input.blockKind));
    if (!blockOk) continue;
    type Best = { scope: FiredScope; hit: Hit | null; view: TextView | null; weight: number; d: number | null; inClause: boolean };
    let best: Best | null = null;
    const consider = (scope: FiredScope, hit: Hit | null, view: TextView | null, weight: number, d: number | null = null): void => {
      const b = best as Best | null;
      const closer = b !== null && (SCOPE_ORDER.indexOf(scope) < SCOPE_ORDER.indexOf(b.scope) || (scope === b.scope && d !== null && (b.d === null || Math.abs(d) < Math.abs(b.d))));
      if (!b || weight > b.weight || (weight === b.weight && closer)) {
        best = { scope, hit, view, weight, d, inClause: hit !== null && view === unit && (d === 0 || inClause(c.clause, hit.start, hit.end)) };
      }
    };
    if (rule.patterns.length === 0) consider('block_kind', null, null, rule.weight);
    for (const scope of rule.patterns.length === 0 ? [] : rule.scopes) {
      if (scope === 'term' || scope === 'near' || scope === 'clause' || scope === 'unit') {
        for (const h of unitHits.valid[ri]!) {
          const d = distance(unit.tokens, h, occ);
          if (scope === 'term' && d !== 0) continue;
          if (scope === 'near' && (!inWindow(d, rule.window) || (c.others.length > 0 && d !== 0 && belongsToAnother(h, occ, c.others, input.lang === 'kaz')))) continue;
          if (scope === 'clause' && d !== 0 && !inClause(c.clause, h.start, h.end)) continue;
          const w = rule.nearWeight !== undefined && d < 0 && -d <= rule.window.before ? rule.nearWeight : rule.weight;
          consider(scope, h, unit, w, d);
        }
      } else if (scope === 'lead_in' && c.leadIn && c.leadHits) {
        const h = c.leadHits.valid[ri]![0];
        if (h) consider(scope, h, c.leadIn, rule.weight);
      } else if (scope === 'heading' && rule.kind !== undefined && rule.kind !== 'other_sense' && c.section) {
        // Kind rules read the innermost heading a section rule recognises.
        const h = c.section.hits.valid[ri]![0];
        if (h) consider(scope, h, c.section.view, rule.weight);
      } else if (scope === 'heading') {
        // Sense and category rules look at every heading of the path, innermost first.
        const path = input.headingPath ?? [];
        for (let i = path.length - 1; i >= 0; i--) {
          const hh = headingHitsOf(rs, path[i]!);
          const h = hh.hits.valid[ri]![0];
          if (h) {
            consider(scope, h, hh.view, rule.weight);
            break;
          }
        }
      }
    }
    if (best) {
      const b = best as Best;
      fired.push({
        rule,
        scope: b.scope,
        weight: b.weight,
        viaAntecedent: false,
        distance: b.d,
        inClause: b.inClause,
        ev: c.trace ? evidence(rule, b.scope, b.hit, b.view, b.weight, c.prepared, input.text, b.view === unit) : null,
      });
    }
    // Explain shows every match an exclusion cancelled, also when the rule fired otherwise.
    if (c.trace) {
      for (const x of unitHits.cancelled[ri]!) {
        const ev = evidence(rule, rule.scopes[0]!, x.hit, unit, rule.weight, c.prepared, input.text, true);
        if (x.by) ev.cancelledBy = { pattern: patternOf(rs, x.by.ref).src, matched: unit.text.slice(x.by.charStart, x.by.charEnd) };
        else ev.missingRequires = rule.requires.map((p) => p.src);
        cancelled.push(ev);
      }
    }
  }
  if (c.anaphor?.site) fired.push(...antecedentEvidence(c, fired));
  return { fired, cancelled };
}

/**
 * An anaphoric occurrence: rules with scope antecedent look around the cluster it refers
 * to. A kind rule counts when the anaphor takes the kind; a category rule only fills a
 * group (sectors, measures, targets) the occurrence names nothing of itself.
 */
function antecedentEvidence(c: OccurrenceContext, own: Fired[]): Fired[] {
  const { rs, unit, unitHits } = c;
  const site = c.anaphor!.site!;
  const takes = c.anaphor!.rule.takes ?? { kind: true, categories: true };
  const has = { sectors: false, measures: false, targets: false };
  for (const f of own) {
    if (f.rule.sectors.length) has.sectors = true;
    if (f.rule.measures.length) has.measures = true;
    if (f.rule.targets.length) has.targets = true;
  }
  const out: Fired[] = [];
  for (const ri of rs.antecedentRules) {
    const rule = rs.rules[ri]!;
    if (rule.role === 'trigger' || rule.role === 'anaphor') continue;
    const hasCats = rule.sectors.length + rule.measures.length + rule.targets.length > 0;
    const catsFree = (rule.sectors.length === 0 || !has.sectors) && (rule.measures.length === 0 || !has.measures) && (rule.targets.length === 0 || !has.targets);
    const useful = (rule.kind !== undefined && takes.kind) || (hasCats && takes.categories && catsFree);
    if (!useful || own.some((f) => f.rule === rule)) continue;
    const hits = site.source === 'unit' ? unitHits.valid[ri]! : site.hits.valid[ri]!;
    const h = hits.find((x) => inWindow(distance(site.view.tokens, x, site.occ), rule.window));
    if (!h) continue;
    out.push({
      rule,
      scope: 'antecedent',
      weight: rule.weight,
      viaAntecedent: true,
      distance: null,
      inClause: false,
      ev: c.trace ? evidence(rule, 'antecedent', h, site.view, rule.weight, c.prepared, c.input.text, site.view === unit) : null,
    });
  }
  return out;
}

export function evidence(
  rule: CompiledRule,
  scope: FiredScope,
  hit: Hit | null,
  view: TextView | null,
  weight: number,
  prepared: Prepared,
  unitText: string,
  isUnit: boolean,
): RuleEvidence {
  let matched = '';
  if (hit && view) {
    matched = isUnit ? unitText.slice(prepared.map(hit.charStart), prepared.map(hit.charEnd - 1) + 1) : view.text.slice(hit.charStart, hit.charEnd);
  }
  const ev: RuleEvidence = {
    ruleId: rule.id,
    file: rule.file,
    role: rule.role,
    scope,
    pattern: hit ? (rule.patterns[hit.ref.pattern]?.src ?? '') : `block kind ${rule.blockKinds?.join('|') ?? ''}`,
    matched,
    sectors: rule.sectors,
    measures: rule.measures,
    targets: rule.targets,
  };
  if (rule.kind) ev.kind = rule.kind;
  ev.weight = weight;
  return ev;
}
