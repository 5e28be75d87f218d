// Builds the pattern indexes of a rule set once, so matching a unit only tries the patterns
// whose first word can start at a token, and a cheap prefilter rejects units that hold no
// trigger word before any tokenising (most sentences of a strategy).
import type { CompiledPattern, Element } from './pattern.js';
import type { CategoryGroup, Labels } from './schema.js';
import type { CompiledRule, PatternIndex, PatternRef, RuleSet } from './types.js';

function emptyIndex(): PatternIndex {
  return { exact: new Map(), prefix: new Map(), stem: new Map(), other: [], text: [], usesStems: false };
}

function add(map: Map<string, PatternRef[]>, key: string, ref: PatternRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function indexPattern(index: PatternIndex, pat: CompiledPattern, ref: PatternRef): void {
  if (pat.type === 'text') {
    index.text.push(ref);
    return;
  }
  if (pat.elements.some((e) => e.type === 'stem')) index.usesStems = true;
  const first = pat.elements[0]!;
  switch (first.type) {
    case 'exact':
      add(index.exact, first.word, ref);
      // An exact compound element («научно-образовательный») is looked up by its whole key.
      break;
    case 'glob':
      add(index.prefix, first.prefix.slice(0, 3), ref);
      break;
    case 'stem':
      add(index.stem, first.stem, ref);
      break;
    default:
      index.other.push(ref);
  }
}

export function buildRuleSet(
  topic: string,
  files: { file: string; sha256: string }[],
  categories: Record<CategoryGroup, Record<string, Labels>>,
  rules: CompiledRule[],
): RuleSet {
  const index = { unit: emptyIndex(), leadIn: emptyIndex(), heading: emptyIndex() };
  rules.forEach((rule, ri) => {
    const targets: PatternIndex[] = [];
    if (rule.role === 'trigger' || rule.scopes.some((s) => s === 'term' || s === 'near' || s === 'unit')) targets.push(index.unit);
    if (rule.scopes.includes('lead_in')) targets.push(index.leadIn);
    if (rule.scopes.includes('heading')) targets.push(index.heading);
    for (const idx of targets) {
      rule.patterns.forEach((p, pi) => indexPattern(idx, p, { rule: ri, pattern: pi, exclusion: false }));
      rule.exclusions.forEach((p, pi) => indexPattern(idx, p, { rule: ri, pattern: pi, exclusion: true }));
    }
  });
  const requiresSense = rules.some((r) => r.role === 'sense');
  return { topic, files, categories, rules, index, prefilter: prefilterOf(rules), requiresSense };
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
  if (e.type === 'exact') return e.word;
  if (e.type === 'glob') return e.prefix;
  if (e.type === 'stem') return e.stem;
  return null;
}
