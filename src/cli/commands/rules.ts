// `match`, `explain` and `topics`: the rules, one sentence at a time.
import { detectLanguage } from '../../text/lang/index.js';
import { normalizeText } from '../../text/normalize.js';
import {
  explainUnit,
  formatExplanation,
  listTopics,
  loadRuleSet,
  matchUnit,
  type MatchInput,
  type RuleSet,
} from '../../rules/index.js';
import type { BlockKind } from '../../records.js';
import { out, printErrors, readStdin, stdinLines } from '../io.js';

async function loadOrExit(rulesDir: string, topic: string): Promise<RuleSet | undefined> {
  const loaded = await loadRuleSet(rulesDir, topic);
  if (loaded.ok) return loaded.ruleSet;
  printErrors(loaded.errors);
  process.exitCode = 2;
  return undefined;
}

/** The context a unit has in a document (its section, list lead-in, the sentence before it,
 *  its block kind), so a researcher can reproduce a decision that depended on it. */
export interface ContextFlags {
  /** The unit's section headings, outermost first, separated by « > ». */
  heading?: string;
  leadIn?: string;
  previous?: string;
  blockKind?: BlockKind;
}

function matchInput(text: string, lang: string, flags: ContextFlags): MatchInput {
  return {
    text,
    lang,
    ...(flags.heading ? { headingPath: flags.heading.split(/\s+>\s+/).map(normalizeText) } : {}),
    ...(flags.leadIn ? { leadIn: normalizeText(flags.leadIn) } : {}),
    ...(flags.previous ? { previous: normalizeText(flags.previous) } : {}),
    ...(flags.blockKind ? { blockKind: flags.blockKind } : {}),
  };
}

export interface MatchFlags extends Omit<ContextFlags, 'previous'> {
  topic: string;
  rules: string;
  explain: boolean;
  /** Read the lines as consecutive sentences: each one's previous sentence is the line before. */
  chain: boolean;
}

export async function matchCommand(flags: MatchFlags): Promise<void> {
  const ruleSet = await loadOrExit(flags.rules, flags.topic);
  if (!ruleSet) return;
  let previous: string | undefined;
  for await (const raw of stdinLines()) {
    const text = normalizeText(raw);
    const lang = detectLanguage(text).lang;
    const input = matchInput(text, lang, { ...flags, ...(flags.chain && previous !== undefined ? { previous } : {}) });
    const mentions = matchUnit(ruleSet, input);
    const record: Record<string, unknown> = { text, lang, mentions };
    if (flags.explain) record.explain = explainUnit(ruleSet, input);
    out(JSON.stringify(record));
    previous = text;
  }
}

export interface ExplainFlags extends ContextFlags {
  topic: string;
  rules: string;
  lang?: string;
  json: boolean;
}

export async function explainCommand(words: string[], flags: ExplainFlags): Promise<void> {
  const ruleSet = await loadOrExit(flags.rules, flags.topic);
  if (!ruleSet) return;
  const text = normalizeText(words.length ? words.join(' ') : (await readStdin()).trim());
  const lang = flags.lang ?? detectLanguage(text).lang;
  const input = matchInput(text, lang, flags);
  const explanation = explainUnit(ruleSet, input);
  out(flags.json ? JSON.stringify(explanation, null, 2) : formatExplanation(explanation));
}

export async function topicsCommand(flags: { rules: string }): Promise<void> {
  for (const topic of await listTopics(flags.rules)) {
    const loaded = await loadRuleSet(flags.rules, topic);
    if (loaded.ok) out(`${topic}\t${loaded.ruleSet.files.length} rule files`);
    else {
      out(`${topic}\tBROKEN`);
      printErrors(loaded.errors);
      process.exitCode = 2;
    }
  }
}
