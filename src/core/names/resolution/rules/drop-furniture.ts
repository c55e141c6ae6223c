// Page furniture is not a name source: a name followed by the same words in at least FURNITURE_ARTICLES articles of
// one outlet ("Youtube Subscribe to our Youtube channel…", "Source TRTWorld and agencies Related News") is part of
// the page. A spelling used mostly so is dropped everywhere; real names that a page template repeats ("Bashar
// al-Assad") are used far more often in prose and stay.
import { isCountryKey } from '../../lexicon';
import { Recs } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

/** Values of the furniture signature digits (see SIG_DIGITS in the extraction's furniture rule). */
const SIG_VALUE = (() => {
  const v = new Uint8Array(128);
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < digits.length; i++) v[digits.charCodeAt(i)] = i;
  return v;
})();

/** Articles of one outlet that must repeat a name with the same words after it for it to be page furniture. */
const FURNITURE_ARTICLES = 4;

export const dropFurniture: ResolutionRule = {
  name: 'page furniture dropped',
  *run(s: ResolutionState) {
    const { arts, recs } = s;
    // Copies of one article (saved twice, or a corpus multiplied for a benchmark) repeat everything: each text
    // counts once, known by its whole signature string.
    const copyOf = new Map<string, number>();
    const outletIds = new Map<string, number>();
    const textId = new Int32Array(arts.length);
    const outletOf = new Int32Array(arts.length).fill(-1);
    for (let ai = 0; ai < arts.length; ai++) {
      const a = arts[ai];
      const after = a.names.after;
      textId[ai] = ai;
      if (typeof after !== 'string' || !a.meta.outlet) continue;
      let o = outletIds.get(a.meta.outlet);
      if (o === undefined) outletIds.set(a.meta.outlet, (o = outletIds.size));
      outletOf[ai] = o;
      const key = `${o}\n${after}`;
      const first = copyOf.get(key);
      if (first !== undefined) textId[ai] = first;
      else copyOf.set(key, ai);
    }
    if (s.spent(arts.length)) yield;
    // A mention's signature as a number: its outlet and the 18-bit hash of the words after it.
    const sigOf = (i: number): number => {
      const ai = recs.art[i];
      const o = outletOf[ai];
      if (o < 0) return -1;
      const after = arts[ai].names.after as string;
      const at = 3 * recs.idx[i];
      if (at + 3 > after.length) return -1;
      return (
        o * 262144 +
        (SIG_VALUE[after.charCodeAt(at)] << 12) +
        (SIG_VALUE[after.charCodeAt(at + 1)] << 6) +
        SIG_VALUE[after.charCodeAt(at + 2)]
      );
    };
    // Each signature gets a dense number on first sight (one map lookup per mention), under which the last text
    // seen with it and the number of texts are kept in arrays; the counts per key below are arrays by key number.
    const sigIds = new Map<number, number>();
    const lastText: number[] = [];
    const texts: number[] = [];
    const sigId = new Int32Array(recs.n);
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const sig = sigOf(i);
        if (sig < 0) {
          sigId[i] = -1;
          continue;
        }
        const t = textId[recs.art[i]];
        let id = sigIds.get(sig);
        if (id === undefined) {
          sigIds.set(sig, (id = lastText.length));
          lastText.push(t);
          texts.push(1);
          sigId[i] = id;
          continue;
        }
        sigId[i] = id;
        // Texts arrive in order, so a text seen before under this signature is the last one recorded.
        const last = lastText[id]!;
        if (last === t || t < last) continue;
        lastText[id] = t;
        texts[id]!++;
      }
      return to;
    });
    const total = new Int32Array(s.keyStr.length);
    const repeated = new Int32Array(s.keyStr.length);
    // Keys in the order they were first repeated, as the furniture set is filled in.
    const repeatedKeys: number[] = [];
    for (let i = 0; i < recs.n; i++) {
      const k = recs.k[i];
      total[k]++;
      const id = sigId[i];
      if (id >= 0 && texts[id]! >= FURNITURE_ARTICLES && repeated[k]++ === 0) repeatedKeys.push(k);
    }
    const furniture = new Set<number>();
    // A country the lexicon names is a name whatever a sidebar repeats ("… how Saudi Arabia can reclaim …").
    for (const k of repeatedKeys)
      if (repeated[k] >= 0.5 * total[k] && !s.glossaryKeys.has(s.keyStr[k]) && !isCountryKey(s.keyStr[k])) furniture.add(k);
    if (s.spent(recs.n >> 2)) yield;
    if (!furniture.size) return;
    const kept = new Recs(recs.n);
    for (let i = 0; i < recs.n; i++) {
      if (furniture.has(recs.k[i])) continue;
      kept.push(recs.art[i], recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], recs.k[i], recs.passage[i], recs.flags[i]);
    }
    for (const k of furniture) s.dropped.add(s.keyStr[k]);
    s.recs = kept;
  },
};
