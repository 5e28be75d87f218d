// Russian stemming for `~word` rule terms: the Snowball Russian stemmer (snowball-stemmers,
// a port of snowball.tartarus.org). Chosen over natural's PorterStemmerRu because that one
// is not consistent across a paradigm on some words: it gives «промышленост» for
// «промышленности» but «промышлен» for «промышленный», so one `~` term could not cover the
// noun and the adjective; Snowball gives «промышлен» for both (checked in test/rules/stem.test.ts).
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');
// Stems are memoised: a strategy repeats the same few thousand word forms, and stemming is
// the costliest step of matching. The cache is bounded so a long batch cannot grow it
// without limit; results do not depend on it.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Snowball Russian stem of a word already passed through matchKey. */
export function stemRu(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = russian.stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
