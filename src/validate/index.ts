// Validation against hand-coding and comparison of runs (issue 7 items 4–5).
export { sampleUnits, drawSample, sampleCsv, hasClusterForm, SAMPLE_COLUMNS, WITHOUT_SHARE, type SampleOptions } from './sample.js';
export { evaluate, evaluateRun, evalReport, cohensKappa, matchGoldUnit, type EvalFigures, type Disagreement } from './eval.js';
export { diffRuns, compareRuns, diffReport, type RunDiff, type CityChange } from './diff.js';
export { readGold, GOLD_LABELS, type Gold } from './gold.js';
export { readRun, type RunFiles } from './read-run.js';
export { mulberry32, shuffled } from './prng.js';
