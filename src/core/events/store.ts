// The event index's storage: every indexed passage as a row of flat integer columns (its terms, entities, times,
// figures), the term and entity dictionaries with passage frequencies, and the articles' passage id ranges.
// Passage ids only grow; a removed passage keeps its id with file '' until the columns are compacted.

import { grown } from '../kit/columns';
import { ownCopy } from '../kit/strings';
import type { EntityMention, Quote } from './features';
import type { PassageView } from './score';

/** Terms kept per passage (distinct, most frequent first) for querying and for explaining a link. */
export const STORED_TERMS = 64;
/** Distinct times kept per passage. */
export const MAX_TIMES = 24;

/**
 * Work between pauses of the stepwise forms (state export and restore, posting builds): at 10k articles
 * (~115k passages, ~40 terms each) each step stays within a few ms of CPU.
 */
export const STEP_PASSAGES = 512;
export const STEP_TERMS = 4096;
/** Passages quoting something (each with dozens of shingles). */
export const STEP_QUOTES = 256;

/** A growable flat column of numbers that passages own slices of. */
export class I32Pool {
  a: Int32Array<ArrayBuffer>;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  reserve(k: number): void {
    this.a = grown(this.a, this.n + k);
  }
  push(x: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = x;
  }
}

export class F64Pool {
  a: Float64Array<ArrayBuffer>;
  n = 0;
  constructor(capacity = 256) {
    this.a = new Float64Array(capacity);
  }
  push(x: number): void {
    if (this.n === this.a.length) this.a = grown(this.a, this.n + 1);
    this.a[this.n++] = x;
  }
}

/** An article's passages hold consecutive ids: first, first + 1, … */
export interface ArticleRec {
  first: number;
  count: number;
  /** The outlet ('' when unknown): page furniture repeats within one outlet's articles. */
  outlet: string;
}

/** What one passage holds, ready to be stored (term ids sorted). */
export interface PassageRecord {
  passage: number;
  termIds: Int32Array;
  entities: Iterable<number>;
  entityCount: number;
  /** (from, to, flags) triples. */
  times: number[];
  tolls: number[];
  numbers: number[];
  quotes: Quote[];
}

const NO_NUMBERS: number[] = [];
const NO_INTS = new Int32Array(0);

/** A quotation as the store takes it: its shingles as any list of numbers (a restored state hands views of one column). */
export interface StoredQuote {
  text: string;
  shingles: ArrayLike<number>;
}

/**
 * The quotations of the passages that quote something, as columns: per passage id its first quotation and how many,
 * per quotation its display text and its shingles' slice of one flat pool. A Map of Quote objects each with its own
 * array was the event index's largest part (a third of it at 10k articles). `get` hands out Quote objects made
 * afresh (scoring reads a few per query); entries iterate by ascending passage id, the order they were set in.
 */
export class QuoteColumns {
  /** Per passage id: its first quotation (index into `text`), and 1 + the number of them (0: none). */
  private first = new Int32Array(1024);
  private count = new Int32Array(1024);
  private text: string[] = [];
  /** Per quotation: where its shingles start in `pool` (its end is the next quotation's start, or `pool.n`). */
  private shingleStart = new Int32Array(1024);
  private readonly pool = new I32Pool(1 << 12);
  /** Passage ids with quotations, ascending; a deleted id stays until `compact` (its count is 0). */
  private ids: number[] = [];
  private live = 0;

  get size(): number {
    return this.live;
  }

  get(id: number): Quote[] | undefined {
    const n = id < this.count.length ? this.count[id] - 1 : -1;
    if (n <= 0) return undefined;
    const out: Quote[] = new Array(n);
    for (let i = 0, q = this.first[id]; i < n; i++, q++) out[i] = { text: this.text[q], shingles: Array.from(this.shinglesOf(q)) };
    return out;
  }

  /** Stores the quotations of passage `id`, which must be above every id stored before (ids only grow). */
  set(id: number, quotes: readonly StoredQuote[]): void {
    if (quotes.length === 0) return;
    const last = this.ids.length ? this.ids[this.ids.length - 1] : 0;
    if (id <= last) throw new Error(`quotations of passage ${id} set after passage ${last}`);
    this.first = grown(this.first, id + 1);
    this.count = grown(this.count, id + 1);
    this.first[id] = this.text.length;
    this.count[id] = quotes.length + 1;
    for (const q of quotes) {
      this.shingleStart = grown(this.shingleStart, this.text.length + 1);
      this.shingleStart[this.text.length] = this.pool.n;
      this.text.push(q.text);
      this.pool.reserve(q.shingles.length);
      const sh = q.shingles;
      for (let i = 0; i < sh.length; i++) this.pool.a[this.pool.n++] = sh[i];
    }
    this.ids.push(id);
    this.live++;
  }

