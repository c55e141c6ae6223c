// The event index's inverted lists: term id → passages holding it, and quotation shingle → passages quoting it.
// A MiniSearch query cost ~1 µs per posting (result objects, match maps), which made `related` the slowest call in
// the extension; plain integer postings are ~50x cheaper and smaller.

import { runToEnd } from '../kit/steps';
import type { Quote } from './features';
import { STEP_PASSAGES, STEP_QUOTES, type PassageStore } from './store';

/**
 * Passages added since the posting lists were last built are found through side lists, extended as they come;
 * past this many, or half as many as the built lists hold, the lists are rebuilt (a linear pass over all
 * passages' terms) at the next query. Growing geometrically keeps queries made while a corpus is being
 * indexed (CodeLenses of open editors) from rebuilding the lists over and over.
 */
const FRESH_MIN = 2000;
/** Entries of a prefix sum between pauses. */
const STEP_SUMS = 1 << 18;

export class Postings {
  /**
   * Term id → passage ids holding it, as one flat array (postIds[postStart[t] .. postStart[t + 1]]) built in
   * one pass over the passages: flat integer lists need no per-term array. It covers ids below `builtUpTo`;
   * later ones are in `freshPostings`, removed ones are skipped until the next build.
   */
  private postStart: Int32Array | null = null;
  private postIds = new Int32Array(0);
  private builtUpTo = 1;
  private deadBuilt = 0;
  private freshPostings: Map<number, number[]> | null = null;
  /** The side lists (postings and quotations) hold the passages from builtUpTo up to this id. */
  private freshUpTo = 1;
  /**
   * Quotation shingle → passages quoting it, built with the posting lists: (shingle, passage) pairs grouped by
   * the shingle's low bits (quoteStart[b] .. quoteStart[b + 1]), passages ascending within a group.
   */
  private quoteStart = new Int32Array(2);
  private quoteHash = new Int32Array(0);
  private quoteIds = new Int32Array(0);
  private freshQuotes: Map<number, number[]> | null = null;
  /**
   * Whether the quotation index covers the passages below `builtUpTo`: it is built when a query first asks for
   * quotations (`quoting`) or by `prepareSteps`, not with every posting build, since a query about a passage that
   * quotes nothing never reads it (a warm start's first Related Articles need not build it).
   */
  private quotesBuilt = false;

  constructor(private readonly store: PassageStore) {}

  /** A stored passage was removed: built lists skip it until the next build. */
  removed(id: number, terms: number): void {
    if (id < this.builtUpTo) this.deadBuilt += terms;
  }

  /** Adds `w` to `acc[id]` for every passage holding term `t`; passages first touched go to `touched`. */
  accumulate(t: number, w: number, acc: Float64Array, touched: number[]): void {
    const start = this.postStart!;
    const ids = this.postIds;
    if (t + 1 < start.length) {
      for (let k = start[t], e = start[t + 1]; k < e; k++) {
        const id = ids[k];
        if (acc[id] === 0) touched.push(id);
        acc[id] += w;
      }
    }
    const more = this.freshPostings?.get(t);
    if (more)
      for (const id of more) {
        if (acc[id] === 0) touched.push(id);
        acc[id] += w;
      }
  }

  /** Calls `visit` for every passage sharing a quotation shingle with `quotes` (possibly more than once). */
  quoting(quotes: readonly Quote[], visit: (id: number) => void): void {
    if (!this.quotesBuilt) this.installQuotes(runToEnd(this.quoteIndexSteps())!);
    const mask = this.quoteStart.length - 2;
    const freshQuotes = this.freshQuotes;
    for (const qt of quotes)
      for (const s of qt.shingles) {
        const b = s & mask;
        for (let k = this.quoteStart[b], e = this.quoteStart[b + 1]; k < e; k++) {
          if (this.quoteHash[k] === s) visit(this.quoteIds[k]);
        }
        const more = freshQuotes?.get(s);
        if (more) for (const id of more) visit(id);
      }
  }

