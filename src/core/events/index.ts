// Same event across outlets: for a passage, the passages of other articles that tell the same event.
//
// `EventIndex` is the facade; the work is in its parts: `passageReader.ts` reads articles into the columns of
// `store.ts`; candidates come from the inverted lists of `postings.ts` over passages whose names are replaced by
// entity tokens (rarity-weighted term overlap, BM25's idf without its per-posting bookkeeping), plus passages
// sharing a quotation; nothing is compared all-pairs. Each candidate is then rescored by `scorePair` (`score.ts`)
// with what makes an event an event and not just a topic: when it happened, who and where, the figures, shared
// quotations, the two articles' similarity, and how the passage fares against the other candidate lines of its own
// article. Page furniture is screened out, and a near copy of the asked article is told apart as a duplicate (never
// coverage) or a copy carried elsewhere (coverage, marked, after the rest) by `noise.ts`; links scoring under the
// fitted cut-off are dropped: no link is better than a weak one. `state.ts` keeps the store across sessions,
// `explain.ts` puts a link's reason in words.

import { grown } from '../kit/columns';
import { partitionPoint } from '../kit/search';
import { runToEnd } from '../kit/steps';
import { reasonInWords } from './explain';
import { nearIdentical, screenNoise } from './noise';
import { PassageReader, type EventArticleInput } from './passageReader';
import { Postings } from './postings';
import {
  askedSide,
  blankFeatures,
  EVENT_MODEL,
  FEATURES,
  pairEvidence,
  pairFeatures,
  quotationIndex,
  sharedTermIds,
  sharedWordWeight,
  type EventModel,
  type PairScore,
  type PairStats,
  type PassageView,
} from './score';
import { LINE_FEATURES, lineFeatures, lineSlots, linePreference, logitOf, type AskedLine, type CandidateLine } from './lineChoice';
import { exportStateSteps, readStateSteps, type EventIndexState } from './state';
import { PassageStore, type ArticleRec } from './store';

export { readEventDates, timeRefOf, isoOfDay, dayNumber } from './dates';
export type { TimeSpan, TimeRef } from './dates';
export type { EventArticleInput } from './passageReader';
export type { EventIndexState } from './state';

export interface PassageLink {
  file: string;
  passage: number;
  score: number;
  reason: string;
  shared: string[];
  /** The feature values behind the score (score.ts FEATURES order). */
  features: number[];
  /** The linked passage's article is the asked article under another name (noise.ts copyRelation): no coverage. */
  duplicate?: boolean;
  /** The linked passage's article is a near copy of the asked one carried elsewhere (a wire story): coverage, marked. */
  copy?: boolean;
}

export interface RelatedArticle {
  file: string;
  score: number;
  /** How many passages of the asked article link into this one. */
  passages: number;
  /** The article is a near copy of the asked one carried elsewhere (listed after the other articles). */
  copy?: boolean;
}

export interface EventIndexOptions {
  /** BM25 candidates rescored per query. */
  candidates?: number;
  /** Weights and cut-off (default: the shipped, fitted model). */
  model?: EventModel;
}

const DEFAULTS: Required<Omit<EventIndexOptions, 'model'>> = { candidates: 100 };

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
/**
 * Passages whose scored candidates are kept for the loaded query article (FA-KES articles have 4.5 on average): each
 * keeps up to `candidates` scored pairs (~50 KB), so the memo stays near 3 MB at most, even for an article of thousands.
 */
const SCORED_KEPT = 64;
/** The pair feature a lead's line preference reads (lineChoice.ts `leadAhead`). */
const AHEAD_IN_ARTICLE = FEATURES.indexOf('aheadInArticle');
/** The line feature that reads a candidate line's retelling of its own lead (lineChoice.ts `lineRetold`). */
const LINE_RETOLD = LINE_FEATURES.indexOf('lineRetold');

interface Scored {
  id: number;
  score: number;
  /** The feature values (score.ts FEATURES order); the evidence behind them is found only for a shown link (explain). */
  features: number[];
  /** The same article as the asked one under another name: listed last, never as coverage. */
  duplicate?: boolean;
  /** A near copy of the asked article carried elsewhere: coverage, listed after the other coverage. */
  copy?: boolean;
}

