// Same event across outlets: for a passage, the passages of other articles that tell the same event.
//
// Candidates come from an inverted index over passages whose names are replaced by entity tokens (rarity-
// weighted term overlap, BM25's idf without its per-posting bookkeeping), plus passages sharing a quotation;
// nothing is compared all-pairs. A MiniSearch query here cost ~1 µs per posting (result objects, match maps),
// which made `related` the slowest call in the extension; plain integer postings are ~50x cheaper and smaller. Each candidate is then rescored with
// what makes an event an event and not just a topic: when it happened (explicit and relative dates beat the
// publication date), who and where (entities weighted by rarity), the figures (death tolls), and shared
// quotations. Scores under a calibrated threshold are dropped: no link is better than a weak one.

import type { ArticleMeta, Passage } from '../types';
import { isoOfDay, readEventDates, timeRefOf, type TimeRef, type TimeSpan } from './dates';
import {
  fallbackMentions,
  passageTerms,
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
}

export interface RelatedArticle {
  file: string;
  score: number;
  /** How many passages of the asked article link into this one. */
  passages: number;
}

/** Tuning knobs; the defaults are calibrated on the FA-KES labelled incidents (see test/bench/events-eval). */
export interface EventIndexOptions {
  /** Links scoring below this are not returned. */
  threshold?: number;
  /** BM25 candidates rescored per query. */
  candidates?: number;
}

const DEFAULTS: Required<EventIndexOptions> = { threshold: 0.04, candidates: 100 };

/**
 * A link strong enough to announce unasked (the "Also in" CodeLens), as opposed to listing it when the reader asks.
 * On the sample, whose three 2024 articles tell one story, 38% of passages reach it; true FA-KES matches score higher.
 */
export const STRONG_LINK_SCORE = 0.15;

/** Query terms per passage: the rarest ones carry the event; common ones only cost time. */
const QUERY_TERMS = 32;
/** Terms kept per passage (distinct, most frequent first) for querying and for explaining a link. */
const STORED_TERMS = 64;
/** Days before its publication in which an undated passage's event is taken to have happened. */
const PUB_WINDOW = 3;
/** Distinct times kept per passage. */
const MAX_TIMES = 24;

interface PassageRec {
  id: number;
  file: string;
  passage: number;
  /** Term ids, distinct. */
  terms: Int32Array;
  /** Entity ids (interned), distinct. */
  entities: Int32Array;
  /** Time spans flattened: from, to, flags (bit0: day precision, bit1: from the article date, not the text). */
  times: Int32Array;
  tolls: number[];
  numbers: number[];
  quotes: Quote[];
}

interface ArticleRec {
  file: string;
  ids: number[];
  /** Passage index → record id (-1 for boilerplate or empty passages). */
  byPassage: Map<number, number>;
}

const EMPTY_I32 = new Int32Array(0);
const F_DAY = 1;
const F_PUB = 2;

export class EventIndex {
  private readonly opts: Required<EventIndexOptions>;
  /** Term id → passage ids holding it (removed passages are skipped, then swept out in bulk). */
  private readonly postings: number[][] = [];
  private deadPostings = 0;
  private readonly idfCache: number[] = [];
  private readonly idfStamp: number[] = [];
  private livePostings = 0;
  /** Scratch accumulator indexed by passage id, reused across queries. */
  private acc = new Float64Array(1024);
  private readonly recs = new Map<number, PassageRec>();
  private readonly articles = new Map<string, ArticleRec>();
  private nextId = 1;
  // Term and entity dictionaries with passage frequencies (for rarity weights).
  private readonly termIds = new Map<string, number>();
  private readonly termStr: string[] = [];
  /** A word as written for each term (terms are stems: "offensi"); reasons show this instead. */
  private readonly termSurface: string[] = [];
  private readonly termDf: number[] = [];
  private readonly entIds = new Map<string, number>();
  private readonly entName: string[] = [];
  private readonly entDf: number[] = [];
  /** Quotation shingle → passages quoting it. */
  private readonly quoteIndex = new Map<number, Set<number>>();
  private version = 0;
  private articleCache = new Map<string, { version: number; value: RelatedArticle[] }>();

  constructor(options: EventIndexOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.articles.size;
  }

