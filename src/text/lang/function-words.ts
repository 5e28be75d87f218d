// Frequent-word evidence for short spans and for telling close languages apart. The lists
// are data (./data/function-words.json, hand-written; its _source field says how).
import lists from './data/function-words.json' with { type: 'json' };

type ListedLang = Exclude<keyof typeof lists, '_source'>;

const BY_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(lists)) {
    if (lang === '_source' || !Array.isArray(words)) continue;
    for (const word of words) {
      const langs = map.get(word) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      map.set(word, langs);
    }
  }
  return map;
})();

export const LISTED_LANGS = Object.keys(lists).filter((k) => k !== '_source') as ListedLang[];

/** Per language, how many of the (lower-case) words are on its frequent-word list. */
export function functionWordHits(words: readonly string[]): Map<string, number> {
  const hits = new Map<string, number>();
  for (const word of words) {
    const langs = BY_WORD.get(word);
    if (!langs) continue;
    for (const lang of langs) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  return hits;
}

/** True when the (lower-case) word is on `lang`'s frequent-word list. */
export function isFunctionWord(word: string, lang: string): boolean {
  return BY_WORD.get(word)?.includes(lang) ?? false;
}
