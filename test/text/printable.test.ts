// File names as lists show them (src/text/printable.ts): names made here with the characters
// that break a list or a terminal.
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/text/printable.js';

describe('printable', () => {
  it('writes newlines, tabs, escapes and bidi overrides as visible escapes', () => {
    expect(printable('new\nline.pdf')).toBe('new\\nline.pdf');
    expect(printable('a\tb\r.pdf')).toBe('a\\tb\\r.pdf');
    expect(printable('\u001B[31mred.pdf')).toBe('\\u{001B}[31mred.pdf');
    expect(printable('fdp.\u202Eexe.pdf')).toBe('fdp.\\u{202E}exe.pdf');
  });

  it('leaves Cyrillic, Kazakh letters and spaces alone', () => {
    expect(printable('Стратегия Алматы қаласы 2050.pdf')).toBe('Стратегия Алматы қаласы 2050.pdf');
  });
});
