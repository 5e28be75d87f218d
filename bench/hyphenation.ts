// Line-end hyphens decided without help from the document (an empty vocabulary, as on a short
// document or a word it uses once): real hyphenated compounds must keep their hyphen, solid
// words broken by a typesetter must be joined. Lists: bench/data/hyphen-compounds.txt and
// bench/data/hyphen-solid.txt (scripts/lang/build-hyphenation-lists.ts). Also the four
// compounds a real strategy lost. Run: make bench-hyphenation
import { readFileSync } from 'node:fs';
import { emptyVocabulary, keepsHyphen } from '../src/ingest/hyphenation.js';

const TARGET = 0.01;
const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
const vocab = emptyVocabulary();
// A line-end break: the line ends with the left part and its hyphen, the next starts with the right part.
const keeps = (left: string, right: string): boolean => keepsHyphen(`развитие ${left}`, `${right} и`, vocab);

const compounds = lines('bench/data/hyphen-compounds.txt').map((w) => w.split('-') as [string, string]);
const solid = lines('bench/data/hyphen-solid.txt').map((w) => w.split('|') as [string, string]);
const joinedWrongly = compounds.filter(([l, r]) => !keeps(l, r));
const keptWrongly = solid.filter(([l, r]) => keeps(l, r));
const seen = [['кузнечно', 'прессового'], ['мастер', 'классов'], ['Евразия', 'регион'], ['фрезерно', 'брусующую']].filter(([l, r]) => !keeps(l!, r!));

const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(2)}%`;
console.log('## Line-end hyphens without document evidence (dictionary and shape only)');
console.log(`compounds joined wrongly   ${pct(joinedWrongly.length, compounds.length).padStart(7)}  (${joinedWrongly.length} of ${compounds.length})  target ≤ ${TARGET * 100}%  ${joinedWrongly.length / compounds.length <= TARGET ? 'met' : 'MISSED'}`);
console.log(`solid words kept hyphenated ${pct(keptWrongly.length, solid.length).padStart(6)}  (${keptWrongly.length} of ${solid.length})  target ≤ ${TARGET * 100}%  ${keptWrongly.length / solid.length <= TARGET ? 'met' : 'MISSED'}`);
console.log(`the four compounds a real strategy lost: ${4 - seen.length} of 4 kept`);
if (joinedWrongly.length) console.log(`joined wrongly: ${joinedWrongly.map((p) => p.join('-')).join(', ')}`);
if (keptWrongly.length) console.log(`kept wrongly: ${keptWrongly.map((p) => p.join('|')).join(', ')}`);
