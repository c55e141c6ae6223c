// Same event across outlets: for a passage, the passages of other articles that tell the same event.
//
// Candidates come from an inverted index over passages whose names are replaced by entity tokens (rarity-
// weighted term overlap, BM25's idf without its per-posting bookkeeping), plus passages sharing a quotation;
// nothing is compared all-pairs. A MiniSearch query here cost ~1 µs per posting (result objects, match maps),
// which made `related` the slowest call in the extension; plain integer postings are ~50x cheaper and smaller. Each candidate is then rescored with
// what makes an event an event and not just a topic: when it happened (explicit and relative dates beat the
// publication date), who and where (entities weighted by rarity), the figures (death tolls), and shared
// quotations. Scores under a calibrated threshold are dropped: no link is better than a weak one.

import { leadPassage } from '../coveragePassage';
import { reasonInWords } from './explain';
import { NEAR_IDENTICAL, screenNoise, termJaccard } from './noise';
import {
  EVENT_MODEL,
  scorePair,
  sharedWordWeight,
  TIME_DAY,
  TIME_PUB,
  type EventModel,
  type PairScore,
  type PairStats,
  type PassageView,
} from './score';
import { runToEnd } from '../kit/steps';
import type { ArticleMeta, Passage } from '../types';
import { isoOfDay, readEventDates, timeRefOf, type TimeRef, type TimeSpan } from './dates';
import {
  countTerms,
  fallbackMentions,
  TermCounts,
  TermDictionary,
  readFigures,
  readQuotes,
  type EntityMention,
  type Quote,
} from './features';

export { readEventDates, timeRefOf, isoOfDay, dayNumber } from './dates';
export type { TimeSpan, TimeRef } from './dates';

export interface EventArticleInput {
  file: string;
  text: string;
  passages: Passage[];
  /** Where the body starts (after front matter); the title and header lines above the lead count as the lead's. */
  bodyStart?: number;
  meta: ArticleMeta;
  /** entity id of each name mention (spelling-independent), from the names module; may be empty */
  mentions: EntityMention[];
}

export interface PassageLink {
  file: string;
  passage: number;
  score: number;
  reason: string;
  shared: string[];
  /** The feature values behind the score (score.ts FEATURES order). */
  features: number[];
  /** The linked passage's article is the asked article under another name. */
  duplicate?: boolean;
}

export interface RelatedArticle {
  file: string;
  score: number;
  /** How many passages of the asked article link into this one. */
  passages: number;
}

/** Tuning knobs; the defaults are calibrated on the FA-KES labelled incidents (see test/bench/events-eval). */
export interface EventIndexOptions {
  /** BM25 candidates rescored per query. */
  candidates?: number;
  /** Weights and cut-off (default: the shipped, fitted model). */
  model?: EventModel;
}

const DEFAULTS: Required<Omit<EventIndexOptions, 'model'>> = { candidates: 100 };

/**
 * A link strong enough to announce unasked (the "Also in" CodeLens), as opposed to listing it when the reader asks.
 * On the sample, whose three 2024 articles tell one story, 38% of passages reach it; true FA-KES matches score higher.
 */
export const STRONG_LINK_SCORE = EVENT_MODEL.strong;

/** Stems with a rarity in news at large (the word table's StemView). */
export interface BackgroundRarity {
  backgroundIdf(stem: string): number;
}

/**
 * Passages at which the workspace's own word rarity counts as much as the background's: chosen on ECB+ dev among
 * 200 / 500 / 2,000 by hit@3 over the dev topics together plus each dev topic alone (a small workspace).
 */
const BACKGROUND_WEIGHT = 500;

/** Query terms per passage: the rarest ones carry the event; common ones only cost time. */
const QUERY_TERMS = 32;
/** Terms kept per passage (distinct, most frequent first) for querying and for explaining a link. */
const STORED_TERMS = 64;
/** Days before its publication in which an undated passage's event is taken to have happened. */
const PUB_WINDOW = 3;
/** Distinct times kept per passage. */
const MAX_TIMES = 24;
/**
 * Passages added since the posting lists were last built are found through side lists, extended as they come;
 * past this many, or half as many as the built lists hold, the lists are rebuilt (a linear pass over all
 * passages' terms) at the next query. Growing geometrically keeps queries made while a corpus is being
 * indexed (CodeLenses of open editors) from rebuilding the lists over and over.
 */
const FRESH_MIN = 2000;
/** Distinct words as written kept in the word → term cache before it starts afresh (~100 bytes each). */
const MAX_WORDS = 200_000;

/**
 * Work between pauses of the stepwise forms (exportStateSteps, fromStateSteps, prepareQueriesSteps): at 10k
 * articles (~115k passages, ~40 terms each) each step stays within a few ms of CPU.
 */
const STEP_PASSAGES = 512;
const STEP_TERMS = 4096;
const STEP_CHARS = 1 << 16;
/** Passages quoting something (each with dozens of shingles). */
const STEP_QUOTES = 256;
/** Entries of a prefix sum. */
const STEP_SUMS = 1 << 18;

/** Version of `EventIndexState`; a state of any other version is not restored (the caller rebuilds). */
const STATE_VERSION = 3;
/** The state's version also names the model: cached links of another model are not restored. */
const STATE_MODEL = EVENT_MODEL.version;
const STATE_FORMAT = 'parallax-events';

/**
 * A built event index as plain JSON data, for a warm start that skips re-reading every passage. Integer
 * columns are packed into strings (`packInts`): at 10k articles they hold ~6M numbers, which as JSON number
 * arrays cost more to stringify and parse than building half the index. Passage ids are renumbered densely
 * (only their order matters); posting lists and the quotation index are rebuilt from the records.
 */
export interface EventIndexState {
  format: typeof STATE_FORMAT;
  version: number;
  /** The scoring model the state was built for (score.ts); another model's state is rebuilt. */
  model: string;
  candidates: number;
  /** Term dictionary by term id. */
  terms: string[];
  /** A word as written for each term; '=' when it is the term itself, '' when none. */
  surfaces: string[];
  /** Entity keys and display names by entity id. */
  entities: string[];
  entityNames: string[];
  /** Articles in passage-id order, with how many passages each holds. */
  files: string[];
  /** Each article's outlet ('' when unknown), in `files` order. */
  outlets: string[];
  passagesPerFile: string;
  /** Per passage, in id order: its passage index, then its columns as counts plus flat packed values. */
  passage: string;
  termCount: string;
  /** Sorted term ids, each passage's delta-encoded. */
  termIds: string;
  entityCount: string;
  entityIds: string;
  /** Time spans as (from, to - from, flags) triples; `timeCount` counts triples. */
  timeCount: string;
  times: string;
  tollCount: string;
  numberCount: string;
  /** Tolls then other numbers of each passage (not always integers). */
  figures: number[];
  /** Passages quoting something (record positions), their quotes' display texts and shingles. */
  quoteRecords: string;
  quoteCount: string;
  quoteTexts: string[];
  shingleCount: string;
  shingles: string;
}

/** A growable flat column of numbers that passages own slices of. */
class I32Pool {
  a: Int32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  reserve(k: number): void {
    if (this.n + k <= this.a.length) return;
    const grown = new Int32Array(Math.max(this.n + k, this.a.length * 2));
    grown.set(this.a.subarray(0, this.n));
    this.a = grown;
  }
  push(x: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = x;
  }
}