  /**
   * Fills empty columns in one pass (a saved state restored): passage `ids[i]` (ascending, above 0) holds `counts[i]`
   * quotations, the next ones of `texts`, whose shingles are consecutive runs of `pool` of `shingleCounts` lengths.
   * The same columns as `set` for each passage in turn, without a Quote object or a copy of the pool.
   */
  restore(ids: Int32Array, counts: Int32Array, texts: string[], shingleCounts: Int32Array, pool: Int32Array<ArrayBuffer>): void {
    if (this.ids.length) throw new Error('quotations restored into columns in use');
    const top = ids.length ? ids[ids.length - 1] + 1 : 0;
    this.first = new Int32Array(Math.max(1024, top));
    this.count = new Int32Array(Math.max(1024, top));
    let q = 0;
    for (let i = 0; i < ids.length; i++) {
      this.first[ids[i]] = q;
      this.count[ids[i]] = counts[i] + 1;
      q += counts[i];
    }
    this.text = texts;
    this.shingleStart = new Int32Array(Math.max(1024, texts.length));
    for (let k = 0, at = 0; k < texts.length; at += shingleCounts[k++]) this.shingleStart[k] = at;
    this.pool.a = pool;
    this.pool.n = pool.length;
    this.ids = Array.from(ids);
    this.live = ids.length;
  }

  delete(id: number): void {
    if (id >= this.count.length || this.count[id] === 0) return;
    this.count[id] = 0;
    this.live--;
    // Rewritten without the dead ones once they are most of it.
    if (this.ids.length > 1024 && this.live * 2 < this.ids.length) this.compact();
  }

  *[Symbol.iterator](): IterableIterator<[number, Quote[]]> {
    for (const id of this.ids) {
      const qs = this.get(id);
      if (qs) yield [id, qs];
    }
  }

  /**
   * Every passage with quotations and the shingles of all its quotations, in id order: views of the pool, nothing
   * copied (the quote index is built from these at every start; `get` makes objects, which cost seconds of GC at 10k).
   * Valid until the next `set` or compaction.
   */
  shingleRuns(): [number, Int32Array][] {
    const out: [number, Int32Array][] = [];
    for (const id of this.ids) {
      const run = this.shinglesOfPassage(id);
      if (run) out.push([id, run]);
    }
    return out;
  }

  /** The shingles of all the quotations of passage `id` (a view of the pool; undefined: it quotes nothing). */
  shinglesOfPassage(id: number): Int32Array | undefined {
    const n = id < this.count.length ? this.count[id] - 1 : -1;
    if (n <= 0) return undefined;
    const q0 = this.first[id];
    const end = q0 + n < this.text.length ? this.shingleStart[q0 + n] : this.pool.n;
    return this.pool.a.subarray(this.shingleStart[q0], end);
  }

  private shinglesOf(q: number): Int32Array {
    const end = q + 1 < this.text.length ? this.shingleStart[q + 1] : this.pool.n;
    return this.pool.a.subarray(this.shingleStart[q], end);
  }

  private compact(): void {
    const old = [...this];
    this.first = new Int32Array(this.first.length);
    this.count = new Int32Array(this.count.length);
    this.text.length = 0;
    this.shingleStart = new Int32Array(1024);
    this.pool.n = 0;
    this.ids = [];
    this.live = 0;
    for (const [id, qs] of old) this.set(id, qs);
  }
}

export class PassageStore {
  // Passages are columns indexed by passage id (ids only grow; a removed passage's file is '').
  recFile: string[] = [''];
  recPassage = new Int32Array(1024);
  termOff = new Int32Array(1024);
  termLen = new Int32Array(1024);
  entOff = new Int32Array(1024);
  entLen = new Int32Array(1024);
  timeOff = new Int32Array(1024);
  timeLen = new Int32Array(1024);
  figOff = new Int32Array(1024);
  tollLen = new Int32Array(1024);
  numLen = new Int32Array(1024);
  readonly quotes = new QuoteColumns();
  /** Sorted term ids of all passages (so two passages' terms intersect by merging). */
  termPool = new I32Pool(1 << 16);
  /** Entity ids, in order of first mention in the passage. */
  entPool = new I32Pool(1 << 14);
  /** Time spans flattened: from, to, flags (bit0: day precision, bit1: from the article date, not the text). */
  timePool = new I32Pool(1 << 12);
  figPool = new F64Pool();
  live = 0;
  liveTerms = 0;
  deadTerms = 0;
  readonly articles = new Map<string, ArticleRec>();
  nextId = 1;
  // Term and entity dictionaries with passage frequencies (for rarity weights).
  readonly termIds = new Map<string, number>();
  readonly termStr: string[] = [];
  /** A word as written for each term (terms are stems: "offensi"); reasons show this instead. */
  readonly termSurface: string[] = [];
  termDf = new Int32Array(1024);
  readonly entIds = new Map<string, number>();
  readonly entName: string[] = [];
  /** The term standing for each entity in passage terms. */
  readonly entToken: string[] = [];
  entDf = new Int32Array(256);
  /** Bumped by every change of what is stored or how it is weighed (caches and stepwise work check it). */
  version = 0;

