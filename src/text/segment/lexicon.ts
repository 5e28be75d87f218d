// Per-language word lists that drive the sentence splitter, compiled once into Sets.
// The lists themselves are data (./data/abbreviations.<lang>.json), each with its source.
import type { LangCode } from '../../records.js';
import rus from './data/abbreviations.rus.json' with { type: 'json' };
import kaz from './data/abbreviations.kaz.json' with { type: 'json' };

interface RawWordClass {
  why: string;
  items: string[];
}
interface RawLexicon {
  language: string;
  source: string;
  neverFinal: RawWordClass;
  mayEnd: RawWordClass;
  afterNumber: RawWordClass;
  era: RawWordClass;
  headingWords: RawWordClass;
  sentenceStarters: RawWordClass;
  verbFinal: { why: string; value: boolean };
}

/** How an abbreviation before a dot behaves (see the `why` of each class in the data files). */
export type AbbrevClass = 'neverFinal' | 'mayEnd' | 'afterNumber' | 'era';

export interface Lexicon {
  /** Lower-case abbreviation (dotted chains without spaces: «т.е», «к.п.н») → its class. */
  abbreviations: ReadonlyMap<string, AbbrevClass>;
  headingWords: ReadonlySet<string>;
  sentenceStarters: ReadonlySet<string>;
  /** The language puts the verb last, so abbreviations rarely end its sentences (Kazakh). */
  verbFinal: boolean;
}

function compile(sources: readonly RawLexicon[]): Lexicon {
  const abbreviations = new Map<string, AbbrevClass>();
  const headingWords = new Set<string>();
  const sentenceStarters = new Set<string>();
  // Later sources do not override earlier ones: the document's own language comes first.
  for (const src of sources) {
    for (const cls of ['neverFinal', 'afterNumber', 'era', 'mayEnd'] as const) {
      for (const item of src[cls].items) {
        const key = item.toLowerCase();
        if (!abbreviations.has(key)) abbreviations.set(key, cls);
      }
    }
    for (const w of src.headingWords.items) headingWords.add(w.toLowerCase());
    for (const w of src.sentenceStarters.items) sentenceStarters.add(w.toLowerCase());
  }
  const verbFinal = sources[0]?.verbFinal.value ?? false;
  return { abbreviations, headingWords, sentenceStarters, verbFinal };
}

const RUS = rus as RawLexicon;
const KAZ = kaz as RawLexicon;
// Kazakh strategy texts quote Russian abbreviations (млн, г.) and Russian ones quote Kazakh
// names, so each language also gets the other's list, ranked second.
const BY_LANG: Record<string, Lexicon> = {
  rus: compile([RUS, KAZ]),
  kaz: compile([KAZ, RUS]),
};

/** The lexicon for a language; Russian rules (with Kazakh additions) for anything else. */
export function lexiconFor(lang?: LangCode): Lexicon {
  return (lang !== undefined ? BY_LANG[lang] : undefined) ?? (BY_LANG.rus as Lexicon);
}
