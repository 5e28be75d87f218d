import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hunspellForms } from '../../../scripts/lang/hunspell-forms.js';
import { lexiconEntry } from '../../../src/text/lang/lexicon.js';
import { decodeWordList, encodeWordList } from '../../../src/text/lang/word-list-codec.js';

describe('word-list codec', () => {
  it('round-trips a list (sorted, without duplicates) and shares prefixes', () => {
    const words = ['қаласы', 'қала', 'қалалар', 'бала', 'қала', 'балалардың'];
    const coded = encodeWordList(words);
    expect(decodeWordList(coded)).toEqual([...new Set(words)].sort());
    expect(coded.length).toBeLessThan(words.join('').length);
  });

  it('refuses words it could not decode', () => {
    expect(() => encodeWordList(['abc'])).toThrow(/ASCII/);
  });
});

describe('lexicon', () => {
  it('knows shared, Kazakh-only and unknown forms', () => {
    expect(lexiconEntry('технология')).toBe('shared');
    expect(lexiconEntry('республикасы')).toBe('kaz');
    // A clear Kazakh form is left to the n-gram model.
    expect(lexiconEntry('мектептерде')).toBeUndefined();
  });
});

describe('hunspellForms', () => {
  it('applies suffix rules whose condition is a Cyrillic character class (unmunch did not)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hunspell-'));
    writeFileSync(
      join(dir, 't.aff'),
      ['SET UTF-8', 'SFX L Y 2', 'SFX L ться лся [^сз]ться', 'SFX L ться лась [^сз]ться',
        'PFX P Y 1', 'PFX P 0 по .', ''].join('\n'),
    );
    writeFileSync(join(dir, 't.dic'), ['2', 'бояться/LP', 'везти/L', ''].join('\n'));
    const forms: string[] = [];
    hunspellForms(dir, 't', (f) => forms.push(f));
    expect(forms.sort()).toEqual(['боялась', 'боялся', 'бояться', 'везти', 'побоялась', 'побоялся', 'побояться']);
  });
});
