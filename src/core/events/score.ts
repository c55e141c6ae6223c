// How strongly two passages tell the same event: one pure function over what each passage says, with named
// features and the fitted weights of `weights.json` (written by `npm run fit:events`, never edited by hand).
//
// The score is a logistic model: sigmoid(Σ weight × feature), so a score reads as how likely the pair is the same
// event, and the cut-off below which Parallax honestly says "nothing else covers this" is a probability chosen on
// held-apart data (ECB+ dev), not a number tuned in the loop.

import type { Quote } from './features';
import type { LineChoiceModel } from './lineChoice';
import MODEL from './weights.json';

/** What one passage says, as the index stores it (views into its columns; nothing is copied per query). */
export interface PassageView {
  /** Sorted term ids (stems, entity tokens, date keys). */
  terms: ArrayLike<number>;
  /** Entity ids named in the passage. */
  entities: ArrayLike<number>;
  /** Time spans as (from, to, flags) triples: see TIME_DAY / TIME_PUB. */
  times: ArrayLike<number>;
  tolls: number[];
  numbers: number[];
  quotes: readonly Quote[] | undefined;
  /**
   * Instead of `quotes`, for a passage only compared with the asked one: the shingles of all its quotations in one
   * list (the store's own column, no Quote object made).
   */
  quoteShingles?: ArrayLike<number>;
  /** The article's lead (it also speaks for the title above it). */
  lead: boolean;
}

/** Corpus statistics a pair is scored against. */
export interface PairStats {
  /** Rarity of a term (blended workspace and background idf). */
  termIdf(term: number): number;
  entityIdf(entity: number): number;
  /** Σ idf over a passage's terms (cached by the caller for the query side). */
  termNorm(terms: ArrayLike<number>): number;
  /** Cosine of the two articles' rarity-weighted vocabularies: the context the passages sit in. */
  articleSimilarity: number;
  /** The best article similarity and the best shared word weight among this query's candidates (for ranks). */
  bestArticleSimilarity: number;
  bestSharedWords: number;
  /** The best `words` similarity to a among the other candidate passages of b's article (its rival; 0: none). */
  rivalInArticle: number;
}

/** Time span flags: the span is a day (not a month or year), the span is the publication date (not in the text). */
export const TIME_DAY = 1;
export const TIME_PUB = 2;

