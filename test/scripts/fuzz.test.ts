// A short, seeded run of the fuzz harness (scripts/fuzz.ts, `make fuzz` runs it longer): damaged
// and hostile copies of ../shared/data/pdf and test/fixtures/{docx,html} through the built CLI.
// The harness itself checks statuses, exit code, peak RSS and leftovers; this fails when it does.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FUZZ = join(ROOT, 'dist', 'scripts', 'fuzz.js');

it('fuzz, seed 7, about 15 s: every file gets a status, exit 0, RSS under 2.5 GB, nothing left behind', async () => {
  expect(existsSync(FUZZ), `${FUZZ} is missing: run make build`).toBe(true);
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [FUZZ, '--seed', '7', '--seconds', '15'], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const c = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code: c, stdout: stdout + stderr });
    });
  });
  expect(code, stdout).toBe(0);
  expect(stdout).toMatch(/^fuzz seed 7: [1-9]\d* rounds, \d+ files/m);
  expect(stdout).not.toMatch(/FAILED/);
}, 120_000);
