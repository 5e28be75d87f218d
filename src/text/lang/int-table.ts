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
