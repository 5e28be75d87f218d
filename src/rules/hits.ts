// Pattern matches in one text: every rule's hits, found once per text and then looked up
// per occurrence by distance (term, near), clause or unit.
import { matchKey, normalizeText } from '../text/normalize.js';
import { prefixKey } from './compile.js';
import { elementMatches, matchAfterFirst, morphOf, type CompiledPattern } from './pattern.js';
import { stemRu } from './stem.js';
import { tokenize, type Token } from './tokenize.js';
import type { PatternIndex, PatternRef, RuleSet } from './types.js';

/** A pattern found in a text: token range [start, end) and character range. */
export interface Hit {
  ref: PatternRef;
  start: number;
  end: number;
  charStart: number;
  charEnd: number;
}

export interface TextView {
  text: string;
  /** matchKey(text): what text patterns run on. */
  key: string;
  tokens: Token[];
}

/** Valid (not excluded) hits of each rule in one text, and the cancelled ones for explain. */
export interface RuleHits {
  valid: Hit[][];
  /** by: the exclusion that overlapped the hit, or null when none of the rule's `requires` matched. */
  cancelled: { hit: Hit; by: Hit | null }[][];
  /** Indexes of the rules with any hit (valid or cancelled), ascending. */
  touched: number[];
}

/** Text as matched (normalised) and a map from its offsets back to the input's. */
export interface Prepared {
  text: string;
  map: (i: number) => number;
}

// normalizeText only deletes characters (soft hyphens, zero-width) or replaces one by one,
// except for NFC composition; units from the text stage are already normalised, so the
// identity map is the common case.
// Characters normalizeText would change: soft hyphen, odd spaces, zero-width, hyphen
// variants, combining marks (NFC), Latin next to Cyrillic (look-alikes). Text without any
// is already normalised, and skipping the call matters on the hot path.
function needsNormalizing(s: string): boolean {
  let prev = 0; // 1 Latin letter, 2 Cyrillic letter, 0 other
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let cls = 0;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) cls = 1;
    else if (c >= 0x400 && c <= 0x4ff) cls = 2;
    else if (
      c === 0xad ||
      c === 0xa0 ||
      (c >= 0x2000 && c <= 0x200d) ||
      c === 0x2010 ||
      c === 0x2011 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x2060 ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0x300 && c <= 0x36f)
    ) {
      return true;
    }
    if (cls !== 0 && prev !== 0 && cls !== prev) return true;
    prev = cls;
  }
  return false;
}
const IDENTITY = (i: number): number => i;

export function prepare(raw: string): Prepared {
  if (!needsNormalizing(raw)) return { text: raw, map: IDENTITY };
  const norm = normalizeText(raw);
  if (norm === raw || norm.length === raw.length) return { text: norm, map: (i) => i };
  const keep: number[] = [];
  let cleaned = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (/[\u00AD\u200B-\u200D\u2060\uFEFF]/.test(ch)) continue;
    keep.push(i);
    cleaned += ch;
  }
  keep.push(raw.length);
  const renorm = normalizeText(cleaned);
  const text = renorm.length === cleaned.length ? renorm : cleaned;
  return { text, map: (i) => keep[Math.min(i, keep.length - 1)]! };
}

const viewCache = new Map<string, TextView>();
/** Lead-ins and headings repeat for every unit of a section: tokenise each once. */
export function viewOf(text: string): TextView {
  let v = viewCache.get(text);
  if (!v) {
    const norm = normalizeText(text);
    const key = matchKey(norm);
    v = { text: norm, key, tokens: tokenize(norm, key) };
    if (viewCache.size > 5000) viewCache.clear();
    viewCache.set(text, v);
  }
  return v;
}

/**
 * The section for kind rules: the innermost heading that a heading rule with a kind
 * recognises («4.2. Флагманские проекты» inside «4. Стратегические направления»). Rules
 * without a kind (sense, categories) look at every heading of the path instead.
 */
export function findSection(rs: RuleSet, headingPath: string[]): { view: TextView; hits: RuleHits } | null {
  for (let i = headingPath.length - 1; i >= 0; i--) {
    const { view, hits } = headingHitsOf(rs, headingPath[i]!);
    if (hits.valid.some((h, ri) => h.length > 0 && (rs.rules[ri]!.kind === 'priority' || rs.rules[ri]!.kind === 'context'))) return { view, hits };
  }
  return null;
}

