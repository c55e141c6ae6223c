// A string → number index by open addressing over FNV-1a hashes. The word table has 140k words: a Map of them takes
// 50–90 ms to build (mostly hashing strings that split() made), this takes ~15 ms, and lookups are as fast.

/** Strings numbered 0, 1, 2, … in the order they were added; lookup by value. */
export class StringIndex {
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];

  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of `key`, or -1. */
  get(key: string): number {
    for (let p = hash(key) & this.mask; ; p = (p + 1) & this.mask) {
      const id = this.slots[p]!;
      if (id < 0) return -1;
      if (this.keys[id] === key) return id;
    }
  }

  /** The number of `key`, adding it when new. */
  intern(key: string): number {
    const h = hash(key);
    let p = h & this.mask;
    for (; ; p = (p + 1) & this.mask) {
      const id = this.slots[p]!;
      if (id < 0) break;
      if (this.keys[id] === key) return id;
    }
    const id = this.keys.length;
    this.keys.push(key);
    this.slots[p] = id;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return id;
  }

  /** The string numbered `id`. */
  key(id: number): string {
    return this.keys[id]!;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.keys.length; id++) {
      let p = hash(this.keys[id]!) & this.mask;
      while (this.slots[p]! >= 0) p = (p + 1) & this.mask;
      this.slots[p] = id;
    }
  }
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Mix the high bits down: the table is indexed by the low ones.
  h ^= h >>> 15;
  return h >>> 0;
}
