// One document into the store: read it (unless its reading is stored), analyse it, write the
// rows. The worker threads and the main-thread mode run this same function.
import type { IngestedDocument, Unit } from '../records.js';
import type { RuleSet } from '../rules/index.js';
import { ingestFile, type IngestOptions } from '../ingest/index.js';
import { storable, type Store } from '../store/index.js';
import { readingAnalysis, ruleAnalysis } from './analyse.js';

/**
 * Where a document's results go: its rows in the store. `read`: the document must be read
 * (else its reading is stored and only the rules run). `sha256`: the bytes the key was made
 * from; a file changed since is read but not stored under that key.
 */
export interface StoreTarget {
  docKey: string;
  rulesKey: string;
  sha256: string;
  read: boolean;
}

export type Processed =
  | { stored: true; ingestMs: number; analyseMs: number; rules: boolean }
  // Not stored: a time limit or failure (about this run, not the file), or the file changed.
  | { stored: false; doc: IngestedDocument; ingestMs: number };

/** `rules` gives the run's rule set, or undefined when this thread cannot have it (the main thread then analyses). */
export async function processIntoStore(
  store: Store,
  path: string,
  options: IngestOptions,
  target: StoreTarget,
  rules: () => Promise<RuleSet | undefined>,
): Promise<Processed> {
  let ingestMs = 0;
  let analyseMs = 0;
  let units: Unit[] | undefined;
  if (target.read) {
    const t = performance.now();
    const doc = await ingestFile(path, options);
    ingestMs = performance.now() - t;
    if (!storable(doc) || doc.sha256 !== target.sha256) return { stored: false, doc, ingestMs };
    const ta = performance.now();
    const reading = readingAnalysis(doc);
    store.putReading(target.docKey, doc, reading);
    analyseMs += performance.now() - ta;
    units = reading.units;
  }
  const ruleSet = await rules();
  if (ruleSet) {
    const ta = performance.now();
    store.putRules(target.docKey, target.rulesKey, ruleAnalysis(units ?? store.units(target.docKey), ruleSet));
    analyseMs += performance.now() - ta;
  }
  return { stored: true, ingestMs, analyseMs, rules: ruleSet !== undefined };
}
