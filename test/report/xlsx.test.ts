// table5.xlsx read back with exceljs: the sheets, their frozen header, filters, wrapping and
// widths, and the content of the hand-made run (test/fixtures/runs/corpus.ts).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCityRows } from '../../src/aggregate/index.js';
import { documentsTable, measuresTable, mentionsTable, pagesTable, sectorsTable, table5Table } from '../../src/report/tables.js';
import { fitCell, fittedWidth, MAX_CELL, workbookBuffer } from '../../src/report/xlsx.js';
import { FIXTURE_LABELS, fixtureDocuments, fixtureRun } from '../fixtures/runs/corpus.js';

describe('table5.xlsx', async () => {
  const run = fixtureRun(buildCityRows(fixtureDocuments()));
  const tables = [table5Table(run.rows, FIXTURE_LABELS), mentionsTable(run), documentsTable(run), pagesTable(run), sectorsTable(run.rows), measuresTable(run.rows, FIXTURE_LABELS)];
  const buffer = await workbookBuffer(tables);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);

  it('has the six sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Table5', 'Mentions', 'Documents', 'Pages', 'Sectors', 'Measures']);
  });

  it('freezes the header row, filters it and wraps text on every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      if (ws.rowCount > 1) expect(ws.getRow(2).getCell(1).alignment?.wrapText, ws.name).toBe(true);
    }
  });

  it('fits column widths to content within bounds', () => {
    const t5 = wb.getWorksheet('Table5');
    const widths = (t5?.columns ?? []).map((c) => c.width ?? 0);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
    for (const w of widths) expect(w).toBeLessThanOrEqual(80);
    // the priorities column is long text: it gets the cap, the country column stays narrow
    expect(widths[7]).toBe(80);
    expect(widths[1]).toBeLessThan(12);
    expect(fittedWidth('city', ['Нижний Новгород'])).toBe(16);
  });

  it('cuts a cell longer than Excel allows and says so', () => {
    const long = 'развитие кластера; '.repeat(2000);
    const cut = String(fitCell(long));
    expect(cut.length).toBe(MAX_CELL);
    expect(cut.endsWith('see table5.csv or table5.json]')).toBe(true);
    expect(fitCell('short')).toBe('short');
  });

  it('round-trips Cyrillic and Kazakh text and numbers', () => {
    const t5 = wb.getWorksheet('Table5');
    const header = (t5?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['city', 'country', 'status']);
    const kazan = t5?.getRow(2);
    expect(kazan?.getCell(1).value).toBe('Казань');
    expect(kazan?.getCell(7).value).toBe(2);
    expect(String(kazan?.getCell(8).value)).toContain('развитие туристско-рекреационного кластера');
    const mentions = wb.getWorksheet('Mentions');
    expect(mentions?.rowCount).toBe(1 + run.documents.reduce((n, d) => n + d.mentions.length, 0));
    const texts = [];
    const textColumn = (mentions?.getRow(1).values as unknown[]).indexOf('text');
    for (let i = 2; i <= (mentions?.rowCount ?? 0); i += 1) texts.push(String(mentions?.getRow(i).getCell(textColumn).value));
    expect(texts).toContain('Агроөнеркәсіптік кластерді құру арқылы қала маңындағы азық-түлік өндірісін арттыру көзделеді.');
  });
});
