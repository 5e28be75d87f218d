// Verb forms that decide tense, read from a word's ending with dictionary evidence. Rule
// patterns name them as @class elements (src/rules/pattern.ts):
//   @ru-past          Russian finite past tense: создала, объединили, сложился, позволило,
//                     велась, вошли (masculine «создал» only in lower case, see below)
//   @ru-short-passive Russian short passive participle: создан, сформирована, завершено
//   @kk-past          Kazakh finite past at the end of a clause: құрылды, біріктірді,
//                     тоқтатылды, and the auxiliary еді
//   @kk-past-participle  Kazakh participle in -ған/-ген/-қан/-кен (құрылған)
//   @kk-future-participle Kazakh participle in -атын/-етін/-йтын/-йтін (құрылатын)
//   @kk-aorist        Kazakh present-future at the end of a clause: дамиды, өтеледі,
//                     біріктіреді (future in a plan, habitual present in an analysis)
//   @kk-intent        Kazakh intention/future in -мақ/-мек/-пақ/-пек/-бақ/-бек(шы)
//   @kk-verbal-noun   Kazakh verbal noun in -у/-ю ending a clause: дамыту, құру, қолдау
//                     (a task in a list: «Кластерлерді дамыту.»)
// Russian: hunspell lists verbs by their infinitive, so a form in -ла/-ло/-ли that no noun
// lemma of the dictionary explains is a verb (src/rules/data/ru-noun-lookalikes.json, built by
// scripts/rules/build-ru-noun-lookalikes.ts): «потенциала» ← потенциал, «цели» ← цель,
// «земли» ← земля, «правила» ← правило, «около» — but «создала», «объединили». Kazakh is
// verb-final, so its finite forms are read at the end of a clause, where a noun in the
// accusative («кластерді», which ends like a past verb) does not stand.
import data from './data/ru-noun-lookalikes.json' with { type: 'json' };
import type { Token } from './tokenize.js';

export const MORPH_CLASSES = [
  'ru-past',
  'ru-short-passive',
  'kk-past',
  'kk-past-participle',
  'kk-future-participle',
  'kk-aorist',
  'kk-intent',
  'kk-verbal-noun',
] as const;
export type MorphClass = (typeof MORPH_CLASSES)[number];

const NOUNS = new Set<string>(data.lemmas);

// Forms of быть and стать are verbs even where a rare homonymous noun exists (быль).
const RU_PAST_ALWAYS = new Set(['был', 'была', 'было', 'были', 'стал', 'стала', 'стало', 'стали', 'смог', 'смогли', 'смогла', 'мог', 'могла', 'могли', 'могло']);
// Short adjectives and modal words with the participle's ending (grammar: краткие
// прилагательные): they state obligation or readiness, not a completed act.
const RU_SHORT_ADJ = /^(долж|нуж|необходим|полез|важ|способ|готов|заинтересова|ответствен|увер|соглас|обяза|призва|намере|полн|равн|един|основн|нацеле|направле|ориентирова|предназначе|рассчита)/;

/** A Russian past-tense verb form (lower-cased key; cap: the word was capitalised). */
export function isRuPast(key: string, cap: boolean): boolean {
  if (RU_PAST_ALWAYS.has(key)) return true;
  // A finite verb is never a hyphenated compound: «мини-футбола», «горно-металлургического
  // села» are nouns or adjectives whatever their ending.
  if (key.length < 4 || key.includes('-')) return false;
  // Reflexive past: -лся, -лась, -лось, -лись after a vowel (сложился, велась).
  if (/[аеиоуыя]л(ся|ась|ось|ись)$/.test(key)) return true;
  // -шли/-шла/-шло: вошли, пришла, нашло.
  if (/шл[аио]$/.test(key) && key.length >= 5) return true;
  const m = /[аеиоуыя]л([аои]?)$/.exec(key);
  if (!m) return false;
  if (NOUNS.has(key)) return false;
  const ending = m[1]!;
  const stem = key.slice(0, key.length - ending.length); // ends in л
  if (ending === '') {
    // Masculine «создал»: names (Тагил, Урал) are capitalised; a lower-case word that is
    // not a noun lemma is read as a verb.
    return !cap && key.length >= 5;
  }
  if (ending === 'а') return !NOUNS.has(stem) && !NOUNS.has(`${stem}о`) && !NOUNS.has(`${stem}ь`) && !NOUNS.has(`${stem}я`);
  if (ending === 'о') return !NOUNS.has(stem) && !NOUNS.has(`${stem}а`);
  // -ли: plural or genitive of a noun in -ль/-ля/-ла/-л (цели, земли, школы are not -ли).
  return !NOUNS.has(`${stem}ь`) && !NOUNS.has(`${stem}я`) && !NOUNS.has(`${stem}а`) && !NOUNS.has(stem);
}

