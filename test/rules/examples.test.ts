// RuleTester over the real rule files: every example of every rule in rules/ must behave as
// declared (see src/rules/tester.ts). A failure names the file, line and rule.
import { describe, expect, it } from 'vitest';
import { checkRuleSet, listTopics, loadRuleSet } from '../../src/rules/index.js';

const topics = await listTopics('rules');

describe('rule examples', () => {
  it('has the cluster and sez topics', () => {
    expect(topics).toEqual(expect.arrayContaining(['cluster', 'sez']));
  });
  for (const topic of topics) {
    it(`every example of topic ${topic} passes`, async () => {
      const r = await loadRuleSet('rules', topic);
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n'));
      const failures = checkRuleSet(r.ruleSet);
      expect(failures.map((f) => `${f.file}:${f.line}:${f.column} [${f.ruleId}] ${f.text}\n    ${f.message}`)).toEqual([]);
    });
  }
});
