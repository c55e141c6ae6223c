// The event index as plain JSON data, for a warm start that skips re-reading every passage: the store's columns
// packed into strings (kit/packedInts.ts), checked field by field when read back. The scoring model is the code's: a
// state names the model it was built for, and a state of another model (or format version) is not restored.

import { EVENT_MODEL } from './score';
import { PackedIntWriter, unpackIntsSteps } from '../kit/packedInts';
import { F64Pool, I32Pool, MAX_TIMES, PassageStore, STEP_PASSAGES, STEP_TERMS, STORED_TERMS } from './store';

/** Version of `EventIndexState`; a state of any other version is not restored (the caller rebuilds). */
const STATE_VERSION = 4;
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

/**
 * The store as state data, in steps (each a few ms at 10k articles), so an extension host can interleave other
 * work. The store must not be edited until the last step (an edit in between makes the next step throw); queries
 * in between are fine.
 */
export function* exportStateSteps(store: PassageStore, candidates: number): Generator<void, EventIndexState, void> {
  const version = store.version;
  const unchanged = () => {
    if (store.version !== version) throw new Error('EventIndex edited during exportStateSteps');
  };
  const arts = [...store.articles.entries()].sort((x, y) => x[1].first - y[1].first);
  yield;
  unchanged();
  const files: string[] = [];
  const outlets: string[] = [];
  const perFile = new PackedIntWriter();
  const passage = new PackedIntWriter();
  const termCount = new PackedIntWriter();
  const termIds = new PackedIntWriter();
  const entityCount = new PackedIntWriter();
  const entityIds = new PackedIntWriter();
  const timeCount = new PackedIntWriter();
  const times = new PackedIntWriter();
  const tollCount = new PackedIntWriter();
  const numberCount = new PackedIntWriter();
  const figures: number[] = [];
  const quoteRecords = new PackedIntWriter();
  const quoteCount = new PackedIntWriter();
  const quoteTexts: string[] = [];
  const shingleCount = new PackedIntWriter();
  const shingles = new PackedIntWriter();
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
    const tp = store.termPool.a;
    const ep = store.entPool.a;
    const mp = store.timePool.a;
    const fp = store.figPool.a;
    files.push(file);
    outlets.push(art.outlet);
    perFile.int(art.count);
    for (let id = art.first; id < art.first + art.count; id++, r++) {
      passage.int(store.recPassage[id]);
      const to = store.termOff[id];
      const tn = store.termLen[id];
      termCount.int(tn);
      let prev = 0;
      for (let k = to; k < to + tn; k++) {
        termIds.int(tp[k] - prev);
        prev = tp[k];
      }
      const eo = store.entOff[id];
      const en = store.entLen[id];
      entityCount.int(en);
      for (let k = eo; k < eo + en; k++) entityIds.int(ep[k]);
      const mo = store.timeOff[id];
      const mn = store.timeLen[id];
      timeCount.int(mn / 3);
      for (let k = mo; k < mo + mn; k += 3) {
        times.int(mp[k]);
        times.int(mp[k + 1] - mp[k]);
        times.int(mp[k + 2]);
      }
      const fo = store.figOff[id];
      const fn = store.tollLen[id] + store.numLen[id];
      tollCount.int(store.tollLen[id]);
      numberCount.int(store.numLen[id]);
      for (let k = fo; k < fo + fn; k++) figures.push(fp[k]);
      const qs = store.quotes.get(id);
      if (qs) {
        quoteRecords.int(r);
        quoteCount.int(qs.length);
        for (const q of qs) {
          quoteTexts.push(q.text);
          shingleCount.int(q.shingles.length);
          for (const s of q.shingles) shingles.int(s);
        }
      }
    }
  }
  yield;
  unchanged();
  const surfaces: string[] = [];
  for (let t = 0; t < store.termSurface.length; t++) {
    const sf = store.termSurface[t];
    surfaces.push(sf && sf === store.termStr[t] ? '=' : sf);
    if ((t + 1) % STEP_TERMS === 0) {
      yield;
      unchanged();
    }
  }
  const state: EventIndexState = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    model: STATE_MODEL,
    candidates: candidates,
    terms: store.termStr.slice(),
    surfaces,
    entities: [...store.entIds.keys()],
    entityNames: store.entName.slice(),
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

