// Writes the hand-made run (test/fixtures/runs/corpus.ts) to a temporary output folder, as
// `run` would, so sample/eval/diff read real output files.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCityRows } from '../../src/aggregate/index.js';
import type { DocumentResult, RunResult } from '../../src/records.js';
import { writeReports } from '../../src/report/index.js';
import { fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

export async function writeFixtureRun(documents: DocumentResult[] = fixtureDocuments(), edit?: (run: RunResult) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sm-validate-'));
  const run = fixtureRun(buildCityRows(documents), { formats: ['csv'] });
  run.documents = documents;
  edit?.(run);
  await writeReports(run, dir);
  return dir;
}