  /** Brings the posting lists up to date: a side index for a few new passages, a rebuild for many. */
  ensure(): void {
    const store = this.store;
    const fresh = store.nextId - this.builtUpTo;
    const freshMax = Math.max(FRESH_MIN, (this.builtUpTo - 1) / 2);
    if (this.postStart && fresh <= freshMax && this.deadBuilt <= Math.max(1000, this.postIds.length / 4)) {
      if (fresh === 0) return;
      if (!this.freshPostings || !this.freshQuotes) {
        this.freshPostings = new Map();
        this.freshQuotes = new Map();
        this.freshUpTo = this.builtUpTo;
      }
      const postings = this.freshPostings;
      const quotes = this.freshQuotes;
      const tp = store.termPool.a;
      for (let id = this.freshUpTo; id < store.nextId; id++) {
        if (store.recFile[id] === '') continue;
        for (let k = store.termOff[id], e = k + store.termLen[id]; k < e; k++) {
          const list = postings.get(tp[k]);
          if (list) list.push(id);
          else postings.set(tp[k], [id]);
        }
        for (const q of store.quotes.get(id) ?? [])
          for (const sh of q.shingles) {
            const list = quotes.get(sh);
            if (list) list.push(id);
            else quotes.set(sh, [id]);
          }
      }
      this.freshUpTo = store.nextId;
      return;
    }
    runToEnd(this.buildSteps());
  }

  /**
   * Builds the lists for the first query ahead of it, in steps of a few ms (at 10k articles the build is
   * ~0.2 s). Edits in between make it start over (twice at most, then it leaves the build to the next query).
   */
  *prepareSteps(): Generator<void, void, void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = this.store.nextId - this.builtUpTo;
      const ready = this.postStart !== null && fresh === 0 && this.deadBuilt === 0;
      // A few new passages go to the side lists as a query would put them, at no real cost.
      if (ready || (this.postStart && fresh <= STEP_PASSAGES && this.deadBuilt <= Math.max(1000, this.postIds.length / 4))) {
        if (!ready) this.ensure();
        if (this.quotesBuilt) return;
        const version = this.store.version;
        const quoteIndex = yield* this.quoteIndexSteps();
        // A query in between may have built it already; an edit means trying again.
        if (this.quotesBuilt) return;
        if (quoteIndex && this.store.version === version) {
          this.installQuotes(quoteIndex);
          return;
        }
        continue;
      }
      yield* this.buildSteps();
    }
  }

  private installQuotes([start, hashes, ids]: [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>]): void {
    [this.quoteStart, this.quoteHash, this.quoteIds] = [start, hashes, ids];
    this.quotesBuilt = true;
  }

  /**
   * Rebuilds the posting lists and quotation index over all live passages, pausing between slices of
   * passages; false (nothing installed) when the index was edited during a pause.
   */
  private *buildSteps(): Generator<void, boolean, void> {
    const store = this.store;
    const version = store.version;
    const end = store.nextId;
    const nT = store.termStr.length;
    const start = new Int32Array(nT + 1);
    for (let from = 1; from < end; from += STEP_PASSAGES) {
      if (from > 1) {
        yield;
        if (store.version !== version) return false;
      }
      countTerms(store, from, Math.min(end, from + STEP_PASSAGES), start);
    }
    for (let t = 0; t < nT; t++) {
      if (t % STEP_SUMS === 0) {
        yield;
        if (store.version !== version) return false;
      }
      start[t + 1] += start[t];
    }
    const ids = new Int32Array(start[nT]);
    const fill = start.slice(0, nT);
    for (let from = 1; from < end; from += STEP_PASSAGES) {
      yield;
      if (store.version !== version) return false;
      fillTerms(store, from, Math.min(end, from + STEP_PASSAGES), fill, ids);
    }
    yield;
    if (store.version !== version) return false;
    this.postStart = start;
    this.postIds = ids;
    // The quotation index of these passages is built when first asked for (see quotesBuilt).
    this.quoteStart = new Int32Array(2);
    this.quoteHash = this.quoteIds = new Int32Array(0);
    this.quotesBuilt = false;
    this.builtUpTo = end;
    this.deadBuilt = 0;
    this.freshPostings = null;
    this.freshQuotes = null;
    // Trimming copies the pools (a few ms at 10k); it only gives back spare room, so it is valid at any time.
    yield;
    store.trim();
    return true;
  }

  /**
   * Groups every (shingle, passage) pair by the shingle's low bits: a counting sort, stable, so ids stay
   * ascending. Null when the index was edited during a pause.
   */
  private *quoteIndexSteps(): Generator<void, [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] | null, void> {
    const store = this.store;
    const version = store.version;
    // Passages in ascending id order, each with the shingles of its quotations in order: those the posting lists
    // cover (later ones are in the side lists).
    const entries = store.quotes.shingleRuns();
    while (entries.length && entries[entries.length - 1][0] >= this.builtUpTo) entries.pop();
    let n = 0;
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % STEP_QUOTES === 0) {
        yield;
        if (store.version !== version) return null;
      }
      n += entries[i][1].length;
    }
    // About four pairs a bucket: a query scans a few more entries, and the build's scattered counts and writes stay
    // within a table a quarter the size (most of its time at 10k articles was cache misses).
    let buckets = 16;
    while (buckets * 4 < n) buckets *= 2;
    const mask = buckets - 1;
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % STEP_QUOTES === 0) {
        yield;
        if (store.version !== version) return null;
      }
      countShingles(entries[i][1], mask, start);
    }
    for (let b = 0; b < buckets; b++) {
      if (b % STEP_SUMS === 0) {
        yield;
        if (store.version !== version) return null;
      }
      start[b + 1] += start[b];
    }
    const fill = start.slice(0, buckets);
    const hashes = new Int32Array(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < entries.length; i++) {
      if (i % STEP_QUOTES === 0) {
        yield;
        if (store.version !== version) return null;
      }
      fillShingles(entries[i][0], entries[i][1], mask, fill, hashes, ids);
    }
    return [start, hashes, ids];
  }
}

