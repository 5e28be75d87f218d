// Ordinal numbers written with a digit and a suffix («1-се», «2-ші», «3-й») name their language:
// each language joins its own ordinal suffix to the number (grammar of each language; e.g.
// Bashkir -(ы)нсы/-(е)нсе/-(ө)нсө, after a digit «-се»/«-сы»/«-сө» (өсөнсө «third»); Kazakh -(ы)ншы/-(і)нші, «-ші»/«-шы»;
// Kyrgyz -(ы)нчы/-(и)нчи/-(у)нчу/-(ү)нчү; Tatar -(ы)нчы/-(е)нче; Russian -й, -я, -е, -го …).
// Headings of laws and strategies are often only «N-се статья» or «2-ші бөлім», with no other
// letter of their language, so this is the evidence they carry.
import type { CyrillicLang } from './alphabets.js';

const SUFFIXES: Readonly<Partial<Record<CyrillicLang, readonly string[]>>> = {
  bak: ['се', 'сы', 'сө', 'нсе', 'нсы', 'нсө', 'енсе', 'ынсы', 'өнсө'],
  kaz: ['ші', 'шы', 'нші', 'ншы', 'інші', 'ыншы'],
  kir: ['чи', 'чу', 'чү', 'нчи', 'нчу', 'нчү', 'инчи', 'унчу', 'үнчү'],
  tat: ['че', 'нче', 'енче'],
  rus: ['й', 'я', 'е', 'го', 'му', 'м', 'х', 'ми', 'ой', 'ая', 'ое', 'ые', 'ых', 'ым', 'ом', 'ей', 'ю', 'ий', 'ый'],
};

const BY_SUFFIX: ReadonlyMap<string, CyrillicLang> = new Map(
  Object.entries(SUFFIXES).flatMap(([lang, list]) => list.map((s): [string, CyrillicLang] => [s, lang as CyrillicLang])),
);

const ORDINAL = /\d[-‐–]\s?(\p{L}+)/gu;

/** Per language, how many digit-plus-suffix ordinals of that language the (normalised) text has. */
export function ordinalHits(text: string): Map<CyrillicLang, number> {
  const hits = new Map<CyrillicLang, number>();
  for (const m of text.matchAll(ORDINAL)) {
    const lang = BY_SUFFIX.get(m[1]!.toLowerCase());
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  return hits;
}