class F64Pool {
  a: Float64Array;
  n = 0;
  constructor(capacity = 256) {
    this.a = new Float64Array(capacity);
  }
  push(x: number): void {
    if (this.n === this.a.length) {
      const grown = new Float64Array(this.a.length * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = x;
  }
}

function grownI32(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function grownF64(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** An article's passages hold consecutive ids: first, first + 1, … */
interface ArticleRec {
  first: number;
  count: number;
  /** The outlet ('' when unknown): page furniture repeats within one outlet's articles. */
  outlet: string;
}

export class EventIndex {
  private readonly opts: Required<Omit<EventIndexOptions, 'model'>>;
  // Passages are columns indexed by passage id (ids only grow; a removed passage's file is '').
  private recFile: string[] = [''];
  private recPassage = new Int32Array(1024);
  private termOff = new Int32Array(1024);
  private termLen = new Int32Array(1024);
  private entOff = new Int32Array(1024);
  private entLen = new Int32Array(1024);
  private timeOff = new Int32Array(1024);
  private timeLen = new Int32Array(1024);
  private figOff = new Int32Array(1024);
  private tollLen = new Int32Array(1024);
  private numLen = new Int32Array(1024);
  private readonly quotes = new Map<number, Quote[]>();
  // Per-passage scratch space of setArticle.
  private readonly scratchTerms = new TermCounts();
  private readonly scratchEntities = new Set<number>();
  /** Words as written → term numbers; term number → term id (-1 until the term is first kept). */
  private readonly dict = new TermDictionary();
  private termIdOfNumber = new Int32Array(1024).fill(-1);
  private readonly dateTermMemo = new Map<number, number[]>();
  /** Entity id → term number of its token (-1 until used). */
  private entTermNumber = new Int32Array(256).fill(-1);
  /** Sorted term ids of all passages (so two passages' terms intersect by merging). */
  private termPool = new I32Pool(1 << 16);
  /** Entity ids, in order of first mention in the passage. */
  private entPool = new I32Pool(1 << 14);
  /** Time spans flattened: from, to, flags (bit0: day precision, bit1: from the article date, not the text). */
  private timePool = new I32Pool(1 << 12);
  private figPool = new F64Pool();
  private live = 0;
  private liveTerms = 0;
  private deadTerms = 0;
  /**
   * Term id → passage ids holding it, as one flat array (postIds[postStart[t] .. postStart[t + 1]]) built in
   * one pass over the passages: integer postings were ~50x cheaper than a MiniSearch query, and flat ones
   * need no per-term array. It covers ids below `builtUpTo`; later ones are in `freshPostings`, removed
   * ones are skipped until the next build.
   */
  private postStart: Int32Array | null = null;
  private postIds = new Int32Array(0);
  private builtUpTo = 1;
  private deadBuilt = 0;
  private freshPostings: Map<number, number[]> | null = null;
  /** The side lists (postings and quotations) hold the passages from builtUpTo up to this id. */
  private freshUpTo = 1;
  private idfCache = new Float64Array(1024);
  private idfStamp = new Int32Array(1024).fill(-1);
  /** Scratch accumulator indexed by passage id, reused across queries. */
  private acc = new Float64Array(1024);
  private readonly articles = new Map<string, ArticleRec>();
  private nextId = 1;
  // Term and entity dictionaries with passage frequencies (for rarity weights).
  private readonly termIds = new Map<string, number>();
  private readonly termStr: string[] = [];
  /** A word as written for each term (terms are stems: "offensi"); reasons show this instead. */
  private readonly termSurface: string[] = [];
  private termDf = new Int32Array(1024);
  private readonly entIds = new Map<string, number>();
  private readonly entName: string[] = [];
  /** The term standing for each entity in passage terms. */
  private readonly entToken: string[] = [];
  private entDf = new Int32Array(256);
  /**
   * Quotation shingle → passages quoting it, built with the posting lists: (shingle, passage) pairs grouped by
   * the shingle's low bits (quoteStart[b] .. quoteStart[b + 1]), passages ascending within a group.
   */
  private quoteStart = new Int32Array(2);
  private quoteHash = new Int32Array(0);
  private quoteIds = new Int32Array(0);
  private freshQuotes: Map<number, number[]> | null = null;
  private version = 0;
  private background: BackgroundRarity | null = null;
  /** The scoring model (weights and cut-off): from code, never from a cached state. */
  private readonly model: EventModel;
  // Scratch space of the article similarity: the query article's term weights, stamped per query.
  private artWeight = new Float64Array(1024);
  private artStamp = new Int32Array(1024);
  private artSeen = new Int32Array(1024);
  private artQuery = 0;
  private artSeenMark = 0;
  private articleCache = new Map<string, { version: number; value: RelatedArticle[] }>();

  constructor(options: EventIndexOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.model = options.model ?? EVENT_MODEL;
  }

  get size(): number {
    return this.articles.size;
  }

  get passageCount(): number {
    return this.live;
  }

  /** Add or replace one article. */
  setArticle(input: EventArticleInput): void {
    this.removeArticle(input.file);
    const { text, file } = input;
    const ref = timeRefOf(input.meta.date, text);
    const mentions = (input.mentions.length ? [...input.mentions] : fallbackMentions(text, 0, text.length)).sort(
      (a, b) => a.start - b.start,
    );
    const first = this.nextId;
    const pubSpans = publicationSpans(ref);
    // The word dictionary is a cache (words as written → terms); a large vocabulary starts it afresh.
    if (this.dict.words > MAX_WORDS) this.resetWords();
    let mi = 0;
    // The lead speaks for the title, dateline and headline above it (a cursor there asks about the lead), and a
    // headline is the densest statement of the event an article has.
    const lead = leadPassage(text, input.passages, input.bodyStart ?? 0);
    const titleAt = input.meta.title ? frontMatterTitleAt(text, input.meta.title, input.bodyStart ?? 0) : -1;
    for (const p0 of input.passages) {
      if (p0.kind === 'boilerplate') continue;
      const p = lead && p0.index === lead.index ? lead : p0;
      while (mi < mentions.length && mentions[mi].end <= p.start) mi++;
      const pm: EntityMention[] = [];
      for (let k = mi; k < mentions.length && mentions[k].start < p.end; k++) {
        if (mentions[k].start >= p.start && mentions[k].end <= p.end) pm.push(mentions[k]);
      }
      const entSet = this.scratchEntities;
      entSet.clear();
      const tc = this.scratchTerms;
      tc.reset();
      countTerms(
        text,
        p.start,
        p.end,
        pm,
        this.dict,
        (key) => {
          const e = this.internEntity(key, text, pm);
          entSet.add(e);
          return this.entityTermNumber(e);
        },
        tc,
      );
      if (p === lead && titleAt >= 0) {
        countTerms(
          text,
          titleAt,
          titleAt + input.meta.title!.length,
          [],
          this.dict,
          (key) => this.entityTermNumber(this.internEntity(key, text, pm)),
          tc,
        );
      }
      if (tc.tokens < 3) continue; // headings, bylines, captions: nothing to link on
      // Dates the passage names become terms too, at every precision ("30 September 2015" also counts as
      // "2015"), so that two passages naming the same past day or year find each other, weighted by how rare
      // that date is in the corpus ("since 2011" is everywhere; "30 September 2015" is not).
      const spans = readEventDates(text, p.start, p.end, ref);
      for (const sp of spans) for (const no of this.dateTerms(sp)) tc.setOnce(no);
      const top = tc.top(STORED_TERMS);
      const termIds = new Int32Array(top.length);
      for (let i = 0; i < top.length; i++) {
        const slot = top[i];
        const t = this.termIdOf(tc.terms[slot]);
        termIds[i] = t;
        this.termDf[t]++;
        if (!this.termSurface[t]) {
          const entry = tc.entries[slot];
          this.termSurface[t] = entry >= 0 ? this.dict.raw(entry).toLowerCase() : '';
        }
      }
      termIds.sort(); // sorted, so two passages' terms intersect by merging
      const id = this.nextId++;
      this.reserveRecord(id);
      this.recFile[id] = file;
      this.recPassage[id] = p.index;
      this.termOff[id] = this.termPool.n;
      this.termLen[id] = termIds.length;
      this.termPool.reserve(termIds.length);
      this.termPool.a.set(termIds, this.termPool.n);
      this.termPool.n += termIds.length;
      this.entOff[id] = this.entPool.n;
      this.entLen[id] = entSet.size;
      for (const e of entSet) {
        this.entDf[e]++;
        this.entPool.push(e);
      }
      const times = packTimes(spans, pubSpans);
      this.timeOff[id] = this.timePool.n;
      this.timeLen[id] = times.length;
      for (const x of times) this.timePool.push(x);
      const figures = readFigures(text, p.start, p.end);
      this.figOff[id] = this.figPool.n;
      this.tollLen[id] = figures.tolls.length;
      this.numLen[id] = figures.numbers.length;
      for (const x of figures.tolls) this.figPool.push(x);
      for (const x of figures.numbers) this.figPool.push(x);
      const quotes = readQuotes(text, p.start, p.end);
      if (quotes.length) this.quotes.set(id, quotes);
      this.live++;
      this.liveTerms += termIds.length;
    }
    this.articles.set(file, { first, count: this.nextId - first, outlet: input.meta.outlet ?? '' });
    this.changed();
  }

  removeArticle(file: string): void {
    const art = this.articles.get(file);
    if (!art) return;
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
      if (id < this.builtUpTo) this.deadBuilt += tn;
    }
    this.articles.delete(file);
    this.changed();
    if (this.deadTerms > 50000 && this.deadTerms > this.liveTerms) this.compact();
  }

  /** Passages of other articles telling the same event as passage `passage` of `file`, best first. */
  related(file: string, passage: number, limit = 10): PassageLink[] {
    const id = this.idOf(file, passage);
    if (id < 0) return [];
    const scored = this.score(id);
    const out: PassageLink[] = [];
    let coverage = 0;
    for (const s of scored) {
      // Duplicates (the same article under another name) come last and are always shown: `limit` counts coverage.
      if (s.duplicate) out.push(this.explain(s));
      else if (s.score >= this.model.cutoff && coverage < limit) {
        out.push(this.explain(s));
        coverage++;
      }
    }
    return out;
  }

  /** Other articles sharing events with `file`: best passage link, strengthened by further linked passages. */
  relatedArticles(file: string, limit = 10): RelatedArticle[] {
    const cached = this.articleCache.get(file);
    if (cached && cached.version === this.version) return cached.value.slice(0, limit);
    const art = this.articles.get(file);
    if (!art) return [];
    const per = new Map<string, { best: number; sum: number; passages: number }>();
    for (let id = art.first; id < art.first + art.count; id++) {
      const seen = new Set<string>();
      for (const s of this.score(id)) {
        if (s.duplicate) continue;
        if (s.score < this.model.cutoff) break;
        const f = this.recFile[s.id];
        if (seen.has(f)) continue; // one (best) link per article per passage
        seen.add(f);
        const a = per.get(f) ?? { best: 0, sum: 0, passages: 0 };
        a.best = Math.max(a.best, s.score);
        a.sum += s.score;
        a.passages++;
        per.set(f, a);
      }
    }
    const value = [...per.entries()]
      .map(([f, a]) => ({ file: f, score: round(a.best + 0.25 * Math.min(a.sum - a.best, 2 * a.best)), passages: a.passages }))
      .sort((x, y) => y.score - x.score || x.file.localeCompare(y.file));
    this.articleCache.set(file, { version: this.version, value });
    return value.slice(0, limit);
  }

  // ------------------------------------------------------------------------------------------------- state

  /** The index as plain JSON-serializable data; `EventIndex.fromState` restores it. */
  exportState(): EventIndexState {
    return runToEnd(this.exportStateSteps());
  }

  /**
   * `exportState()` in steps (each a few ms at 10k articles), so an extension host can interleave other work:
   * run `next()` until `done`, its value is the state. The index must not be edited until then (an edit in
   * between makes the next step throw); queries in between are fine.
   */
  *exportStateSteps(): Generator<void, EventIndexState, void> {
    const version = this.version;
    const unchanged = () => {
      if (this.version !== version) throw new Error('EventIndex edited during exportStateSteps');
    };
    const arts = [...this.articles.entries()].sort((x, y) => x[1].first - y[1].first);
    yield;
    unchanged();
    const files: string[] = [];
    const outlets: string[] = [];
    const perFile = new IntWriter();
    const passage = new IntWriter();
    const termCount = new IntWriter();
    const termIds = new IntWriter();
    const entityCount = new IntWriter();
    const entityIds = new IntWriter();
    const timeCount = new IntWriter();
    const times = new IntWriter();
    const tollCount = new IntWriter();
    const numberCount = new IntWriter();
    const figures: number[] = [];
    const quoteRecords = new IntWriter();
    const quoteCount = new IntWriter();
    const quoteTexts: string[] = [];
    const shingleCount = new IntWriter();
    const shingles = new IntWriter();
    let r = 0;
    let sinceYield = 0;
    for (const [file, art] of arts) {
      if (sinceYield >= STEP_PASSAGES) {
        sinceYield = 0;
        yield;
        unchanged();
      }
      sinceYield += art.count;
      // Read after every pause: a query in between may trim the pools into new arrays (same contents).
      const tp = this.termPool.a;
      const ep = this.entPool.a;
      const mp = this.timePool.a;
      const fp = this.figPool.a;
      files.push(file);
      outlets.push(art.outlet);
      perFile.put(art.count);
      for (let id = art.first; id < art.first + art.count; id++, r++) {
        passage.put(this.recPassage[id]);
        const to = this.termOff[id];
        const tn = this.termLen[id];
        termCount.put(tn);
        let prev = 0;
        for (let k = to; k < to + tn; k++) {
          termIds.put(tp[k] - prev);
          prev = tp[k];
        }
        const eo = this.entOff[id];
        const en = this.entLen[id];
        entityCount.put(en);
        for (let k = eo; k < eo + en; k++) entityIds.put(ep[k]);
        const mo = this.timeOff[id];
        const mn = this.timeLen[id];
        timeCount.put(mn / 3);
        for (let k = mo; k < mo + mn; k += 3) {
          times.put(mp[k]);
          times.put(mp[k + 1] - mp[k]);
          times.put(mp[k + 2]);
        }
        const fo = this.figOff[id];
        const fn = this.tollLen[id] + this.numLen[id];
        tollCount.put(this.tollLen[id]);
        numberCount.put(this.numLen[id]);
        for (let k = fo; k < fo + fn; k++) figures.push(fp[k]);
        const qs = this.quotes.get(id);
        if (qs) {
          quoteRecords.put(r);
          quoteCount.put(qs.length);
          for (const q of qs) {
            quoteTexts.push(q.text);
            shingleCount.put(q.shingles.length);
            for (const s of q.shingles) shingles.put(s);
          }
        }
      }
    }
    yield;
    unchanged();
    const surfaces: string[] = [];
    for (let t = 0; t < this.termSurface.length; t++) {
      const sf = this.termSurface[t];
      surfaces.push(sf && sf === this.termStr[t] ? '=' : sf);
      if ((t + 1) % STEP_TERMS === 0) {
        yield;
        unchanged();
      }
    }
    const state: EventIndexState = {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      model: STATE_MODEL,
      candidates: this.opts.candidates,
      terms: this.termStr.slice(),
      surfaces,
      entities: [...this.entIds.keys()],
      entityNames: this.entName.slice(),
      files,
      outlets,
      passagesPerFile: perFile.done(),
      passage: passage.done(),
      termCount: termCount.done(),
      termIds: '',
      entityCount: entityCount.done(),
      entityIds: entityIds.done(),
      timeCount: timeCount.done(),
      times: times.done(),
      tollCount: tollCount.done(),
      numberCount: numberCount.done(),
      figures,
      quoteRecords: quoteRecords.done(),
      quoteCount: quoteCount.done(),
      quoteTexts,
      shingleCount: shingleCount.done(),
      shingles: shingles.done(),
    };
    // The term column is the big one (~10 MB at 10k articles): joined in steps.
    yield;
    state.termIds = yield* termIds.doneSteps();
    return state;
  }

  /** An index restored from `exportState()` data (after a JSON round trip); null when it is not one. */
  static fromState(state: unknown): EventIndex | null {
    return runToEnd(EventIndex.fromStateSteps(state));
  }

  /**
   * `fromState()` in steps (each a few ms at 10k articles): run `next()` until `done`, its value is the index
   * (or null). `state` must not be modified until then.
   */
  static *fromStateSteps(state: unknown): Generator<void, EventIndex | null, void> {
    try {
      return yield* restoreSteps(state);
    } catch {
      return null;
    }
  }

  /** Fills an empty index from checked state data; false when the data does not hold together. */
  /** @internal restoreSteps is its one caller (noUnusedLocals cannot see through the cast there). */
  protected *loadSteps(st: EventIndexState): Generator<void, boolean, void> {
    const nTerms = st.terms.length;
    const nEnts = st.entities.length;
    if (st.surfaces.length !== nTerms || st.entityNames.length !== nEnts) return false;
    for (let t = 0; t < nTerms; t++) {
      const s = st.terms[t];
      if (typeof s !== 'string' || this.termIds.has(s)) return false;
      this.termIds.set(s, t);
      this.termStr.push(s);
      const sf = st.surfaces[t];
      if (typeof sf !== 'string') return false;
      this.termSurface.push(sf === '=' ? s : sf);
      if ((t + 1) % STEP_TERMS === 0) yield;
    }
    for (let e = 0; e < nEnts; e++) {
      const k = st.entities[e];
      const name = st.entityNames[e];
      if (typeof k !== 'string' || typeof name !== 'string' || this.entIds.has(k)) return false;
      this.entIds.set(k, e);
      this.entName.push(name);
      this.entToken.push('\u00a7' + e);
      if ((e + 1) % STEP_TERMS === 0) yield;
    }
    this.termDf = new Int32Array(Math.max(1024, nTerms));
    this.idfCache = new Float64Array(this.termDf.length);
    this.idfStamp = new Int32Array(this.termDf.length).fill(-1);
    this.entDf = new Int32Array(Math.max(256, nEnts));

    const perFile = yield* unpackIntsSteps(st.passagesPerFile);
    if (!perFile || perFile.length !== st.files.length) return false;
    let n = 0;
    for (const c of perFile) {
      if (c < 0) return false;
      n += c;
    }
    const passage = yield* unpackIntsSteps(st.passage);
    const termCount = yield* unpackIntsSteps(st.termCount);
    const termIds = yield* unpackIntsSteps(st.termIds);
    const entityCount = yield* unpackIntsSteps(st.entityCount);
    const entityIds = yield* unpackIntsSteps(st.entityIds);
    const timeCount = yield* unpackIntsSteps(st.timeCount);
    const times = yield* unpackIntsSteps(st.times);
    const tollCount = yield* unpackIntsSteps(st.tollCount);
    const numberCount = yield* unpackIntsSteps(st.numberCount);
    if (!passage || !termCount || !termIds || !entityCount || !entityIds || !timeCount || !times || !tollCount || !numberCount)
      return false;
    for (const col of [passage, termCount, entityCount, timeCount, tollCount, numberCount]) if (col.length !== n) return false;
    if (sumOf(termCount) !== termIds.length || sumOf(entityCount) !== entityIds.length) return false;
    if (3 * sumOf(timeCount) !== times.length || sumOf(tollCount) + sumOf(numberCount) !== st.figures.length) return false;

    this.reserveRecord(n);
    this.termPool = new I32Pool(Math.max(1024, termIds.length));
    this.entPool = new I32Pool(Math.max(1024, entityIds.length));
    this.timePool = new I32Pool(Math.max(1024, times.length));
    this.figPool = new F64Pool(Math.max(256, st.figures.length));
    const tp = this.termPool.a;
    const ep = this.entPool.a;
    const mp = this.timePool.a;
    const fp = this.figPool.a;
    let tk = 0;
    let ek = 0;
    let mk = 0;
    let fk = 0;
    let id = 1;
    let sinceYield = 0;
    for (let a = 0; a < st.files.length; a++) {
      if (sinceYield >= STEP_PASSAGES) {
        sinceYield = 0;
        yield;
      }
      sinceYield += perFile[a];
      const file = st.files[a];
      if (typeof file !== 'string' || file === '' || this.articles.has(file)) return false;
      const outlet = st.outlets[a];
      if (typeof outlet !== 'string') return false;
      this.articles.set(file, { first: id, count: perFile[a], outlet });
      for (const end = id + perFile[a]; id < end; id++) {
        const r = id - 1;
        this.recFile.push(file);
        this.recPassage[id] = passage[r];
        const tn = termCount[r];
        if (tn < 0 || tn > STORED_TERMS) return false;
        this.termOff[id] = tk;
        this.termLen[id] = tn;
        let prev = 0;
        for (let k = 0; k < tn; k++, tk++) {
          const t = prev + termIds[tk];
          if (t >= nTerms || (k > 0 ? t <= prev : t < 0)) return false;
          tp[tk] = t;
          prev = t;
          this.termDf[t]++;
        }
        const en = entityCount[r];
        if (en < 0) return false;
        this.entOff[id] = ek;
        this.entLen[id] = en;
        for (let k = 0; k < en; k++, ek++) {
          const e = entityIds[ek];
          if (e < 0 || e >= nEnts) return false;
          ep[ek] = e;
          this.entDf[e]++;
        }
        const mn = timeCount[r];
        if (mn < 0 || mn > MAX_TIMES) return false;
        this.timeOff[id] = mk;
        this.timeLen[id] = 3 * mn;
        for (let k = 0; k < 3 * mn; k += 3, mk += 3) {
          mp[mk] = times[mk];
          mp[mk + 1] = times[mk] + times[mk + 1];
          mp[mk + 2] = times[mk + 2];
        }
        const fn = tollCount[r] + numberCount[r];
        if (tollCount[r] < 0 || numberCount[r] < 0) return false;
        this.figOff[id] = fk;
        this.tollLen[id] = tollCount[r];
        this.numLen[id] = numberCount[r];
        for (let k = 0; k < fn; k++, fk++) {
          const x = st.figures[fk];
          if (typeof x !== 'number') return false;
          fp[fk] = x;
        }
        this.liveTerms += tn;
      }
    }
    this.termPool.n = tk;
    this.entPool.n = ek;
    this.timePool.n = mk;
    this.figPool.n = fk;
    this.live = n;
    this.nextId = n + 1;

    yield;
    const quoteRecords = yield* unpackIntsSteps(st.quoteRecords);
    const quoteCount = yield* unpackIntsSteps(st.quoteCount);
    const shingleCount = yield* unpackIntsSteps(st.shingleCount);
    const shingles = yield* unpackIntsSteps(st.shingles);
    if (!quoteRecords || !quoteCount || !shingleCount || !shingles || quoteCount.length !== quoteRecords.length) return false;
    if (sumOf(quoteCount) !== st.quoteTexts.length || shingleCount.length !== st.quoteTexts.length) return false;
    if (sumOf(shingleCount) !== shingles.length) return false;
    let qk = 0;
    let sk = 0;
    let prevRecord = -1;
    for (let i = 0; i < quoteRecords.length; i++) {
      const r = quoteRecords[i];
      if (r <= prevRecord || r >= n || quoteCount[i] <= 0) return false;
      prevRecord = r;
      const qs: Quote[] = [];
      for (let j = 0; j < quoteCount[i]; j++, qk++) {
        const text = st.quoteTexts[qk];
        const c = shingleCount[qk];
        if (typeof text !== 'string' || c < 0) return false;
        qs.push({ text, shingles: Array.from(shingles.subarray(sk, sk + c)) });
        sk += c;
      }
      this.quotes.set(r + 1, qs);
      if ((i + 1) % STEP_QUOTES === 0) yield;
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------------

  /** Makes room for passage id `id` in every column. */
  private reserveRecord(id: number): void {
    if (id < this.recPassage.length) return;
    const n = Math.max(id + 1, this.recPassage.length * 2);
    this.recPassage = grownI32(this.recPassage, n);
    this.termOff = grownI32(this.termOff, n);
    this.termLen = grownI32(this.termLen, n);
    this.entOff = grownI32(this.entOff, n);
    this.entLen = grownI32(this.entLen, n);
    this.timeOff = grownI32(this.timeOff, n);
    this.timeLen = grownI32(this.timeLen, n);
    this.figOff = grownI32(this.figOff, n);
    this.tollLen = grownI32(this.tollLen, n);
    this.numLen = grownI32(this.numLen, n);
  }

  private changed(): void {
    this.version++;
  }

  private idOf(file: string, passage: number): number {
    const art = this.articles.get(file);
    if (!art) return -1;
    for (let id = art.first; id < art.first + art.count; id++) if (this.recPassage[id] === passage) return id;
    return -1;
  }

  /** Gives back the spare room growth left in the columns (they double as a bulk build fills them). */
  private trim(): void {
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

  /** Brings the posting lists up to date: a side index for a few new passages, a rebuild for many. */
  private ensurePostings(): void {
    const fresh = this.nextId - this.builtUpTo;
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
      const tp = this.termPool.a;
      for (let id = this.freshUpTo; id < this.nextId; id++) {
        if (this.recFile[id] === '') continue;
        for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) {
          const list = postings.get(tp[k]);
          if (list) list.push(id);
          else postings.set(tp[k], [id]);
        }
        for (const q of this.quotes.get(id) ?? [])
          for (const sh of q.shingles) {
            const list = quotes.get(sh);
            if (list) list.push(id);
            else quotes.set(sh, [id]);
          }
      }
      this.freshUpTo = this.nextId;
      return;
    }
    runToEnd(this.buildPostingsSteps());
  }

  /**
   * Builds the posting lists and the quotation index for the first query ahead of it, in steps of a few ms
   * (at 10k articles the build is ~0.2 s): run `next()` until `done`. Queries work without it (they build
   * what they need at once); one made in between is fine. Edits in between make it start over (twice at
   * most, then it leaves the build to the next query).
   */
  *prepareQueriesSteps(): Generator<void, void, void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = this.nextId - this.builtUpTo;
      if (this.postStart && fresh === 0 && this.deadBuilt === 0) return;
      // A few new passages go to the side lists as a query would put them, at no real cost.
      if (this.postStart && fresh <= STEP_PASSAGES && this.deadBuilt <= Math.max(1000, this.postIds.length / 4)) {
        this.ensurePostings();
        return;
      }
      if (yield* this.buildPostingsSteps()) return;
    }
  }

  /**
   * Rebuilds the posting lists and quotation index over all live passages, pausing between slices of
   * passages; false (nothing installed) when the index was edited during a pause.
   */
  private *buildPostingsSteps(): Generator<void, boolean, void> {
    const version = this.version;
    const end = this.nextId;
    const nT = this.termStr.length;
    const start = new Int32Array(nT + 1);
    for (let from = 1; from < end; from += STEP_PASSAGES) {
      if (from > 1) {
        yield;
        if (this.version !== version) return false;
      }
      // Read after every pause: a query in between may trim the pools into new arrays (same contents).
      const tp = this.termPool.a;
      for (let id = from, stop = Math.min(end, from + STEP_PASSAGES); id < stop; id++) {
        if (this.recFile[id] === '') continue;
        for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) start[tp[k] + 1]++;
      }
    }
    for (let t = 0; t < nT; t++) {
      if (t % STEP_SUMS === 0) {
        yield;
        if (this.version !== version) return false;
      }
      start[t + 1] += start[t];
    }
    const ids = new Int32Array(start[nT]);
    const fill = start.slice(0, nT);
    for (let from = 1; from < end; from += STEP_PASSAGES) {
      yield;
      if (this.version !== version) return false;
      const tp = this.termPool.a;
      for (let id = from, stop = Math.min(end, from + STEP_PASSAGES); id < stop; id++) {
        if (this.recFile[id] === '') continue;
        for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) ids[fill[tp[k]]++] = id;
      }
    }
    yield;
    if (this.version !== version) return false;
    const quoteIndex = yield* this.quoteIndexSteps();
    if (!quoteIndex || this.version !== version) return false;
    this.postStart = start;
    this.postIds = ids;
    [this.quoteStart, this.quoteHash, this.quoteIds] = quoteIndex;
    this.builtUpTo = end;
    this.deadBuilt = 0;
    this.freshPostings = null;
    this.freshQuotes = null;
    // Trimming copies the pools (a few ms at 10k); it only gives back spare room, so it is valid at any time.
    yield;
    this.trim();
    return true;
  }

