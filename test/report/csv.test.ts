// The formula-injection guard of every CSV (src/report/csv.ts) and its inverse for gold files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseCell, restoreCell } from '../../src/report/csv.js';
import { readGold } from '../../src/validate/gold.js';

// Cells an attacker puts at the start of a sentence in a downloaded document (OWASP, "CSV
// Injection"), and list items as real strategies write them («- развитие …»).
const HOSTILE = ['=1+1', '+7 (343) 000', '-развитие кластера;', '@SUM(A1)', '\t=cmd', '\r=cmd', "=HYPERLINK(\"http://x\",\"a\")"];
const HARMLESS = ['Развитие кластера', "'quoted already", '', ' =leading space', 'IT-кластер'];

describe('neutraliseCell / restoreCell', () => {
  it('prefixes an apostrophe to every cell that starts like a formula, and restores it', () => {
    for (const cell of HOSTILE) {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
      expect(restoreCell(neutraliseCell(cell) as string)).toBe(cell);
    }
  });

  it('leaves other text and numbers (negative ones too) as they are', () => {
    for (const cell of HARMLESS) {
      expect(neutraliseCell(cell)).toBe(cell);
      expect(restoreCell(cell)).toBe(cell);
    }
    expect(neutraliseCell(-3)).toBe(-3);
  });
});

describe('csvText', () => {
  it('guards cells by default, in the comma and the Excel (;) dialect, and not with raw', () => {
    const rows = [['text', 'n'], ...HOSTILE.map((h, i) => [h, -i])];
    for (const excel of [false, true]) {
      const back = parse(csvText(rows, { excel }), { delimiter: excel ? ';' : ',', bom: true }) as string[][];
      expect(back.slice(1).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
      expect(back[2]?.[1]).toBe('-1');
    }
    const raw = parse(csvText(rows, { raw: true })) as string[][];
    expect(raw.slice(1).map((r) => r[0])).toEqual(HOSTILE);
  });
});

describe('readGold', () => {
  it('reads a guarded sample back with the text as the document had it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sm-gold-'));
    const body = csvText([
      ['file', 'page', 'unit_id', 'text', 'label', 'sectors'],
      ['perm.html', 2, 'perm.html#p2b3s1', '=HYPERLINK("x") — будет создан IT-кластер', 'priority', 'it_digital'],
      ['perm.html', 2, 'perm.html#p2b4s1', '- развитие агропромышленного кластера;', 'priority', 'food_agro'],
    ]);
    expect(body).toContain("'=HYPERLINK");
    await writeFile(join(dir, 'mentions.csv'), body);
    const gold = await readGold(join(dir, 'mentions.csv'));
    await rm(dir, { recursive: true, force: true });
    expect(gold.ok).toBe(true);
    if (!gold.ok) return;
    expect(gold.value.units.map((u) => u.text)).toEqual(['=HYPERLINK("x") — будет создан IT-кластер', '- развитие агропромышленного кластера;']);
  });
});