// The posting build's passes over a slice of passages (and the quotation index's over a passage), as plain
// functions: called once a slice, they are optimised after the first few (the same loops inside the stepwise
// generator ran unoptimised for much longer: a warm start builds the lists once, so that start-up cost was most of
// the build).

/** Counts, for passages [from, stop), each term's postings at start[term + 1]. */
function countTerms(store: PassageStore, from: number, stop: number, start: Int32Array): void {
  // Read at every slice: a query between slices may trim the pools into new arrays (same contents).
  const tp = store.termPool.a;
  const { recFile, termOff, termLen } = store;
  for (let id = from; id < stop; id++) {
    if (recFile[id] === '') continue;
    for (let k = termOff[id], e = k + termLen[id]; k < e; k++) start[tp[k] + 1]++;
  }
}

/** Writes passages [from, stop) into the posting lists, each term's at its next free place (`fill[term]`). */
function fillTerms(store: PassageStore, from: number, stop: number, fill: Int32Array, ids: Int32Array): void {
  const tp = store.termPool.a;
  const { recFile, termOff, termLen } = store;
  for (let id = from; id < stop; id++) {
    if (recFile[id] === '') continue;
    for (let k = termOff[id], e = k + termLen[id]; k < e; k++) ids[fill[tp[k]]++] = id;
  }
}

/** Counts a passage's shingles per bucket, at start[bucket + 1]. */
function countShingles(run: Int32Array, mask: number, start: Int32Array): void {
  for (let j = 0; j < run.length; j++) start[(run[j] & mask) + 1]++;
}

/** Writes passage `id`'s shingles into their buckets, each at its bucket's next free place (`fill[bucket]`). */
function fillShingles(id: number, run: Int32Array, mask: number, fill: Int32Array, hashes: Int32Array, ids: Int32Array): void {
  for (let j = 0; j < run.length; j++) {
    const sh = run[j];
    const k = fill[sh & mask]++;
    hashes[k] = sh;
    ids[k] = id;
  }
}
