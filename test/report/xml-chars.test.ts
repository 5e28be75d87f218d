// Characters XML 1.0 forbids (src/report/xml-chars.ts), as broken PDFs and byte-swapped text give them.
import { describe, expect, it } from 'vitest';
import { xmlChars } from '../../src/report/xml-chars.js';

describe('xmlChars', () => {
  it('replaces U+FFFE, U+FFFF, C0 controls and lone surrogates with U+FFFD, keeping the length', () => {
    const bad = 'a\uFFFEb\uFFFFc\u0000d\u0008e\u001Ff\uD800g\uDC00';
    const safe = xmlChars(bad);
    expect(safe).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD');
    expect(safe.length).toBe(bad.length);
  });

  it('keeps tab, newline, CR, Cyrillic and characters outside the BMP', () => {
    const good = 'кластер\tқала\n\r😀 \uE000 \uFFFD';
    expect(xmlChars(good)).toBe(good);
  });
});
