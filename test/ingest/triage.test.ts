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
