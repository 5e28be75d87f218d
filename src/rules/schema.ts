// The shape of a rule file (rules/<topic>/*.yaml and rules/common/*.yaml), as a zod schema.
// It is the single source of truth: the loader validates with it and
// scripts/gen-rule-schema.ts turns it into rules/schema.json for editor autocompletion.
// Field names are snake_case because researchers write them by hand in YAML.
import { z } from 'zod';

export const LANGUAGES = ['rus', 'kaz'] as const;
export const KINDS = ['priority', 'context', 'other_sense'] as const;
export const BLOCK_KINDS = ['heading', 'paragraph', 'list_item', 'table_row', 'footnote', 'toc'] as const;
/**
 * Where a rule looks, relative to one occurrence of the topic's word:
 * term — the match overlaps the occurrence («кластерный анализ», «IT-кластер»);
 * near — within `window` words of it; clause — in the clause that holds it (src/rules/clause.ts:
 * «был создан …, а … планируется сформировать IT-кластер» — only the second clause counts for
 * the IT cluster); unit — anywhere in the sentence or list item;
 * lead_in — in the paragraph that introduces a list; heading — in the innermost section
 * heading above the unit that any heading rule recognises; antecedent — only for an
 * occurrence an anaphor rule marks («этого кластера», «для предприятий кластера»): within
 * `window` words of the cluster the occurrence refers back to, i.e. the last occurrence of
 * the topic word in the previous unit, else in the lead-in, else in the nearest heading.
 */
export const SCOPES = ['term', 'near', 'clause', 'unit', 'lead_in', 'heading', 'antecedent'] as const;
/** What an anaphoric occurrence takes from its antecedent (see `takes`). */
export const TAKES = ['kind', 'categories'] as const;
export const CATEGORY_GROUPS = ['sectors', 'measures', 'targets'] as const;

const Pattern = z
  .string()
  .min(1)
  .describe(
    'Words separated by spaces. word = exact form; word* = prefix/glob; ~word = Russian Snowball stem; ' +
      '/regex/ = one token by regex; [m..n] = a gap of m to n words; - : ; = punctuation; ' +
      're:REGEX = a regex over the whole (lower-cased) text, last resort.',
  );

const Label = z.strictObject({
  ru: z.string().min(1).describe('Russian label used in reports'),
  en: z.string().min(1).describe('English label used in reports'),
  kk: z.string().min(1).optional().describe('Kazakh label'),
});

const CategoryKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case key such as food_agro');

export const CategoriesSchema = z.strictObject({
  sectors: z.record(CategoryKey, Label).optional(),
  measures: z.record(CategoryKey, Label).optional(),
  targets: z.record(CategoryKey, Label).optional(),
});

const ExampleBase = {
  text: z.string().min(1),
  lang: z.enum(LANGUAGES).optional().describe("the unit's language; defaults to the rule's first language"),
  heading_path: z.array(z.string()).optional().describe('headings above the unit, outermost first'),
  lead_in: z.string().optional().describe('for a list item: the paragraph introducing the list'),
  previous: z.string().optional().describe('the unit just before this one (where an anaphoric occurrence looks for its antecedent)'),
  block_kind: z.enum(BLOCK_KINDS).optional(),
  topic: z.string().optional().describe('for rules in rules/common: the topic the example runs in'),
  note: z.string().optional().describe('why this example is here'),
};

export const MatchExampleSchema = z.strictObject({
  ...ExampleBase,
  kind: z.enum(KINDS).describe('the strongest kind among the occurrences this rule fired on'),
  sectors: z.array(z.string()).optional().describe('exact set of sectors; omitted means none'),
  measures: z.array(z.string()).optional().describe('exact set of measures; omitted means not checked'),
  targets: z.array(z.string()).optional().describe('exact set of targets; omitted means not checked'),
});

export const NoMatchExampleSchema = z.strictObject(ExampleBase);

