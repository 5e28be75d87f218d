// Turns a block or a free text into sentences, list items and headings, keeping each one's
// character range and linking list items to the sentence that introduces their list.
import type { LangCode } from '../../records.js';
import { isLowerAt, isOpener, isSpace } from './chars.js';
import { lexiconFor, type Lexicon } from './lexicon.js';
import { isHeadingLine, listMarkerAt, type Marker, type MarkerKind } from './lines.js';
import { splitSentences, type Piece } from './split-sentences.js';

export type SegmentKind = 'sentence' | 'list_item' | 'heading';

export interface Segment {
  /** Character range in the input: text.slice(start, end) === this.text. */
  start: number;
  end: number;
  text: string;
  kind: SegmentKind;
  /** For list items: index (in the same result array) of the sentence that introduces the list. */
  leadIn?: number;
}

type ListKind = MarkerKind | 'inline' | 'unmarked';

interface ListLevel {
  marker: ListKind;
  leadIn: number | undefined;
}

interface State {
  text: string;
  lex: Lexicon;
  out: Segment[];
  /** Open lists, outermost first (nested lists: «1) развитие:» then «- …;» items). */
  lists: ListLevel[];
  pieces: Piece[];
}

/**
 * Splits text into sentences, list items and headings, in order, trimmed, non-overlapping;
 * only whitespace lies between and around them. A newline ends a unit unless the next line
 * clearly continues the sentence (it starts in lower case and the line before does not end
 * with a punctuation mark); a line with a list marker is a list item, a numbered line that
 * does not end like a sentence is a heading. Runs in time linear in the text's length.
 */
export function segmentText(text: string, lang?: LangCode): Segment[] {
  const state: State = { text, lex: lexiconFor(lang), out: [], lists: [], pieces: [] };
  const n = text.length;
  let unitStart = -1;
  let unitEnd = -1;
  let pos = 0;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      // A blank line closes the unit and any open list.
      if (unitStart >= 0) emitUnit(state, unitStart, unitEnd);
      unitStart = -1;
      state.lists.length = 0;
    } else if (unitStart >= 0 && continuesLine(text, unitEnd, s)) {
      unitEnd = e;
    } else {
      if (unitStart >= 0) emitUnit(state, unitStart, unitEnd);
      unitStart = s;
      unitEnd = e;
    }
    pos = nl + 1;
  }
  if (unitStart >= 0) emitUnit(state, unitStart, unitEnd);
  return state.out;
}

const ENDS_CLAUSE = /[.!?…;:]/;

/** A wrapped line: the previous line stops mid-sentence and this one goes on in lower case. */
function continuesLine(text: string, prevEnd: number, s: number): boolean {
  if (ENDS_CLAUSE.test(text[prevEnd - 1] as string)) return false;
  if (listMarkerAt(text, s) !== null) return false;
  return startsLower(text, s);
}

function startsLower(text: string, s: number): boolean {
  let k = s;
  while (isOpener(text.charCodeAt(k))) k++;
  return isLowerAt(text, k);
}

function emitUnit(state: State, s: number, e: number): void {
  const { text, lex, out } = state;
  const marker = listMarkerAt(text, s);
  const prev = out[out.length - 1];
  const prevLast = prev === undefined ? '' : text[prev.end - 1];
  const last = text[e - 1];
  const inListOf = (kind: ListKind): boolean => state.lists.some((l) => l.marker === kind);
  const introduced = prevLast === ':' || prevLast === ';';
  const endsLikeItem = last === ';' || last === ',';

  if (marker !== null && isListItem(marker, introduced || state.lists.length > 0, inListOf(marker.kind), endsLikeItem)) {
    pushItem(state, s, e, marker.kind);
    return;
  }
  // Items whose bullets were lost (PDF text, pasted text): lines in lower case after a
  // lead-in «…являются:» or after an item ending with «;».
  if (marker === null && (prevLast === ':' || (prevLast === ';' && inListOf('unmarked'))) && startsLower(text, s)) {
    pushItem(state, s, e, 'unmarked');
    return;
  }
  state.lists.length = 0;
  if (isHeadingLine(text, s, e, marker, lex)) {
    out.push({ start: s, end: e, text: text.slice(s, e), kind: 'heading' });
    return;
  }
  const pieces = state.pieces;
  pieces.length = 0;
  splitSentences(text, s, e, lex, pieces);
  for (const piece of pieces) {
    if (piece.inlineItem) {
      pushItem(state, piece.start, piece.end, 'inline');
    } else {
      state.lists.length = 0;
      out.push({ start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end), kind: 'sentence' });
    }
  }
  // An inline enumeration ends with its paragraph.
  state.lists.length = 0;
}

/**
 * Bullets and bracketed numbers/letters always mark list items. A dash also opens dialogue
 * lines («— Ты ей скажи…»), and «1.», «IV.» also number paragraphs and headings, so those
 * make an item only inside a list, after a lead-in ending with «:» or «;», or when the line
 * itself ends like an item («;», «,»).
 */
function isListItem(marker: Marker, inList: boolean, sameListOpen: boolean, endsLikeItem: boolean): boolean {
  switch (marker.kind) {
    case 'bullet':
    case 'num_paren':
    case 'letter_paren':
      return true;
    case 'dash':
      return inList || endsLikeItem;
    default:
      return sameListOpen || endsLikeItem || inList;
  }
}

function pushItem(state: State, s: number, e: number, kind: ListKind): void {
  const { out, lists, text } = state;
  const level = lists.findIndex((l) => l.marker === kind);
  let leadIn: number | undefined;
  if (level >= 0) {
    lists.length = level + 1; // back to this list's level, closing lists nested in it
    leadIn = (lists[level] as ListLevel).leadIn;
  } else {
    const prev = out[out.length - 1];
    leadIn = prev !== undefined && text[prev.end - 1] === ':' ? out.length - 1 : undefined;
    lists.push({ marker: kind, leadIn });
  }
  const seg: Segment = { start: s, end: e, text: text.slice(s, e), kind: 'list_item' };
  if (leadIn !== undefined) seg.leadIn = leadIn;
  out.push(seg);
}
