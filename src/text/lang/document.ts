// Document languages: a vote over the document's blocks weighted by their letters (numbers,
// table rules and dot leaders carry no language). franc reads only the first 2048
// characters of a text, so a document is never judged as one string.
import type { LangCode } from '../../records.js';

/**
 * A language holding at least this share of the letters makes the document bilingual when
 * a second one does too. A fifth is far above what quoted titles or a few Kazakh place
 * names in a Russian strategy reach, and below a real second half (RU/KZ editions in one
 * PDF are near 50/50; a Kazakh summary of a Russian strategy is ~20–30%).
 */
export const BILINGUAL_MIN_SHARE = 0.2;

const LETTER = /\p{L}/gu;

export interface DocumentLanguages {
  languages: { lang: LangCode; share: number }[];
  bilingual: boolean;
}

/** Letters per language: what the vote counts. Tallies of parts add up to the whole's. */
export type LanguageTally = Map<LangCode, number>;

/** Adds the spans' letters to `into` by language ('und' and letterless spans count nothing). */
export function tallyLanguages(spans: readonly { text: string; lang: LangCode }[], into: LanguageTally = new Map()): LanguageTally {
  for (const span of spans) {
    if (span.lang === 'und') continue;
    const letters = span.text.match(LETTER)?.length ?? 0;
    if (letters > 0) into.set(span.lang, (into.get(span.lang) ?? 0) + letters);
  }
  return into;
}

export function documentLanguages(spans: readonly { text: string; lang: LangCode }[]): DocumentLanguages {
  return languagesOfTally(tallyLanguages(spans));
}

/** Shares, largest first, and the bilingual flag, of a tally. */
export function languagesOfTally(weights: LanguageTally): DocumentLanguages {
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total === 0) return { languages: [], bilingual: false };
  const languages = [...weights]
    .map(([lang, w]) => ({ lang, share: w / total }))
    .sort((a, b) => b.share - a.share || a.lang.localeCompare(b.lang));
  const substantial = languages.filter((l) => l.share >= BILINGUAL_MIN_SHARE).length;
  return { languages, bilingual: substantial >= 2 };
}
