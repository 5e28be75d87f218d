// The partition format of razdel's and naeval's segmentation test data (see
// ../shared/data/README.md): a case is one line, split into chunks at «|»; chunks that are
// only whitespace are the gaps between gold sentences, the others are the sentences; a
// literal «\n» inside a chunk is a newline. Used by the benchmark and the tests to score the
// segmenter against gold boundaries.

export interface GoldCase {
  text: string;
  /** Gold sentences as [start, end) ranges into text, trimmed. */
  sentences: [number, number][];
}

export function parsePartitionLine(line: string): GoldCase {
  let text = '';
  const sentences: [number, number][] = [];
  for (const raw of line.split('|')) {
    const chunk = raw.replace(/\\n/g, '\n');
    if (chunk.trim() !== '') {
      const lead = chunk.length - chunk.trimStart().length;
      const start = text.length + lead;
      sentences.push([start, start + chunk.trim().length]);
    }
    text += chunk;
  }
  return { text, sentences };
}

export interface BoundaryScore {
  /** Boundaries between gold sentences. */
  gold: number;
  /** Predicted boundaries that are not gold. */
  falseSplits: number;
  /** Gold boundaries that were not predicted. */
  missedSplits: number;
}

/**
 * Compares the boundaries between consecutive ranges. A boundary is identified by the end
 * of the range before it, so the size of the whitespace gap does not matter.
 */
export function scoreBoundaries(gold: readonly (readonly [number, number])[], predicted: readonly (readonly [number, number])[]): BoundaryScore {
  const goldEnds = new Set<number>();
  for (let i = 0; i + 1 < gold.length; i++) goldEnds.add((gold[i] as readonly [number, number])[1]);
  const predEnds = new Set<number>();
  for (let i = 0; i + 1 < predicted.length; i++) predEnds.add((predicted[i] as readonly [number, number])[1]);
  let falseSplits = 0;
  for (const e of predEnds) if (!goldEnds.has(e)) falseSplits++;
  let missedSplits = 0;
  for (const e of goldEnds) if (!predEnds.has(e)) missedSplits++;
  return { gold: goldEnds.size, falseSplits, missedSplits };
}