  changed(): void {
    this.version++;
  }

  /** Stores one passage of `file` under the next id. */
  addPassage(file: string, r: PassageRecord): number {
    const id = this.nextId++;
    this.reserveRecord(id);
    this.recFile[id] = file;
    this.recPassage[id] = r.passage;
    this.termOff[id] = this.termPool.n;
    this.termLen[id] = r.termIds.length;
    this.termPool.reserve(r.termIds.length);
    this.termPool.a.set(r.termIds, this.termPool.n);
    this.termPool.n += r.termIds.length;
    this.entOff[id] = this.entPool.n;
    this.entLen[id] = r.entityCount;
    for (const e of r.entities) {
      this.entDf[e]++;
      this.entPool.push(e);
    }
    this.timeOff[id] = this.timePool.n;
    this.timeLen[id] = r.times.length;
    for (const x of r.times) this.timePool.push(x);
    this.figOff[id] = this.figPool.n;
    this.tollLen[id] = r.tolls.length;
    this.numLen[id] = r.numbers.length;
    for (const x of r.tolls) this.figPool.push(x);
    for (const x of r.numbers) this.figPool.push(x);
    if (r.quotes.length) this.quotes.set(id, r.quotes);
    this.live++;
    this.liveTerms += r.termIds.length;
    return id;
  }

