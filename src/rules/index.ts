// The rules stage: load, validate and compile YAML rule files; match and explain units.
export type { RuleFileError, RuleSetResult, RuleSet, MatchInput, UnitMatch, Explanation, OccurrenceExplanation, RuleEvidence } from './types.js';
export { loadRuleSet, listTopics, loadRuleTexts } from './load.js';
export { matchUnit, explainUnit } from './match.js';
export { formatExplanation } from './explain.js';
export { categoryLabel } from './labels.js';
export { checkRuleSet, type ExampleFailure } from './tester.js';
