// Telling a right decoding from a wrong one. Real text: ../shared/data/langid/sentences/ru.txt
// and kk.txt (Leipzig web sentences, via the Lingua test data), re-encoded here in the code
// pages Russian text has been written in and decoded in the wrong one.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeUnsure, decodeUserText, encodeSingleByte, isMojibake, mojibakeOf } from '../../src/text/charset/index.js';

const sentences = (lang: string): string[] =>
  readFileSync(`../shared/data/langid/sentences/${lang}.txt`, 'utf8').split('\n').filter((l) => l.trim() !== '');
const RU = sentences('ru');
const KK = sentences('kk');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('mojibakeOf', () => {
  test('correct Russian and Kazakh text (500 sentences each) is not mojibake, as a whole or in 10-sentence pieces', () => {
    for (const lines of [RU, KK]) {
      const whole = mojibakeOf(lines.join('\n'));
      expect(whole.share).toBeLessThan(0.005);
      expect(isMojibake(whole)).toBe(false);
      for (let i = 0; i < lines.length; i += 10) expect(isMojibake(mojibakeOf(lines.slice(i, i + 10).join(' '))), lines[i]).toBe(false);
    }
  });

  test.each([
    ['windows-1251', 'koi8-r'],
    ['koi8-r', 'windows-1251'],
    ['ibm866', 'windows-1251'],
    ['windows-1251', 'ibm866'],
    ['windows-1251', 'iso-8859-5'],
  ])('Russian written in %s and read as %s is mojibake in every 10-sentence piece', (written, read) => {
    for (let i = 0; i < RU.length; i += 10) {
      const piece = RU.slice(i, i + 10).join(' ');
      expect(isMojibake(mojibakeOf(new TextDecoder(read).decode(encodeSingleByte(piece, written)))), piece).toBe(true);
    }
  });

  test('Windows-1251 read as x-mac-cyrillic is mojibake (the two differ only in «я» and signs, so only on a longer text)', () => {
    expect(isMojibake(mojibakeOf(new TextDecoder('x-mac-cyrillic').decode(encodeSingleByte(RU.slice(0, 100).join(' '), 'windows-1251'))))).toBe(true);
  });

  test('UTF-8 read as Windows-1251 or Latin-1, and Windows-1251 read as UTF-8, are mojibake', () => {
    const piece = RU.slice(0, 10).join(' ');
    expect(isMojibake(mojibakeOf(new TextDecoder('windows-1251').decode(utf8(piece))))).toBe(true);
    expect(isMojibake(mojibakeOf(new TextDecoder('latin1').decode(utf8(piece))))).toBe(true);
    expect(isMojibake(mojibakeOf(new TextDecoder('utf-8').decode(encodeSingleByte(piece, 'windows-1251'))))).toBe(true);
  });

  test('abbreviations and Latin text are not evidence of mojibake', () => {
    expect(mojibakeOf('Рост ВВП и КФХ, ГЧП и МСП; strategy-miner reads PDF files.').flagged).toBe(0);
  });
});

describe('decodeUnsure', () => {
  // Sentences every Cyrillic code page can hold (no typographic quotes or dashes).
  const text = RU.filter((l) => /^[\u0020-\u007e\u0410-\u044f\u0401\u0451]+$/.test(l)).slice(0, 10).join(' ');

  test('a declaration that reads as text is kept', () => {
    expect(decodeUnsure(encodeSingleByte(text, 'windows-1251'), 'windows-1251')).toMatchObject({ text, charset: 'windows-1251', source: 'declared', garbled: false, note: '' });
  });

  test.each(['windows-1251', 'koi8-r', 'ibm866'])('%s bytes declared as utf-8 are read in %s', (cp) => {
    expect(decodeUnsure(encodeSingleByte(text, cp), 'utf-8')).toMatchObject({ text, charset: cp, garbled: false, note: `declared utf-8, but the text reads as ${cp}` });
  });

  test('UTF-8 bytes declared as windows-1251 are read as UTF-8; undeclared valid UTF-8 is UTF-8', () => {
    expect(decodeUnsure(utf8(text), 'windows-1251')).toMatchObject({ text, charset: 'utf-8', garbled: false });
    expect(decodeUnsure(utf8(text))).toMatchObject({ text, charset: 'utf-8', garbled: false });
  });

  test('UTF-8 saved twice through windows-1251 is restored', () => {
    const twice = utf8(new TextDecoder('windows-1251').decode(utf8(text)));
    expect(decodeUnsure(twice, 'utf-8')).toMatchObject({ text, source: 'repaired', garbled: false });
  });

  test('a byte-order mark wins over the declaration', () => {
    expect(decodeUnsure(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'windows-1251')).toMatchObject({ text, source: 'bom' });
  });

  test('text in two encodings at once is garbled, whichever is tried', () => {
    const mixed = new Uint8Array([...utf8(RU.slice(0, 10).join(' ')), ...encodeSingleByte(RU.slice(10, 20).join(' '), 'windows-1251')]);
    const decoded = decodeUnsure(mixed, 'utf-8');
    expect(decoded.garbled).toBe(true);
    expect(decoded.note).toMatch(/could not be decoded/);
  });
});

describe('decodeUserText (manifests and gold files)', () => {
  const text = 'file,city\nufa.pdf,Уфа\nomsk.pdf,Омск\n';

  test('UTF-8 with and without a BOM: no warning', () => {
    expect(decodeUserText(utf8(text))).toEqual({ text, charset: 'utf-8' });
    expect(decodeUserText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ text, charset: 'utf-8' });
  });

  test('UTF-16 with a BOM, and without one (with a warning)', () => {
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(decodeUserText(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text, charset: 'utf-16le' });
    expect(decodeUserText(le)).toMatchObject({ text, charset: 'utf-16le', warning: expect.stringContaining('UTF-16LE') });
  });

  test('Windows-1251 is read as such, with a warning', () => {
    expect(decodeUserText(encodeSingleByte(text, 'windows-1251'))).toMatchObject({ text, charset: 'windows-1251', warning: expect.stringContaining('not UTF-8; read as windows-1251') });
  });
});
