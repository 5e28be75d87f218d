// The city table (issue 2 stage 4, issue 7 item 1): one row per city from per-document results.
export { buildCityRows, cityKey, documentKey } from './city-rows.js';
export { groupStatements, priorityStatements, samePriority, MIN_WORDS_FOR_CONTAINMENT, NEAR_IDENTICAL_JACCARD } from './dedupe.js';
export type { PriorityStatement } from './dedupe.js';
export { linkLanguages, alignPairs } from './bilingual.js';
export { normalisedStatement, stemSet, stemSequence, containsPhrase, overlapCoefficient, jaccard, numbersIn } from './text-key.js';
export { pageRanges } from './page-ranges.js';
export { cityStatus, unreadNote } from './status.js';
