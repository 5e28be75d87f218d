// The RuleTester itself must fail on what ESLint's RuleTester fails on: an example that
// does not behave as declared, duplicate examples, and categories nobody declared.
import { describe, expect, it } from 'vitest';
import { checkRuleSet, loadRuleTexts, type RuleSet } from '../../src/rules/index.js';

let lastText = '';
function ruleSet(rules: string): RuleSet {
  const text = `categories:
  sectors:
    tourism: { ru: туризм, en: tourism }
rules:
  - id: word
    role: trigger
    description: the word
    languages: [rus]
    patterns: [кластер*]
    source: test
    examples:
      match:
        - text: Кластер работает.
          kind: context
      no_match:
        - text: Завод работает.
${rules}`;
  lastText = text;
  const r = loadRuleTexts('t', [{ path: 'rules/t/x.yaml', text, common: false }]);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.ruleSet;
}

const TOURISM = (examples: string): string => `  - id: tourism
    description: tourism
    languages: [rus]
    patterns: [туристск*]
    assigns: { sectors: [tourism] }
    source: test
    examples:
${examples}`;

describe('checkRuleSet', () => {
  it('passes a rule whose examples behave as declared', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Туристский кластер работает., kind: context, sectors: [tourism] }
      no_match:
        - text: Кластер работает на экспорт.
`));
    expect(checkRuleSet(rs)).toEqual([]);
  });

  it('fails an example that does not match, naming file, line and what happened', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Кластер работает на экспорт., kind: context, sectors: [tourism] }
      no_match:
        - text: Кластер работает.
`));
    const f = checkRuleSet(rs);
    expect(f).toHaveLength(1);
    const line = lastText.slice(0, lastText.indexOf('{ text: Кластер работает на экспорт.')).split('\n').length;
    expect(f[0]).toMatchObject({ ruleId: 'tourism', file: 'rules/t/x.yaml', line, column: 11, text: 'Кластер работает на экспорт.' });
    expect(f[0]!.message).toMatch(/^Expected rule tourism to match, got no match \(context \[\] by word\)/);
  });

  it('fails a wrong expected kind and wrong sectors', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Туристский кластер работает., kind: priority, sectors: [] }
      no_match:
        - text: Кластер работает.
`));
    expect(checkRuleSet(rs).map((f) => f.message)).toEqual(['Expected kind priority, got context (context [tourism] by word+tourism)', 'Expected sectors [], got [tourism]']);
  });

  it('fails a no_match example that matches', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Туристский кластер работает., kind: context, sectors: [tourism] }
      no_match:
        - text: Туристский кластер открыт.
`));
    expect(checkRuleSet(rs).map((f) => f.message)).toEqual([expect.stringMatching(/^Expected rule tourism not to match, got a match/)]);
  });

  it('fails duplicate examples, also when they differ only in case and ё', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Туристский кластер работает., kind: context, sectors: [tourism] }
        - { text: туристский кластер работает., kind: context, sectors: [tourism] }
      no_match:
        - text: Кластер работает.
`));
    expect(checkRuleSet(rs).map((f) => f.message)).toEqual(['Expected each example once in a rule, got a duplicate']);
  });

  it('fails an example category that no file declares', () => {
    const rs = ruleSet(TOURISM(`      match:
        - { text: Туристский кластер работает., kind: context, sectors: [tourism, turizm] }
      no_match:
        - text: Кластер работает.
`));
    expect(checkRuleSet(rs).map((f) => f.message)).toContain('Expected a declared sectors key in the example, got "turizm"');
  });
});
