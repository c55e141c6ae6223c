// Page furniture is not a name source: a name followed by the same words in at least FURNITURE_ARTICLES articles of
// one outlet ("Youtube Subscribe to our Youtube channel…", "Source TRTWorld and agencies Related News") is part of
// the page. A spelling used mostly so is dropped everywhere; real names that a page template repeats ("Bashar
// al-Assad") are used far more often in prose and stay. So do names other outlets write in their own text: one
// outlet's "Related News" sidebar repeating "Summit in Tehran…" or "…the Arab Spring" does not make Tehran or the
// Arab Spring page text in the prose of two other outlets. An ordinary word ("Follow", "Thousands", "World") is
// not saved that way: other outlets' capitals there only open sentences.
import { isCountryKey } from '../../lexicon';
import { Recs } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';
import { ORDINARY_ARTICLES } from './vocabulary';

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
    for (const k of writtenByOtherOutlets(s, furniture, sigId, texts, outletOf)) furniture.delete(k);
    const kept = new Recs(recs.n);
    for (let i = 0; i < recs.n; i++) {
      if (furniture.has(recs.k[i])) continue;
      kept.push(recs.art[i], recs.idx[i], recs.start[i], recs.end[i], recs.surface[i], recs.k[i], recs.passage[i], recs.flags[i]);
    }
    for (const k of furniture) s.dropped.add(s.keyStr[k]);
    s.recs = kept;
  },
};

/** Outlets other than its template's that must write a furniture spelling in their text for it to stay a name. */
const OTHER_OUTLETS = 2;

/**
 * The furniture keys that at least OTHER_OUTLETS other outlets write outside any template of theirs (an article
 * without an outlet counts as an outlet of its own), and that are no ordinary lower-case word of the corpus.
 */
function writtenByOtherOutlets(
  s: ResolutionState,
  furniture: ReadonlySet<number>,
  sigId: Int32Array,
  texts: readonly number[],
  outletOf: Int32Array,
): number[] {
  const { recs, arts } = s;
  const templateOutlets = new Map<number, Set<number>>();
  const textOutlets = new Map<number, Set<number>>();
  for (let i = 0; i < recs.n; i++) {
    const k = recs.k[i];
    if (!furniture.has(k)) continue;
    const ai = recs.art[i];
    const id = sigId[i];
    const inTemplate = id >= 0 && texts[id]! >= FURNITURE_ARTICLES;
    const outlet = outletOf[ai] >= 0 ? outletOf[ai] : -1 - ai;
    const by = inTemplate ? templateOutlets : textOutlets;
    let set = by.get(k);
    if (!set) by.set(k, (set = new Set()));
    set.add(outlet);
  }
  const saved: number[] = [];
  for (const [k, outlets] of textOutlets) {
    const template = templateOutlets.get(k);
    let others = 0;
    for (const o of outlets) if (!template?.has(o)) others++;
    if (others >= OTHER_OUTLETS) saved.push(k);
  }
  const oneWord = new Map<string, number>();
  for (const k of saved) if (!s.keyStr[k].includes(' ')) oneWord.set(s.keyStr[k], 0);
  if (oneWord.size) {
    for (const a of arts) for (const w of a.names.lower ?? []) if (oneWord.has(w)) oneWord.set(w, oneWord.get(w)! + 1);
  }
  return saved.filter((k) => (oneWord.get(s.keyStr[k]) ?? 0) < ORDINARY_ARTICLES);
}
