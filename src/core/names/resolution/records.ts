// The mentions during resolution, column by column, and the one byte of flags each carries. A million mentions at
// 10k articles: one object each cost more in allocation and garbage collection than the resolution itself.
import type { RawMention } from '../raw';
import type { Votes } from '../votes';

// A mention's flags, packed in one byte.
export const CUE = 3;
export const CUE_PERSON = 1;
export const CUE_GROUP = 2;
export const CUE_PLACE = 3;
export const STRONG = 4;
export const THE = 8;
export const SI = 16;
export const ACR = 32;
export const PS = 64;
/** The article describes this mention (an appositive, a title): look its definitions up. */
export const DEFS = 128;

export function flagBits(m: RawMention): number {
  let f = m.cue === 'person' ? CUE_PERSON : m.cue === 'group' ? CUE_GROUP : m.cue === 'place' ? CUE_PLACE : 0;
  if (m.strong) f |= STRONG;
  if (m.the) f |= THE;
  if (m.si) f |= SI;
  if (m.acr) f |= ACR;
  if (m.ps) f |= PS;
  return f;
}

/** `addVotes` for packed flags. */
export function addVoteBits(v: Votes, f: number): void {
  const w = f & STRONG ? 3 : 1;
  const cue = f & CUE;
  if (cue === CUE_PERSON) v.person += w;
  else if (cue === CUE_GROUP) v.group += w;
  else if (cue === CUE_PLACE) v.place += w;
  if (f & THE) v.notPerson += 1;
}

/**
 * The mentions, column by column: article, index in the article's extraction, offsets, key (as a number into the
 * resolver's key table), passage, packed flags, spelling, and the root of the cluster, later of the entity, each
 * ends up in.
 */
export class Recs {
  n = 0;
  art: Int32Array;
  idx: Int32Array;
  start: Int32Array;
  end: Int32Array;
  k: Int32Array;
  passage: Int32Array;
  flags: Uint8Array;
  root: Int32Array;
  surface: string[];

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.art = new Int32Array(c);
    this.idx = new Int32Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.k = new Int32Array(c);
    this.passage = new Int32Array(c);
    this.flags = new Uint8Array(c);
    this.root = new Int32Array(c);
    this.surface = new Array<string>(c);
  }

  push(art: number, idx: number, start: number, end: number, surface: string, k: number, passage: number, flags: number): void {
    if (this.n === this.art.length) this.grow();
    const i = this.n++;
    this.art[i] = art;
    this.idx[i] = idx;
    this.start[i] = start;
    this.end[i] = end;
    this.surface[i] = surface;
    this.k[i] = k;
    this.passage[i] = passage;
    this.flags[i] = flags;
  }

  private grow(): void {
    const c = this.art.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(c);
      b.set(a);
      return b;
    };
    this.art = more(this.art);
    this.idx = more(this.idx);
    this.start = more(this.start);
    this.end = more(this.end);
    this.k = more(this.k);
    this.passage = more(this.passage);
    this.flags = more(this.flags);
    this.root = more(this.root);
    this.surface.length = c;
  }
}

/** Whether the records `rs` are in article, then start order. */
export function inArticleOrder(recs: Recs, rs: Int32Array): boolean {
  for (let j = 1; j < rs.length; j++) {
    const a = rs[j - 1];
    const b = rs[j];
    if (recs.art[a] > recs.art[b] || (recs.art[a] === recs.art[b] && recs.start[a] > recs.start[b])) return false;
  }
  return true;
}
