// A broken rule file must be reported with file, line, column, "Expected …, got …" and a
// likely fix — never a stack trace, never a silently ignored rule.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTopics, loadRuleSet, loadRuleTexts, type RuleFileError } from '../../src/rules/index.js';

// A valid rule file; each test breaks one thing in it.
const GOOD = `categories:
  sectors:
    tourism: { ru: туризм, en: tourism }
rules:
  - id: word
    role: trigger
    description: the word
    languages: [rus]
    patterns:
      - кластер*
    source: test
    examples:
      match:
        - text: Туристский кластер.
          kind: context
          sectors: [tourism]
      no_match:
        - text: Туризм.
  - id: tourism
    description: tourism
    languages: [rus]
    scope: near
    patterns:
      - туристск*
    assigns: { sectors: [tourism] }
    source: test
    examples:
      match:
        - text: Туристский кластер.
          kind: context
          sectors: [tourism]
      no_match:
        - text: Кластер.
`;

function load(text: string): RuleFileError[] {
  const r = loadRuleTexts('t', [{ path: 'rules/t/bad.yaml', text, common: false }]);
  return r.ok ? [] : r.errors;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`test bug: ${needle} not in text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('loadRuleTexts on broken files', () => {
  it('loads the valid file', () => {
    const r = loadRuleTexts('t', [{ path: 'rules/t/good.yaml', text: GOOD, common: false }]);
    expect(r.ok).toBe(true);
  });

  it('reports an unknown field at its key, with a did-you-mean', () => {
    const text = GOOD.replace('    scope: near\n', '    scoep: near\n');
    const errors = load(text);
    expect(errors).toEqual([
      { file: 'rules/t/bad.yaml', ...at(text, 'scoep'), message: expect.stringMatching(/^Expected a known field at rules\.1, got unknown field "scoep"; did you mean "scope"\?/) },
    ]);
  });

  it('reports a field that belongs elsewhere as misplaced, not with a did-you-mean naming itself', () => {
    const text = GOOD.replace('      no_match:\n        - text: Туризм.', '      no_match:\n        - text: Туризм.\n          sectors: [tourism]');
    const errors = load(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'rules/t/bad.yaml', line: at(text, 'sectors: [tourism]\n  - id: tourism').line });
    expect(errors[0]!.message).toMatch(/^Expected only the fields allowed at rules\.0\.examples\.no_match\.0, got "sectors", which belongs elsewhere in a rule file \(a no_match example expects no occurrence/);
    expect(errors[0]!.message).not.toContain('did you mean');
  });

  it('reports a misspelt kind with the allowed values and a did-you-mean', () => {
    const text = GOOD.replace('kind: context\n          sectors: [tourism]\n      no_match:\n        - text: Туризм.', 'kind: priorty\n          sectors: [tourism]\n      no_match:\n        - text: Туризм.');
    const [e] = load(text);
    expect(e).toMatchObject({ ...at(text, 'priorty') });
    expect(e!.message).toBe('Expected one of priority, context, other_sense at rules.0.examples.match.0.kind, got the text "priorty"; did you mean "priority"?');
  });

  it('reports a wrong type', () => {
    const text = GOOD.replace('    languages: [rus]\n    scope', '    languages: rus\n    scope');
    const [e] = load(text);
    expect(e).toMatchObject({ ...at(text, 'languages: rus'), column: at(text, 'languages: rus').column + 'languages: '.length });
    expect(e!.message).toMatch(/^Expected a list \(lines starting with "- "\) at rules\.1\.languages, got the text "rus"/);
  });

  it('reports a category nobody declared, with a did-you-mean', () => {
    const text = GOOD.replace('assigns: { sectors: [tourism] }', 'assigns: { sectors: [turism] }');
    const [e] = load(text);
    expect(e).toMatchObject({ file: 'rules/t/bad.yaml', ...at(text, 'turism') });
    expect(e!.message).toBe('Expected a declared sectors key, got "turism"; did you mean "tourism"?');
  });

  it('reports a pattern that would match too much', () => {
    const text = GOOD.replace('      - туристск*', '      - ту*');
    const [e] = load(text);
    expect(e).toMatchObject(at(text, 'ту*'));
    expect(e!.message).toMatch(/^Expected at least 3 letter\(s\) before the first wildcard, got "ту\*"/);
  });

  it('reports a rule without no_match examples (RuleTester requires both kinds)', () => {
    const text = GOOD.replace('      no_match:\n        - text: Кластер.\n', '');
    // The error points at the examples mapping of the second rule, where no_match belongs.
    const secondExamples = text.indexOf('      match:', text.indexOf('  - id: tourism'));
    expect(load(text)).toEqual([
      {
        file: 'rules/t/bad.yaml',
        line: text.slice(0, secondExamples).split('\n').length,
        column: 7,
        message: 'Expected a list (lines starting with "- ") at rules.1.examples.no_match, got nothing',
      },
    ]);
  });

  it('reports a duplicate rule id at the second one', () => {
    const text = GOOD.replace('  - id: tourism', '  - id: word');
    const errors = load(text);
    const second = text.indexOf('  - id: word', text.indexOf('  - id: word') + 1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(text.slice(0, second).split('\n').length);
    expect(errors[0]!.message).toMatch(/^Expected a unique rule id, got "word" already used in rules\/t\/bad\.yaml/);
  });

  it('takes the topic label from the topic folder and refuses it in rules/common', () => {
    const labelled = `topic_label: { ru: кластерная политика, en: cluster policy }\n${GOOD}`;
    const ok = loadRuleTexts('t', [{ path: 'rules/t/word.yaml', text: labelled, common: false }]);
    expect(ok.ok && ok.ruleSet.label.en).toBe('cluster policy');
    const unlabelled = loadRuleTexts('t', [{ path: 'rules/t/word.yaml', text: GOOD, common: false }]);
    expect(unlabelled.ok && unlabelled.ruleSet.label.en).toBe('t');
    const inCommon = loadRuleTexts('t', [
      { path: 'rules/common/c.yaml', text: 'topic_label: { ru: x, en: y }\nrules: []\n', common: true },
      { path: 'rules/t/word.yaml', text: GOOD, common: false },
    ]);
    expect(inCommon.ok).toBe(false);
    if (!inCommon.ok) expect(inCommon.errors[0]).toMatchObject({ file: 'rules/common/c.yaml', line: 1, message: expect.stringContaining('topic_label in a file of the topic folder') });
  });

  it('reports a YAML syntax error with its position', () => {
    const text = GOOD.replace('    source: test\n    examples:', '    source: "test\n    examples:');
    const errors = load(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/^Expected valid YAML, got a syntax error/);
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it('reports an invalid regular expression', () => {
    const text = GOOD.replace('      - туристск*', "      - 're:(туризм'");
    const [e] = load(text);
    expect(e!.message).toMatch(/^Expected a valid regular expression after "re:", got "\(туризм"/);
    expect(e!.line).toBe(at(text, 're:(').line);
  });
});

describe('loadRuleSet on folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  mkdirSync(join(dir, 'cluster'));
  writeFileSync(join(dir, 'cluster', 'a.yaml'), GOOD);
  mkdirSync(join(dir, 'common'));

  it('suggests the topic that exists', async () => {
    const r = await loadRuleSet(dir, 'clustr');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/got none; did you mean "cluster"\? \(topics: cluster\)/);
  });

  it('lists topics without the shared common folder', async () => {
    expect(await listTopics(dir)).toEqual(['cluster']);
  });

  it('records each file with its SHA-256', async () => {
    const r = await loadRuleSet(dir, 'cluster');
    expect(r.ok && r.ruleSet.files).toEqual([{ file: join(dir, 'cluster', 'a.yaml'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });
});