  /** Term numbers of a time span's date keys ("@2015-09-30", "@2015-09", "@2015"), finest first; memoised. */
  private dateTerms(sp: TimeSpan): number[] {
    const key = sp.from * 4 + (sp.precision === 'day' ? 0 : sp.precision === 'month' ? 1 : 2);
    let nos = this.dateTermMemo.get(key);
    if (!nos) {
      const iso = isoOfDay(sp.from);
      nos = [];
      if (sp.precision === 'day') nos.push(this.dict.termNumber('@' + iso));
      if (sp.precision !== 'year') nos.push(this.dict.termNumber('@' + iso.slice(0, 7)));
      nos.push(this.dict.termNumber('@' + iso.slice(0, 4)));
      this.dateTermMemo.set(key, nos);
    }
    return nos;
  }

  private resetWords(): void {
    this.dateTermMemo.clear();
    this.dict.clear();
    this.termIdOfNumber.fill(-1);
    this.entTermNumber.fill(-1);
  }

  private termIdOf(termNumber: number): number {
    if (termNumber >= this.termIdOfNumber.length) {
      const ids = new Int32Array(Math.max(termNumber + 1, 2 * this.termIdOfNumber.length)).fill(-1);
      ids.set(this.termIdOfNumber);
      this.termIdOfNumber = ids;
    }
    let id = this.termIdOfNumber[termNumber];
    if (id < 0) this.termIdOfNumber[termNumber] = id = this.internTerm(this.dict.terms[termNumber]);
    return id;
  }