/** The named features, in the order of the weights table. */
export const FEATURES = [
  'bias',
  /** Rarity-weighted share of words (stems), cosine-normalised: symmetric. */
  'words',
  /** Share of the asked passage's word weight found in the other one (what a search engine ranks by). */
  'wordsCovered',
  /** Rarity-weighted share of named entities (people, groups, places under every spelling). */
  'entities',
  /** The two articles' similarity as a whole: passages of articles about one event are likelier one event. */
  'article',
  /** Both passages name the same time in their text (1 for the same day, less for a coarser shared period). */
  'sameTime',
  /** log of how compatible the two passages' times are (0 for the same day, falling with the gap). */
  'timeGap',
  /** One side has no time at all (neither in the text nor a publication date). */
  'undated',
  /** The same death toll (1), or one within a quarter of the other (0.5). */
  'toll',
  /** Other figures (≥ 10) both passages give, up to 2. */
  'figures',
  /** A quotation both passages carry. */
  'quote',
  /** Both passages are their article's lead (with the headline above it). */
  'bothLeads',
  /** The article similarity relative to the best among the candidates: the closest article's passages first. */
  'articleBest',
  /** The shared word weight relative to the best among the candidates. */
  'wordsBest',
  /**
   * How far the passage leads the other candidate passages of its article as a match for the asked one (its `words`
   * similarity less the best rival's, over the larger; 1 when alone): another line of the right article is not the
   * line that tells the event (competition within articles, as in sentence alignment).
   */
  'aheadInArticle',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface EventModel {
  version: string;
  features: string[];
  weights: number[];
  /**
   * Whether a passage has other coverage at all: when none of its links scores this much, the answer is an honest
   * "nothing else covers this" (never padding).
   */
  cutoff: number;
  /**
   * How long the list of a passage that has other coverage is: after a first link at or above the cut-off, the links
   * scoring at least this much are listed too (a second, separately fitted decision, at most the cut-off). A reader
   * shown a strong first match is served by the next plausible ones, which on train are as often in an article of the
   * event as the links above the cut-off.
   */
  continuation: number;
  /**
   * A link under the cut-off is listed only when it scores at least this share of the passage's best link too: after a
   * first link far above the cut-off, a weak one is a different story told in the same words, not the next account.
   */
  continuationShare: number;
  /**
   * The score from which the fit's train links are 90% right, recorded with the fit. No feature reads it: the "Also
   * in" CodeLens answers from the cut-off, as Show Other Coverage does, so the two never disagree.
   */
  strong: number;
  /**
   * Which of an article's candidate lines fill its places in a list (lineChoice.ts), fitted apart from the pair
   * weights; absent: the lines in score order.
   */
  lineChoice?: LineChoiceModel;
}

export const EVENT_MODEL: EventModel = MODEL as EventModel;
if (EVENT_MODEL.features.join() !== FEATURES.join() || !(EVENT_MODEL.continuation <= EVENT_MODEL.cutoff))
  throw new Error('weights.json does not match the event features; run npm run fit:events');

/** What made a pair score: the features' values and the evidence behind them, for the reason in words. */
export interface PairScore {
  score: number;
  /** In FEATURES order (a plain array: a small typed array costs more to make than a pair costs to score). */
  features: number[];
  /** Shared entity ids, shared term ids. */
  sharedEntities: number[];
  sharedTerms: number[];
  time: TimeRelation;
  tolls: { exact: number[]; near: [number, number][] };
  figures: number[];
  quote: Quote | null;
}

export interface TimeRelation {
  /** Smallest gap in days between the two passages' times (Infinity when one has none). */
  gap: number;
  /** Both sides of the closest pair are day-precise. */
  exact: boolean;
  /** The closest pair of spans, for the reason: [aFrom, aTo, bFrom, bTo]. */
  pair: [number, number, number, number];
  /** Both passages name a shared time in their own text (not only publication dates): 1 day, 0.7 ≤ month, 0.4 longer. */
  inText: number;
}

/** What scorePair reads of the asked passage alone: computed once per query, not once per candidate. */
export interface AskedSide {
  /** Σ idf of its terms (stats.termNorm). */
  norm: number;
  /** Rarity of each of its entities, in its order, and their sum. */
  entityWeights: Float64Array;
  entityWeight: number;
  /** Its figures of 10 or more. */
  figures: number[];
  /** Each quotation shingle of it → the first of its quotations holding it (null: it quotes nothing). */
  quoteOf: Map<number, number> | null;
}

export function askedSide(a: PassageView, stats: PairStats): AskedSide {
  const entityWeights = new Float64Array(a.entities.length);
  let entityWeight = 0;
  for (let i = 0; i < a.entities.length; i++) {
    entityWeights[i] = stats.entityIdf(a.entities[i]);
    entityWeight += entityWeights[i];
  }
  return {
    norm: stats.termNorm(a.terms),
    entityWeights,
    entityWeight,
    figures: a.numbers.filter((x) => x >= 10),
    quoteOf: quotationIndex(a.quotes),
  };
}

/** Each quotation shingle of `quotes` → the first of them holding it (AskedSide's `quoteOf`; null: no quotations). */
export function quotationIndex(quotes: readonly Quote[] | undefined): Map<number, number> | null {
  if (!quotes) return null;
  const quoteOf = new Map<number, number>();
  quotes.forEach((q, i) => {
    for (const s of q.shingles) if (!quoteOf.has(s)) quoteOf.set(s, i);
  });
  return quoteOf;
}

/** The words two passages share: the sum of their rarity and the shared term ids (scorePair's word evidence). */
export interface SharedWords {
  weight: number;
  terms: number[];
}

export function sharedWords(a: PassageView, b: PassageView, stats: PairStats): SharedWords {
  const terms: number[] = [];
  return { weight: sharedWordWeight(a.terms, b.terms, stats.termIdf, terms), terms };
}

/**
 * Scores passage b as other coverage of passage a (`asked`: askedSide(a, stats), `words`: sharedWords(a, b, stats),
 * when they are at hand: a query ranks its candidates by the shared words before scoring them).
 */
export function scorePair(
  a: PassageView,
  b: PassageView,
  stats: PairStats,
  model: EventModel = EVENT_MODEL,
  asked: AskedSide = askedSide(a, stats),
  words: SharedWords = sharedWords(a, b, stats),
): PairScore {
  const features = blankFeatures();
  const score = pairFeatures(a, b, stats, model, asked, words.weight, features);
  return { score, features, ...pairEvidence(a, b, words.terms, asked.quoteOf) };
}

/**
 * scorePair's score, its feature values written into `f` (a blankFeatures() array), without the evidence behind them:
 * nothing is allocated, so a query scores its hundred candidates this way and asks pairEvidence of the links it shows.
 * `shared`: the shared words' weight (sharedWords(a, b, stats).weight).
 */
export function pairFeatures(
  a: PassageView,
  b: PassageView,
  stats: PairStats,
  model: EventModel,
  asked: AskedSide,
  shared: number,
  f: number[],
): number {
  const aNorm = asked.norm;
  const bNorm = stats.termNorm(b.terms);
  f[1] = shared > 0 ? shared / Math.sqrt(aNorm * bNorm) : 0;
  f[2] = aNorm > 0 ? shared / aNorm : 0;
  // Entities: rarity-weighted, cosine-like so long passages do not win by size alone.
  const wa = asked.entityWeight;
  let wb = 0;
  let ws = 0;
  for (let i = 0; i < a.entities.length; i++) {
    const e = a.entities[i];
    for (let j = 0; j < b.entities.length; j++) {
      if (b.entities[j] === e) {
        ws += asked.entityWeights[i];
        break;
      }
    }
  }
  for (let j = 0; j < b.entities.length; j++) wb += stats.entityIdf(b.entities[j]);
  f[3] = wa > 0 && wb > 0 ? ws / Math.sqrt(wa * wb) : 0;
  f[4] = stats.articleSimilarity;
  const gap = timeGap(a.times, b.times);
  f[5] = timeInText(a.times, b.times);
  f[6] = Number.isFinite(gap) ? -Math.log1p(gap) : 0;
  f[7] = Number.isFinite(gap) ? 0 : 1;
  f[8] = tollMatch(a.tolls, b.tolls);
  let figures = 0;
  if (b.numbers.length) for (const x of asked.figures) if (b.numbers.includes(x)) figures++;
  f[9] = Math.min(2, figures) / 2;
  f[10] = a.quotes && asked.quoteOf && quotesShared(asked.quoteOf, b) ? 1 : 0;
  f[11] = a.lead && b.lead ? 1 : 0;
  f[12] = stats.bestArticleSimilarity > 0 ? stats.articleSimilarity / stats.bestArticleSimilarity : 0;
  f[13] = stats.bestSharedWords > 0 ? shared / stats.bestSharedWords : 0;
  f[14] = aheadBy(f[1], stats.rivalInArticle);
  let z = 0;
  for (let k = 0; k < f.length; k++) z += model.weights[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/** The evidence behind a pair's features, for the reason in words. */
export type PairEvidence = Omit<PairScore, 'score' | 'features'>;

/**
 * What a pair's features rest on, for the reason in words (`sharedTerms`: sharedWords(a, b, …).terms, `quoteOf`:
 * quotationIndex(a.quotes)).
 */
export function pairEvidence(
  a: PassageView,
  b: PassageView,
  sharedTerms: number[],
  quoteOf: ReadonlyMap<number, number> | null,
): PairEvidence {
  const sharedEntities: number[] = [];
  for (let i = 0; i < a.entities.length; i++) {
    const e = a.entities[i];
    for (let j = 0; j < b.entities.length; j++) {
      if (b.entities[j] === e) {
        sharedEntities.push(e);
        break;
      }
    }
  }
  const time = timeRelation(a.times, b.times);
  const tolls = a.tolls.length && b.tolls.length ? sharedFigures(a.tolls, b.tolls, TOLL_TOLERANCE) : NO_FIGURES;
  const figures =
    a.numbers.length && b.numbers.length
      ? sharedFigures(
          a.numbers.filter((x) => x >= 10),
          b.numbers.filter((x) => x >= 10),
          0,
        ).exact
      : [];
  // The first of a's quotations sharing a shingle with any of b's.
  let quote: Quote | null = null;
  if (a.quotes && quoteOf) {
    let first = a.quotes.length;
    const offer = (s: number) => {
      const i = quoteOf.get(s);
      if (i !== undefined && i < first) first = i;
    };
    if (b.quoteShingles) for (let k = 0; k < b.quoteShingles.length; k++) offer(b.quoteShingles[k]);
    else if (b.quotes) for (const q of b.quotes) for (const s of q.shingles) offer(s);
    if (first < a.quotes.length) quote = a.quotes[first];
  }
  return { sharedEntities, sharedTerms, time, tolls, figures, quote };
}

/** Whether one of b's quotation shingles is a key of `shingles`. */
function quotesShared(shingles: ReadonlyMap<number, number>, b: PassageView): boolean {
  if (b.quoteShingles) {
    for (let k = 0; k < b.quoteShingles.length; k++) if (shingles.has(b.quoteShingles[k])) return true;
  } else if (b.quotes) for (const q of b.quotes) for (const s of q.shingles) if (shingles.has(s)) return true;
  return false;
}

/** The bias at 1 and every feature at 0, as a literal (the cheapest array to make, once per pair scored). */
export function blankFeatures(): number[] {
  return [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}
if (blankFeatures().length !== FEATURES.length) throw new Error('blankFeatures does not match FEATURES');

/** How far similarity `s` leads its best rival `rival`, over the larger of the two: 1 alone, 0 tied, -1 far behind. */
export function aheadBy(s: number, rival: number): number {
  const top = Math.max(s, rival);
  return top > 0 ? (s - rival) / top : 0;
}

/**
 * Σ rarity of the terms two passages share (a merge of the sorted lists); the shared terms go to `out`. `weight` is
 * given the term and its position in `a` (a query reads the asked passage's rarities from a column by position).
 */
export function sharedWordWeight(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  weight: (t: number, i: number) => number,
  out?: number[],
): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared += weight(x, i);
      out?.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** The term ids two sorted lists share, ascending (sharedWords' terms). */
export function sharedTermIds(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  sharedWordWeight(a, b, () => 0, out);
  return out;
}

const NO_FIGURES: { exact: number[]; near: [number, number][] } = { exact: [], near: [] };

/** The smallest gap in days between the two passages' times (timeRelation's `gap`), without the pair. */
function timeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let best = Infinity;
  for (let i = 0; i < a.length; i += 3)
    for (let j = 0; j < b.length; j += 3) {
      const gap = Math.max(0, Math.max(a[i], b[j]) - Math.min(a[i + 1], b[j + 1]));
      if (gap < best) best = gap;
    }
  return best;
}

/** timeRelation's `inText`: how precisely both passages name a shared time in their own text (0: they do not). */
function timeInText(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let inText = 0;
  for (let i = 0; i < a.length; i += 3) {
    if ((a[i + 2] & TIME_PUB) !== 0) continue;
    for (let j = 0; j < b.length; j += 3) {
      if ((b[j + 2] & TIME_PUB) !== 0 || Math.max(0, Math.max(a[i], b[j]) - Math.min(a[i + 1], b[j + 1])) !== 0) continue;
      const exact = (a[i + 2] & TIME_DAY) !== 0 && (b[j + 2] & TIME_DAY) !== 0;
      const fine = a[i + 1] - a[i] < 31 && b[j + 1] - b[j] < 31;
      inText = Math.max(inText, exact ? 1 : fine ? 0.7 : 0.4);
    }
  }
  return inText;
}

/** How far apart two tolls may be and still be near (a share of the larger): tolls rise as reports come in. */
const TOLL_TOLERANCE = 0.25;

/** Whether figure `v` is near figure `x`, within `tolerance` of the larger (both 5 or more: small counts are exact or nothing). */
function nearFigure(x: number, v: number, tolerance: number): boolean {
  return x >= 5 && v >= 5 && Math.abs(v - x) <= tolerance * Math.max(v, x);
}

/** The `toll` feature: 1 when the two lists share a toll, 0.5 when one is near another (sharedFigures, without its lists). */
function tollMatch(a: readonly number[], b: readonly number[]): number {
  if (!a.length || !b.length) return 0;
  let near = false;
  for (const x of a) {
    if (b.includes(x)) return 1;
    if (!near) for (const v of b) if (nearFigure(x, v, TOLL_TOLERANCE)) near = true;
  }
  return near ? 0.5 : 0;
}

/** The closest pair of the two passages' time spans, and whether both name a shared time in their own text. */
export function timeRelation(a: ArrayLike<number>, b: ArrayLike<number>): TimeRelation {
  if (!a.length || !b.length) return { gap: Infinity, exact: false, pair: [0, 0, 0, 0], inText: 0 };
  let best = Infinity;
  let bestExact = false;
  let pair: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < a.length; i += 3) {
    for (let j = 0; j < b.length; j += 3) {
      const gap = Math.max(0, Math.max(a[i], b[j]) - Math.min(a[i + 1], b[j + 1]));
      const exact = (a[i + 2] & TIME_DAY) !== 0 && (b[j + 2] & TIME_DAY) !== 0;
      if (gap < best || (gap === best && exact && !bestExact)) {
        best = gap;
        bestExact = exact;
        pair = [a[i], a[i + 1], b[j], b[j + 1]];
      }
    }
  }
  return { gap: best, exact: bestExact, pair, inText: timeInText(a, b) };
}

/** Figures both lists hold: exactly, or (when `tolerance` > 0) within that share of each other. */
export function sharedFigures(a: number[], b: number[], tolerance: number): { exact: number[]; near: [number, number][] } {
  const exact: number[] = [];
  const near: [number, number][] = [];
  if (!a.length || !b.length) return { exact, near };
  const bs = new Set(b);
  for (const x of a) {
    if (bs.has(x)) exact.push(x);
    else if (tolerance > 0 && x >= 5) {
      // Tolls rise as reports come in (58 → 72); a close figure is weaker evidence, not none.
      const y = b.find((v) => nearFigure(x, v, tolerance));
      if (y !== undefined) near.push([x, y]);
    }
  }
  return { exact, near };
}