export class EventIndex {
  private readonly opts: Required<Omit<EventIndexOptions, 'model'>>;
  private store = new PassageStore();
  private postings = new Postings(this.store);
  private reader = new PassageReader(this.store);
  /** Term rarity by term id, valid while its stamp equals the store's version. */
  private idfCache = new Float64Array(1024);
  private idfStamp = new Int32Array(1024).fill(-1);
  /** Scratch accumulator indexed by passage id, reused across queries; `rankScore` ranks what it touched. */
  private acc = new Float64Array(1024);
  private rankScore = new Float64Array(1024);
  /** Marks the candidates of the current query (`candidateQuery`) by passage id. */
  private candidateMark = new Int32Array(1024);
  private candidateQuery = 0;
  /** A passage's Σ term rarity (termWeight) by passage id, valid while its stamp equals the store's version. */
  private normCache = new Float64Array(1024);
  private normStamp = new Int32Array(1024).fill(-1);
  private background: BackgroundRarity | null = null;
  /** The scoring model (weights and cut-off): from code, never from a cached state. */
  private readonly model: EventModel;
  // Scratch space of the article similarity: the query article's term weights, and one mark per term from one rising
  // counter: the query article's terms get `artQuery` when it is loaded, and each article compared with it a new
  // mark on the query terms it names. So a term marked below `artQuery` is not the query article's.
  private artWeight = new Float64Array(1024);
  private artMark = new Int32Array(1024);
  private artCounter = 0;
  private artQuery = 0;
  /** articleNorm by the article's first passage id, valid while its stamp equals the store's version. */
  private artNormCache = new Float64Array(1024);
  private artNormStamp = new Int32Array(1024).fill(-1);
  /** articleNorm's marks of the terms it has summed, by term id. */
  private normSeen = new Int32Array(1024);
  /** The asked passage's term rarities, in its term order (askedTermWeights; a passage keeps STORED_TERMS at most). */
  private askedWeights = new Float64Array(64);
  private normSeenMark = 0;
  /**
   * The article loaded into `artWeight` (at store version `artVersion`), its norm, and its cosine with each other
   * article: every passage of one article asks the same article pairs (Related Articles asks them all in a row).
   */
  private artFile: string | null = null;
  private artVersion = -1;
  private artNorm = 0;
  private candidateArticles = new Map<string, CandidateArticle>();
  /** Whether each near-copy article has the loaded query article's words, passage for passage (sameWords). */
  private sameWordsOf = new Map<string, boolean>();
  private articleCache = new Map<string, { version: number; value: RelatedArticle[] }>();
  /**
   * The scored candidates of the loaded query article's passages, by passage id (cleared with `candidateArticles`): Related
   * Articles scores every passage of an article, and its CodeLenses and Show Other Coverage then ask the same passages
   * again. Scoring is a pure function of the store's version, so a kept list is the list a fresh scoring would give.
   */
  private scoredOf = new Map<number, Scored[]>();

  constructor(options: EventIndexOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.model = options.model ?? EVENT_MODEL;
  }

  get size(): number {
    return this.store.articles.size;
  }

  get passageCount(): number {
    return this.store.live;
  }

  /** Add or replace one article. */
  setArticle(input: EventArticleInput): void {
    this.removeArticle(input.file);
    this.reader.addArticle(input);
    this.store.changed();
  }

  removeArticle(file: string): void {
    this.store.removeArticle(file, (id, terms) => this.postings.removed(id, terms));
  }

  /** Passages of other articles telling the same event as passage `passage` of `file`, best first. */
  related(file: string, passage: number, limit = 10): PassageLink[] {
    const id = this.store.idOf(file, passage);
    if (id < 0) return [];
    const scored = this.score(id);
    const out: PassageLink[] = [];
    // Two decisions: whether the passage has other coverage at all (a link at or above the cut-off), then how far the
    // list goes on (the links at or above the continuation level and a share of the best link). Both read the places'
    // scores; which of an article's lines fills each of its places is a third decision (lineChoice.ts).
    let best = 0;
    for (const s of scored) if (!s.duplicate && s.score > best) best = s.score;
    const { cutoff, continuation, continuationShare } = this.model;
    const listed = (score: number) => score >= cutoff || (score >= continuation && score >= continuationShare * best);
    let coverage = 0;
    // Which line fills each place, worked out once a place is filled (most passages list nothing).
    let shown: number[] | undefined;
    const row = (k: number): Scored => scored[(shown ??= this.lineOrder(id, scored))[k]];
    // The asked passage as the reasons read it, once for all its links.
    let asked: AskedForReasons | undefined;
    for (let k = 0; k < scored.length; k++) {
      const s = scored[k];
      // Copies come after the other coverage (scored already lists them so); duplicates (the same article under
      // another name) come last and are always shown: `limit` counts coverage.
      if (s.duplicate) out.push(this.explain((asked ??= this.askedForReasons(id)), row(k), s.score));
      else if (best >= cutoff && listed(s.score) && coverage < limit) {
        out.push(this.explain((asked ??= this.askedForReasons(id)), row(k), s.score));
        coverage++;
      }
    }
    return out;
  }

