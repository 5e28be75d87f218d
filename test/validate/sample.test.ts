import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample, hasClusterForm, sampleUnits, SAMPLE_COLUMNS } from '../../src/validate/index.js';
import type { RunUnit } from '../../src/validate/read-run.js';
import { writeFixtureRun } from './helpers.js';

let dir: string;
let units: RunUnit[];
const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  dir = await writeFixtureRun();
  units = (await readFile(join(dir, 'units.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as RunUnit);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('sampleUnits (run of test/fixtures/runs/corpus.ts: 25 units, 16 with a кластер-form)', () => {
  it('draws n units, 20% of them without a кластер-form, in the gold format with blank label columns', async () => {
    expect(units).toHaveLength(25);
    const csv = await sampleUnits(dir, { n: 10, seed: 7 });
    expect(csv.split('\n')[0]).toBe(SAMPLE_COLUMNS.join(','));
    const sample = rows(csv);
    expect(sample).toHaveLength(10);
    const byId = new Map(units.map((u) => [u.id, u]));
    const withForm = sample.filter((r) => hasClusterForm(byId.get(r.unit_id ?? '') as RunUnit));
    expect(withForm).toHaveLength(8);
    for (const r of sample) {
      expect(r).toMatchObject({ label: '', sectors: '', note: '' });
      expect(byId.get(r.unit_id ?? '')?.text).toBe(r.text);
    }
    // blind coding: the tool's decision is not in the file
    expect(Object.keys(sample[0] ?? {})).not.toContain('tool_kind');
    expect(new Set(sample.map((r) => r.unit_id)).size).toBe(10);
  });

  it('is reproducible for a seed and differs between seeds', async () => {
    const a = await sampleUnits(dir, { n: 10, seed: 7 });
    expect(await sampleUnits(dir, { n: 10, seed: 7 })).toBe(a);
    expect(await sampleUnits(dir, { n: 10, seed: 8 })).not.toBe(a);
  });

  it('--stratify kind spreads the draw evenly over the tool kinds, giving what a small stratum lacks to others', async () => {
    const sample = rows(await sampleUnits(dir, { n: 10, seed: 3, stratify: 'kind' }));
    const byId = new Map(units.map((u) => [u.id, u]));
    const kinds = sample.map((r) => byId.get(r.unit_id ?? '')?.mentionKinds.join('+') || 'none');
    const count = (k: string) => kinds.filter((x) => x === k).length;
    // 8 units with a кластер-form: context has only 2, so priority and other_sense get 3 each
    expect({ priority: count('priority'), context: count('context'), other_sense: count('other_sense'), none: count('none') }).toEqual({
      priority: 3,
      context: 2,
      other_sense: 3,
      none: 2,
    });
  });

  it('asks for everything when n exceeds the run, and counts a кластер-form no rule matched', () => {
    expect(drawSample(units, { n: 100, seed: 1 })).toHaveLength(25);
    const unmatched = { ...units[0], text: 'Кластерное взаимодействие предприятий усилится.', mentionKinds: [] } as RunUnit;
    expect(hasClusterForm(unmatched)).toBe(true);
    expect(hasClusterForm({ ...unmatched, text: 'Город развивает транспорт.' })).toBe(false);
    // another topic (rules/sez): only the rules define its word family
    expect(hasClusterForm(unmatched, null)).toBe(false);
  });
});
