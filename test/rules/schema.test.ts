// The committed rules/schema.json must be what scripts/gen-rule-schema.ts generates now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFileJsonSchema } from '../../src/rules/json-schema.js';

describe('rules/schema.json', () => {
  it('is up to date with src/rules/schema.ts (regenerate with scripts/gen-rule-schema.ts)', () => {
    expect(readFileSync('rules/schema.json', 'utf8')).toBe(ruleFileJsonSchema());
  });
  it('describes the fields a rule author writes', () => {
    const s = JSON.parse(ruleFileJsonSchema()) as { properties: { rules: { items: { properties: Record<string, unknown>; required: string[] } } } };
    const rule = s.properties.rules.items;
    expect(Object.keys(rule.properties)).toEqual(expect.arrayContaining(['id', 'patterns', 'exclusions', 'assigns', 'examples', 'scope']));
    expect(rule.required).toEqual(expect.arrayContaining(['id', 'description', 'languages', 'source', 'examples']));
    expect(rule.required).not.toContain('role');
  });
});
