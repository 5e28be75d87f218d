// The merging measure on real priority sentences: the 20 priority lines of
// ../shared/data/mentions/dev.tsv (RuREBus municipal programmes, see the data README). Several
// programmes repeat a line word for word; those must collapse, and no two different lines may.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCityRows, groupStatements, normalisedStatement, priorityStatements, samePriority, type PriorityStatement } from '../../src/aggregate/index.js';
import { buildDocument } from '../fixtures/runs/build.js';

const DEV = join(import.meta.dirname, '../../../shared/data/mentions/dev.tsv');

interface Row {
  id: string;
  label: string;
  sectors: string[];
  text: string;
}

function devRows(): Row[] {
  const [, ...lines] = readFileSync(DEV, 'utf8').trimEnd().split('\n');
  return lines.map((l) => {
    const [id = '', , label = '', sectors = '', , text = ''] = l.split('\t');
    return { id, label, sectors: sectors.split(',').filter((s) => s && s !== 'none'), text: text.trim() };
  });
}

describe('priority merging on real programme sentences (shared/data/mentions/dev.tsv)', () => {
  const priorities = devRows().filter((r) => r.label === 'priority' && /кластер/i.test(r.text));

  it('collapses the word-for-word repeats and nothing else', () => {
    expect(priorities.length).toBeGreaterThanOrEqual(15);
    const doc = buildDocument({
      file: 'rurebus_dev.txt',
      city: 'RuREBus',
      country: 'RU',
      language: 'ru',
      title: '',
      year: '',
      pages: [{ blocks: priorities.map((r) => ({ kind: 'list_item' as const, units: [{ text: r.text, mention: { kind: 'priority' as const, sectors: r.sectors } }] })) }],
    });
    const distinct = new Set(priorities.map((r) => `${normalisedStatement(r.text)}|${r.sectors.sort().join(',')}`));
    expect(distinct.size).toBeLessThan(priorities.length); // the data does hold repeats
    const items = buildCityRows([doc])[0]?.priorities ?? [];
    expect(items).toHaveLength(distinct.size);
    for (const item of items) {
      const texts = new Set(item.evidence.map((e) => normalisedStatement(doc.units.find((u) => u.id === e.unitId)?.text ?? '')));
      expect(texts.size, item.text).toBe(1);
    }
  });

  // Regression: grouping compared every statement with every group (and re-normalised both
  // texts each time), so a 301-page strategy with 2,200 priority sentences took 15 s to
  // aggregate. The indexed grouping must give exactly the groups of the exhaustive one.
  it('groups exactly as comparing every statement with every group would', () => {
    const doc = buildDocument({
      file: 'rurebus_dev.txt', city: 'RuREBus', country: 'RU', language: 'ru', title: '', year: '',
      pages: [1, 2, 3].map(() => ({
        blocks: devRows()
          .filter((r) => r.label !== 'other_sense')
          .map((r) => ({ kind: 'list_item' as const, units: [{ text: r.text, mention: { kind: 'priority' as const, sectors: r.sectors } }] })),
      })),
    });
    const order = new Map(doc.units.map((u, i) => [u.id, i] as [string, number]));
    const statements = priorityStatements(doc.mentions, order);
    const exhaustive: PriorityStatement[][] = [];
    for (const s of statements) {
      const home = exhaustive.find((g) => g.some((m) => samePriority(m, s)));
      if (home) home.push(s);
      else exhaustive.push([s]);
    }
    const ids = (groups: PriorityStatement[][]) => groups.map((g) => g.map((s) => s.unitId));
    expect(statements.length).toBeGreaterThan(50);
    expect(ids(groupStatements(statements))).toEqual(ids(exhaustive));
  });
});