  private entityTermNumber(e: number): number {
    if (e >= this.entTermNumber.length) {
      const nos = new Int32Array(Math.max(e + 1, 2 * this.entTermNumber.length)).fill(-1);
      nos.set(this.entTermNumber);
      this.entTermNumber = nos;
    }
    let no = this.entTermNumber[e];
    if (no < 0) this.entTermNumber[e] = no = this.dict.termNumber(this.entToken[e]);
    return no;
  }

  /**
   * Groups every (shingle, passage) pair by the shingle's low bits: a counting sort, stable, so ids stay
   * ascending. Null when the index was edited during a pause.
   */
  private *quoteIndexSteps(): Generator<void, [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] | null, void> {
    const version = this.version;
    // Map order is insertion order, and passages are added with ascending ids.
    const entries = [...this.quotes];
    let n = 0;
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % STEP_QUOTES === 0) {
        yield;
        if (this.version !== version) return null;
      }
      for (const q of entries[i][1]) n += q.shingles.length;
    }
    let buckets = 16;
    while (buckets < n) buckets *= 2;
    const mask = buckets - 1;
    const start = new Int32Array(buckets + 1);
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && i % STEP_QUOTES === 0) {
        yield;
        if (this.version !== version) return null;
      }
      for (const q of entries[i][1]) for (const sh of q.shingles) start[(sh & mask) + 1]++;
    }
    for (let b = 0; b < buckets; b++) {
      if (b % STEP_SUMS === 0) {
        yield;
        if (this.version !== version) return null;
      }
      start[b + 1] += start[b];
    }
    const fill = start.slice(0, buckets);
    const hashes = new Int32Array(n);
    const ids = new Int32Array(n);
    for (let i = 0; i < entries.length; i++) {
      if (i % STEP_QUOTES === 0) {
        yield;
        if (this.version !== version) return null;
      }
      const [id, qs] = entries[i];
      for (const q of qs)
        for (const sh of q.shingles) {
          const k = fill[sh & mask]++;
          hashes[k] = sh;
          ids[k] = id;
        }
    }
    return [start, hashes, ids];
  }

  private internTerm(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.termStr.length;
      this.termIds.set(t, id);
      this.termStr.push(t);
      this.termSurface.push('');
      if (id >= this.termDf.length) {
        this.termDf = grownI32(this.termDf, id + 1);
        this.idfCache = grownF64(this.idfCache, this.termDf.length);
        const stamps = new Int32Array(this.termDf.length).fill(-1);
        stamps.set(this.idfStamp);
        this.idfStamp = stamps;
      }
    }
    return id;
  }

  private internEntity(key: string, text: string, mentions: EntityMention[]): number {
    let id = this.entIds.get(key);
    if (id === undefined) {
      id = this.entName.length;
      this.entIds.set(key, id);
      const m = mentions.find((x) => x.entityId === key);
      this.entName.push(m ? text.slice(m.start, m.end).replace(/['’]s$/, '') : key);
      this.entToken.push('\u00a7' + id);
      this.entDf = grownI32(this.entDf, id + 1);
    }
    return id;
  }

  private idf(df: number): number {
    const n = this.live;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Rarity of a term, cached until the index changes (queries compute it for thousands of terms). A word's rarity in
   * the workspace is blended with its rarity in news at large (the shipped word table): a small workspace cannot
   * tell a rare word from a common one by itself, a large one can, so the workspace weighs n / (n + BACKGROUND_WEIGHT).
   * Names and dates have no background: they keep their workspace rarity.
   */
  private termIdf(t: number): number {
    if (this.idfStamp[t] !== this.version) {
      this.idfStamp[t] = this.version;
      const local = this.idf(this.termDf[t]);
      const term = this.termStr[t];
      const c = term.charCodeAt(0);
      if (this.background && c !== 0xa7 && c !== 64) {
        const share = this.live / (this.live + BACKGROUND_WEIGHT);
        this.idfCache[t] = share * local + (1 - share) * this.background.backgroundIdf(term);
      } else this.idfCache[t] = local;
    }
    return this.idfCache[t];
  }

  /**
   * Rarity in news at large for words (the shipped word table, seen by stem), blended into the workspace's own;
   * null: the workspace's rarity alone.
   */
  setBackground(background: BackgroundRarity | null): void {
    if (this.background === background) return;
    this.background = background;
    this.changed();
  }

  private termWeight(id: number): number {
    const tp = this.termPool.a;
    let w = 0;
    for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) w += this.termIdf(tp[k]);
    return w;
  }

  /** All candidates for passage `rec`, rescored, best first (no threshold). */
  private score(rec: number): Scored[] {
    this.ensurePostings();
    const n = this.live;
    const file = this.recFile[rec];
    const tp = this.termPool.a;
    // Accumulate the rarity of shared terms over the posting lists of the passage's terms. Very common terms
    // only lengthen the lists and say little about an event; terms only this passage has find nothing.
    const maxDf = Math.max(100, Math.min(n * 0.05, 3000));
    const q: number[] = [];
    for (let k = this.termOff[rec], e = k + this.termLen[rec]; k < e; k++) {
      const t = tp[k];
      if (this.termDf[t] > 1 && this.termDf[t] <= maxDf) q.push(t);
    }
    q.sort((a, b) => this.termDf[a] - this.termDf[b]);
    if (q.length > QUERY_TERMS) q.length = QUERY_TERMS;
    if (this.acc.length < this.nextId) this.acc = new Float64Array(Math.max(this.nextId, this.acc.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    const start = this.postStart!;
    const ids = this.postIds;
    const fresh = this.freshPostings;
    for (const t of q) {
      const w = this.termIdf(t);
      if (t + 1 < start.length) {
        for (let k = start[t], e = start[t + 1]; k < e; k++) {
          const id = ids[k];
          if (acc[id] === 0) touched.push(id);
          acc[id] += w;
        }
      }
      const more = fresh?.get(t);
      if (more)
        for (const id of more) {
          if (acc[id] === 0) touched.push(id);
          acc[id] += w;
        }
    }
    const ranked: [number, number][] = [];
    for (const id of touched) {
      const f = this.recFile[id];
      // Shorter passages sharing as much are closer; the square root keeps long ones in the running.
      if (f !== '' && f !== file) ranked.push([id, acc[id] / Math.sqrt(this.termLen[id])]);
      acc[id] = 0;
    }
    ranked.sort((a, b) => b[1] - a[1]);
    const bm = new Map<number, number>();
    for (let i = 0; i < ranked.length && i < this.opts.candidates; i++) bm.set(ranked[i][0], ranked[i][1]);
    // Shared quotations are candidates even when the wording around them differs.
    const quotes = this.quotes.get(rec);
    if (quotes) {
      const mask = this.quoteStart.length - 2;
      const freshQuotes = this.freshQuotes;
      for (const qt of quotes)
        for (const s of qt.shingles) {
          const b = s & mask;
          for (let k = this.quoteStart[b], e = this.quoteStart[b + 1]; k < e; k++) {
            if (this.quoteHash[k] !== s) continue;
            const id = this.quoteIds[k];
            if (!bm.has(id) && this.recFile[id] !== '' && this.recFile[id] !== file) bm.set(id, 0);
          }
          const more = freshQuotes?.get(s);
          if (more) for (const id of more) if (!bm.has(id) && this.recFile[id] !== '' && this.recFile[id] !== file) bm.set(id, 0);
        }
    }
    const out: Scored[] = [];
    const a = this.view(rec);
    const qNorm = this.termWeight(rec);
    const queryArticleNorm = this.loadQueryArticle(file);
    const articleSim = new Map<string, number>();
    const idf = (t: number) => this.termIdf(t);
    const stats: PairStats = {
      termIdf: idf,
      entityIdf: (e) => this.idf(this.entDf[e]),
      termNorm: (terms) => {
        if (terms === a.terms) return qNorm;
        let w = 0;
        for (let k = 0; k < terms.length; k++) w += this.termIdf(terms[k]);
        return w;
      },
      articleSimilarity: 0,
      bestArticleSimilarity: 0,
      bestSharedWords: 0,
    };
    // First pass: the context of every candidate (its article's similarity) and the best shared word weight,
    // against which each candidate is also ranked.
    const views: PassageView[] = [];
    const viewOf = new Map<number, PassageView>();
    const candidateIds: number[] = [];
    for (const id of bm.keys()) {
      const f = this.recFile[id];
      if (f === '') continue;
      let sim = articleSim.get(f);
      if (sim === undefined) articleSim.set(f, (sim = this.articleCosine(f, queryArticleNorm)));
      if (sim > stats.bestArticleSimilarity) stats.bestArticleSimilarity = sim;
      const v = this.view(id);
      const shared = sharedWordWeight(a.terms, v.terms, idf);
      if (shared > stats.bestSharedWords) stats.bestSharedWords = shared;
      views.push(v);
      viewOf.set(id, v);
      candidateIds.push(id);
    }
    for (let k = 0; k < candidateIds.length; k++) {
      stats.articleSimilarity = articleSim.get(this.recFile[candidateIds[k]])!;
      const pair = scorePair(a, views[k], stats, this.model);
      // A passage repeated nearly word for word in another article is the same report (wire copy, a quoted
      // paragraph): it links whatever the fitted model makes of its position (the model, fitted on leads linking
      // to leads, scores a copied middle paragraph below the cut-off). Furniture is still screened out below.
      const score = termJaccard(a.terms, views[k].terms) >= NEAR_IDENTICAL ? Math.max(pair.score, this.model.cutoff) : pair.score;
      out.push({ id: candidateIds[k], score, pair });
    }
    out.sort((x, y) => y.score - x.score || x.id - y.id);
    // Furniture never links; a duplicate of the asked article goes last, marked, never as coverage.
    const noise = screenNoise(
      a.terms,
      this.articles.get(file)?.outlet ?? '',
      out.map((s) => ({
        file: this.recFile[s.id],
        outlet: this.articles.get(this.recFile[s.id])?.outlet ?? '',
        terms: viewOf.get(s.id)!.terms,
        articleSimilarity: s.pair.features[4],
      })),
    );
    if (noise.queryIsFurniture) return [];
    const kept: Scored[] = [];
    const duplicates: Scored[] = [];
    out.forEach((s, k) => {
      if (noise.furniture.has(k)) return;
      if (noise.duplicate.has(k)) duplicates.push({ ...s, duplicate: true });
      else kept.push(s);
    });
    return kept.concat(duplicates);
  }

  /** Candidates of a passage with their feature values, best first, no cut-off (for fitting the weights). */
  candidates(file: string, passage: number): { file: string; passage: number; score: number; features: number[] }[] {
    const id = this.idOf(file, passage);
    if (id < 0) return [];
    return this.score(id).map((s) => ({
      file: this.recFile[s.id],
      passage: this.recPassage[s.id],
      score: s.score,
      features: Array.from(s.pair.features),
    }));
  }

  private tollsOf(id: number): number[] {
    const o = this.figOff[id];
    return Array.from(this.figPool.a.subarray(o, o + this.tollLen[id]));
  }

  private numbersOf(id: number): number[] {
    const o = this.figOff[id] + this.tollLen[id];
    return Array.from(this.figPool.a.subarray(o, o + this.numLen[id]));
  }

  /** A passage's columns as scorePair reads them (views, not copies). */
  private view(id: number): PassageView {
    const file = this.recFile[id];
    return {
      terms: this.termPool.a.subarray(this.termOff[id], this.termOff[id] + this.termLen[id]),
      entities: this.entPool.a.subarray(this.entOff[id], this.entOff[id] + this.entLen[id]),
      times: this.timePool.a.subarray(this.timeOff[id], this.timeOff[id] + this.timeLen[id]),
      tolls: this.tollLen[id] ? this.tollsOf(id) : NO_NUMBERS,
      numbers: this.numLen[id] ? this.numbersOf(id) : NO_NUMBERS,
      quotes: this.quotes.get(id),
      lead: this.articles.get(file)?.first === id,
    };
  }

  /**
   * The article's vocabulary (distinct terms of all its passages) as rarity weights in `artWeight`, and its norm;
   * `artStamp` marks the terms set for the current query article.
   */
  private loadQueryArticle(file: string): number {
    const art = this.articles.get(file);
    this.artQuery++;
    if (!art) return 0;
    if (this.artWeight.length < this.termStr.length) {
      this.artWeight = new Float64Array(Math.max(this.termStr.length, 2 * this.artWeight.length));
      const stamps = new Int32Array(this.artWeight.length);
      stamps.set(this.artStamp);
      this.artStamp = stamps;
      this.artSeen = new Int32Array(this.artWeight.length);
    }
    const tp = this.termPool.a;
    let norm = 0;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (this.recFile[id] === '') continue;
      for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) {
        const t = tp[k];
        if (this.artStamp[t] === this.artQuery) continue;
        this.artStamp[t] = this.artQuery;
        const w = this.termIdf(t);
        this.artWeight[t] = w;
        norm += w * w;
      }
    }
    return Math.sqrt(norm);
  }

  /** Cosine of an article's vocabulary with the loaded query article's (loadQueryArticle). */
  private articleCosine(file: string, queryNorm: number): number {
    const art = this.articles.get(file);
    if (!art || queryNorm === 0) return 0;
    const tp = this.termPool.a;
    const mark = ++this.artSeenMark;
    let dot = 0;
    let norm = 0;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (this.recFile[id] === '') continue;
      for (let k = this.termOff[id], e = k + this.termLen[id]; k < e; k++) {
        const t = tp[k];
        if (this.artSeen[t] === mark) continue;
        this.artSeen[t] = mark;
        const w = this.termIdf(t);
        norm += w * w;
        if (this.artStamp[t] === this.artQuery) dot += w * this.artWeight[t];
      }
    }
    return norm > 0 ? dot / (queryNorm * Math.sqrt(norm)) : 0;
  }

  private explain(s: Scored): PassageLink {
    const b = s.id;
    const entities = s.pair.sharedEntities.sort((x, y) => this.entDf[x] - this.entDf[y]).map((e) => this.entName[e]);
    const words = s.pair.sharedTerms
      .filter((t) => !/^[\u00a7@]/.test(this.termStr[t]))
      .sort((x, y) => this.termDf[x] - this.termDf[y])
      .map((t) => this.termSurface[t] || this.termStr[t]);
    const { reason, shared } = s.duplicate
      ? { reason: 'duplicate: the same article under another file name', shared: [] }
      : reasonInWords(s.pair, entities, words);
    const link: PassageLink = {
      file: this.recFile[b],
      passage: this.recPassage[b],
      score: round(s.score),
      reason,
      shared,
      features: Array.from(s.pair.features),
    };
    if (s.duplicate) link.duplicate = true;
    return link;
  }
}

const NO_NUMBERS: number[] = [];

function sumOf(xs: Int32Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Runs stepwise work to its end in one go. */
function* restoreSteps(state: unknown): Generator<void, EventIndex | null, void> {
  if (!state || typeof state !== 'object') return null;
  const st = state as EventIndexState;
  if (st.format !== STATE_FORMAT || st.version !== STATE_VERSION || st.model !== STATE_MODEL) return null;
  for (const k of ['terms', 'surfaces', 'entities', 'entityNames', 'files', 'outlets', 'figures', 'quoteTexts'] as const) {
    if (!Array.isArray(st[k])) return null;
  }
  if (!Number.isInteger(st.candidates) || st.candidates < 0) return null;
  // The model (weights, cut-off) is the code's, never the cache's; a state from another model has another version.
  const index = new EventIndex({ candidates: st.candidates });
  // `load` is private to instances; restoring is the one place it runs.
  const loaded = yield* (index as unknown as { loadSteps(s: EventIndexState): Generator<void, boolean, void> }).loadSteps(st);
  return loaded ? index : null;
}

// ---------------------------------------------------------------------------------------------------
// Integer columns packed into strings: zigzag varints, 5 bits a character over a URL-safe alphabet (no JSON
// escaping); the last character of a number is in the lower half of the alphabet, others in the upper.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_OF = (() => {
  const d = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) d[ALPHABET.charCodeAt(i)] = i;
  return d;
})();
const CODE_OF = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