const Window = z.union([
  z.number().int().min(0).max(50),
  z.strictObject({ before: z.number().int().min(0).max(50), after: z.number().int().min(0).max(50) }),
]);

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case id such as cluster-word'),
  description: z.string().min(1),
  languages: z.array(z.enum(LANGUAGES)).min(1),
  role: z
    .enum(['trigger', 'signal', 'sense', 'anaphor'])
    .default('signal')
    .describe(
      'trigger: finds the occurrences of the topic word; signal: classifies them; sense: evidence that the word is used in ' +
        "the topic's sense, weighed against other_sense signals by where it is found (an occurrence with no evidence of another sense is in the topic's sense); " +
        'anaphor: marks occurrences that refer back to a cluster named before (rules with scope antecedent then look there)',
    ),
  takes: z
    .array(z.enum(TAKES))
    .min(1)
    .optional()
    .describe(
      'for an anaphor rule: what the occurrences it marks take from their antecedent. kind — the kind of rules with scope ' +
        'antecedent (a demonstrative «этого кластера» after «вычислительный кластер» is other_sense); categories — sectors, ' +
        'measures and targets of rules with scope antecedent, only for a group the occurrence names none of itself. Default both.',
    ),
  scope: z
    .union([z.enum(SCOPES), z.array(z.enum(SCOPES)).min(1)])
    .optional()
    .describe('where a signal looks relative to the occurrence (default unit)'),
  window: Window.optional().describe('for scope near: words before/after the occurrence (default 5)'),
  patterns: z.array(Pattern).default([]),
  exclusions: z
    .array(Pattern)
    .default([])
    .describe('a match of one of these that overlaps a pattern match cancels it'),
  requires: z
    .array(Pattern)
    .default([])
    .describe('when given, the rule fires only if one of these also matches somewhere in the same text (a second, independent cue)'),
  block_kinds: z
    .array(z.enum(BLOCK_KINDS))
    .optional()
    .describe('the rule fires only in blocks of these kinds (alone, or together with patterns)'),
  assigns: z
    .strictObject({
      kind: z.enum(KINDS).optional(),
      weight: z
        .number()
        .int()
        .min(1)
        .max(10)
        .optional()
        .describe('evidence weight (default 1); for other_sense it multiplies the strength of the scope the match was found in'),
      near_weight: z
        .number()
        .int()
        .min(1)
        .max(10)
        .optional()
        .describe('weight instead of `weight` when the match is within `window` words before the occurrence'),
      sectors: z.array(z.string()).optional(),
      measures: z.array(z.string()).optional(),
      targets: z.array(z.string()).optional(),
    })
    .optional(),
  source: z.string().min(1).describe('where the word list comes from and why the rule is right'),
  examples: z.strictObject({
    match: z.array(MatchExampleSchema).min(1, 'at least one example that must match'),
    no_match: z.array(NoMatchExampleSchema).min(1, 'at least one example that must not match'),
  }),
});

export const RuleFileSchema = z.strictObject({
  topic_label: Label.optional().describe(
    "the topic's name in reports (Table 5 title, status notes), e.g. { ru: кластерная политика, en: cluster policy }; " +
      'declared once, in a file of the topic folder',
  ),
  categories: CategoriesSchema.optional(),
  examples_topic: z
    .string()
    .optional()
    .describe('for files in rules/common: the topic their examples run in (default cluster)'),
  rules: z.array(RuleSchema).default([]),
});

export type RawRuleFile = z.input<typeof RuleFileSchema>;
export type RuleFile = z.output<typeof RuleFileSchema>;
export type RuleSpec = z.output<typeof RuleSchema>;
export type MatchExample = z.output<typeof MatchExampleSchema>;
export type NoMatchExample = z.output<typeof NoMatchExampleSchema>;
export type Scope = (typeof SCOPES)[number];
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];
export type Labels = z.output<typeof Label>;
