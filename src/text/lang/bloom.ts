// A Bloom filter over words, kept as data (./data/kyrgyz-words.json): a set of half a million
// word forms in about 10 bits per form instead of the words themselves. A word that was added
// is always found; a word that was not is found by mistake with probability about
// (1 − e^(−k/b))^k for b bits per word and k hashes (0.8% at b = 10, k = 7).

export interface BloomData {
  /** number of bits */
  bits: number;
  /** probes per word */
  hashes: number;
  /** the bit array, base64 */
  base64: string;
}

// Two 32-bit FNV-1a style hashes with different seeds; probe i is h1 + i·h2 (double hashing).
function hashes(word: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  // An odd step visits different bits on every probe.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

export class BloomFilter {
  // Plain fields, not constructor parameter properties: worker threads load this file with
  // Node's type stripping, which does not support them.
  private readonly bytes: Uint8Array;
  private readonly bits: number;
  private readonly probes: number;

  private constructor(bytes: Uint8Array, bits: number, probes: number) {
    this.bytes = bytes;
    this.bits = bits;
    this.probes = probes;
  }

  static fromData(data: BloomData): BloomFilter {
    const decoded = Buffer.from(data.base64, 'base64');
    const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.length);
    if (bytes.length * 8 < data.bits) throw new Error(`BloomFilter: ${bytes.length} bytes cannot hold ${data.bits} bits`);
    return new BloomFilter(bytes, data.bits, data.hashes);
  }

  /** An empty filter for `count` words at `bitsPerWord` bits each. */
  static create(count: number, bitsPerWord: number, probes: number): BloomFilter {
    const bits = Math.max(8, Math.ceil(count * bitsPerWord));
    return new BloomFilter(new Uint8Array(Math.ceil(bits / 8)), bits, probes);
  }

  add(word: string): void {
    const [h1, h2] = hashes(word);
    for (let i = 0; i < this.probes; i++) {
      const bit = (h1 + i * h2) % this.bits;
      this.bytes[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  has(word: string): boolean {
    const [h1, h2] = hashes(word);
    for (let i = 0; i < this.probes; i++) {
      const bit = (h1 + i * h2) % this.bits;
      if ((this.bytes[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  toData(): BloomData {
    return { bits: this.bits, hashes: this.probes, base64: Buffer.from(this.bytes).toString('base64') };
  }
}