/** A store restored from state data and the candidate count it was built with; null when it is not such data. */
export function* readStateSteps(state: unknown): Generator<void, { store: PassageStore; candidates: number } | null, void> {
  if (!state || typeof state !== 'object') return null;
  const st = state as EventIndexState;
  if (st.format !== STATE_FORMAT || st.version !== STATE_VERSION || st.model !== STATE_MODEL) return null;
  for (const k of ['terms', 'surfaces', 'entities', 'entityNames', 'files', 'outlets', 'figures', 'quoteTexts'] as const) {
    if (!Array.isArray(st[k])) return null;
  }
  if (!Number.isInteger(st.candidates) || st.candidates < 0) return null;
  const store = new PassageStore();
  return (yield* loadSteps(store, st)) ? { store, candidates: st.candidates } : null;
}

/** Fills an empty store from checked state data; false when the data does not hold together. */
function* loadSteps(store: PassageStore, st: EventIndexState): Generator<void, boolean, void> {
  const nTerms = st.terms.length;
  const nEnts = st.entities.length;
  if (st.surfaces.length !== nTerms || st.entityNames.length !== nEnts) return false;
  for (let t = 0; t < nTerms; t++) {
    const s = st.terms[t];
    if (typeof s !== 'string' || store.termIds.has(s)) return false;
    store.termIds.set(s, t);
    store.termStr.push(s);
    const sf = st.surfaces[t];
    if (typeof sf !== 'string') return false;
    store.termSurface.push(sf === '=' ? s : sf);
    if ((t + 1) % STEP_TERMS === 0) yield;
  }
  for (let e = 0; e < nEnts; e++) {
    const k = st.entities[e];
    const name = st.entityNames[e];
    if (typeof k !== 'string' || typeof name !== 'string' || store.entIds.has(k)) return false;
    store.entIds.set(k, e);
    store.entName.push(name);
    store.entToken.push('\u00a7' + e);
    if ((e + 1) % STEP_TERMS === 0) yield;
  }
  store.termDf = new Int32Array(Math.max(1024, nTerms));
  store.entDf = new Int32Array(Math.max(256, nEnts));

  const perFile = yield* unpackIntsSteps(st.passagesPerFile, st.files.length);
  if (!perFile) return false;
  let n = 0;
  for (const c of perFile) {
    if (c < 0) return false;
    n += c;
  }
  // The per-passage columns first: their sums are the lengths of the pooled ones, so each is decoded in one pass.
  const passage = yield* unpackIntsSteps(st.passage, n);
  const termCount = yield* unpackIntsSteps(st.termCount, n);
  const entityCount = yield* unpackIntsSteps(st.entityCount, n);
  const timeCount = yield* unpackIntsSteps(st.timeCount, n);
  const tollCount = yield* unpackIntsSteps(st.tollCount, n);
  const numberCount = yield* unpackIntsSteps(st.numberCount, n);
  if (!passage || !termCount || !entityCount || !timeCount || !tollCount || !numberCount) return false;
  if (sumOf(tollCount) + sumOf(numberCount) !== st.figures.length) return false;
  // The pooled columns become the store's pools as they are decoded (term ids and times turned from deltas in place).
  const termIds = yield* unpackIntsSteps(st.termIds, sumOf(termCount));
  const entityIds = yield* unpackIntsSteps(st.entityIds, sumOf(entityCount));
  const times = yield* unpackIntsSteps(st.times, 3 * sumOf(timeCount));
  if (!termIds || !entityIds || !times) return false;

  store.reserveRecord(n);
  store.termPool = pooled(termIds);
  store.entPool = pooled(entityIds);
  store.timePool = pooled(times);
  store.figPool = new F64Pool(Math.max(256, st.figures.length));
  const c: Restoring = {
    passage,
    termCount,
    entityCount,
    timeCount,
    tollCount,
    numberCount,
    terms: termIds,
    entities: entityIds,
    times,
    figures: st.figures,
    nTerms,
    nEnts,
    tk: 0,
    ek: 0,
    mk: 0,
    fk: 0,
  };
  let id = 1;
  let sinceYield = 0;
  for (let a = 0; a < st.files.length; a++) {
    if (sinceYield >= STEP_PASSAGES) {
      sinceYield = 0;
      yield;
    }
    sinceYield += perFile[a];
    const file = st.files[a];
    if (typeof file !== 'string' || file === '' || store.articles.has(file)) return false;
    const outlet = st.outlets[a];
    if (typeof outlet !== 'string') return false;
    store.articles.set(file, { first: id, count: perFile[a], outlet });
    for (const end = id + perFile[a]; id < end; id++) if (!restorePassage(store, c, id, file)) return false;
  }
  store.figPool.n = c.fk;
  store.live = n;
  store.nextId = n + 1;

  yield;
  const quoteRecords = yield* unpackIntsSteps(st.quoteRecords);
  const quoteCount = quoteRecords && (yield* unpackIntsSteps(st.quoteCount, quoteRecords.length));
  const shingleCount = yield* unpackIntsSteps(st.shingleCount, st.quoteTexts.length);
  const shingles = shingleCount && (yield* unpackIntsSteps(st.shingles, sumOf(shingleCount)));
  if (!quoteRecords || !quoteCount || !shingleCount || !shingles) return false;
  if (sumOf(quoteCount) !== st.quoteTexts.length) return false;
  // Checked here, then handed to the store's columns as they are (record positions become passage ids).
  let prevRecord = -1;
  for (let i = 0; i < quoteRecords.length; i++) {
    const r = quoteRecords[i];
    if (r <= prevRecord || r >= n || quoteCount[i] <= 0) return false;
    prevRecord = r;
    quoteRecords[i] = r + 1;
  }
  for (let q = 0; q < st.quoteTexts.length; q++) if (typeof st.quoteTexts[q] !== 'string' || shingleCount[q] < 0) return false;
  yield;
  store.quotes.restore(quoteRecords, quoteCount, st.quoteTexts.slice(), shingleCount, shingles);
  return true;
}

