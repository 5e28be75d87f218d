// The clause that holds an occurrence. Tense, mood and who acts are read there, not in the
// whole sentence: in «В 2015 году был создан туристский кластер, а до 2030 года
// планируется сформировать IT-кластер» the first cluster's clause is past and the
// second's is a plan.
//
// A shallow reading of Russian and Kazakh punctuation, no parser:
// - «;» ends a clause; so does a comma before a coordinating conjunction that opens a new
//   main clause (а, но, однако, зато; Kazakh ал, бірақ, алайда, сондықтан);
// - a comma before a subordinating word (который, где, когда, если, чтобы, что, поскольку…;
//   Kazakh өйткені, себебі) opens a subordinate clause that runs to the next comma: it is
//   cut out of the main clause around it;
// - a sentence that starts with a subordinating word («Хотя…», «Если…») has that clause up
//   to its first comma;
// - a relative clause whose pronoun agrees with the occurrence and follows it closely
//   («кластер …, который будет сформирован…») describes that cluster, so it joins the
//   occurrence's clause; «создание IT-кластера, которое…» refers to «создание» (neuter) and
//   does not.
import type { Token } from './tokenize.js';

/** Token ranges [start, end) of one clause; more than one when a subordinate clause is cut out. */
export type Clause = { start: number; end: number }[];

const COORDINATORS = new Set(['а', 'но', 'однако', 'зато', 'ал', 'бірақ', 'алайда', 'сондықтан']);
const SUBORDINATORS = new Set([
  'где',
  'куда',
  'откуда',
  'когда',
  'пока',
  'если',
  'хотя',
  'чтобы',
  'что',
  'поскольку',
  'ибо',
  'так',
  'благодаря',
  'несмотря',
  'өйткені',
  'себебі',
  'егер',
]);
const OPENERS_AT_START = new Set(['хотя', 'если', 'когда', 'поскольку', 'несмотря', 'пока', 'после', 'егер', 'чтобы']);
// A purpose or condition has no tense of its own: «Чтобы резиденты кластера не уходили,
// город зафиксирует аренду» is committed by the main clause, so such a clause reads the
// main clause with it.
const DEPENDENT_MOOD = new Set(['чтобы', 'если', 'егер']);
const RELATIVE_SINGULAR = new Set(['который', 'которого', 'которому', 'которым', 'котором']);
const RELATIVE_PLURAL = new Set(['которые', 'которых', 'которым', 'которыми']);
const SINGULAR_FORMS = new Set(['кластер', 'кластера', 'кластеру', 'кластером', 'кластере']);
const PLURAL_FORMS = new Set(['кластеры', 'кластеров', 'кластерам', 'кластерами', 'кластерах']);
/** How many words after the occurrence an agreeing relative pronoun may stand («кластер деревообработки области, который»). */
const RELATIVE_REACH = 5;

type SegmentKind = 'main' | 'sub' | 'coord';
interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
}

function isRelative(key: string): boolean {
  return key.startsWith('котор');
}

function segments(tokens: Token[]): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let kind: SegmentKind = 'main';
  const firstWord = tokens.find((t) => t.isWord);
  if (firstWord && OPENERS_AT_START.has(firstWord.key)) kind = 'sub';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.isWord || (t.key !== ',' && t.key !== ';')) continue;
    const next = tokens[i + 1];
    let nextKind: SegmentKind | null = null;
    if (t.key === ';') nextKind = 'coord';
    else if (next && next.isWord) {
      // «, а также …» joins another noun phrase to the list, not a new clause.
      if (COORDINATORS.has(next.key) && tokens[i + 2]?.key !== 'также') nextKind = 'coord';
      else if (SUBORDINATORS.has(next.key) || isRelative(next.key)) nextKind = 'sub';
      // A comma after a sentence-initial subordinate clause returns to the main clause.
      else if (kind === 'sub') nextKind = out.length === 0 && firstWord && OPENERS_AT_START.has(firstWord.key) ? 'coord' : 'main';
    } else if (kind === 'sub') nextKind = 'main';
    if (nextKind === null) continue;
    out.push({ start, end: i, kind });
    start = i + 1;
    kind = nextKind;
  }
  out.push({ start, end: tokens.length, kind });
  return out;
}

function number(tok: Token): 'sg' | 'pl' | null {
  // The last part of a compound (IT-кластера) or the tail of a solid one (агрокластеры).
  const form = tok.parts ? tok.parts[tok.parts.length - 1]! : tok.key;
  const i = form.indexOf('кластер');
  if (i < 0) return null;
  const tail = form.slice(i);
  if (SINGULAR_FORMS.has(tail)) return 'sg';
  if (PLURAL_FORMS.has(tail)) return 'pl';
  return null;
}

/** The clause that holds the occurrence at tokens [occStart, occEnd). */
export function clauseOf(tokens: Token[], occStart: number, occEnd: number): Clause {
  const segs = segments(tokens);
  // Main clauses: a new one starts at every coordinating boundary.
  const group: number[] = [];
  let g = 0;
  segs.forEach((s, i) => {
    if (i > 0 && s.kind === 'coord') g++;
    group.push(g);
  });
  const at = segs.findIndex((s) => occStart >= s.start && occStart < Math.max(s.end, s.start + 1));
  if (at < 0) return [{ start: 0, end: tokens.length }];
  const own = segs[at]!;
  if (own.kind === 'sub') {
    const opener = tokens.slice(own.start, own.end).find((t) => t.isWord);
    if (!opener || !DEPENDENT_MOOD.has(opener.key)) return [{ start: own.start, end: own.end }];
    // The main clause it depends on: the next one for a clause that opens the sentence,
    // else the one before it.
    const main = at === 0 ? 1 : at - 1;
    const ranges: Clause = [{ start: own.start, end: own.end }];
    segs.forEach((s, i) => {
      if (i !== at && group[i] === group[main] && s.kind !== 'sub') ranges.push({ start: s.start, end: s.end });
    });
    return ranges;
  }
  const ranges: Clause = [];
  segs.forEach((s, i) => {
    if (group[i] !== group[at]) return;
    if (s.kind === 'sub' && !(i === at + 1 && agreesWithOccurrence(tokens, s, occEnd, tokens[occStart]!))) return;
    ranges.push({ start: s.start, end: s.end });
  });
  return ranges;
}

/** A relative clause right after the occurrence whose pronoun agrees with it in number. */
function agreesWithOccurrence(tokens: Token[], sub: Segment, occEnd: number, occ: Token): boolean {
  const pronoun = tokens[sub.start];
  if (!pronoun || !isRelative(pronoun.key)) return false;
  const wordsBetween = tokens.slice(occEnd, sub.start).filter((t) => t.isWord).length;
  if (wordsBetween > RELATIVE_REACH) return false;
  const n = number(occ);
  if (n === 'sg') return RELATIVE_SINGULAR.has(pronoun.key);
  if (n === 'pl') return RELATIVE_PLURAL.has(pronoun.key);
  return false;
}

/** Does a token range lie inside the clause? */
export function inClause(clause: Clause, start: number, end: number): boolean {
  for (const r of clause) if (start >= r.start && end <= r.end) return true;
  return false;
}
