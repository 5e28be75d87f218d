// `sample`, `eval` and `diff`: validation against hand-coding and comparison of runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffRuns } from '../../validate/diff.js';
import { evaluate } from '../../validate/eval.js';
import { sampleUnits } from '../../validate/sample.js';

/** A missing or malformed run folder or gold file is the user's error: say which file, exit 2. */
async function reportingErrors(job: () => Promise<void>): Promise<void> {
  try {
    await job();
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}

export function sampleCommand(flags: { run: string; n: number; seed: number; stratify?: 'kind'; out?: string; rawCsv: boolean }): Promise<void> {
  return reportingErrors(async () => {
    const csv = await sampleUnits(flags.run, { n: flags.n, seed: flags.seed, ...(flags.stratify ? { stratify: flags.stratify } : {}) }, { raw: flags.rawCsv });
    if (flags.out) await writeFile(flags.out, csv);
    else process.stdout.write(csv);
  });
}

export function evalCommand(flags: { gold: string; run: string; out?: string }): Promise<void> {
  return reportingErrors(async () => {
    const { report, figures } = await evaluate(flags.run, flags.gold);
    for (const w of figures.warnings) process.stderr.write(`warning: ${w}\n`);
    if (flags.out) {
      await mkdir(flags.out, { recursive: true });
      await writeFile(join(flags.out, 'eval.md'), report);
      await writeFile(join(flags.out, 'eval.json'), JSON.stringify(figures, null, 2) + '\n');
    }
    process.stdout.write(report);
  });
}

export function diffCommand(oldDir: string, newDir: string, flags: { json: boolean }): Promise<void> {
  return reportingErrors(async () => {
    const { report, changes } = await diffRuns(oldDir, newDir);
    process.stdout.write(flags.json ? JSON.stringify(changes, null, 2) + '\n' : report);
  });
}
