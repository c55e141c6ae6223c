// The lower-case vocabulary of the corpus (document frequency): a capitalised word that is also an ordinary
// lower-case word in several articles ("Activists", "Dozens", "Follow") is not a name on its own. Sets
// `ResolutionState.common` for the rules after it.
import { nameKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

/** Articles that must write a word in lower case for it to be an ordinary word of the corpus (at the least). */
export const ORDINARY_ARTICLES = 3;

export const vocabulary: ResolutionRule = {
  name: 'ordinary words of the corpus',
  *run(s: ResolutionState) {
    const lowerDf = new Map<string, number>();
    for (const f of s.forms.list) for (const w of f.key.split(' ')) lowerDf.set(w, 0);
    const arts = s.arts;
    yield* s.slices(arts.length, (from) => {
      let ai = from;
      for (let budget = STEP; ai < arts.length && budget > 0; ai++) {
        const lower = arts[ai].names.lower ?? [];
        for (const w of lower) {
          const n = lowerDf.get(w);
          if (n !== undefined) lowerDf.set(w, n + 1);
        }
        budget -= 1 + (lower.length >> 2);
      }
      return ai;
    });
    // Articles where a one-word key is capitalised (mentions arrive in article order).
    const capDf = new Int32Array(s.keyStr.length);
    const capLast = new Int32Array(s.keyStr.length).fill(-1);
    const { byK } = s.forms;
    const recs = s.recs;
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const k = recs.k[i];
        if (byK[k]!.words !== 1) continue;
        if (capLast[k] !== recs.art[i]) {
          capLast[k] = recs.art[i];
          capDf[k]++;
        }
      }
      return to;
    });
    const memo = new Map<string, boolean>();
    s.common = (word: string): boolean => {
      const hit = memo.get(word);
      if (hit !== undefined) return hit;
      const k = nameKey(word);
      const low = lowerDf.get(k) ?? 0;
      const kk = s.keyIds.get(k);
      const v = !s.glossaryKeys.has(k) && low >= ORDINARY_ARTICLES && low >= 0.2 * (kk === undefined || kk >= capDf.length ? 0 : capDf[kk]);
      memo.set(word, v);
      return v;
    };
  },
};
