// Spellings whose word breaks differ: "Abdel Rahman"/"Abdulrahman"/"Abdurrahman", "Nour al-Din"/"Noureddin".
import { joinedCompatible, joinedLightKey, skeletonWord } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence, variantForms } from '../variants';

export const wordBreaks: ResolutionRule = {
  name: 'spellings with other word breaks',
  *run(s: ResolutionState) {
    const { uf } = s;
    const forms = yield* variantForms(s);
    const joined = yield* s.blocks(forms, (f) => {
      const sk = skeletonWord(joinedLightKey(f.key));
      return sk.length < 3 ? undefined : sk;
    });
    yield* s.unionPairs(joined, (a, b) => {
      if (a.words === b.words || uf.find(a.id) === uf.find(b.id)) return false;
      const c = joinedCompatible(a.key, b.key);
      return c.ok && variantConfidence(s, a, b, c) >= MERGE_THRESHOLD;
    });
  },
};