  /** Marks the passages of `file` removed; `removed` hears each passage id and its term count. */
  removeArticle(file: string, removed: (id: number, terms: number) => void): boolean {
    const art = this.articles.get(file);
    if (!art) return false;
    const tp = this.termPool.a;
    const ep = this.entPool.a;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (this.recFile[id] === '') continue;
      const to = this.termOff[id];
      const tn = this.termLen[id];
      for (let k = to; k < to + tn; k++) this.termDf[tp[k]]--;
      for (let k = this.entOff[id], e = k + this.entLen[id]; k < e; k++) this.entDf[ep[k]]--;
      this.quotes.delete(id);
      this.recFile[id] = '';
      this.live--;
      this.liveTerms -= tn;
      this.deadTerms += tn;
      removed(id, tn);
    }
    this.articles.delete(file);
    this.changed();
    if (this.deadTerms > 50000 && this.deadTerms > this.liveTerms) this.compact();
    return true;
  }

  /** Makes room for passage id `id` in every column. */
  reserveRecord(id: number): void {
    if (id < this.recPassage.length) return;
    const n = Math.max(id + 1, this.recPassage.length * 2);
    this.recPassage = grown(this.recPassage, n);
    this.termOff = grown(this.termOff, n);
    this.termLen = grown(this.termLen, n);
    this.entOff = grown(this.entOff, n);
    this.entLen = grown(this.entLen, n);
    this.timeOff = grown(this.timeOff, n);
    this.timeLen = grown(this.timeLen, n);
    this.figOff = grown(this.figOff, n);
    this.tollLen = grown(this.tollLen, n);
    this.numLen = grown(this.numLen, n);
  }

  idOf(file: string, passage: number): number {
    const art = this.articles.get(file);
    if (!art) return -1;
    for (let id = art.first; id < art.first + art.count; id++) if (this.recPassage[id] === passage) return id;
    return -1;
  }

  /** Gives back the spare room growth left in the columns (they double as a bulk build fills them). */
  trim(): void {
    const fit = (have: number, need: number) => have > need + (need >> 3) + 1024;
    for (const pool of [this.termPool, this.entPool, this.timePool]) {
      if (fit(pool.a.length, pool.n)) pool.a = pool.a.slice(0, pool.n + 256);
    }
    if (fit(this.figPool.a.length, this.figPool.n)) this.figPool.a = this.figPool.a.slice(0, this.figPool.n + 256);
    if (fit(this.recPassage.length, this.nextId)) {
      const n = this.nextId + 256;
      this.recPassage = this.recPassage.slice(0, n);
      this.termOff = this.termOff.slice(0, n);
      this.termLen = this.termLen.slice(0, n);
      this.entOff = this.entOff.slice(0, n);
      this.entLen = this.entLen.slice(0, n);
      this.timeOff = this.timeOff.slice(0, n);
      this.timeLen = this.timeLen.slice(0, n);
      this.figOff = this.figOff.slice(0, n);
      this.tollLen = this.tollLen.slice(0, n);
      this.numLen = this.numLen.slice(0, n);
    }
  }

  /** Rewrites the flat columns without the slices of removed passages (ids stay). */
  private compact(): void {
    const terms = new I32Pool(Math.max(1024, this.liveTerms));
    const ents = new I32Pool(1024);
    const times = new I32Pool(1024);
    const figs = new F64Pool();
    for (let id = 1; id < this.nextId; id++) {
      if (this.recFile[id] === '') continue;
      const to = this.termOff[id];
      this.termOff[id] = terms.n;
      for (let k = to, e = to + this.termLen[id]; k < e; k++) terms.push(this.termPool.a[k]);
      const eo = this.entOff[id];
      this.entOff[id] = ents.n;
      for (let k = eo, e = eo + this.entLen[id]; k < e; k++) ents.push(this.entPool.a[k]);
      const mo = this.timeOff[id];
      this.timeOff[id] = times.n;
      for (let k = mo, e = mo + this.timeLen[id]; k < e; k++) times.push(this.timePool.a[k]);
      const fo = this.figOff[id];
      this.figOff[id] = figs.n;
      for (let k = fo, e = fo + this.tollLen[id] + this.numLen[id]; k < e; k++) figs.push(this.figPool.a[k]);
    }
    this.termPool = terms;
    this.entPool = ents;
    this.timePool = times;
    this.figPool = figs;
    this.deadTerms = 0;
  }

  internTerm(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.termStr.length;
      this.termIds.set(t, id);
      this.termStr.push(t);
      this.termSurface.push('');
      if (id >= this.termDf.length) this.termDf = grown(this.termDf, id + 1);
    }
    return id;
  }

  /** The entity id of an entity key; a new entity is named by its first mention among `mentions`. */
  internEntity(key: string, text: string, mentions: EntityMention[]): number {
    let id = this.entIds.get(key);
    if (id === undefined) {
      id = this.entName.length;
      this.entIds.set(key, id);
      const m = mentions.find((x) => x.entityId === key);
      // A copy: a view cut out of the article's text would keep all of it (records let their texts go, record.ts).
      this.entName.push(m ? ownCopy(text.slice(m.start, m.end).replace(/['’]s$/, '')) : key);
      this.entToken.push('\u00a7' + id);
      this.entDf = grown(this.entDf, id + 1);
    }
    return id;
  }

  tollsOf(id: number): number[] {
    return this.figures(this.figOff[id], this.tollLen[id]);
  }

  numbersOf(id: number): number[] {
    return this.figures(this.figOff[id] + this.tollLen[id], this.numLen[id]);
  }

  /** A copy of `n` figures from `from` (a plain loop: Array.from of a view costs an iterator per call, per candidate). */
  private figures(from: number, n: number): number[] {
    const pool = this.figPool.a;
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = pool[from + i];
    return out;
  }

  terms(id: number): Int32Array {
    return this.termPool.a.subarray(this.termOff[id], this.termOff[id] + this.termLen[id]);
  }

  /**
   * A passage's columns as scorePair reads them (views, not copies). `quotes`: 'objects' gives its quotations as Quote
   * objects, 'shingles' only their shingles, as one view (`quoteShingles`: all a candidate is compared by), 'none'
   * leaves them out (scorePair reads a candidate's only when the asked passage has some).
   */
  view(id: number, quotes: 'objects' | 'shingles' | 'none' = 'objects'): PassageView {
    const file = this.recFile[id];
    return {
      terms: this.terms(id),
      entities: this.entLen[id] ? this.entPool.a.subarray(this.entOff[id], this.entOff[id] + this.entLen[id]) : NO_INTS,
      times: this.timeLen[id] ? this.timePool.a.subarray(this.timeOff[id], this.timeOff[id] + this.timeLen[id]) : NO_INTS,
      tolls: this.tollLen[id] ? this.tollsOf(id) : NO_NUMBERS,
      numbers: this.numLen[id] ? this.numbersOf(id) : NO_NUMBERS,
      quotes: quotes === 'objects' ? this.quotes.get(id) : undefined,
      quoteShingles: quotes === 'shingles' ? this.quotes.shinglesOfPassage(id) : undefined,
      // The first of its article's passages: a live article's passages hold consecutive ids, all live, and no other
      // live article has its file name (the same as `articles.get(file).first === id`, without a lookup per candidate).
      lead: file !== '' && this.recFile[id - 1] !== file,
    };
  }
}
