// Builds the pattern indexes of a rule set once, so matching a unit only tries the patterns
// whose first word can start at a token, and a cheap prefilter rejects units that hold no
// trigger word before any tokenising (most sentences of a strategy).
import type { CompiledPattern, Element } from './pattern.js';
import type { CategoryGroup, Labels } from './schema.js';
import type { CompiledRule, PatternIndex, PatternRef, RuleSet } from './types.js';

function emptyIndex(): PatternIndex {
  return { exact: new Map(), prefix: new Map(), stem: new Map(), morph: [], other: [], text: [], usesStems: false };
}

/**
 * A number for the first three characters of a word: a Map lookup without slicing a
 * string per token. Different prefixes may share a number; that only adds a candidate the
 * real element test then rejects.
 */
export function prefixKey(s: string): number {
  return ((s.charCodeAt(0) & 0x3ff) << 20) | ((s.charCodeAt(1) & 0x3ff) << 10) | (s.charCodeAt(2) & 0x3ff);
}

function add<K>(map: Map<K, PatternRef[]>, key: K, ref: PatternRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function indexPattern(index: PatternIndex, pat: CompiledPattern, ref: PatternRef): void {
  if (pat.type === 'text') {
    index.text.push(ref);
    return;
  }
  const isStem = (e: Element): boolean => e.type === 'stem' || (e.type === 'cap' && e.inner.type === 'stem') || (e.type === 'alt' && e.options.some(isStem));
  if (pat.elements.some(isStem)) index.usesStems = true;
  indexFirst(index, pat.elements[0]!, ref);
}

/** Files a pattern under what its first element can start at («{a|b}» under each alternative). */
function indexFirst(index: PatternIndex, el0: Element, ref: PatternRef): void {
  // ^word is indexed by its word; the capital is checked when the pattern is tried.
  const first = el0.type === 'cap' ? el0.inner : el0;
  switch (first.type) {
    case 'exact':
      // Words of 3+ characters share the numeric prefix index (no string hashing per token);
      // the element test then checks the whole word.
      if (first.word.length >= 3) add(index.prefix, prefixKey(first.word), ref);
      else add(index.exact, first.word, ref);
      break;
    case 'glob':
      if (first.prefix.length === 0) index.other.push(ref);
      else add(index.prefix, prefixKey(first.prefix), ref);
      break;
    case 'stem':
      add(index.stem, first.stem, ref);
      break;
    case 'punct':
      // Punctuation tokens carry the mark as their key, so the exact index finds them too.
      add(index.exact, first.char, ref);
      break;
    case 'morph': {
      // By class: a token tries only the patterns of the classes its form has.
      const bit = Math.log2(first.bit);
      (index.morph[bit] ??= []).push(ref);
      break;
    }
    case 'alt':
      // A token that matches two alternatives finds the pattern twice; collectHits keeps one.
      for (const o of first.options) indexFirst(index, o, ref);
      break;
    default:
      index.other.push(ref);
  }
}

export function buildRuleSet(
  topic: string,
  label: Labels,
  files: { file: string; sha256: string }[],
  categories: Record<CategoryGroup, Record<string, Labels>>,
  rules: CompiledRule[],
): RuleSet {
  const index = { unit: emptyIndex(), leadIn: emptyIndex(), heading: emptyIndex(), antecedent: emptyIndex() };
  rules.forEach((rule, ri) => {
    const targets: PatternIndex[] = [];
    if (rule.role === 'trigger' || rule.scopes.some((s) => s === 'term' || s === 'near' || s === 'clause' || s === 'unit')) targets.push(index.unit);
    if (rule.scopes.includes('lead_in')) targets.push(index.leadIn);
    if (rule.scopes.includes('heading')) targets.push(index.heading);
    // The antecedent text needs the triggers (to find the antecedent occurrence) and the
    // rules that look there.
    if (rule.role === 'trigger' || rule.scopes.includes('antecedent')) targets.push(index.antecedent);
    for (const idx of targets) {
      rule.patterns.forEach((p, pi) => indexPattern(idx, p, { rule: ri, pattern: pi, exclusion: false, compiled: p }));
      rule.exclusions.forEach((p, pi) => indexPattern(idx, p, { rule: ri, pattern: pi, exclusion: true, compiled: p }));
      rule.requires.forEach((p, pi) => indexPattern(idx, p, { rule: ri, pattern: pi, exclusion: false, required: true, compiled: p }));
    }
  });
  const firstIds = numberFirstElements(Object.values(index));
  const headingRules = rules.flatMap((r, i) => (r.scopes.includes('heading') ? [i] : []));
  const blockRules = rules.flatMap((r, i) => (r.blockKinds ? [i] : []));
  const antecedentRules = rules.flatMap((r, i) => (r.scopes.includes('antecedent') ? [i] : []));
  return { topic, label, files, categories, rules, index, prefilter: prefilterOf(rules), firstIds, headingRules, blockRules, antecedentRules };
}

/**
 * A regex that every text holding a trigger must contain: the literal start of each
 * trigger pattern's first word. null (no prefilter) when a trigger starts with a regex.
 */
function prefilterOf(rules: CompiledRule[]): RegExp | null {
  const parts: string[] = [];
  for (const r of rules) {
    if (r.role !== 'trigger') continue;
    for (const p of r.patterns) {
      if (p.type === 'text') return null;
      const lit = literalOf(p.elements[0]!);
      if (lit === null) return null;
      parts.push(lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }
  return parts.length ? new RegExp(parts.join('|'), 'u') : null;
}

function literalOf(e: Element): string | null {
  if (e.type === 'cap') return literalOf(e.inner);
  if (e.type === 'punct') return e.char === '-' ? null : e.char;
  if (e.type === 'exact') return e.word;
  if (e.type === 'glob') return e.infix ?? e.prefix;
  if (e.type === 'stem') return e.stem;
  return null;
}

/** Gives every token pattern the number of its first element (equal when written the same). */
function numberFirstElements(indexes: PatternIndex[]): number {
  const ids = new Map<string, number>();
  const visit = (ref: PatternRef): void => {
    if (ref.firstId !== undefined || ref.compiled.type !== 'tokens') return;
    const el = ref.compiled.elements[0]!;
    const key = `${el.type}\u0000${el.src}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    ref.firstId = id;
  };
  for (const idx of indexes) {
    for (const list of [...idx.exact.values(), ...idx.prefix.values(), ...idx.stem.values(), ...idx.morph, idx.other]) for (const ref of list ?? []) visit(ref);
  }
  return ids.size;
}
