// Gold files as a coder's Excel saves them in a Russian locale: Windows-1251 with ';', or
// UTF-16. The rows are corpus/gold/mentions.csv's own first rows (the bundled hand-coding).
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/validate/gold.js';
import { encodeSingleByte } from '../../src/text/charset/index.js';

const bundled = readFileSync('corpus/gold/mentions.csv', 'utf8');
const records = (parse(bundled, { columns: true, skip_empty_lines: true }) as Record<string, string>[])
  // Windows-1251 cannot hold Kazakh letters: keep Russian rows only.
  .filter((r) => !/[әғқңөұүһі]/i.test(r.text ?? ''))
  .slice(0, 20);
const asExcel = stringify(records, { header: true, delimiter: ';', record_delimiter: '\r\n' });

async function goldDir(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sm-gold-'));
  await writeFile(join(dir, 'mentions.csv'), bytes);
  await writeFile(join(dir, 'cities.csv'), encodeSingleByte('city;status\r\nПермь;priorities\r\n', 'windows-1251'));
  return dir;
}

describe('readGold: encodings and separators', () => {
  it('a Windows-1251 file with ";" gives the same rows as UTF-8, with a warning for each file', async () => {
    const fromUtf8 = await readGold(await goldDir(new TextEncoder().encode(asExcel)));
    const from1251 = await readGold(await goldDir(encodeSingleByte(asExcel, 'windows-1251')));
    expect(fromUtf8.ok && from1251.ok).toBe(true);
    if (!fromUtf8.ok || !from1251.ok) return;
    expect(from1251.value.units).toEqual(fromUtf8.value.units);
    expect(from1251.value.units.length).toBeGreaterThan(5);
    expect(from1251.value.cities).toEqual([{ line: 2, city: 'Пермь', status: 'priorities' }]);
    expect(from1251.value.warnings).toEqual([
      expect.stringMatching(/mentions\.csv: not UTF-8; read as windows-1251/),
      expect.stringMatching(/cities\.csv: not UTF-8; read as windows-1251/),
    ]);
  });

  it('UTF-16LE with a BOM reads without a warning for that file', async () => {
    const gold = await readGold(await goldDir(new Uint8Array([0xff, 0xfe, ...Buffer.from(asExcel, 'utf16le')])));
    expect(gold.ok).toBe(true);
    if (!gold.ok) return;
    expect(gold.value.units.length).toBe(records.filter((r) => (r.label ?? '').trim() !== '').length);
    expect(gold.value.warnings.filter((w) => w.includes('mentions.csv'))).toEqual([]);
  });
});