  /** Other articles sharing events with `file`: best passage link, strengthened by further linked passages. */
  relatedArticles(file: string, limit = 10): RelatedArticle[] {
    const store = this.store;
    const cached = this.articleCache.get(file);
    if (cached && cached.version === store.version) return cached.value.slice(0, limit);
    const art = store.articles.get(file);
    if (!art) return [];
    const per = new Map<string, { best: number; sum: number; passages: number }>();
    const copies = new Set<string>();
    for (let id = art.first; id < art.first + art.count; id++) {
      const seen = new Set<string>();
      for (const s of this.score(id)) {
        if (s.duplicate) break; // duplicates are last
        if (s.score < this.model.cutoff) continue; // copies follow the other coverage, whatever their scores
        if (s.copy) copies.add(store.recFile[s.id]);
        const f = store.recFile[s.id];
        if (seen.has(f)) continue; // one (best) link per article per passage
        seen.add(f);
        const a = per.get(f) ?? { best: 0, sum: 0, passages: 0 };
        a.best = Math.max(a.best, s.score);
        a.sum += s.score;
        a.passages++;
        per.set(f, a);
      }
    }
    // A copy carried elsewhere is other coverage, listed after the articles that tell the event in their own words.
    const value = [...per.entries()]
      .map(([f, a]): RelatedArticle => {
        const related: RelatedArticle = {
          file: f,
          score: round(a.best + 0.25 * Math.min(a.sum - a.best, 2 * a.best)),
          passages: a.passages,
        };
        if (copies.has(f)) related.copy = true;
        return related;
      })
      .sort((x, y) => Number(x.copy === true) - Number(y.copy === true) || y.score - x.score || x.file.localeCompare(y.file));
    this.articleCache.set(file, { version: store.version, value });
    return value.slice(0, limit);
  }

  /**
   * Candidates of a passage with their feature values, best first, no cut-off (for fitting the weights): the pair
   * features, and the line features that choose among an article's lines (lineChoice.ts, without the logit).
   */
  candidates(file: string, passage: number): { file: string; passage: number; score: number; features: number[]; line: number[] }[] {
    const id = this.store.idOf(file, passage);
    if (id < 0) return [];
    const asked = this.askedLine(id);
    return this.score(id).map((s) => ({
      file: this.store.recFile[s.id],
      passage: this.store.recPassage[s.id],
      score: s.score,
      features: Array.from(s.features),
      line: lineFeatures(asked, this.candidateLine(s, true)),
    }));
  }

  /**
   * Which scored row each place of the list shows (lineChoice.ts): within each article, its places in score order
   * take its lines in order of the fitted line preference. The identity without a line model.
   */
  private lineOrder(rec: number, scored: Scored[]): number[] {
    const model = this.model.lineChoice;
    if (!model) return scored.map((_, k) => k);
    const store = this.store;
    const asked = this.askedLine(rec);
    // A duplicate's places are its own: it never trades a line with coverage.
    const files = scored.map((s) => (s.duplicate ? '\u0000' : '') + store.recFile[s.id]);
    // The candidate's own retelling costs a word walk per line: read only when the model weighs it.
    const readsRetold = (model.weights[LINE_RETOLD] ?? 0) !== 0;
    // An article with one candidate line has nothing to choose: its preference is never compared.
    const lines = new Map<string, number>();
    for (const f of files) lines.set(f, (lines.get(f) ?? 0) + 1);
    const preference = scored.map((s, k) =>
      (lines.get(files[k]) ?? 0) > 1 ? linePreference(model, logitOf(s.score), lineFeatures(asked, this.candidateLine(s, readsRetold))) : 0,
    );
    return lineSlots(files, preference);
  }

