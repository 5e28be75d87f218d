// Loading a topic's rules: rulesDir/common/*.yaml (shared by every topic: sectors, measures,
// commitment and section signals) plus rulesDir/<topic>/*.yaml (the topic's own words and
// traps). Every file is parsed with positions, validated by the zod schema, its patterns
// compiled and its categories checked; all errors of all files are returned together so a
// researcher fixes them in one pass.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { buildRuleSet } from './compile.js';
import { compilePattern, type CompiledPattern } from './pattern.js';
import { CATEGORY_GROUPS, RuleFileSchema, type CategoryGroup, type Labels, type RuleFile } from './schema.js';
import type { CompiledRule, RuleFileError, RuleSetResult, SourcePos } from './types.js';
import { didYouMean, positionOf, zodIssuesToErrors } from './yaml-errors.js';

export const COMMON_DIR = 'common';
const DEFAULT_EXAMPLES_TOPIC = 'cluster';

/** Topic folders under rulesDir (every folder with a .yaml file, except common). */
export async function listTopics(rulesDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(rulesDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const topics: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name === COMMON_DIR) continue;
    const files = await yamlFiles(join(rulesDir, e.name));
    if (files.length > 0) topics.push(e.name);
  }
  return topics.sort();
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
}

interface ParsedFile {
  file: string;
  sha256: string;
  doc: Document;
  lc: LineCounter;
  data: RuleFile;
  common: boolean;
}

export async function loadRuleSet(rulesDir: string, topic: string): Promise<RuleSetResult> {
  const topicFiles = await yamlFiles(join(rulesDir, topic));
  if (topicFiles.length === 0) {
    const known = await listTopics(rulesDir);
    return {
      ok: false,
      errors: [
        {
          file: join(rulesDir, topic),
          line: 0,
          column: 0,
          message: `Expected a folder of .yaml rule files for topic "${topic}", got none${didYouMean(topic, known)}${known.length ? ` (topics: ${known.join(', ')})` : ''}`,
        },
      ],
    };
  }
  const commonFiles = await yamlFiles(join(rulesDir, COMMON_DIR));
  const sources = [
    ...commonFiles.map((f) => ({ path: join(rulesDir, COMMON_DIR, f), common: true })),
    ...topicFiles.map((f) => ({ path: join(rulesDir, topic, f), common: false })),
  ];
  const texts = await Promise.all(sources.map(async (s) => ({ ...s, text: await readFile(s.path, 'utf8') })));
  return loadRuleTexts(topic, texts);
}