  get passageCount(): number {
    return this.recs.size;
  }

  /** Add or replace one article. */
  setArticle(input: EventArticleInput): void {
    this.removeArticle(input.file);
    const { text, file } = input;
    const ref = timeRefOf(input.meta.date, text);
    const mentions = (input.mentions.length ? [...input.mentions] : fallbackMentions(text, 0, text.length)).sort(
      (a, b) => a.start - b.start,
    );
    const art: ArticleRec = { file, ids: [], byPassage: new Map() };
    const pubSpans = publicationSpans(ref);
    let mi = 0;
    for (const p of input.passages) {
      if (p.kind === 'boilerplate') continue;
      while (mi < mentions.length && mentions[mi].end <= p.start) mi++;
      const pm: EntityMention[] = [];
      for (let k = mi; k < mentions.length && mentions[k].start < p.end; k++) {
        if (mentions[k].start >= p.start && mentions[k].end <= p.end) pm.push(mentions[k]);
      }
      const entSet = new Set<number>();
      const surfaces = new Map<string, string>();
      const tokens = passageTerms(
        text,
        p.start,
        p.end,
        pm,
        (id) => {
          const e = this.internEntity(id, text, pm);
          entSet.add(e);
          return '\u00a7' + e;
        },
        surfaces,
      );
      if (tokens.length < 3) continue; // headings, bylines, captions: nothing to link on
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      // Dates the passage names become terms too, at every precision ("30 September 2015" also counts as
      // "2015"), so that two passages naming the same past day or year find each other, weighted by how rare
      // that date is in the corpus ("since 2011" is everywhere; "30 September 2015" is not).
      const spans = readEventDates(text, p.start, p.end, ref);
      for (const sp of spans) {
        const iso = isoOfDay(sp.from);
        const keys = sp.precision === 'day' ? [iso, iso.slice(0, 7), iso.slice(0, 4)] : sp.precision === 'month' ? [iso.slice(0, 7), iso.slice(0, 4)] : [iso.slice(0, 4)];
        for (const k of keys) tf.set('@' + k, 1);
      }
      const distinct = [...tf.entries()].sort((a, b) => b[1] - a[1]).slice(0, STORED_TERMS);
      const termIds = new Int32Array(distinct.length);
      distinct.forEach(([t], i) => {
        termIds[i] = this.internTerm(t);
        this.termDf[termIds[i]]++;
        if (!this.termSurface[termIds[i]]) this.termSurface[termIds[i]] = surfaces.get(t) ?? '';
      });
      termIds.sort(); // sorted, so two passages' terms intersect by merging
      const entities = Int32Array.from(entSet);
      for (const e of entities) this.entDf[e]++;
      const rec: PassageRec = {
        id: this.nextId++,
        file,
        passage: p.index,
        terms: termIds,
        entities: entities.length ? entities : EMPTY_I32,
        times: packTimes(spans, pubSpans),
        ...readFigures(text, p.start, p.end),
        quotes: readQuotes(text, p.start, p.end),
      };
      for (const q of rec.quotes) for (const s of q.shingles) {
        let set = this.quoteIndex.get(s);
        if (!set) this.quoteIndex.set(s, (set = new Set()));
        set.add(rec.id);
      }
      this.recs.set(rec.id, rec);
      art.ids.push(rec.id);
      art.byPassage.set(p.index, rec.id);
      for (const t of termIds) this.postings[t].push(rec.id);
      this.livePostings += termIds.length;
    }
    this.articles.set(file, art);
    this.version++;
  }

  removeArticle(file: string): void {
    const art = this.articles.get(file);
    if (!art) return;
    for (const id of art.ids) {
      const rec = this.recs.get(id);
      if (!rec) continue;
      for (const t of rec.terms) this.termDf[t]--;
      for (const e of rec.entities) this.entDf[e]--;
      for (const q of rec.quotes) for (const s of q.shingles) {
        const set = this.quoteIndex.get(s);
        set?.delete(id);
        if (set && !set.size) this.quoteIndex.delete(s);
      }
      this.recs.delete(id);
      this.deadPostings += rec.terms.length;
      this.livePostings -= rec.terms.length;
    }
    this.articles.delete(file);
    this.version++;
    if (this.deadPostings > 1000 && this.deadPostings > this.livePostings / 4) this.sweep();
  }