  /** What the line features read of a scored candidate; `withRetold` false: its retelling of its lead reads as 0. */
  private candidateLine(s: Scored, withRetold: boolean): CandidateLine {
    const id = s.id;
    const own = this.store.articles.get(this.store.recFile[id]);
    return {
      lead: this.isLead(id),
      aheadInArticle: s.features[AHEAD_IN_ARTICLE],
      passages: own?.count ?? 1,
      retold: () => (withRetold && own ? this.retoldOf(id, own.first) : 0),
    };
  }

  /** How closely passage `id` retells its article's lead `lead`: their rarity-weighted word cosine. */
  private retoldOf(id: number, lead: number): number {
    const store = this.store;
    const shared = sharedWordWeight(store.terms(id), store.terms(lead), (t) => this.termIdf(t));
    const norm = Math.sqrt(this.passageNorm(id) * this.passageNorm(lead));
    return norm > 0 ? shared / norm : 0;
  }

  /** A passage is its article's lead: its first (the store's `lead`, which also speaks for the title above it). */
  private isLead(id: number): boolean {
    return id === 0 || this.store.recFile[id - 1] !== this.store.recFile[id];
  }

  /** The asked passage's part of the line features: whether it is its article's lead, and how closely it retells it. */
  private askedLine(rec: number): AskedLine {
    const store = this.store;
    const own = store.articles.get(store.recFile[rec]);
    if (!own || own.first === rec) return { lead: true, retold: 0, late: 0 };
    return { lead: false, retold: this.retoldOf(rec, own.first), late: own.count > 1 ? (rec - own.first) / (own.count - 1) : 0 };
  }

  /**
   * Rarity in news at large for words (the shipped word table, seen by stem), blended into the workspace's own;
   * null: the workspace's rarity alone.
   */
  setBackground(background: BackgroundRarity | null): void {
    if (this.background === background) return;
    this.background = background;
    this.store.changed();
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
  exportStateSteps(): Generator<void, EventIndexState, void> {
    return exportStateSteps(this.store, this.opts.candidates);
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
      const restored = yield* readStateSteps(state);
      if (!restored) return null;
      // The model (weights, cut-off) is the code's, never the cache's; a state from another model is not read.
      const index = new EventIndex({ candidates: restored.candidates });
      index.store = restored.store;
      index.postings = new Postings(restored.store);
      index.reader = new PassageReader(restored.store);
      return index;
    } catch {
      return null;
    }
  }

  /**
   * Builds the posting lists and the quotation index for the first query ahead of it, in steps of a few ms
   * (at 10k articles the build is ~0.2 s): run `next()` until `done`. Queries work without it (they build
   * what they need at once); one made in between is fine. Edits in between make it start over (twice at
   * most, then it leaves the build to the next query).
   */
  prepareQueriesSteps(): Generator<void, void, void> {
    return this.postings.prepareSteps();
  }

  // ------------------------------------------------------------------------------------------------- rarity

