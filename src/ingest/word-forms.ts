// Is this a Russian or Kazakh word form? Every form of Debian's hunspell-ru and hunspell-kk,
// as a Bloom filter (generated data: ./data/word-forms.json, made by
// scripts/lang/build-word-forms.ts). A form is always found; a string that is not one is found
// by mistake about 0.5% of the time. One-letter forms are not stored.
import data from './data/word-forms.json' with { type: 'json' };
import { BloomFilter } from '../text/lang/bloom.js';
import { matchKey } from '../text/normalize.js';

const FORMS = BloomFilter.fromData(data);

/** `word` (any case) is a dictionary form of 2 letters or more. */
export function isDictionaryForm(word: string): boolean {
  return word.length >= 2 && FORMS.has(matchKey(word));
}
