// Matching one unit (sentence or list item) against a compiled rule set.
// 1. find every occurrence of the topic word (trigger rules);
// 2. find every signal pattern once, drop matches an exclusion of the same rule overlaps;
// 3. per occurrence, a signal fires when one of its matches lies in its scope (term, near,
//    unit, lead-in, section heading) or the block kind fits;
// 4. kind: any other_sense signal wins; otherwise priority when the priority evidence
//    outweighs the context evidence, else context (a mention without commitment is context,
//    as ../shared/DOMAIN.md defines it); categories are the union of the fired signals'.
// matchUnit and explainUnit share this code; the trace is only built for explainUnit.
import type { MentionKind } from '../records.js';
import { matchKey, normalizeText } from '../text/normalize.js';
import { prefixKey } from './compile.js';
import { elementMatches, matchAfterFirst, type CompiledPattern } from './pattern.js';
import { stemRu } from './stem.js';
import { tokenize, type Token } from './tokenize.js';
import type {
  CompiledRule,
  Explanation,
  MatchInput,
  OccurrenceExplanation,
  PatternIndex,
  PatternRef,
  RuleEvidence,
  RuleSet,
  UnitMatch,
} from './types.js';

/** A pattern found in a text: token range [start, end) and character range. */
interface Hit {
  ref: PatternRef;
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
}

interface TextView {
  text: string;
  /** matchKey(text): what text patterns run on. */
  key: string;
  tokens: Token[];
}

/** Valid (not excluded) hits of each rule in one text, and the cancelled ones for explain. */
interface RuleHits {
  valid: Hit[][];
  /** by: the exclusion that overlapped the hit, or null when none of the rule's `requires` matched. */
  cancelled: { hit: Hit; by: Hit | null }[][];
  /** Indexes of the rules with any hit (valid or cancelled), ascending. */
  touched: number[];
}

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

/** Text as matched (normalised) and a map from its offsets back to the input's. */
interface Prepared {
  text: string;
  map: (i: number) => number;
}

// normalizeText only deletes characters (soft hyphens, zero-width) or replaces one by one,
// except for NFC composition; units from the text stage are already normalised, so the
// identity map is the common case.
// Characters normalizeText would change: soft hyphen, odd spaces, zero-width, hyphen
// variants, combining marks (NFC), Latin next to Cyrillic (look-alikes). Text without any
// is already normalised, and skipping the call matters on the hot path.
function needsNormalizing(s: string): boolean {
  let prev = 0; // 1 Latin letter, 2 Cyrillic letter, 0 other
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let cls = 0;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) cls = 1;
    else if (c >= 0x400 && c <= 0x4ff) cls = 2;
    else if (
      c === 0xad ||
      c === 0xa0 ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x2010 ||
      c === 0x2011 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x2060 ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0x300 && c <= 0x36f)
    ) {
      return true;
    }
    if (cls !== 0 && prev !== 0 && cls !== prev) return true;
    prev = cls;
  }
  return false;
}
const IDENTITY = (i: number): number => i;

function prepare(raw: string): Prepared {
  if (!needsNormalizing(raw)) return { text: raw, map: IDENTITY };
  const norm = normalizeText(raw);
  if (norm === raw || norm.length === raw.length) return { text: norm, map: (i) => i };
  const keep: number[] = [];
  let cleaned = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (/[\u00AD\u200B-\u200D\u2060\uFEFF]/.test(ch)) continue;
    keep.push(i);
    cleaned += ch;
  }
  keep.push(raw.length);
  const renorm = normalizeText(cleaned);
  const text = renorm.length === cleaned.length ? renorm : cleaned;
  return { text, map: (i) => keep[Math.min(i, keep.length - 1)]! };
}

function analyse(rs: RuleSet, input: MatchInput, trace: boolean): Analysis | null {
  const prepared = prepare(input.text);
  const key = matchKey(prepared.text);
  if (rs.prefilter && !rs.prefilter.test(key)) return null;
  const unit: TextView = { text: prepared.text, key, tokens: tokenize(prepared.text, key) };
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
    out.occurrences.push(classify(rs, input, prepared, unit, unitHits, o, others, leadIn, leadHits, section, anaphor ? { rule: anaphor, site } : null, trace));
  });
  return out;
}

/** Where an anaphoric occurrence's antecedent was found: the text, its hits, the occurrence. */
interface AntecedentSite {
  source: 'unit' | 'previous' | 'lead_in' | 'heading';
  view: TextView;
  hits: RuleHits;
  occ: Hit;
}

