// `sample`, `eval` and `diff`: validation against hand-coding and comparison of runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffRuns } from '../../validate/diff.js';
import { evaluate } from '../../validate/eval.js';
import { sampleUnits } from '../../validate/sample.js';

export async function sampleCommand(flags: { run: string; n: number; seed: number; stratify?: 'kind'; out?: string }): Promise<void> {
  const csv = await sampleUnits(flags.run, { n: flags.n, seed: flags.seed, ...(flags.stratify ? { stratify: flags.stratify } : {}) });
  if (flags.out) await writeFile(flags.out, csv);
  else process.stdout.write(csv);
}

export async function evalCommand(flags: { gold: string; run: string; out?: string }): Promise<void> {
  const { report, figures } = await evaluate(flags.run, flags.gold);
  if (flags.out) {
    await mkdir(flags.out, { recursive: true });
    await writeFile(join(flags.out, 'eval.md'), report);
    await writeFile(join(flags.out, 'eval.json'), JSON.stringify(figures, null, 2) + '\n');
  }
  process.stdout.write(report);
}

export async function diffCommand(oldDir: string, newDir: string, flags: { json: boolean }): Promise<void> {
  const { report, changes } = await diffRuns(oldDir, newDir);
  process.stdout.write(flags.json ? JSON.stringify(changes, null, 2) + '\n' : report);
}
