// `strategy-miner diff` on two real runs of the built CLI: a two-document copy of the sample
// corpus (corpus/sochi_strategy_2030.pdf and corpus/krasnodar_strategy_2030.pdf) run once
// with the rules as they are and once with a copy of rules/ in which the sport sector has
// lost its main words. The diff must show the rule file that changed, the Sochi priorities
// whose sectors changed, the per-rule counts that moved, and leave Krasnodar (no sport
// cluster) out.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDiff } from '../../src/validate/diff.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const DOCS = ['sochi_strategy_2030.pdf', 'krasnodar_strategy_2030.pdf'];
const SPORT_PATTERNS = 'patterns: [спортивн*, спорт*, физическ* культур*, физкультурн*, дене шынықтыру*]';

interface Ran { code: number; stdout: string; stderr: string }

function cli(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
let oldRun = '';
let newRun = '';

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "make build" (make test does) before the CLI tests`);
  dir = await mkdtemp(join(tmpdir(), 'sm-diff-e2e-'));
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  const manifest = (await readFile(join(ROOT, 'corpus', 'manifest.csv'), 'utf8')).split('\n');
  const rows = manifest.filter((l, i) => i === 0 || DOCS.some((d) => l.startsWith(`${d},`)));
  expect(rows).toHaveLength(DOCS.length + 1);
  await writeFile(join(corpus, 'manifest.csv'), rows.join('\n') + '\n');
  for (const d of DOCS) await cp(join(ROOT, 'corpus', d), join(corpus, d));

  // The edited rules: sector-sport keeps only «физкультурн*».
  const rules = join(dir, 'rules');
  await cp(join(ROOT, 'rules'), rules, { recursive: true });
  const sectorsFile = join(rules, 'common', 'sectors.yaml');
  const sectors = await readFile(sectorsFile, 'utf8');
  expect(sectors).toContain(SPORT_PATTERNS);
  await writeFile(sectorsFile, sectors.replace(SPORT_PATTERNS, 'patterns: [физкультурн*]'));

  oldRun = join(dir, 'old');
  newRun = join(dir, 'new');
  const runs = await Promise.all([
    cli(['run', corpus, '--out', oldRun, '--format', 'csv', '--ocr', 'off']),
    cli(['run', corpus, '--out', newRun, '--format', 'csv', '--ocr', 'off', '--rules', rules]),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('strategy-miner diff on two real runs', () => {
  it('shows the edited rule file, the priorities whose sectors changed and the rule counts that moved', async () => {
    const { code, stdout, stderr } = await cli(['diff', oldRun, newRun, '--json']);
    expect(code, stderr).toBe(0);
    const d = JSON.parse(stdout) as RunDiff;

    expect(d.rulesChanged).toEqual([{ file: 'common/sectors.yaml', change: 'edited' }]);
    expect(d.inputsChanged).toEqual([]);
    expect(d.statusChanges).toBe(0);

    // Only Sochi has sport clusters; Krasnodar is unchanged and not listed.
    expect(d.cities.map((c) => c.city)).toEqual(['Сочи']);
    const sochi = d.cities[0]!;
    // («спортивный кластер на базе олимпийских объектов» without its sector word is read as
    // the Olympic venue group, another sense: it leaves the priorities instead.)
    const joint = sochi.sectorChanges.find((s) => s.text.startsWith('Межкластерное сотрудничество спортивных и туристских'));
    expect(joint).toMatchObject({ old: ['sport', 'tourism'], new: ['tourism'] });
    expect(sochi.sectorChanges.every((s) => s.old.includes('sport') && !s.new.includes('sport'))).toBe(true);

    const sportCount = d.mentionsByRule['sector-sport'];
    expect(sportCount).toBeDefined();
    expect(sportCount!.old).toBeGreaterThanOrEqual(3);
    expect(sportCount!.new).toBe(0);
    // Rules about Krasnodar's clusters keep their counts. (Sochi's tourism count may move:
    // a bare «…ядро спортивного кластера» left without a sector borrows its antecedent's.)
    for (const id of ['sector-food-agro', 'sector-transport-logistics']) {
      expect(d.mentionsByRule[id]!.old).toBeGreaterThan(0);
      expect(d.mentionsByRule[id]!.new).toBe(d.mentionsByRule[id]!.old);
    }
  });

  it('prints the same change in the Markdown report', async () => {
    const { code, stdout } = await cli(['diff', oldRun, newRun]);
    expect(code).toBe(0);
    expect(stdout).toContain('rule file common/sectors.yaml: edited');
    expect(stdout).toMatch(/### Сочи \(RU\): status priorities/);
    expect(stdout).toMatch(/sectors sport; tourism → tourism: Межкластерное сотрудничество/);
    expect(stdout).toMatch(/\| sector-sport \| \d+ \| 0 \|/);
    expect(stdout).not.toContain('Краснодар');
  });

  it('finds nothing to report between a run and itself', async () => {
    const { code, stdout } = await cli(['diff', oldRun, oldRun, '--json']);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as RunDiff;
    expect(d.cities).toEqual([]);
    expect(d.rulesChanged).toEqual([]);
    expect(Object.values(d.mentionsByRule).every((v) => v.old === v.new)).toBe(true);
  });
});
