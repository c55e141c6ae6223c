// Spelling variants: forms with the same consonant skeleton, compatible word by word ("Hezbollah"/"Hizballah",
// "Golani"/"Julani"), joined when `variantConfidence` says so.
import { keysCompatible, skeletonKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence, variantForms } from '../variants';

export const spellingVariants: ResolutionRule = {
  name: 'spelling variants by skeleton',
  *run(s: ResolutionState) {
    const forms = yield* variantForms(s);
    const skeletons = yield* s.blocks(
      forms,
      (f) => {
        const sk = skeletonKey(f.key);
        return sk.replace(/ /g, '').length < 2 ? undefined : sk;
      },
      2,
    );
    yield* s.unionPairs(skeletons, (a, b) => {
      const c = keysCompatible(a.key, b.key);
      return c.ok && variantConfidence(s, a, b, c) >= MERGE_THRESHOLD;
    });
  },
};
