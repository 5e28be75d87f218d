// Page triage on short texts written for this test: what each kind of broken text layer
// looks like when pdfjs reads it (see ../shared/data/pdf/README.md for the fixtures).
import { describe, expect, it } from 'vitest';
import { repairCp1251, triageText } from '../../src/ingest/pdf/triage.js';

describe('triageText', () => {
  it('ok for Russian and Kazakh text', () => {
    expect(triageText('Кластерная политика направлена на развитие туристского кластера и поддержку малого бизнеса.').triage).toBe('ok');
    expect(triageText('Қала экономикасының бәсекеге қабілеттілігін арттырудың негізгі құралы – кластерлік саясат.').triage).toBe('ok');
  });

  it('no_text below ~20 letters (a scan with only a page number)', () => {
    expect(triageText('12').triage).toBe('no_text');
    expect(triageText('').triage).toBe('no_text');
  });

  it('garbled when glyph ids come out as control characters or IPA letters', () => {
    expect(triageText('\u0001\u0002\u0003\u0004\u0002\u0005\u0006\u0007 \u0003\u0004\u0007\u0002 \u000e\u0004\u0003\u0004\u0006\u0004\u000f \u0010\u0011\u0012\u0013\u0012 \u0006\u0004 \u0001\u0002\u0003').triage).toBe('garbled');
    expect(triageText('ɉɚɦɹɬɤɚ ɞɥɹ ɪɚɡɜɢɬɢɹ ɤɥɚɫɬɟɪɨɜ ɝɨɪɨɞɚ').triage).toBe('garbled');
  });

  it('garbled for Latin look-alike gibberish without function words', () => {
    expect(triageText('Rnfcnthyfz gjkbnbrf yfghfdktyf yf hfpdbnbt nehbcnbxtcrjuj rkfcnthf').triage).toBe('garbled');
    expect(triageText('The cluster policy of the city is based on support for tourism and logistics.').triage).toBe('ok');
  });

  it('repaired for cp1251 bytes declared as WinAnsi', () => {
    const t = triageText('Ñòðàòåãèÿ ðàçâèòèÿ ãîðîäà äî 2030 ãîäà. Êëàñòåðíàÿ ïîëèòèêà.');
    expect(t.triage).toBe('repaired');
    expect(repairCp1251('Ñòðàòåãèÿ ðàçâèòèÿ')).toBe('Стратегия развития');
    expect(repairCp1251('Café société')).toBeNull();
  });
});

describe('triageText: blank pages and standard fonts', () => {
  it('a page with no body text is blank when it draws no image and few paths, else it needs OCR', () => {
    // Path counts as measured: a ruled header draws 1 path (sample_ru.pdf p. 1), outlined text
    // 120–2,640 (../shared/data/pdf/outlined_text.pdf), a scan one image (scanned_page.pdf).
    expect(triageText('', { ink: { images: 0, paths: 1 } })).toEqual({ triage: 'blank', reason: '' });
    expect(triageText('Заметки', { ink: { images: 0, paths: 0 } }).triage).toBe('blank');
    expect(triageText('', { ink: { images: 1, paths: 0 } })).toEqual({ triage: 'no_text', reason: 'only 0 letters in the text layer and 1 image(s)' });
    expect(triageText('', { ink: { images: 0, paths: 120 } }).triage).toBe('no_text');
    // Without the ink counted, an empty page is never called blank.
    expect(triageText('').triage).toBe('no_text');
  });

  it('Latin text without function words is look-alike gibberish, unless it is set in a standard-14 font', () => {
    const annex = 'Karatau Agro Park: Phase II\nSarysu Eco Trail\nRailway Logistics Hub Karatau-Zhanatas\nCompetence Centre Industry 4.0';
    expect(triageText(annex).triage).toBe('garbled');
    expect(triageText(annex, { standardFonts: true }).triage).toBe('ok');
    // Glyph codes are not letters in any font.
    expect(triageText('\u0001\u0002\u0003\u0004'.repeat(10), { standardFonts: true }).triage).toBe('garbled');
  });
});