  private idf(df: number): number {
    const n = this.store.live;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Rarity of a term, cached until the index changes (queries compute it for thousands of terms). A word's rarity in
   * the workspace is blended with its rarity in news at large (the shipped word table): a small workspace cannot
   * tell a rare word from a common one by itself, a large one can, so the workspace weighs n / (n + BACKGROUND_WEIGHT).
   * Names and dates have no background: they keep their workspace rarity.
   */
  private termIdf(t: number): number {
    const store = this.store;
    if (t >= this.idfCache.length) {
      this.idfCache = grown(this.idfCache, t + 1);
      this.idfStamp = grown(this.idfStamp, this.idfCache.length, -1);
    }
    if (this.idfStamp[t] !== store.version) {
      this.idfStamp[t] = store.version;
      const local = this.idf(store.termDf[t]);
      const term = store.termStr[t];
      const c = term.charCodeAt(0);
      if (this.background && c !== 0xa7 && c !== 64) {
        const share = store.live / (store.live + BACKGROUND_WEIGHT);
        this.idfCache[t] = share * local + (1 - share) * this.background.backgroundIdf(term);
      } else this.idfCache[t] = local;
    }
    return this.idfCache[t];
  }

  /** termWeight, cached until the index changes: every query asks it of each of its candidates. */
  private passageNorm(id: number): number {
    if (id >= this.normCache.length) {
      this.normCache = grown(this.normCache, id + 1);
      this.normStamp = grown(this.normStamp, this.normCache.length, -1);
    }
    if (this.normStamp[id] !== this.store.version) {
      this.normStamp[id] = this.store.version;
      this.normCache[id] = this.termWeight(id);
    }
    return this.normCache[id];
  }

  private termWeight(id: number): number {
    const store = this.store;
    const tp = store.termPool.a;
    let w = 0;
    for (let k = store.termOff[id], e = k + store.termLen[id]; k < e; k++) w += this.termIdf(tp[k]);
    return w;
  }

  // ------------------------------------------------------------------------------------------------- ranking

  /** All candidates for passage `rec`, rescored, best first (no threshold); callers must not change the list. */
  private score(rec: number): Scored[] {
    this.useQueryArticle(this.store.recFile[rec]);
    let scored = this.scoredOf.get(rec);
    if (!scored) {
      scored = this.scoreCandidates(rec);
      // An article of thousands of passages (one huge line) keeps its first ones only: the memo must stay small.
      if (this.scoredOf.size < SCORED_KEPT) this.scoredOf.set(rec, scored);
    }
    return scored;
  }

  private scoreCandidates(rec: number): Scored[] {
    const store = this.store;
    this.postings.ensure();
    const n = store.live;
    const file = store.recFile[rec];
    // The asked article's passages hold consecutive ids (every other live passage is another article's), so a
    // touched passage is told apart from them by its id, not by comparing file names.
    const own = store.articles.get(file);
    const ownFirst = own ? own.first : rec;
    const ownEnd = own ? own.first + own.count : rec + 1;
    const tp = store.termPool.a;
    // Accumulate the rarity of shared terms over the posting lists of the passage's terms. Very common terms
    // only lengthen the lists and say little about an event; terms only this passage has find nothing.
    const maxDf = Math.max(100, Math.min(n * 0.05, 3000));
    const q: number[] = [];
    for (let k = store.termOff[rec], e = k + store.termLen[rec]; k < e; k++) {
      const t = tp[k];
      if (store.termDf[t] > 1 && store.termDf[t] <= maxDf) q.push(t);
    }
    q.sort((a, b) => store.termDf[a] - store.termDf[b]);
    if (q.length > QUERY_TERMS) q.length = QUERY_TERMS;
    if (this.acc.length < store.nextId) {
      this.acc = new Float64Array(Math.max(store.nextId, this.acc.length * 2));
      this.rankScore = new Float64Array(this.acc.length);
      this.candidateMark = grown(this.candidateMark, this.acc.length);
    }
    const acc = this.acc;
    const rankScore = this.rankScore;
    const touched: number[] = [];
    for (const t of q) this.postings.accumulate(t, this.termIdf(t), acc, touched);
    // The best `candidates` of the touched passages, best first and, among equals, in the order touched (what a
    // stable sort of them all would keep), by insertion: most passages fall below the last kept one at once.
    const keep = this.opts.candidates;
    const ranked: number[] = [];
    // What a passage must beat to enter `ranked` once it is full (its last passage's score): most touched passages do
    // not, and are dismissed before anything else about them is read.
    let bar = -Infinity;
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i];
      // Shorter passages sharing as much are closer; the square root keeps long ones in the running.
      const x = acc[id] / Math.sqrt(store.termLen[id]);
      acc[id] = 0;
      if (keep > 0 && x > bar && (id < ownFirst || id >= ownEnd) && store.recFile[id] !== '') {
        rankScore[id] = x;
        // After the last kept passage scoring at least x (`ranked` is best first).
        ranked.splice(
          partitionPoint(0, ranked.length, (k) => rankScore[ranked[k]] >= x),
          0,
          id,
        );
        if (ranked.length > keep) ranked.pop();
        if (ranked.length === keep) bar = rankScore[ranked[keep - 1]];
      }
    }
    // The candidates in order (ranked, then the quoting ones), each once: `candidateMark` marks them for this query.
    const mark = ++this.candidateQuery;
    const candidateMark = this.candidateMark;
    const candidateIds = ranked;
    for (const id of ranked) candidateMark[id] = mark;
    // Shared quotations are candidates even when the wording around them differs.
    const quotes = store.quotes.get(rec);
    if (quotes)
      this.postings.quoting(quotes, (id) => {
        if (candidateMark[id] !== mark && (id < ownFirst || id >= ownEnd) && store.recFile[id] !== '') {
          candidateMark[id] = mark;
          candidateIds.push(id);
        }
      });
    const a = store.view(rec);
    // A candidate's quotations are read only against the asked passage's own (scorePair).
    const candidateQuotes = a.quotes !== undefined ? 'shingles' : 'none';
    const qNorm = this.passageNorm(rec);
    // The candidate being scored and its norm (scorePair asks the norm of both sides).
    let candidateTerms: ArrayLike<number> | null = null;
    let candidateNorm = 0;
    this.useQueryArticle(file);
    const candidateArticles = this.candidateArticles;
    const stats: PairStats = {
      termIdf: (t) => this.termIdf(t),
      entityIdf: (e) => this.idf(store.entDf[e]),
      termNorm: (terms) => {
        if (terms === a.terms) return qNorm;
        if (terms === candidateTerms) return candidateNorm;
        let w = 0;
        for (let k = 0; k < terms.length; k++) w += this.termIdf(terms[k]);
        return w;
      },
      articleSimilarity: 0,
      bestArticleSimilarity: 0,
      bestSharedWords: 0,
      rivalInArticle: 0,
    };
    // The asked passage's term rarities, in its term order: a candidate's shared words sum them as sharedWords does.
    const askedWeights = this.askedTermWeights(a.terms);
    const askedWeight = (_: number, i: number) => askedWeights[i];
    // First pass: the context of every candidate (its article's similarity) and its shared words, against the best of
    // which each candidate is also ranked. Per candidate, in candidateIds order: its view, article similarity, shared
    // words, and the two best word similarities among its article's candidates (competition within articles).
    const count = candidateIds.length;
    const views: PassageView[] = new Array(count);
    const sims: number[] = new Array(count);
    const shared: number[] = new Array(count);
    const rivals: BestTwo[] = new Array(count);
    const outlets: string[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const id = candidateIds[k];
      const f = store.recFile[id];
      let other = candidateArticles.get(f);
      if (other === undefined) {
        const rec = store.articles.get(f);
        other = { similarity: this.articleCosine(rec, this.artNorm), outlet: rec?.outlet ?? '', best: new BestTwo(), query: mark };
        candidateArticles.set(f, other);
      } else if (other.query !== mark) {
        other.best.clear();
        other.query = mark;
      }
      const sim = other.similarity;
      if (sim > stats.bestArticleSimilarity) stats.bestArticleSimilarity = sim;
      const v = store.view(id, candidateQuotes);
      const words = sharedWordWeight(a.terms, v.terms, askedWeight);
      if (words > stats.bestSharedWords) stats.bestSharedWords = words;
      const similarity = words > 0 ? words / Math.sqrt(qNorm * this.passageNorm(id)) : 0;
      other.best.offer(id, similarity);
      views[k] = v;
      sims[k] = sim;
      shared[k] = words;
      rivals[k] = other.best;
      outlets[k] = other.outlet;
    }
    const asked = askedSide(a, stats);
    const scores: Scored[] = new Array(count);
    const order: number[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const id = candidateIds[k];
      stats.articleSimilarity = sims[k];
      stats.rivalInArticle = rivals[k].rivalOf(id);
      candidateTerms = views[k].terms;
      candidateNorm = this.passageNorm(id);
      const features = blankFeatures();
      const pairScore = pairFeatures(a, views[k], stats, this.model, asked, shared[k], features);
      // A passage repeated nearly word for word in another article is the same report (wire copy, a quoted
      // paragraph): it links whatever the fitted model makes of its position (the model, fitted on leads linking
      // to leads, scores a copied middle paragraph below the cut-off). Furniture is still screened out below.
      const score = nearIdentical(a.terms, views[k].terms) ? Math.max(pairScore, this.model.cutoff) : pairScore;
      scores[k] = { id, score, features };
      order[k] = k;
    }
    order.sort((x, y) => scores[y].score - scores[x].score || scores[x].id - scores[y].id);
    const out = order.map((k) => scores[k]);
    // Furniture never links; a copy of the asked article carried elsewhere is coverage after the rest, marked; a
    // duplicate of it goes last, marked, never as coverage.
    const noise = screenNoise(
      a.terms,
      own?.outlet ?? '',
      order.map((k) => ({
        file: store.recFile[candidateIds[k]],
        outlet: outlets[k],
        terms: views[k].terms,
        articleSimilarity: scores[k].features[4],
      })),
      (other) => this.sameWords(file, other),
    );
    if (noise.queryIsFurniture) return [];
    const kept: Scored[] = [];
    const copies: Scored[] = [];
    const duplicates: Scored[] = [];
    out.forEach((s, k) => {
      if (noise.furniture.has(k)) return;
      if (noise.duplicate.has(k)) duplicates.push({ ...s, duplicate: true });
      else if (noise.copy.has(k)) copies.push({ ...s, copy: true });
      else kept.push(s);
    });
    return kept.concat(copies, duplicates);
  }

  /** The rarity of each of an asked passage's terms, in its order, in a scratch column reused by every query. */
  private askedTermWeights(terms: ArrayLike<number>): Float64Array {
    if (this.askedWeights.length < terms.length) this.askedWeights = new Float64Array(Math.max(terms.length, 2 * this.askedWeights.length));
    for (let i = 0; i < terms.length; i++) this.askedWeights[i] = this.termIdf(terms[i]);
    return this.askedWeights;
  }

  /** Loads `file` as the query article unless it is loaded at the store's version (then its cosines are kept). */
  private useQueryArticle(file: string): void {
    if (this.artFile === file && this.artVersion === this.store.version) return;
    this.artNorm = this.loadQueryArticle(file);
    this.artFile = file;
    this.artVersion = this.store.version;
    this.candidateArticles.clear();
    this.sameWordsOf.clear();
    this.scoredOf.clear();
  }

  /** The two articles hold the same passages with the same terms: the same text, whatever the file name. */
  private sameWords(file: string, other: string): boolean {
    let same = this.sameWordsOf.get(other);
    if (same !== undefined) return same;
    const store = this.store;
    const a = store.articles.get(file);
    const b = store.articles.get(other);
    same = a !== undefined && b !== undefined && a.count === b.count;
    for (let k = 0; same && k < a!.count; k++) {
      const x = store.terms(a!.first + k);
      const y = store.terms(b!.first + k);
      if (x.length !== y.length) same = false;
      for (let i = 0; same && i < x.length; i++) if (x[i] !== y[i]) same = false;
    }
    this.sameWordsOf.set(other, same);
    return same;
  }

  /**
   * The article's vocabulary (distinct terms of all its passages) as rarity weights in `artWeight`, and its norm;
   * `artMark` marks the terms set for the current query article.
   */
  private loadQueryArticle(file: string): number {
    const store = this.store;
    const art = store.articles.get(file);
    this.artQuery = ++this.artCounter;
    if (!art) return 0;
    if (this.artWeight.length < store.termStr.length) {
      this.artWeight = new Float64Array(Math.max(store.termStr.length, 2 * this.artWeight.length));
      // Fresh zero marks are below every query's.
      this.artMark = new Int32Array(this.artWeight.length);
    }
    const tp = store.termPool.a;
    let norm = 0;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (store.recFile[id] === '') continue;
      for (let k = store.termOff[id], e = k + store.termLen[id]; k < e; k++) {
        const t = tp[k];
        if (this.artMark[t] === this.artQuery) continue;
        this.artMark[t] = this.artQuery;
        const w = this.termIdf(t);
        this.artWeight[t] = w;
        norm += w * w;
      }
    }
    return Math.sqrt(norm);
  }

  /** Cosine of an article's vocabulary with the loaded query article's (loadQueryArticle). */
  private articleCosine(art: ArticleRec | undefined, queryNorm: number): number {
    const store = this.store;
    if (!art || queryNorm === 0) return 0;
    const norm = this.articleNorm(art);
    const tp = store.termPool.a;
    const artMark = this.artMark;
    const artWeight = this.artWeight;
    const query = this.artQuery;
    const mark = ++this.artCounter;
    // Only the terms the query article has count towards the product, each once, in the order the article first
    // names them (as articleNorm sums); a query term's weight is its rarity at this version (loadQueryArticle).
    let dot = 0;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (store.recFile[id] === '') continue;
      for (let k = store.termOff[id], e = k + store.termLen[id]; k < e; k++) {
        const t = tp[k];
        const m = artMark[t];
        if (m < query || m === mark) continue;
        artMark[t] = mark;
        const w = artWeight[t];
        dot += w * w;
      }
    }
    return norm > 0 ? dot / (queryNorm * Math.sqrt(norm)) : 0;
  }

  /**
   * Σ rarity² over an article's distinct terms, in the order its passages first name them; cached by the article's
   * first passage id until the index changes: every query article asks it of each candidate article.
   */
  private articleNorm(art: ArticleRec): number {
    const store = this.store;
    const slot = art.first;
    if (slot >= this.artNormCache.length) {
      this.artNormCache = grown(this.artNormCache, slot + 1);
      this.artNormStamp = grown(this.artNormStamp, this.artNormCache.length, -1);
    }
    if (this.artNormStamp[slot] === store.version) return this.artNormCache[slot];
    if (this.normSeen.length < store.termStr.length)
      this.normSeen = new Int32Array(Math.max(store.termStr.length, 2 * this.normSeen.length));
    const tp = store.termPool.a;
    const mark = ++this.normSeenMark;
    let norm = 0;
    for (let id = art.first; id < art.first + art.count; id++) {
      if (store.recFile[id] === '') continue;
      for (let k = store.termOff[id], e = k + store.termLen[id]; k < e; k++) {
        const t = tp[k];
        if (this.normSeen[t] === mark) continue;
        this.normSeen[t] = mark;
        const w = this.termIdf(t);
        norm += w * w;
      }
    }
    this.artNormStamp[slot] = store.version;
    this.artNormCache[slot] = norm;
    return norm;
  }

  private askedForReasons(rec: number): AskedForReasons {
    const view = this.store.view(rec);
    return { view, quoteOf: quotationIndex(view.quotes) };
  }

  /**
   * The link to scored candidate `s` of the asked passage, with its reason (its evidence found here, for shown links
   * only); `placeScore`: the score of the list place it fills (lineOrder), shown as its score.
   */
  private explain(asked: AskedForReasons, s: Scored, placeScore: number): PassageLink {
    const store = this.store;
    const b = s.id;
    if (s.duplicate)
      return {
        file: store.recFile[b],
        passage: store.recPassage[b],
        score: round(placeScore),
        reason: 'duplicate: the same article under another file name',
        shared: [],
        features: Array.from(s.features),
        duplicate: true,
      };
    const a = asked.view;
    const other = store.view(b, asked.quoteOf ? 'shingles' : 'none');
    const evidence = pairEvidence(a, other, sharedTermIds(a.terms, other.terms), asked.quoteOf);
    const pair: PairScore = { score: s.score, features: s.features, ...evidence };
    const entities = [...pair.sharedEntities].sort((x, y) => store.entDf[x] - store.entDf[y]).map((e) => store.entName[e]);
    const words = pair.sharedTerms
      .filter((t) => !isEntityOrDate(store.termStr[t]))
      .sort((x, y) => store.termDf[x] - store.termDf[y])
      .map((t) => store.termSurface[t] || store.termStr[t]);
    const { reason, shared } = reasonInWords(pair, entities, words, s.copy === true);
    const link: PassageLink = {
      file: store.recFile[b],
      passage: store.recPassage[b],
      score: round(placeScore),
      reason,
      shared,
      features: Array.from(s.features),
    };
    if (s.copy) link.copy = true;
    return link;
  }
}