/** The pure part of loadRuleSet: file texts in, rule set or errors out (also used by tests). */
export function loadRuleTexts(topic: string, sources: { path: string; text: string; common: boolean }[]): RuleSetResult {
  const errors: RuleFileError[] = [];
  const parsed: ParsedFile[] = [];
  for (const s of sources) {
    const r = parseFile(s.path, s.text, s.common);
    if (r.ok) parsed.push(r.file);
    else errors.push(...r.errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Categories: declared once across the topic's files.
  const categories = { sectors: {}, measures: {}, targets: {} } as Record<CategoryGroup, Record<string, Labels>>;
  for (const p of parsed) {
    for (const g of CATEGORY_GROUPS) {
      for (const [key, label] of Object.entries(p.data.categories?.[g] ?? {})) {
        if (categories[g][key]) {
          errors.push({ file: p.file, ...positionOf(p.doc, p.lc, ['categories', g, key], true), message: `Expected each ${g} key to be declared once, got "${key}" again` });
        }
        categories[g][key] = label;
      }
    }
  }

  const rules: CompiledRule[] = [];
  const seenIds = new Map<string, string>();
  for (const p of parsed) {
    p.data.rules.forEach((spec, ri) => {
      const at = (path: PropertyKey[], key = false): SourcePos => ({ file: p.file, ...positionOf(p.doc, p.lc, ['rules', ri, ...path], key) });
      const err = (path: PropertyKey[], message: string): void => {
        errors.push({ ...at(path), message });
      };
      if (seenIds.has(spec.id)) err(['id'], `Expected a unique rule id, got "${spec.id}" already used in ${seenIds.get(spec.id)}`);
      seenIds.set(spec.id, p.file);
      const compile = (list: string[], field: string): CompiledPattern[] =>
        list.flatMap((src, i) => {
          const r = compilePattern(src);
          if (r.ok) return [r.pattern];
          err([field, i], r.message);
          return [];
        });
      const patterns = compile(spec.patterns, 'patterns');
      const exclusions = compile(spec.exclusions, 'exclusions');
      const requires = compile(spec.requires, 'requires');
      if (spec.takes && spec.role !== 'anaphor') err(['takes'], `Expected "takes" only on a rule with "role: anaphor", got it on role ${spec.role}`);
      if (spec.role === 'anaphor' && spec.assigns) err(['assigns'], 'Expected no "assigns" on an anaphor rule (it marks occurrences; rules with scope antecedent classify them), got one');
      if (spec.patterns.length === 0 && !spec.block_kinds) {
        err(['patterns'], 'Expected at least one pattern (or block_kinds), got none');
      }
      const a = spec.assigns ?? {};
      if (spec.role === 'signal' && !a.kind && !a.sectors?.length && !a.measures?.length && !a.targets?.length) {
        err(['id'], `Expected a signal rule to assign a kind or categories, got neither; add "assigns:"`);
      }
      for (const g of CATEGORY_GROUPS) {
        (a[g] ?? []).forEach((key, i) => {
          if (!categories[g][key]) {
            err(['assigns', g, i], `Expected a declared ${g} key, got "${key}"${didYouMean(key, Object.keys(categories[g]))}`);
          }
        });
      }
      const scopes = spec.scope === undefined ? ['unit' as const] : Array.isArray(spec.scope) ? spec.scope : [spec.scope];
      const win = spec.window ?? 5;
      const window = typeof win === 'number' ? { before: win, after: win } : win;
      const rule: CompiledRule = {
        id: spec.id,
        description: spec.description,
        file: p.file,
        pos: at([]),
        languages: spec.languages,
        role: spec.role,
        scopes,
        window,
        patterns,
        exclusions,
        requires,
        weight: a.weight ?? 1,
        sectors: a.sectors ?? [],
        measures: a.measures ?? [],
        targets: a.targets ?? [],
        source: spec.source,
        examples: {
          match: spec.examples.match.map((example, i) => ({ example, pos: at(['examples', 'match', i]) })),
          noMatch: spec.examples.no_match.map((example, i) => ({ example, pos: at(['examples', 'no_match', i]) })),
        },
        examplesTopic: p.common ? (p.data.examples_topic ?? DEFAULT_EXAMPLES_TOPIC) : topic,
      };
      if (spec.block_kinds) rule.blockKinds = spec.block_kinds;
      if (spec.role === 'anaphor') {
        const takes = spec.takes ?? ['kind', 'categories'];
        rule.takes = { kind: takes.includes('kind'), categories: takes.includes('categories') };
      }
      if (a.kind) rule.kind = a.kind;
      if (a.near_weight !== undefined) rule.nearWeight = a.near_weight;
      rules.push(rule);
    });
  }
  if (!rules.some((r) => r.role === 'trigger')) {
    errors.push({ file: parsed[parsed.length - 1]?.file ?? topic, line: 1, column: 1, message: `Expected at least one rule with "role: trigger" in topic "${topic}", got none` });
  }
  // The topic's label: declared at most once, by a file of the topic folder.
  let label: Labels = { ru: topic, en: topic };
  let labelFile: string | undefined;
  for (const p of parsed) {
    if (!p.data.topic_label) continue;
    if (p.common) {
      errors.push({ file: p.file, ...positionOf(p.doc, p.lc, ['topic_label'], true), message: 'Expected topic_label in a file of the topic folder, got it in rules/common (it names one topic)' });
    } else if (labelFile) {
      errors.push({ file: p.file, ...positionOf(p.doc, p.lc, ['topic_label'], true), message: `Expected topic_label once per topic, got it again (first in ${labelFile})` });
    } else {
      label = p.data.topic_label;
      labelFile = p.file;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ruleSet: buildRuleSet(topic, label, parsed.map((p) => ({ file: p.file, sha256: p.sha256 })), categories, rules) };
}

// Every field name the schema knows, for "did you mean" on unknown keys.
const KNOWN_KEYS = new Set([
  'topic_label', 'categories', 'examples_topic', 'rules', 'sectors', 'measures', 'targets', 'ru', 'en', 'kk',
  'id', 'description', 'languages', 'role', 'scope', 'window', 'before', 'after', 'patterns', 'exclusions',
  'block_kinds', 'assigns', 'kind', 'weight', 'near_weight', 'source', 'examples', 'match', 'no_match',
  'text', 'lang', 'heading_path', 'lead_in', 'block_kind', 'topic', 'note', 'requires', 'takes', 'previous',
]);

function parseFile(file: string, text: string, common: boolean): { ok: true; file: ParsedFile } | { ok: false; errors: RuleFileError[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      // Only the first errors: one YAML mistake cascades into many follow-up messages.
      errors: doc.errors.slice(0, 3).map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `Expected valid YAML, got a syntax error: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const data: unknown = doc.toJS();
  const r = RuleFileSchema.safeParse(data ?? {});
  if (!r.success) return { ok: false, errors: zodIssuesToErrors(file, doc, lc, data, r.error.issues, KNOWN_KEYS) };
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { ok: true, file: { file, sha256, doc, lc, data: r.data, common } };
}
