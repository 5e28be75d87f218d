import { segmentText, type Segment } from '../../../src/text/segment/index.js';

/** The segments' texts, for readable expectations. */
export function texts(input: string, lang?: string): string[] {
  return segmentText(input, lang).map((s) => s.text);
}

/** Fails with a message when segments do not rebuild the input exactly (issue 5's invariant). */
export function assertCovers(input: string, segments: Segment[]): void {
  let pos = 0;
  for (const s of segments) {
    if (input.slice(s.start, s.end) !== s.text) throw new Error(`range ${s.start}-${s.end} is not «${s.text}»`);
    if (s.start < pos) throw new Error(`segment at ${s.start} overlaps the one before (ends ${pos})`);
    if (input.slice(pos, s.start).trim() !== '') throw new Error(`text lost before ${s.start}: «${input.slice(pos, s.start)}»`);
    if (s.text !== s.text.trim() || s.text === '') throw new Error(`segment at ${s.start} is not trimmed: «${s.text}»`);
    if (s.leadIn !== undefined && !(s.leadIn >= 0 && s.leadIn < segments.indexOf(s))) throw new Error(`bad leadIn ${s.leadIn}`);
    pos = s.end;
  }
  if (input.slice(pos).trim() !== '') throw new Error(`text lost at the end: «${input.slice(pos)}»`);
}