/** The decoded columns of a state being restored, and where the next passage's slices of the pooled ones begin. */
interface Restoring {
  passage: Int32Array;
  termCount: Int32Array;
  entityCount: Int32Array;
  timeCount: Int32Array;
  tollCount: Int32Array;
  numberCount: Int32Array;
  /** The pooled columns, already the store's pools: term ids and times are turned from deltas in place. */
  terms: Int32Array;
  entities: Int32Array;
  times: Int32Array;
  figures: unknown[];
  nTerms: number;
  nEnts: number;
  tk: number;
  ek: number;
  mk: number;
  fk: number;
}

/**
 * Passage `id` (record `id - 1`) of `file` into the store's columns; false when the data does not hold together. A
 * plain function called once a passage rather than a loop inside the stepwise generator: it is optimised after the
 * first few hundred passages, where the generator's loop ran unoptimised for much of a warm start's single restore.
 */
function restorePassage(store: PassageStore, c: Restoring, id: number, file: string): boolean {
  const r = id - 1;
  store.recFile.push(file);
  store.recPassage[id] = c.passage[r];
  const tn = c.termCount[r];
  if (tn < 0 || tn > STORED_TERMS) return false;
  const tp = c.terms;
  const termDf = store.termDf;
  let tk = c.tk;
  store.termOff[id] = tk;
  store.termLen[id] = tn;
  let prev = -1;
  for (const stop = tk + tn; tk < stop; tk++) {
    // Ascending term ids, each the previous plus its delta (the first from 0).
    const t = (prev < 0 ? 0 : prev) + tp[tk];
    if (t <= prev || t >= c.nTerms) return false;
    tp[tk] = t;
    prev = t;
    termDf[t]++;
  }
  c.tk = tk;
  const en = c.entityCount[r];
  if (en < 0) return false;
  const ep = c.entities;
  const entDf = store.entDf;
  let ek = c.ek;
  store.entOff[id] = ek;
  store.entLen[id] = en;
  for (const stop = ek + en; ek < stop; ek++) {
    const e = ep[ek];
    if (e < 0 || e >= c.nEnts) return false;
    entDf[e]++;
  }
  c.ek = ek;
  const mn = c.timeCount[r];
  if (mn < 0 || mn > MAX_TIMES) return false;
  const mp = c.times;
  let mk = c.mk;
  store.timeOff[id] = mk;
  store.timeLen[id] = 3 * mn;
  // Stored as (from, to - from, flags): the span's end is restored in place.
  for (const stop = mk + 3 * mn; mk < stop; mk += 3) mp[mk + 1] += mp[mk];
  c.mk = mk;
  const tolls = c.tollCount[r];
  const numbers = c.numberCount[r];
  if (tolls < 0 || numbers < 0) return false;
  const fp = store.figPool.a;
  let fk = c.fk;
  store.figOff[id] = fk;
  store.tollLen[id] = tolls;
  store.numLen[id] = numbers;
  for (const stop = fk + tolls + numbers; fk < stop; fk++) {
    const x = c.figures[fk];
    if (typeof x !== 'number') return false;
    fp[fk] = x;
  }
  c.fk = fk;
  store.liveTerms += tn;
  return true;
}

/** A decoded column adopted as a pool, full. */
function pooled(column: Int32Array<ArrayBuffer>): I32Pool {
  const pool = new I32Pool(0);
  pool.a = column;
  pool.n = column.length;
  return pool;
}

function sumOf(xs: Int32Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