  /** Drops removed passages from the posting lists once they make up a quarter of them. */
  private sweep(): void {
    for (let t = 0; t < this.postings.length; t++) {
      const list = this.postings[t];
      if (list.length) this.postings[t] = list.filter((id) => this.recs.has(id));
    }
    this.deadPostings = 0;
  }

  /** Passages of other articles telling the same event as passage `passage` of `file`, best first. */
  related(file: string, passage: number, limit = 10): PassageLink[] {
    const id = this.articles.get(file)?.byPassage.get(passage);
    const rec = id === undefined ? undefined : this.recs.get(id);
    if (!rec) return [];
    const scored = this.score(rec);
    const out: PassageLink[] = [];
    for (const s of scored) {
      if (s.score < this.opts.threshold) break;
      out.push(this.explain(rec, s));
      if (out.length >= limit) break;
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
    for (const id of art.ids) {
      const rec = this.recs.get(id)!;
      const seen = new Set<string>();
      for (const s of this.score(rec)) {
        if (s.score < this.opts.threshold) break;
        const f = this.recs.get(s.id)!.file;
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

  // -------------------------------------------------------------------------------------------------

  private internTerm(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.termStr.length;
      this.termIds.set(t, id);
      this.termStr.push(t);
      this.termSurface.push('');
      this.termDf.push(0);
      this.postings.push([]);
      this.idfCache.push(0);
      this.idfStamp.push(-1);
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
      this.entDf.push(0);
    }
    return id;
  }

  private idf(df: number): number {
    const n = this.recs.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Rarity of a term, cached until the index changes (queries compute it for thousands of terms). */
  private termIdf(t: number): number {
    if (this.idfStamp[t] !== this.version) {
      this.idfStamp[t] = this.version;
      this.idfCache[t] = this.idf(this.termDf[t]);
    }
    return this.idfCache[t];
  }

  private termWeight(terms: Int32Array): number {
    let w = 0;
    for (const t of terms) w += this.termIdf(t);
    return w;
  }

  /**
   * Rarity-weighted overlap of two passages' terms, cosine-normalised: symmetric, so both sides of an event
   * see the same similarity, and a long passage is not penalised for covering more than the shared event.
   */
  private termCosine(a: Int32Array, aNorm: number, b: Int32Array): number {
    let i = 0;
    let j = 0;
    let shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        shared += this.termIdf(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    if (shared === 0) return 0;
    return shared / Math.sqrt(aNorm * this.termWeight(b));
  }

  /** All candidates for `rec`, rescored, best first (no threshold). */
  private score(rec: PassageRec): Scored[] {
    const n = this.recs.size;
    // Accumulate the rarity of shared terms over the posting lists of the passage's terms. Very common terms
    // only lengthen the lists and say little about an event; terms only this passage has find nothing.
    const maxDf = Math.max(100, Math.min(n * 0.05, 3000));
    const q = [...rec.terms]
      .filter((t) => this.termDf[t] > 1 && this.termDf[t] <= maxDf)
      .sort((a, b) => this.termDf[a] - this.termDf[b])
      .slice(0, QUERY_TERMS);
    if (this.acc.length < this.nextId) {
      const grown = new Float64Array(Math.max(this.nextId, this.acc.length * 2));
      this.acc = grown;
    }
    const acc = this.acc;
    const touched: number[] = [];
    for (const t of q) {
      const w = this.termIdf(t);
      for (const id of this.postings[t]) {
        if (acc[id] === 0) touched.push(id);
        acc[id] += w;
      }
    }
    const ranked: [number, number][] = [];
    for (const id of touched) {
      const c = this.recs.get(id);
      // Shorter passages sharing as much are closer; the square root keeps long ones in the running.
      if (c && c.file !== rec.file) ranked.push([id, acc[id] / Math.sqrt(c.terms.length)]);
      acc[id] = 0;
    }
    ranked.sort((a, b) => b[1] - a[1]);
    const bm = new Map<number, number>();
    for (const [id, sc] of ranked.slice(0, this.opts.candidates)) bm.set(id, sc);
    // Shared quotations are candidates even when the wording around them differs.
    for (const qt of rec.quotes) for (const s of qt.shingles) {
      for (const id of this.quoteIndex.get(s) ?? []) if (!bm.has(id) && this.recs.get(id)?.file !== rec.file) bm.set(id, 0);
    }
    const out: Scored[] = [];
    const qNorm = this.termWeight(rec.terms);
    for (const id of bm.keys()) {
      const c = this.recs.get(id);
      if (!c) continue;
      out.push(this.rescore(rec, c, this.termCosine(rec.terms, qNorm, c.terms)));
    }
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out;
  }

  private rescore(a: PassageRec, b: PassageRec, termSim: number): Scored {
    // Entities: rarity-weighted overlap, cosine-like so long passages do not win by size alone.
    let wa = 0;
    let wb = 0;
    let ws = 0;
    const shared: number[] = [];
    const bset = new Set(b.entities);
    for (const e of a.entities) {
      const w = this.idf(this.entDf[e]);
      wa += w;
      if (bset.has(e)) {
        ws += w;
        shared.push(e);
      }
    }
    for (const e of b.entities) wb += this.idf(this.entDf[e]);
    const entSim = wa > 0 && wb > 0 ? ws / Math.sqrt(wa * wb) : 0;

    const time = timeRelation(a.times, b.times);
    const tolls = sharedFigures(a.tolls, b.tolls, 0.25);
    const numbers = sharedFigures(
      a.numbers.filter((x) => x >= 10),
      b.numbers.filter((x) => x >= 10),
      0,
    );
    let quote: Quote | null = null;
    if (a.quotes.length && b.quotes.length) {
      const bs = new Set<number>();
      for (const q of b.quotes) for (const s of q.shingles) bs.add(s);
      quote = a.quotes.find((q) => q.shingles.some((s) => bs.has(s))) ?? null;
    }
    const base =
      0.5 * termSim +
      0.3 * entSim +
      (tolls.exact.length ? 0.12 : tolls.near.length ? 0.06 : 0) +
      Math.min(0.08, 0.04 * numbers.exact.length) +
      (quote ? 0.3 : 0);
    // Both passages naming the same day (or period) in their text is stronger than publication dates agreeing.
    const score = round(base * time.factor * (1 + time.boost));
    return { id: b.id, score, termSim, shared, time, tolls, numbers: numbers.exact, quote };
  }

  private explain(a: PassageRec, s: Scored): PassageLink {
    const b = this.recs.get(s.id)!;
    const parts: string[] = [];
    if (s.time.label) parts.push(s.time.label);
    const names = s.shared
      .sort((x, y) => this.entDf[x] - this.entDf[y])
      .slice(0, 5)
      .map((e) => this.entName[e]);
    // Shared content words explain a link that names alone do not (e.g. "chemical", "convoy").
    const bterms = new Set(b.terms);
    const words = [...a.terms]
      .filter((t) => bterms.has(t) && !/^[\u00a7@]/.test(this.termStr[t]))
      .sort((x, y) => this.termDf[x] - this.termDf[y])
      .slice(0, Math.max(0, 5 - names.length))
      .map((t) => this.termSurface[t] || this.termStr[t]);
    const sharedAll = [...names, ...words];
    if (sharedAll.length) parts.push('shared: ' + sharedAll.join(', '));
    if (s.tolls.exact.length) parts.push('toll ' + s.tolls.exact.join(', '));
    else if (s.tolls.near.length) parts.push('tolls ' + s.tolls.near.map(([x, y]) => `${x}/${y}`).join(', '));
    if (s.numbers.length) parts.push('figures ' + s.numbers.slice(0, 3).join(', '));
    if (s.quote) parts.push(`quote “${s.quote.text}”`);
    return { file: b.file, passage: b.passage, score: s.score, reason: parts.join('; '), shared: sharedAll };
  }
}

interface TimeRelation {
  factor: number;
  /** Extra weight when both passages name the shared time in their own text. */
  boost: number;
  label: string;
}

interface Scored {
  id: number;
  score: number;
  termSim: number;
  shared: number[];
  time: TimeRelation;
  tolls: { exact: number[]; near: [number, number][] };
  numbers: number[];
  quote: Quote | null;
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
function packTimes(spans: TimeSpan[], pub: TimeSpan[]): Int32Array {
  const days = spans.filter((s) => s.precision === 'day');
  const chosen: [TimeSpan, number][] = days.length
    ? days.map((s) => [s, F_DAY])
    : [...spans.map((s): [TimeSpan, number] => [s, 0]), ...pub.map((s): [TimeSpan, number] => [s, F_PUB])];
  const seen = new Set<string>();
  const flat: number[] = [];
  for (const [s, f] of chosen) {
    const k = `${s.from}:${s.to}:${f}`;
    if (seen.has(k)) continue;
    seen.add(k);
    flat.push(s.from, s.to, f);
    // Comparing two passages' times is pairwise; a passage naming more distinct times than this is a
    // chronology, not an event report, and its first ones are enough.
    if (flat.length >= 3 * MAX_TIMES) break;
  }
  return flat.length ? Int32Array.from(flat) : EMPTY_I32;
}

/** How compatible two passages' times are: 1 for the same day, falling fast with the gap between them. */
function timeRelation(a: Int32Array, b: Int32Array): TimeRelation {
  if (!a.length || !b.length) return { factor: 0.6, boost: 0, label: '' };
  let best = Infinity;
  let bestExact = false;
  let bestPair: [number, number, number, number] = [0, 0, 0, 0];
  let boost = 0;
  for (let i = 0; i < a.length; i += 3) {
    for (let j = 0; j < b.length; j += 3) {
      const gap = Math.max(0, Math.max(a[i], b[j]) - Math.min(a[i + 1], b[j + 1]));
      const exact = (a[i + 2] & F_DAY) !== 0 && (b[j + 2] & F_DAY) !== 0;
      if (gap === 0 && !(a[i + 2] & F_PUB) && !(b[j + 2] & F_PUB)) {
        const fine = a[i + 1] - a[i] < 31 && b[j + 1] - b[j] < 31;
        boost = Math.max(boost, exact ? 0.6 : fine ? 0.4 : 0.25);
      }
      if (gap < best || (gap === best && exact && !bestExact)) {
        best = gap;
        bestExact = exact;
        bestPair = [a[i], a[i + 1], b[j], b[j + 1]];
      }
    }
  }
  const factor =
    best === 0 ? (bestExact ? 1 : 0.85) : best <= 1 ? 0.8 : best <= 2 ? 0.6 : best <= 4 ? 0.4 : best <= 7 ? 0.2 : best <= 31 ? 0.08 : 0.02;
  let label = '';
  if (best === 0 && bestExact) label = 'same date ' + isoOfDay(Math.max(bestPair[0], bestPair[2]));
  else if (best === 0) {
    // Name the shared time at the precision of the coarser side: a day inside "2015" is "2015".
    const width = Math.max(bestPair[1] - bestPair[0], bestPair[3] - bestPair[2]);
    const from = Math.max(bestPair[0], bestPair[2]);
    const to = Math.min(bestPair[1], bestPair[3]);
    label =
      width > 300 ? 'same year ' + isoOfDay(from).slice(0, 4)
      : width > 25 ? 'same month ' + isoOfDay(from).slice(0, 7)
      : from === to ? 'same date ' + isoOfDay(from)
      : 'same days ' + isoOfDay(from) + '…' + isoOfDay(to);
  } else if (best <= 7) label = `${best} day${best > 1 ? 's' : ''} apart`;
  return { factor, boost, label };
}

function sharedFigures(a: number[], b: number[], tolerance: number): { exact: number[]; near: [number, number][] } {
  const exact: number[] = [];
  const near: [number, number][] = [];
  if (!a.length || !b.length) return { exact, near };
  const bs = new Set(b);
  for (const x of a) {
    if (bs.has(x)) exact.push(x);
    else if (tolerance > 0 && x >= 5) {
      // Tolls rise as reports come in (58 → 72); a close figure is weaker evidence, not none.
      const y = b.find((v) => v >= 5 && Math.abs(v - x) <= tolerance * Math.max(v, x));
      if (y !== undefined) near.push([x, y]);
    }
  }
  return { exact, near };
}
