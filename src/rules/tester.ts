// RuleTester for rule files (after ESLint's lib/rule-tester): every rule's examples run
// through the real matcher. A `match` example passes when the rule fired on some occurrence
// and the strongest kind and the union of categories over the occurrences it fired on are
// exactly the expected ones; a `no_match` example passes when the rule did not fire.
// Also reported: duplicate examples within a rule, and categories in examples that no file
// declares. (Rules without both kinds of example are rejected by the schema at load.)
import { matchKey, normalizeText } from '../text/normalize.js';
import { matchUnit } from './match.js';
import { CATEGORY_GROUPS } from './schema.js';
import type { MatchInput, RuleSet, SourcePos, UnitMatch } from './types.js';

export interface ExampleFailure {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  text: string;
  message: string;
}

const RANK = { other_sense: 0, context: 1, priority: 2 } as const;
const LANG_CODE: Record<string, string> = { rus: 'rus', kaz: 'kaz' };

function sameSet(a: string[], b: string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Runs the examples of every rule whose examples belong to this rule set's topic. */
export function checkRuleSet(rs: RuleSet): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const rule of rs.rules) {
    const fail = (pos: SourcePos, text: string, message: string): void => {
      failures.push({ ruleId: rule.id, file: pos.file, line: pos.line, column: pos.column, text, message });
    };
    const seen = new Set<string>();
    const all = [...rule.examples.match, ...rule.examples.noMatch];
    for (const { example, pos } of all) {
      const k = `${matchKey(normalizeText(example.text))}\u0000${(example.heading_path ?? []).join('>')}\u0000${example.lead_in ?? ''}\u0000${example.block_kind ?? ''}\u0000${example.previous ?? ''}`;
      if (seen.has(k)) fail(pos, example.text, 'Expected each example once in a rule, got a duplicate');
      seen.add(k);
    }
    for (const { example, pos } of rule.examples.match) {
      for (const g of CATEGORY_GROUPS) {
        for (const key of example[g] ?? []) {
          if (!rs.categories[g][key]) fail(pos, example.text, `Expected a declared ${g} key in the example, got "${key}"`);
        }
      }
      if ((example.topic ?? rule.examplesTopic) !== rs.topic) continue;
      const matches = matchUnit(rs, inputOf(example, rule.languages));
      const mine = matches.filter((m) => m.ruleIds.includes(rule.id));
      if (mine.length === 0) {
        fail(pos, example.text, `Expected rule ${rule.id} to match, got no match (${summary(matches)})`);
        continue;
      }
      const kind = mine.reduce((a, m) => (RANK[m.kind] > RANK[a] ? m.kind : a), mine[0]!.kind);
      if (kind !== example.kind) fail(pos, example.text, `Expected kind ${example.kind}, got ${kind} (${summary(mine)})`);
      const got = (g: 'sectors' | 'measures' | 'targets'): string[] => mine.flatMap((m) => m[g]);
      if (!sameSet(got('sectors'), example.sectors ?? [])) {
        fail(pos, example.text, `Expected sectors [${(example.sectors ?? []).join(', ')}], got [${[...new Set(got('sectors'))].join(', ')}]`);
      }
      for (const g of ['measures', 'targets'] as const) {
        const want = example[g];
        if (want && !sameSet(got(g), want)) fail(pos, example.text, `Expected ${g} [${want.join(', ')}], got [${[...new Set(got(g))].join(', ')}]`);
      }
    }
    for (const { example, pos } of rule.examples.noMatch) {
      if ((example.topic ?? rule.examplesTopic) !== rs.topic) continue;
      const matches = matchUnit(rs, inputOf(example, rule.languages));
      if (matches.some((m) => m.ruleIds.includes(rule.id))) {
        fail(pos, example.text, `Expected rule ${rule.id} not to match, got a match (${summary(matches)})`);
      }
    }
  }
  return failures;
}

function inputOf(
  ex: { text: string; lang?: string; heading_path?: string[]; lead_in?: string; block_kind?: MatchInput['blockKind']; previous?: string },
  languages: string[],
): MatchInput {
  const input: MatchInput = { text: ex.text, lang: LANG_CODE[ex.lang ?? languages[0] ?? 'rus'] ?? 'rus' };
  if (ex.heading_path) input.headingPath = ex.heading_path;
  if (ex.lead_in) input.leadIn = ex.lead_in;
  if (ex.block_kind) input.blockKind = ex.block_kind;
  if (ex.previous) input.previous = ex.previous;
  return input;
}

function summary(ms: UnitMatch[]): string {
  if (ms.length === 0) return 'no occurrence of the topic word';
  return ms.map((m) => `${m.kind} [${m.sectors.join(',')}] by ${m.ruleIds.join('+')}`).join('; ');
}
