// A read-only hash table from non-negative 31-bit integer keys to non-negative integers, in
// two typed arrays with open addressing. The detector's n-gram and trigram lookups are its
// hot loops; with keys kept below 2^31 (small integers to V8) this is several times faster
// than a Map and allocates nothing.
export class IntTable {
  // Plain fields, not constructor parameter properties: worker threads load this file with
  // Node's type stripping, which does not support them.
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  private constructor(keys: Int32Array, values: Int32Array, mask: number) {
    this.keys = keys;
    this.values = values;
    this.mask = mask;
  }

  static from(entries: Iterable<readonly [number, number]>): IntTable {
    const list = [...entries];
    // At most half full, so probe sequences stay short.
    let size = 2;
    while (size < list.length * 2) size *= 2;
    const keys = new Int32Array(size).fill(-1);
    const values = new Int32Array(size);
    const mask = size - 1;
    for (const [key, value] of list) {
      if (!Number.isInteger(key) || key < 0 || key > 0x7fffffff) throw new Error(`IntTable: key ${key} is not a 31-bit integer`);
      let h = slot(key, mask);
      while (keys[h] !== -1 && keys[h] !== key) h = (h + 1) & mask;
      keys[h] = key;
      values[h] = value;
    }
    return new IntTable(keys, values, mask);
  }

  /** The value stored for key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    let h = slot(key, this.mask);
    for (;;) {
      const k = keys[h]!;
      if (k === key) return this.values[h]!;
      if (k === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }
}

function slot(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 7) & mask;
}

/**
 * Small indexes (1, 2, …) for the characters of a set of n-grams, so that an n-gram can be
 * packed into a few bits per character for IntTable. 0 is left for a character that occurs in
 * none of them (no n-gram holding it can be in the table). `bits` is the room per character.
 */
export function charIndexOf(grams: Iterable<string>, bits: number, owner: string): Uint8Array {
  const chars = new Set<number>();
  for (const g of grams) for (let i = 0; i < g.length; i++) chars.add(g.charCodeAt(i));
  if (chars.size >= 1 << bits) throw new Error(`${owner}: ${chars.size} characters do not fit ${bits} bits`);
  const index = new Uint8Array(Math.max(0, ...chars) + 1);
  [...chars].sort((a, b) => a - b).forEach((c, i) => (index[c] = i + 1));
  return index;
}
