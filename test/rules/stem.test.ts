// Why `~word` terms use the Snowball stemmer and not natural's PorterStemmerRu (issue 6):
// one stem must cover the noun and the adjective of a paradigm.
import natural from 'natural';
import { describe, expect, it } from 'vitest';
import { stemRu } from '../../src/rules/stem.js';

describe('stemRu (Snowball Russian)', () => {
  it('gives промышленности and промышленный the same stem, where PorterStemmerRu does not', () => {
    expect(stemRu('промышленности')).toBe('промышлен');
    expect(stemRu('промышленный')).toBe('промышлен');
    expect(natural.PorterStemmerRu.stem('промышленности')).not.toBe(natural.PorterStemmerRu.stem('промышленный'));
  });
  it('stems the case forms of кластер to one stem', () => {
    const forms = ['кластер', 'кластера', 'кластеру', 'кластером', 'кластере', 'кластеров', 'кластерам', 'кластерами', 'кластерах'];
    expect(new Set(forms.map(stemRu))).toEqual(new Set(['кластер']));
  });
});
