// How evidence locations read: PDF pages, HTML sections, DOCX paragraphs (a DOCX without
// recorded pages has no page number anyone could find, so none is made up), and the bundled
// corpus/kaliningrad_strategy_2035.docx (a LibreOffice export: no recorded pages) end to end.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { evidenceText, locatorText } from '../../src/report/evidence.js';
import { readDocx } from '../../src/ingest/docx.js';
import { documentUnits } from '../../src/text/units.js';

describe('locators in evidence', () => {
  test('p., sect. and ¶', () => {
    expect(locatorText(5)).toBe('p. 5');
    expect(locatorText(3, 'section')).toBe('sect. 3');
    expect(locatorText(214, 'paragraph')).toBe('¶ 214');
    expect(
      evidenceText([
        { file: 'a.pdf', page: 7, ocr: false, unitId: 'a#1' },
        { file: 'a.pdf', page: 2, ocr: true, unitId: 'a#2' },
        { file: 'b.docx', page: 214, ocr: false, unitId: 'b#1', locator: 'paragraph' },
        { file: 'c.html', page: 3, ocr: false, unitId: 'c#1', locator: 'section' },
      ]),
    ).toBe('a.pdf p. 2 (OCR), 7; b.docx ¶ 214; c.html sect. 3');
  });

  test('kaliningrad_strategy_2035.docx: units carry the paragraph locator, never a page', async () => {
    const doc = await readDocx('kaliningrad_strategy_2035.docx', new Uint8Array(await readFile('corpus/kaliningrad_strategy_2035.docx')));
    expect(doc.locator).toBe('paragraph');
    const { units } = documentUnits(doc);
    expect(units.length).toBeGreaterThan(20);
    expect(units.every((u) => u.locator === 'paragraph')).toBe(true);
    const item = units.find((u) => u.text.startsWith('формирование портово-логистического кластера'))!;
    expect(item.page).toBe(25);
  });
});
