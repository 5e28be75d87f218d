// Matching one unit (sentence or list item) against a compiled rule set.
// 1. find every occurrence of the topic word (trigger rules) — hits.ts finds every
//    pattern once per text, overlapping trigger hits merge (the longest wins);
// 2. per occurrence: its clause (clause.ts), its antecedent if it refers back
//    (anaphora.ts), and the signals that fire in their scopes around it (evidence.ts);
// 3. sense from positive evidence weighed by closeness (sense.ts), then, for an economic
//    occurrence, kind from the clause, lead-in and section (kind.ts); either may be
//    uncertain; categories (sectors, measures, targets) come from the fired signals.
// matchUnit and explainUnit share this code; the trace is only built for explainUnit.
import { anaphorOf, findAntecedent, type AntecedentSite } from './anaphora.js';
import { clauseOf } from './clause.js';
import { evidence, gatherEvidence, type Fired, type OccurrenceContext } from './evidence.js';
import { collectHits, findSection, prepare, viewOf, NONE, type Hit, type Prepared, type TextView } from './hits.js';
import { decideKind } from './kind.js';
import { decideSense } from './sense.js';
import { stemRu } from './stem.js';
import { tokenize } from './tokenize.js';
import { matchKey } from '../text/normalize.js';
import type { MentionKind } from '../records.js';
import type { CompiledRule, Explanation, MatchInput, OccurrenceExplanation, RuleSet, UnitMatch } from './types.js';

export function matchUnit(ruleSet: RuleSet, input: MatchInput): UnitMatch[] {
  const r = analyse(ruleSet, input, false);
  return r ? r.occurrences.map((o) => o.match) : [];
}

export function explainUnit(ruleSet: RuleSet, input: MatchInput): Explanation {
  const prepared = prepare(input.text);
  const tokens = tokenize(prepared.text);
  const usesStems = ruleSet.index.unit.usesStems;
  const base: Explanation = {
    topic: ruleSet.topic,
    text: input.text,
    lang: input.lang,
    headingPath: input.headingPath ?? [],
    tokens: tokens.map((t) => ({
      text: input.text.slice(prepared.map(t.start), prepared.map(t.end - 1) + 1),
      key: t.key,
      ...(usesStems && t.isWord ? { stem: stemRu(t.key) } : {}),
      start: prepared.map(t.start),
      end: prepared.map(t.end - 1) + 1,
    })),
    occurrences: [],
  };
  if (input.leadIn !== undefined) base.leadIn = input.leadIn;
  if (input.blockKind !== undefined) base.blockKind = input.blockKind;
  if (input.previous !== undefined) base.previous = input.previous;
  const r = analyse(ruleSet, input, true);
  if (!r) return { ...base, note: `no word of the topic "${ruleSet.topic}" in the text` };
  if (r.sectionHeading !== undefined) base.sectionHeading = r.sectionHeading;
  return { ...base, occurrences: r.occurrences };
}

interface Analysis {
  occurrences: OccurrenceExplanation[];
  sectionHeading?: string;
}

function analyse(rs: RuleSet, input: MatchInput, trace: boolean): Analysis | null {
  const prepared = prepare(input.text);
  const key = matchKey(prepared.text);
  if (rs.prefilter && !rs.prefilter.test(key)) return null;
  const unit: TextView = { text: prepared.text, key, tokens: tokenize(prepared.text, key) };
  // The matcher's own tokens (not cached): Kazakh verb forms are read on a Kazakh unit's words.
  if (input.lang === 'kaz') for (const t of unit.tokens) t.kazakh = true;
  const unitHits = collectHits(rs, rs.index.unit, unit);

  // Occurrences: valid trigger hits, overlapping ones merged (the longest wins).
  const triggerHits: { hit: Hit; rule: CompiledRule }[] = [];
  for (const ri of unitHits.touched) {
    const rule = rs.rules[ri]!;
    if (rule.role !== 'trigger') continue;
    for (const h of unitHits.valid[ri]!) triggerHits.push({ hit: h, rule });
  }
  if (triggerHits.length === 0) return null;
  triggerHits.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
  const occ: { hit: Hit; rule: CompiledRule }[] = [];
  for (const t of triggerHits) {
    const last = occ[occ.length - 1];
    if (last && t.hit.start < last.hit.end) continue;
    occ.push(t);
  }

  const leadIn = input.leadIn ? viewOf(input.leadIn) : null;
  const leadHits = leadIn ? collectHits(rs, rs.index.leadIn, leadIn) : null;
  const section = findSection(rs, input.headingPath ?? []);

  const out: Analysis = { occurrences: [] };
  if (section) out.sectionHeading = section.view.text;
  let outside: AntecedentSite | null | undefined; // resolved once per unit, when first needed
  occ.forEach((o, k) => {
    const anaphor = rs.antecedentRules.length > 0 ? anaphorOf(rs, unit, unitHits, o.hit) : null;
    let site: AntecedentSite | null = null;
    if (anaphor) {
      if (k > 0) site = { source: 'unit', view: unit, hits: unitHits, occ: occ[k - 1]!.hit };
      else {
        if (outside === undefined) outside = findAntecedent(rs, input);
        site = outside;
      }
    }
    const others = occ.length > 1 ? occ.filter((x) => x !== o).map((x) => x.hit) : NONE;
    out.occurrences.push(
      classify({ rs, input, prepared, unit, unitHits, occ: o.hit, rule: o.rule, others, leadIn, leadHits, section, anaphor: anaphor ? { rule: anaphor, site } : null, trace }),
    );
  });
  return out;
}