class IntWriter {
  private buf = new Uint8Array(256);
  private n = 0;
  private parts: string[] = [];

  put(x: number): void {
    let z = ((x << 1) ^ (x >> 31)) >>> 0;
    if (this.n + 7 > this.buf.length) this.flush();
    while (z >= 32) {
      this.buf[this.n++] = CODE_OF[32 | (z & 31)];
      z >>>= 5;
    }
    this.buf[this.n++] = CODE_OF[z];
  }

  private flush(): void {
    this.parts.push(String.fromCharCode.apply(null, this.buf.subarray(0, this.n) as unknown as number[]));
    this.n = 0;
    if (this.buf.length < 8192) this.buf = new Uint8Array(this.buf.length * 4);
  }

  done(): string {
    this.flush();
    return this.parts.join('');
  }

  /** `done()`, joining the parts a slice at a time. */
  *doneSteps(): Generator<void, string, void> {
    this.flush();
    const joined: string[] = [];
    for (let i = 0; i < this.parts.length; i += 64) {
      joined.push(this.parts.slice(i, i + 64).join(''));
      yield;
    }
    return joined.join('');
  }
}

/** The numbers `IntWriter` packed, or null when the string is not such a packing; pauses every STEP_CHARS characters. */
function* unpackIntsSteps(s: unknown): Generator<void, Int32Array | null, void> {
  if (typeof s !== 'string') return null;
  let count = 0;
  for (let from = 0; from < s.length; from += STEP_CHARS) {
    if (from > 0) yield;
    for (let i = from, end = Math.min(s.length, from + STEP_CHARS); i < end; i++) {
      const c = s.charCodeAt(i);
      const d = c < 128 ? DIGIT_OF[c] : -1;
      if (d < 0) return null;
      if (d < 32) count++;
    }
  }
  const out = new Int32Array(count);
  let z = 0;
  let shift = 0;
  let k = 0;
  for (let from = 0; from < s.length; from += STEP_CHARS) {
    if (from > 0) yield;
    for (let i = from, end = Math.min(s.length, from + STEP_CHARS); i < end; i++) {
      const d = DIGIT_OF[s.charCodeAt(i)];
      if (shift > 30) return null;
      z |= (d & 31) << shift;
      if (d < 32) {
        out[k++] = (z >>> 1) ^ -(z & 1);
        z = 0;
        shift = 0;
      } else shift += 5;
    }
  }
  if (shift !== 0) return null;
  return out;
}
interface Scored {
  id: number;
  score: number;
  pair: PairScore;
  /** The same article as the asked one under another name: listed last, never as coverage. */
  duplicate?: boolean;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function publicationSpans(ref: TimeRef): TimeSpan[] {
  if (ref.day !== null) return [{ from: ref.day - PUB_WINDOW, to: ref.day, precision: 'day' }];
  if (ref.year !== null) {
    const from = Math.floor(Date.UTC(ref.year, 0, 1) / 86400000);
    const to = Math.floor(Date.UTC(ref.year + 1, 0, 1) / 86400000) - 1;
    return [{ from, to, precision: 'year' }];
  }
  return [];
}

/**
 * The times a passage's event may be at. A passage that names a day (or a weekday resolved against the
 * publication date) is about that day; otherwise it is about the periods it names and, as the news usually
 * is, the days just before publication.
 */
function packTimes(spans: TimeSpan[], pub: TimeSpan[]): number[] {
  const flat: number[] = [];
  // Distinct (from, to, flags) triples in order; false once there are enough. Comparing two passages' times is
  // pairwise; a passage naming more distinct times than this is a chronology, not an event report, and its
  // first ones are enough.
  const add = (s: TimeSpan, f: number): boolean => {
    for (let k = 0; k < flat.length; k += 3) if (flat[k] === s.from && flat[k + 1] === s.to && flat[k + 2] === f) return true;
    flat.push(s.from, s.to, f);
    return flat.length < 3 * MAX_TIMES;
  };
  if (spans.some((s) => s.precision === 'day')) {
    for (const s of spans) if (s.precision === 'day' && !add(s, TIME_DAY)) break;
  } else {
    let room = true;
    for (const s of spans) if (!(room = add(s, 0))) break;
    if (room) for (const s of pub) if (!add(s, TIME_PUB)) break;
  }
  return flat;
}

/** Offset of a front-matter title in the text (before the body), or -1: the title then counts towards the lead. */
function frontMatterTitleAt(text: string, title: string, bodyStart: number): number {
  if (bodyStart <= 0) return -1;
  const at = text.lastIndexOf(title, bodyStart);
  return at >= 0 && at + title.length <= bodyStart ? at : -1;
}