const headingCache = new WeakMap<RuleSet, Map<string, { view: TextView; hits: RuleHits }>>();
export function headingHitsOf(rs: RuleSet, heading: string): { view: TextView; hits: RuleHits } {
  let m = headingCache.get(rs);
  if (!m) headingCache.set(rs, (m = new Map()));
  let r = m.get(heading);
  if (!r) {
    const view = viewOf(heading);
    r = { view, hits: collectHits(rs, rs.index.heading, view) };
    if (m.size > 5000) m.clear();
    m.set(heading, r);
  }
  return r;
}


export const NONE: Hit[] = [];
const NO_CANCEL: { hit: Hit; by: Hit | null }[] = [];

/** Every match of every pattern in the index, split into valid and cancelled per rule. */
export function collectHits(rs: RuleSet, index: PatternIndex, view: TextView): RuleHits {
  const n = rs.rules.length;
  const positive: Hit[][] = new Array<Hit[]>(n);
  const negative: Hit[][] = new Array<Hit[]>(n);
  let required: Hit[][] | null = null; // rare: only rules with `requires` fill it
  const listFor = (ref: PatternRef): Hit[][] => (ref.required ? (required ??= new Array<Hit[]>(n)) : ref.exclusion ? negative : positive);
  const push = (lists: Hit[][], hit: Hit): void => {
    const l = lists[hit.ref.rule];
    if (l) {
      if (!l.some((h) => h.ref === hit.ref && h.start === hit.start)) l.push(hit);
    } else lists[hit.ref.rule] = [hit];
  };
  const { tokens } = view;
  const stems = index.usesStems;
  // The first element of each pattern is tested once per token (PatternRef.firstId).
  const memo = firstElementMemo(rs.firstIds);
  let stamp = 0;
  const tryRefs = (list: PatternRef[] | undefined, i: number, tok: Token): void => {
    if (!list) return;
    for (const ref of list) {
      const pat = ref.compiled;
      if (pat.type !== 'tokens') continue;
      const id = ref.firstId!;
      if (memo.testedAt[id] !== stamp) {
        memo.testedAt[id] = stamp;
        memo.ok[id] = elementMatches(pat.elements[0]!, tok, stems) ? 1 : 0;
      }
      if (memo.ok[id] === 0) continue;
      const end = matchAfterFirst(pat.elements, tokens, i, stems);
      if (end < 0) continue;
      push(listFor(ref), { ref, start: i, end, charStart: tok.start, charEnd: tokens[end - 1]!.end });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    stamp = nextStamp(memo);
    // Candidates: patterns whose first element can start at this token, found by the
    // token or one of its compound parts (a pattern found twice is deduplicated by push).
    const forms = tok.parts;
    for (let f = -1; f < (forms ? forms.length : 0); f++) {
      const form = f < 0 ? tok.key : forms![f]!;
      if (form.length >= 3) tryRefs(index.prefix.get(prefixKey(form)), i, tok);
      else if (index.exact.size > 0) tryRefs(index.exact.get(form), i, tok);
      if (stems && tok.isWord) tryRefs(index.stem.get(stemRu(form)), i, tok);
    }
    if (index.other.length > 0) tryRefs(index.other, i, tok);
    if (index.morph.length > 0 && tok.isWord) {
      let bits = morphOf(tok);
      for (let b = 0; bits !== 0; b++, bits >>>= 1) if (bits & 1) tryRefs(index.morph[b], i, tok);
    }
  }
  for (const ref of index.text) {
    const pat = ref.compiled;
    if (pat.type !== 'text') continue;
    const m = pat.re.exec(view.key);
    if (!m) continue;
    const charStart = m.index;
    const charEnd = m.index + m[0].length;
    let start = tokens.findIndex((t) => t.end > charStart);
    if (start < 0) start = tokens.length;
    let end = start;
    while (end < tokens.length && tokens[end]!.start < charEnd) end++;
    push(listFor(ref), { ref, start, end: Math.max(end, start), charStart, charEnd });
  }
  const valid: Hit[][] = [];
  const cancelled: { hit: Hit; by: Hit | null }[][] = [];
  const touched: number[] = [];
  for (let r = 0; r < n; r++) {
    const pos = positive[r] ?? NONE;
    const neg = negative[r];
    if (pos.length > 0) touched.push(r);
    if (pos.length > 0 && rs.rules[r]!.requires.length > 0 && !(required as Hit[][] | null)?.[r]) {
      // The rule's second cue is missing from this text: nothing of it counts.
      valid.push(NONE);
      cancelled.push(pos.map((hit) => ({ hit, by: null })));
      continue;
    }
    if (!neg || pos.length === 0) {
      valid.push(pos);
      cancelled.push(NO_CANCEL);
      continue;
    }
    const v: Hit[] = [];
    const c: { hit: Hit; by: Hit | null }[] = [];
    for (const h of pos) {
      const by = neg.find((x) => x.charStart < h.charEnd && x.charEnd > h.charStart);
      if (by) c.push({ hit: h, by });
      else v.push(h);
    }
    valid.push(v);
    cancelled.push(c);
  }
  return { valid, cancelled, touched };
}

export function patternOf(rs: RuleSet, ref: PatternRef): CompiledPattern {
  const rule = rs.rules[ref.rule]!;
  return (ref.required ? rule.requires : ref.exclusion ? rule.exclusions : rule.patterns)[ref.pattern]!;
}

/**
 * A word near an occurrence describes another occurrence when that one stands between them
 * or the word is part of it: in «IT-кластера и поддержка туристского кластера» «IT» is the
 * first cluster's, in «кластер информационных технологий и кластер туризма» «туризма» the
 * second's (an adjective or complement attaches to the nearest head). Kazakh is head-final:
 * a modifier stands before its noun, so in «ақпараттық технологиялар кластерін және
 * креативті индустриялар кластерін» «креативті» belongs to the cluster after it.
 */
export function belongsToAnother(h: Hit, occ: Hit, others: Hit[], headFinal: boolean): boolean {
  const before = h.end <= occ.start;
  for (const x of others) {
    if (before ? x.end > h.start && x.start < occ.start : x.start >= occ.end && x.start < h.end) return true;
    if (!before && headFinal && x.start >= h.end) return true;
  }
  return false;
}

/** Word distance from hit to occurrence: negative before it, positive after, 0 overlapping. */
export function distance(tokens: Token[], hit: Hit, occ: Hit): number {
  if (hit.start < occ.end && hit.end > occ.start) return 0;
  if (hit.end <= occ.start) {
    const a = wordPos(tokens, hit.end - 1);
    const b = wordPos(tokens, occ.start);
    return -(b - a);
  }
  return wordPos(tokens, hit.start) - wordPos(tokens, occ.end - 1);
}

function wordPos(tokens: Token[], i: number): number {
  const t = tokens[Math.max(0, Math.min(i, tokens.length - 1))];
  return t ? t.wordIndex : 0;
}

/** Is a hit within the rule's window around the occurrence (or overlapping it)? */
export function inWindow(d: number, window: { before: number; after: number }): boolean {
  return d === 0 || (d < 0 ? -d <= window.before : d <= window.after);
}

// One memo for the whole process, reused by every call: allocating typed arrays per text
// (an off-heap backing store each) cost more than the tests they save. A stamp per token
// marks which answers are current, so nothing needs clearing.
interface FirstElementMemo {
  testedAt: Int32Array;
  ok: Uint8Array;
  stamp: number;
}
let sharedMemo: FirstElementMemo = { testedAt: new Int32Array(0), ok: new Uint8Array(0), stamp: 0 };

function firstElementMemo(size: number): FirstElementMemo {
  if (sharedMemo.testedAt.length < size) sharedMemo = { testedAt: new Int32Array(size), ok: new Uint8Array(size), stamp: 0 };
  return sharedMemo;
}

function nextStamp(memo: FirstElementMemo): number {
  if (memo.stamp >= 0x7ffffff0) {
    memo.testedAt.fill(0);
    memo.stamp = 0;
  }
  return ++memo.stamp;
}