/** The asked passage as the reasons of its links read it: its view, with its quotations, and their shingles' index. */
interface AskedForReasons {
  view: PassageView;
  quoteOf: Map<number, number> | null;
}

/**
 * An article that candidates of the loaded query article come from: its similarity with the query article, its outlet,
 * and the two best word similarities among its candidates for the query `query` (competition within articles).
 */
interface CandidateArticle {
  similarity: number;
  outlet: string;
  best: BestTwo;
  query: number;
}

/** The best and second-best similarity offered, and whose the best is: a passage's rival is the best of the others. */
class BestTwo {
  private bestId = -1;
  private best = 0;
  private second = 0;

  clear(): void {
    this.bestId = -1;
    this.best = 0;
    this.second = 0;
  }

  offer(id: number, sim: number): void {
    if (this.bestId < 0 || sim > this.best) {
      this.second = this.bestId < 0 ? 0 : this.best;
      this.best = sim;
      this.bestId = id;
    } else if (sim > this.second) this.second = sim;
  }

  /** The best similarity among the others than `id`. */
  rivalOf(id: number): number {
    return id === this.bestId ? this.second : this.best;
  }
}

/** An entity token (§12) or a date key (@…): a shared term shown by its entity's name or not shown at all. */
function isEntityOrDate(term: string): boolean {
  const c = term.charCodeAt(0);
  return c === 0xa7 || c === 64;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