function classify(
  c: Omit<OccurrenceContext, 'clause' | 'anaphor'> & { rule: CompiledRule; anaphor: { rule: CompiledRule; site: AntecedentSite | null } | null },
): OccurrenceExplanation {
  const { input, prepared, unit, occ, trace } = c;
  const clause = clauseOf(unit.tokens, occ.start, occ.end);
  const { fired, cancelled } = gatherEvidence({ ...c, clause });
  const sense = decideSense(fired);
  let kind: MentionKind;
  let uncertain: boolean;
  let reason: string;
  let contributing: Fired[];
  let scores = { priority: 0, context: 0 };
  if (!sense.topic) {
    kind = 'other_sense';
    uncertain = sense.uncertain;
    reason = trace ? sense.describe() : '';
    contributing = sense.basis;
  } else {
    const k = decideKind(fired);
    kind = k.kind;
    uncertain = k.uncertain;
    reason = trace ? `${k.describe()} (sense: ${sense.describe()}${sense.uncertain ? ', uncertain' : ''})` : '';
    // A weakly economic occurrence stays visible as uncertain whatever its kind.
    uncertain = uncertain || sense.uncertain;
    contributing = fired.filter((f) => f.rule.kind !== 'other_sense');
    scores = { priority: k.priority, context: k.context };
  }
  const sectors = new Set<string>();
  const measures = new Set<string>();
  const targets = new Set<string>();
  const ruleIds = [c.rule.id];
  // The anaphor rule is named when the antecedent changed the result.
  if (c.anaphor && contributing.some((f) => f.viaAntecedent)) ruleIds.push(c.anaphor.rule.id);
  for (const f of contributing) {
    ruleIds.push(f.rule.id);
    if (kind === 'other_sense') continue;
    for (const s of f.rule.sectors) sectors.add(s);
    for (const s of f.rule.measures) measures.add(s);
    for (const s of f.rule.targets) targets.add(s);
  }
  const start = prepared.map(occ.charStart);
  const end = prepared.map(occ.charEnd - 1) + 1;
  const match: UnitMatch = {
    kind,
    sectors: [...sectors].sort(),
    measures: [...measures].sort(),
    targets: [...targets].sort(),
    ruleIds,
    terms: [unit.text.slice(occ.charStart, occ.charEnd)],
    start,
    end,
  };
  if (uncertain) match.uncertain = true;
  const result: OccurrenceExplanation = {
    match,
    surface: input.text.slice(start, end),
    trigger: evidence(c.rule, 'term', occ, trace ? unit : null, 0, prepared, input.text, true),
    fired: trace ? fired.flatMap((f) => (f.ev ? [f.ev] : [])) : [],
    cancelled,
    scores,
    reason,
  };
  if (trace) {
    result.clause = clauseText(unit, clause, prepared, input.text);
    if (c.anaphor) {
      const site = c.anaphor.site;
      result.anaphor = { ruleId: c.anaphor.rule.id };
      if (site) {
        const surface =
          site.view === unit
            ? input.text.slice(prepared.map(site.occ.charStart), prepared.map(site.occ.charEnd - 1) + 1)
            : site.view.text.slice(site.occ.charStart, site.occ.charEnd);
        result.anaphor.antecedent = { source: site.source, text: site.view === unit ? input.text : site.view.text, surface };
      }
    }
  }
  return result;
}

/** The clause as written in the input, its cut-out parts shown as «…». */
function clauseText(unit: TextView, clause: { start: number; end: number }[], prepared: Prepared, text: string): string {
  return clause
    .filter((r) => r.end > r.start)
    .map((r) => text.slice(prepared.map(unit.tokens[r.start]!.start), prepared.map(unit.tokens[r.end - 1]!.end - 1) + 1))
    .join(' … ');
}