/** A Russian short passive participle (создан, сформирована, завершено, приостановлены). */
export function isRuShortPassive(key: string, cap: boolean): boolean {
  if (cap || key.length < 5) return false;
  const m = /[аяеё]н([аоы]?)$/.exec(key);
  if (!m || RU_SHORT_ADJ.test(key)) return false;
  const base = m[1] ? key.slice(0, -1) : key;
  // «план», «страна» (and «стран»), «цена», «экрана»: noun lemmas of the same shape.
  return !NOUNS.has(key) && !NOUNS.has(base) && !NOUNS.has(`${base}а`) && !NOUNS.has(`${base}о`);
}

const KK_VOWEL_BEFORE = /[аеийыіоөуұүәэ]$/;
// Last letters of the forms above: -л, -ла/-ло/-ли, -ся/-сь, -н/-на/-но/-ны, -ды/-ді/-ты/-ті,
// -у/-ю, -ған/-ген/-атын/-етін (н), -мақ/-мек (қ/к), -шы/-ші, еді.
const ENDINGS = new Set([...'лаоиьясныіуюқкт'].map((c) => c.charCodeAt(0)));

// Letters of Kazakh that Russian lacks: a word with one is not Russian. Kazakh classes are
// read on such words, on every word of a Kazakh unit («дамыту» has none), and on the
// auxiliaries (болды, еді, болатын) in mixed text.
const KAZAKH_LETTER = /[әғқңөұүһі]/;
const KAZAKH_PLAIN = new Set(['болды', 'еді', 'болатын', 'болады', 'болмақ']);

// Word forms repeat from sentence to sentence: their classes are remembered by form and
// the three token facts they depend on (capital, clause end, Kazakh unit).
const remembered = new Map<string, number>();

/** The morphological classes of one token (as a bit set over MORPH_CLASSES). */
export function morphBits(tok: Token): number {
  if (!tok.isWord) return 0;
  const k = tok.key;
  // Every class ends in one of these letters: most words are ruled out without a regex.
  if (!ENDINGS.has(k.charCodeAt(k.length - 1))) return 0;
  const memo = `${tok.cap ? 1 : 0}${tok.final ? 1 : 0}${tok.kazakh ? 1 : 0}${k}`;
  let bits = remembered.get(memo);
  if (bits === undefined) {
    bits = classesOf(tok);
    if (remembered.size > 50_000) remembered.clear();
    remembered.set(memo, bits);
  }
  return bits;
}

/** The classes of a word that may have one (its last letter is in ENDINGS). */
function classesOf(tok: Token): number {
  const k = tok.key;
  let bits = 0;
  if (!KAZAKH_LETTER.test(k)) {
    // In a Kazakh unit a word without Kazakh letters is still Kazakh («картасымен»).
    if (!tok.kazakh) {
      if (isRuPast(k, tok.cap)) bits |= BIT['ru-past'];
      if (isRuShortPassive(k, tok.cap)) bits |= BIT['ru-short-passive'];
      if (!KAZAKH_PLAIN.has(k)) return bits;
    }
  }
  if (tok.final) {
    if (k === 'еді' || (k.length >= 4 && /(ды|ді|ты|ті)$/.test(k) && !KK_VOWEL_BEFORE.test(k.slice(0, -2)))) bits |= BIT['kk-past'];
    if (k.length >= 5 && /(ады|еді|йды|йді)$/.test(k)) bits |= BIT['kk-aorist'];
    if (k.length >= 4 && /(у|ю)$/.test(k)) bits |= BIT['kk-verbal-noun'];
  }
  if (k.length >= 5 && /(ған|ген|қан|кен)$/.test(k)) bits |= BIT['kk-past-participle'];
  if (k.length >= 6 && /(атын|етін|йтын|йтін)$/.test(k)) bits |= BIT['kk-future-participle'];
  if (k.length >= 5 && /(мақ|мек|пақ|пек|бақ|бек)(шы|ші)?$/.test(k)) bits |= BIT['kk-intent'];
  return bits;
}

export function morphBit(cls: MorphClass): number {
  return 1 << MORPH_CLASSES.indexOf(cls);
}

const BIT = Object.fromEntries(MORPH_CLASSES.map((c) => [c, morphBit(c)])) as Record<MorphClass, number>;