/** The first anaphor rule whose match lies in its scope around the occurrence. */
function anaphorOf(rs: RuleSet, unit: TextView, unitHits: RuleHits, occ: Hit): CompiledRule | null {
  for (const ri of unitHits.touched) {
    const rule = rs.rules[ri]!;
    if (rule.role !== 'anaphor') continue;
    for (const h of unitHits.valid[ri]!) {
      const d = distance(unit.tokens, h, occ);
      if (rule.scopes.includes('term') && d === 0) return rule;
      if (rule.scopes.includes('near') && (d === 0 || (d < 0 ? -d <= rule.window.before : d <= rule.window.after))) return rule;
    }
  }
  return null;
}

/**
 * The cluster named before the unit: the last occurrence of the topic word in the previous
 * unit, else in the lead-in, else in the headings from the innermost out. The nearest text
 * that names the word wins, as a reader resolves «этого кластера» to the latest mention.
 */
function findAntecedent(rs: RuleSet, input: MatchInput): AntecedentSite | null {
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

const viewCache = new Map<string, TextView>();
/** Lead-ins and headings repeat for every unit of a section: tokenise each once. */
function viewOf(text: string): TextView {
  let v = viewCache.get(text);
  if (!v) {
    const norm = normalizeText(text);
    const key = matchKey(norm);
    v = { text: norm, key, tokens: tokenize(norm, key) };
    if (viewCache.size > 5000) viewCache.clear();
    viewCache.set(text, v);
  }
  return v;
}

/**
 * The section for kind rules: the innermost heading that a heading rule with a kind
 * recognises («4.2. Флагманские проекты» inside «4. Стратегические направления»). Rules
 * without a kind (sense, categories) look at every heading of the path instead.
 */
function findSection(rs: RuleSet, headingPath: string[]): { view: TextView; hits: RuleHits } | null {
  for (let i = headingPath.length - 1; i >= 0; i--) {
    const { view, hits } = headingHits(rs, headingPath[i]!);
    if (hits.valid.some((h, ri) => h.length > 0 && rs.rules[ri]!.kind !== undefined)) return { view, hits };
  }
  return null;
}

const headingCache = new WeakMap<RuleSet, Map<string, { view: TextView; hits: RuleHits }>>();
function headingHits(rs: RuleSet, heading: string): { view: TextView; hits: RuleHits } {
  let m = headingCache.get(rs);
  if (!m) headingCache.set(rs, (m = new Map()));
  let r = m.get(heading);
  if (!r) {
    const view = viewOf(heading);
    r = { view, hits: collectHits(rs, rs.index.heading, view) };
    if (m.size > 5000) m.clear();
    m.set(heading, r);
  }
  return r;
}


const NONE: Hit[] = [];
const NO_CANCEL: { hit: Hit; by: Hit | null }[] = [];

/** Every match of every pattern in the index, split into valid and cancelled per rule. */
function collectHits(rs: RuleSet, index: PatternIndex, view: TextView): RuleHits {
  const n = rs.rules.length;
  const positive: Hit[][] = new Array<Hit[]>(n);
  const negative: Hit[][] = new Array<Hit[]>(n);
  let required: Hit[][] | null = null; // rare: only rules with `requires` fill it
  const listFor = (ref: PatternRef): Hit[][] => (ref.required ? (required ??= new Array<Hit[]>(n)) : ref.exclusion ? negative : positive);
  const push = (lists: Hit[][], hit: Hit): void => {
    const l = lists[hit.ref.rule];
    if (l) {
      if (!l.some((h) => h.ref === hit.ref && h.start === hit.start)) l.push(hit);
    } else lists[hit.ref.rule] = [hit];
  };
  const { tokens } = view;
  const stems = index.usesStems;
  const tryRefs = (list: PatternRef[] | undefined, i: number, tok: Token): void => {
    if (!list) return;
    for (const ref of list) {
      const pat = ref.compiled;
      if (pat.type !== 'tokens') continue;
      if (!elementMatches(pat.elements[0]!, tok, stems)) continue;
      const end = matchAfterFirst(pat.elements, tokens, i, stems);
      if (end < 0) continue;
      push(listFor(ref), { ref, start: i, end, charStart: tok.start, charEnd: tokens[end - 1]!.end });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // Candidates: patterns whose first element can start at this token, found by the
    // token or one of its compound parts (a pattern found twice is deduplicated by push).
    const forms = tok.parts;
    for (let f = -1; f < (forms ? forms.length : 0); f++) {
      const form = f < 0 ? tok.key : forms![f]!;
      if (form.length >= 3) tryRefs(index.prefix.get(prefixKey(form)), i, tok);
      else if (index.exact.size > 0) tryRefs(index.exact.get(form), i, tok);
      if (stems && tok.isWord) tryRefs(index.stem.get(stemRu(form)), i, tok);
    }
    if (index.other.length > 0) tryRefs(index.other, i, tok);
  }
  for (const ref of index.text) {
    const pat = ref.compiled;
    if (pat.type !== 'text') continue;
    const m = pat.re.exec(view.key);
    if (!m) continue;
    const charStart = m.index;
    const charEnd = m.index + m[0].length;
    let start = tokens.findIndex((t) => t.end > charStart);
    if (start < 0) start = tokens.length;
    let end = start;
    while (end < tokens.length && tokens[end]!.start < charEnd) end++;
    push(listFor(ref), { ref, start, end: Math.max(end, start), charStart, charEnd });
  }
  const valid: Hit[][] = [];
  const cancelled: { hit: Hit; by: Hit | null }[][] = [];
  const touched: number[] = [];
  for (let r = 0; r < n; r++) {
    const pos = positive[r] ?? NONE;
    const neg = negative[r];
    if (pos.length > 0) touched.push(r);
    if (pos.length > 0 && rs.rules[r]!.requires.length > 0 && !(required as Hit[][] | null)?.[r]) {
      // The rule's second cue is missing from this text: nothing of it counts.
      valid.push(NONE);
      cancelled.push(pos.map((hit) => ({ hit, by: null })));
      continue;
    }
    if (!neg || pos.length === 0) {
      valid.push(pos);
      cancelled.push(NO_CANCEL);
      continue;
    }
    const v: Hit[] = [];
    const c: { hit: Hit; by: Hit | null }[] = [];
    for (const h of pos) {
      const by = neg.find((x) => x.charStart < h.charEnd && x.charEnd > h.charStart);
      if (by) c.push({ hit: h, by });
      else v.push(h);
    }
    valid.push(v);
    cancelled.push(c);
  }
  return { valid, cancelled, touched };
}

function patternOf(rs: RuleSet, ref: PatternRef): CompiledPattern {
  const rule = rs.rules[ref.rule]!;
  return (ref.required ? rule.requires : ref.exclusion ? rule.exclusions : rule.patterns)[ref.pattern]!;
}

/**
 * A word near an occurrence describes another occurrence when that one stands between them
 * or the word is part of it: in «IT-кластера и поддержка туристского кластера» «IT» is the
 * first cluster's, in «кластер информационных технологий и кластер туризма» «туризма» the
 * second's (an adjective or complement attaches to the nearest head). Kazakh is head-final:
 * a modifier stands before its noun, so in «ақпараттық технологиялар кластерін және
 * креативті индустриялар кластерін» «креативті» belongs to the cluster after it.
 */
function belongsToAnother(h: Hit, occ: Hit, others: Hit[], headFinal: boolean): boolean {
  const before = h.end <= occ.start;
  for (const x of others) {
    if (before ? x.end > h.start && x.start < occ.start : x.start >= occ.end && x.start < h.end) return true;
    if (!before && headFinal && x.start >= h.end) return true;
  }
  return false;
}

/** Word distance from hit to occurrence: negative before it, positive after, 0 overlapping. */
function distance(tokens: Token[], hit: Hit, occ: Hit): number {
  if (hit.start < occ.end && hit.end > occ.start) return 0;
  if (hit.end <= occ.start) {
    const a = wordPos(tokens, hit.end - 1);
    const b = wordPos(tokens, occ.start);
    return -(b - a);
  }
  return wordPos(tokens, hit.start) - wordPos(tokens, occ.end - 1);
}

function wordPos(tokens: Token[], i: number): number {
  const t = tokens[Math.max(0, Math.min(i, tokens.length - 1))];
  return t ? t.wordIndex : 0;
}

const KIND_RANK: Record<MentionKind, number> = { other_sense: 0, context: 1, priority: 2 };

function classify(
  rs: RuleSet,
  input: MatchInput,
  prepared: Prepared,
  unit: TextView,
  unitHits: RuleHits,
  o: { hit: Hit; rule: CompiledRule },
  others: Hit[],
  leadIn: TextView | null,
  leadHits: RuleHits | null,
  section: { view: TextView; hits: RuleHits } | null,
  anaphor: { rule: CompiledRule; site: AntecedentSite | null } | null,
  trace: boolean,
): OccurrenceExplanation {
  const fired: RuleEvidence[] = [];
  const cancelled: RuleEvidence[] = [];
  const firedRules: { rule: CompiledRule; weight: number; ev: RuleEvidence | null }[] = [];
  const occ = o.hit;

  // Only rules that found something here, plus those that look at headings or block kinds.
  const todo = new Set<number>(unitHits.touched);
  if (leadHits) for (const ri of leadHits.touched) todo.add(ri);
  if ((input.headingPath?.length ?? 0) > 0) for (const ri of rs.headingRules) todo.add(ri);
  for (const ri of rs.blockRules) todo.add(ri);
  [...todo].sort((a, b) => a - b).forEach((ri) => {
    const rule = rs.rules[ri]!;
    if (rule.role === 'trigger' || rule.role === 'anaphor') return;
    let best: { scope: RuleEvidence['scope']; hit: Hit | null; view: TextView | null; weight: number } | null = null;
    const consider = (scope: RuleEvidence['scope'], hit: Hit | null, view: TextView | null, weight: number): void => {
      if (!best || weight > best.weight) best = { scope, hit, view, weight };
    };
    const blockOk = !rule.blockKinds || (input.blockKind !== undefined && rule.blockKinds.includes(input.blockKind));
    if (!blockOk) return;
    if (rule.patterns.length === 0) {
      consider('block_kind', null, null, rule.weight);
    } else {
      for (const scope of rule.scopes) {
        if (scope === 'term' || scope === 'near' || scope === 'unit') {
          for (const h of unitHits.valid[ri]!) {
            const d = distance(unit.tokens, h, occ);
            const inWindow = d === 0 || (d < 0 ? -d <= rule.window.before : d <= rule.window.after);
            if (scope === 'term' && d !== 0) continue;
            if (scope === 'near' && (!inWindow || (others.length > 0 && d !== 0 && belongsToAnother(h, occ, others, input.lang === 'kaz')))) continue;
            const w = rule.nearWeight !== undefined && d < 0 && -d <= rule.window.before ? rule.nearWeight : rule.weight;
            consider(scope, h, unit, w);
          }
        } else if (scope === 'lead_in' && leadIn && leadHits) {
          const h = leadHits.valid[ri]![0];
          if (h) consider(scope, h, leadIn, rule.weight);
        } else if (scope === 'heading' && rule.kind !== undefined && section) {
          const h = section.hits.valid[ri]![0];
          if (h) consider(scope, h, section.view, rule.weight);
        } else if (scope === 'heading' && rule.kind === undefined) {
          for (const heading of input.headingPath ?? []) {
            const hh = headingHits(rs, heading);
            const h = hh.hits.valid[ri]![0];
            if (h) {
              consider(scope, h, hh.view, rule.weight);
              break;
            }
          }
        }
      }
    }
    if (best) {
      const b = best as { scope: RuleEvidence['scope']; hit: Hit | null; view: TextView | null; weight: number };
      firedRules.push({ rule, weight: b.weight, ev: trace ? evidence(rule, b.scope, b.hit, b.view, b.weight, prepared, input.text, b.view === unit) : null });
    }
    // Explain shows every match an exclusion cancelled, also when the rule fired otherwise.
    if (trace) {
      for (const c of unitHits.cancelled[ri]!) {
        const ev = evidence(rule, rule.scopes[0]!, c.hit, unit, rule.weight, prepared, input.text, true);
        if (c.by) ev.cancelledBy = { pattern: patternOf(rs, c.by.ref).src, matched: unit.text.slice(c.by.charStart, c.by.charEnd) };
        else ev.missingRequires = rule.requires.map((p) => p.src);
        cancelled.push(ev);
      }
    }
  });

  // An anaphoric occurrence: rules with scope antecedent look around the cluster it refers
  // to. A kind rule counts when the anaphor takes the kind; a category rule only fills a
  // group (sectors, measures, targets) the occurrence names nothing of itself.
  const site = anaphor?.site;
  const viaAntecedent = new Set<CompiledRule>();
  if (anaphor && site) {
    const takes = anaphor.rule.takes ?? { kind: true, categories: true };
    const own = { sectors: false, measures: false, targets: false };
    for (const f of firedRules) {
      if (f.rule.sectors.length) own.sectors = true;
      if (f.rule.measures.length) own.measures = true;
      if (f.rule.targets.length) own.targets = true;
    }
    const ownCount = firedRules.length;
    for (const ri of rs.antecedentRules) {
      const rule = rs.rules[ri]!;
      if (rule.role === 'trigger' || rule.role === 'anaphor') continue;
      const hasCats = rule.sectors.length + rule.measures.length + rule.targets.length > 0;
      const catsFree =
        (rule.sectors.length === 0 || !own.sectors) && (rule.measures.length === 0 || !own.measures) && (rule.targets.length === 0 || !own.targets);
      const useful = (rule.kind !== undefined && takes.kind) || (hasCats && takes.categories && catsFree);
      if (!useful) continue;
      let already = false;
      for (let f = 0; f < ownCount; f++) if (firedRules[f]!.rule === rule) already = true;
      if (already) continue;
      const hits = site.source === 'unit' ? unitHits.valid[ri]! : site.hits.valid[ri]!;
      const h = hits.find((x) => {
        const d = distance(site.view.tokens, x, site.occ);
        return d === 0 || (d < 0 ? -d <= rule.window.before : d <= rule.window.after);
      });
      if (!h) continue;
      viaAntecedent.add(rule);
      firedRules.push({
        rule,
        weight: rule.weight,
        ev: trace ? evidence(rule, 'antecedent', h, site.view, rule.weight, prepared, input.text, site.view === unit) : null,
      });
    }
  }

  const otherSense = firedRules.filter((f) => f.rule.kind === 'other_sense');
  let kind: MentionKind;
  let reason: string;
  let priority = 0;
  let context = 0;
  let contributing: typeof firedRules;
  const senseEvidence =
    !rs.requiresSense ||
    firedRules.some((f) => f.rule.role === 'sense' || f.rule.sectors.length > 0 || f.rule.measures.length > 0 || f.rule.targets.length > 0);
  if (otherSense.length > 0) {
    kind = 'other_sense';
    reason = `other sense: ${otherSense.map((f) => f.rule.id).join(', ')}`;
    contributing = otherSense;
  } else if (!senseEvidence) {
    kind = 'other_sense';
    reason = `no evidence of the topic's sense: no sense rule and no sector, measure or target fired in the unit, its lead-in or its section`;
    contributing = [];
  } else {
    for (const f of firedRules) {
      if (f.rule.kind === 'priority') priority += f.weight;
      else if (f.rule.kind === 'context') context += f.weight;
    }
    kind = priority > context ? 'priority' : 'context';
    reason =
      kind === 'priority'
        ? `priority evidence ${priority} > context evidence ${context}`
        : priority === 0
          ? `no commitment found (context evidence ${context}): a mention without commitment is context`
          : `priority evidence ${priority} <= context evidence ${context}`;
    contributing = firedRules;
  }
  const sectors = new Set<string>();
  const measures = new Set<string>();
  const targets = new Set<string>();
  const ruleIds = [o.rule.id];
  // The anaphor rule is named when the antecedent changed the result.
  if (anaphor && contributing.some((f) => viaAntecedent.has(f.rule))) ruleIds.push(anaphor.rule.id);
  const terms = [unit.text.slice(occ.charStart, occ.charEnd)];
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
    terms,
    start,
    end,
  };
  if (trace) for (const f of firedRules) if (f.ev) fired.push(f.ev);
  const result: OccurrenceExplanation = {
    match,
    surface: input.text.slice(start, end),
    trigger: evidence(o.rule, 'term', occ, trace ? unit : null, 0, prepared, input.text, true),
    fired,
    cancelled,
    scores: { priority, context },
    reason,
  };
  if (trace && anaphor) {
    result.anaphor = { ruleId: anaphor.rule.id };
    if (site) {
      const surface =
        site.view === unit
          ? input.text.slice(prepared.map(site.occ.charStart), prepared.map(site.occ.charEnd - 1) + 1)
          : site.view.text.slice(site.occ.charStart, site.occ.charEnd);
      result.anaphor.antecedent = { source: site.source, text: site.view === unit ? input.text : site.view.text, surface };
    }
  }
  return result;
}

function evidence(
  rule: CompiledRule,
  scope: RuleEvidence['scope'],
  hit: Hit | null,
  view: TextView | null,
  weight: number,
  prepared: Prepared,
  unitText: string,
  isUnit: boolean,
): RuleEvidence {
  let matched = '';
  if (hit && view) {
    matched = isUnit
      ? unitText.slice(prepared.map(hit.charStart), prepared.map(hit.charEnd - 1) + 1)
      : view.text.slice(hit.charStart, hit.charEnd);
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
  if (rule.kind) {
    ev.kind = rule.kind;
    if (rule.kind !== 'other_sense') ev.weight = weight;
  }
  return ev;
}

export { KIND_RANK };
