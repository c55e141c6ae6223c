// Shared strings of the extraction: interning, range hashing, and the table of surfaces with their name keys.
import { ownCopy } from '../../kit/strings';
import { nameKey } from '../normalize';

// Strings kept by the name extractions of many articles (keys, surfaces, lower-case words) recur from article to
// article: the tables below hand out one shared instance per distinct value instead of one copy per article, as
// flat copies that never hold on to the article text they were cut from. Each is cleared when it grows past its
// bound (strings already handed out stay valid; later articles just start sharing anew), so a long session does
// not accumulate every string it has seen.

const INTERN_MAX = 100_000;
const internTable = new Map<string, string>();

export function intern(s: string): string {
  const hit = internTable.get(s);
  if (hit !== undefined) return hit;
  if (internTable.size >= INTERN_MAX) internTable.clear();
  const own = ownCopy(s);
  internTable.set(own, own);
  return own;
}

/** A surface with its name key, both shared. */
interface SurfaceEntry {
  surface: string;
  key: string;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** FNV-1a hash of text[from, to), the key hash of RangeMap. */
export function hashRange(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return mixHash(h);
}

/** FNV's multiplications only carry bits upwards, so its low bits (the table slot) mix poorly: fold the high ones in. */
export function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * A map from strings to values that is looked up straight from a range of a text: no substring is cut for a key
 * already present (an article repeats most of its words many times, and the corpus repeats them across
 * articles). Open addressing with linear probing, at most half full. Emptied by `trim()` once it holds more than
 * `max` keys, so a long session keeps a bounded table.
 */
export class RangeMap<V> {
  private cap = 0;
  private keys: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private values: V[] = [];
  private count = 0;

  constructor(
    private readonly make: (key: string) => V,
    private readonly max: number,
  ) {
    this.reset();
  }

  private reset(): void {
    this.cap = 1 << 12;
    this.keys = new Array<string | undefined>(this.cap);
    this.hashes = new Int32Array(this.cap);
    this.values = new Array<V>(this.cap);
    this.count = 0;
  }

  trim(): void {
    if (this.count > this.max) this.reset();
  }

  /** The value of text[from, to) (`h` its hashRange), made and kept on first sight. */
  get(text: string, from: number, to: number, h: number): V {
    const slot = probeRange(this.keys, this.hashes, 1, text, from, to, h);
    if (this.keys[slot] !== undefined) return this.values[slot];
    const key = ownCopy(text.slice(from, to));
    const v = this.make(key);
    this.keys[slot] = key;
    this.hashes[slot] = h;
    this.values[slot] = v;
    if (++this.count * 2 > this.cap) this.grow();
    return v;
  }

  /** The value of a string, if present. */
  find(s: string): V | undefined {
    const slot = probeKey(this.keys, this.hashes, 1, s);
    return this.keys[slot] === undefined ? undefined : this.values[slot];
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    this.cap *= 2;
    this.keys = new Array<string | undefined>(this.cap);
    this.hashes = new Int32Array(this.cap);
    this.values = new Array<V>(this.cap);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      const slot = emptySlot(this.keys, hashes[i]);
      this.keys[slot] = k;
      this.hashes[slot] = hashes[i];
      this.values[slot] = values[i];
    }
  }
}

function sameChars(w: string, text: string, from: number): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

// Linear probing over string keys, shared by RangeMap and WordTable. `keys.length` is the table size (a power of
// two); `hashes[slot * stride]` is the hash of the key in a slot: RangeMap keeps hashes in an array of their own
// (stride 1), WordTable interleaves each with its flags (stride 2) so that a lookup reads one cache line.

/** The slot holding text[from, to) (`h` its hashRange), or the empty slot where it belongs. */
export function probeRange(
  keys: readonly (string | undefined)[],
  hashes: Int32Array,
  stride: number,
  text: string,
  from: number,
  to: number,
  h: number,
): number {
  const len = to - from;
  const mask = keys.length - 1;
  let slot = h & mask;
  for (;;) {
    const k = keys[slot];
    if (k === undefined || (hashes[slot * stride] === h && k.length === len && sameChars(k, text, from))) return slot;
    slot = (slot + 1) & mask;
  }
}

/** The slot holding the string s, or the empty slot where it belongs. */
export function probeKey(keys: readonly (string | undefined)[], hashes: Int32Array, stride: number, s: string): number {
  const h = hashRange(s, 0, s.length);
  const mask = keys.length - 1;
  let slot = h & mask;
  for (;;) {
    const k = keys[slot];
    if (k === undefined || (hashes[slot * stride] === h && k === s)) return slot;
    slot = (slot + 1) & mask;
  }
}

/** The first empty slot for hash h (a table being refilled holds each key once, so no comparison is needed). */
export function emptySlot(keys: readonly (string | undefined)[], h: number): number {
  const mask = keys.length - 1;
  let slot = h & mask;
  while (keys[slot] !== undefined) slot = (slot + 1) & mask;
  return slot;
}

/** Surfaces (and runs of heading tokens) with their name keys: nameKey without cutting the substring again. */
export const surfaces = new RangeMap<SurfaceEntry>((surface) => ({ surface, key: intern(nameKey(surface)) }), 100_000);

export function surfaceAt(text: string, from: number, to: number): SurfaceEntry {
  return surfaces.get(text, from, to, hashRange(text, from, to));
}
