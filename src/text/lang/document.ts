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

export function documentLanguages(spans: { text: string; lang: LangCode }[]): {
  languages: { lang: LangCode; share: number }[];
  bilingual: boolean;
} {
  const weights = new Map<LangCode, number>();
  let total = 0;
  for (const span of spans) {
    if (span.lang === 'und') continue;
    const letters = span.text.match(LETTER)?.length ?? 0;
    if (letters === 0) continue;
    weights.set(span.lang, (weights.get(span.lang) ?? 0) + letters);
    total += letters;
  }
  if (total === 0) return { languages: [], bilingual: false };
  const languages = [...weights]
    .map(([lang, w]) => ({ lang, share: w / total }))
    .sort((a, b) => b.share - a.share || a.lang.localeCompare(b.lang));
  const substantial = languages.filter((l) => l.share >= BILINGUAL_MIN_SHARE).length;
  return { languages, bilingual: substantial >= 2 };
}
