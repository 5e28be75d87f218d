// Start-up and usage as a user meets them: exit codes (README, "Exit codes"), errors on stderr,
// and the Node version check.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../src/cli/node-check.js';
import { NODE_ENGINES } from '../../src/version.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

interface Ran { code: number; stdout: string; stderr: string }
function cli(args: string[], node = process.execPath): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(node, [BIN, ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end('');
  });
}

describe('nodeVersionProblem', () => {
  it('accepts the versions engines.node allows and names the one it refuses', () => {
    expect(NODE_ENGINES).toBe('>=22.13');
    expect(nodeVersionProblem('v22.13.0', '>=22.13')).toBeUndefined();
    expect(nodeVersionProblem('v22.23.3', '>=22.13')).toBeUndefined();
    expect(nodeVersionProblem('v24.1.0', '>=22.13')).toBeUndefined();
    expect(nodeVersionProblem('v22.12.9', '>=22.13')).toMatch(/needs Node >=22\.13.*this is Node v22\.12\.9/);
    expect(nodeVersionProblem('v20.20.2', '>=22.13')).toMatch(/this is Node v20\.20\.2/);
    expect(nodeVersionProblem('v8.0.0', '>=22.13.1')).toBeDefined();
  });
});

// The machine's own Node (/usr/bin/node) is 20 here, the version that made every PDF fail with
// "Promise.withResolvers is not a function"; a machine whose PATH Node is new enough skips this.
const pathNode = spawnSync('node', ['--version'], { encoding: 'utf8' });
const oldNode = pathNode.status === 0 && nodeVersionProblem(pathNode.stdout.trim(), NODE_ENGINES) !== undefined;

describe('an old Node', () => {
  it.skipIf(!oldNode)(`stops with exit 2 and one line on stderr before reading anything (PATH node ${pathNode.stdout?.trim()})`, async () => {
    const ran = await cli(['run', 'corpus', '--out', join(ROOT, 'output-never-written')], 'node');
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/^error: strategy-miner needs Node >=22\.13/);
  });
});

describe('usage errors exit 2 and say what was wrong on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown option', ['run', '--bogus'], /unknown option '--bogus'/],
    ['a bad --ocr', ['run', '--ocr', 'maybe'], /Allowed choices are auto, off, force/],
    ['a missing argument', ['diff', 'only-one'], /missing required argument/],
    ['a missing required option', ['eval'], /--gold/],
    ['--seed that is not a number', ['sample', '--n', '3', '--seed', 'abc'], /Expected an integer, got "abc"/],
    ['segment --lang with an unknown code', ['segment', '--lang', 'xx'], /'xx' is invalid.*rus, kaz/],
    ['explain --lang with an unknown code', ['explain', '--lang', 'zz', 'Развитие кластера.'], /'zz' is invalid/],
    ['no command at all', [], /Usage: strategy-miner/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const ran = await cli(args);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(message);
    });
  }

  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--version'])).code).toBe(0);
  });

  it('text with a file that does not exist: exit 2, the error on stderr, nothing on stdout', async () => {
    const ran = await cli(['text', '/nonexistent.pdf']);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^error: cannot read \/nonexistent\.pdf: ENOENT/);
  });
});
