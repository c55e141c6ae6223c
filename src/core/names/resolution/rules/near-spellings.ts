// Near variants one consonant apart ("Khmeimim"/"Hmeimin"), long words only. Near variants differ by one look-alike
// consonant (m/n, d/t, s/z, b/p, f/v) and otherwise only in vowels: a skeleton that folds those consonants puts
// every such pair in one bucket.
import { keysCompatible, lightWord, nearSkeletonKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence, variantForms } from '../variants';

export const nearSpellings: ResolutionRule = {
  name: 'spellings one consonant apart',
  *run(s: ResolutionState) {
    const { uf } = s;
    const forms = yield* variantForms(s);
    const near = yield* s.blocks(forms, (f) => {
      if (!f.key.split(' ').some((w) => lightWord(w).length >= 6)) return undefined;
      const v = nearSkeletonKey(f.key);
      return v.replace(/ /g, '').length < 2 ? undefined : v;
    });
    yield* s.unionPairs(near, (a, b) => {
      if (uf.find(a.id) === uf.find(b.id)) return false;
      const c = keysCompatible(a.key, b.key);
      return c.ok && c.near && variantConfidence(s, a, b, c) >= MERGE_THRESHOLD;
    });
  },
};
