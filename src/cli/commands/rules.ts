// `match`, `explain` and `topics`: the rules, one sentence at a time.
import { detectLanguage } from '../../text/lang/index.js';
import { normalizeText } from '../../text/normalize.js';
import {
  explainUnit,
  formatExplanation,
  listTopics,
  loadRuleSet,
  matchUnit,
  type RuleSet,
} from '../../rules/index.js';
import { out, printErrors, readStdin, stdinLines } from '../io.js';

async function loadOrExit(rulesDir: string, topic: string): Promise<RuleSet | undefined> {
  const loaded = await loadRuleSet(rulesDir, topic);
  if (loaded.ok) return loaded.ruleSet;
  printErrors(loaded.errors);
  process.exitCode = 2;
  return undefined;
}

export async function matchCommand(flags: { topic: string; rules: string; explain: boolean }): Promise<void> {
  const ruleSet = await loadOrExit(flags.rules, flags.topic);
  if (!ruleSet) return;
  for await (const raw of stdinLines()) {
    const text = normalizeText(raw);
    const lang = detectLanguage(text).lang;
    const input = { text, lang };
    const mentions = matchUnit(ruleSet, input);
    const record: Record<string, unknown> = { text, lang, mentions };
    if (flags.explain) record.explain = explainUnit(ruleSet, input);
    out(JSON.stringify(record));
  }
}

export async function explainCommand(
  words: string[],
  flags: { topic: string; rules: string; lang?: string; json: boolean },
): Promise<void> {
  const ruleSet = await loadOrExit(flags.rules, flags.topic);
  if (!ruleSet) return;
  const text = normalizeText(words.length ? words.join(' ') : (await readStdin()).trim());
  const lang = flags.lang ?? detectLanguage(text).lang;
  const explanation = explainUnit(ruleSet, { text, lang });
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
