// Identical folded spellings too short for a skeleton ("Foua"/"Fuaa"): one spelling.
import { lightKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { MERGE_THRESHOLD, variantConfidence } from '../variants';

export const foldedSpellings: ResolutionRule = {
  name: 'identical folded spellings',
  *run(s: ResolutionState) {
    const folded = yield* s.blocks(s.forms.list, (f) => (f.acr ? undefined : lightKey(f.key)));
    for (const b of folded) {
      // Each joins the first form of its bucket (not every pair): identical folded keys are one spelling.
      for (let i = 1; i < b.length; i++) {
        if (variantConfidence(s, b[0], b[i], { exact: true, near: false }) >= MERGE_THRESHOLD) s.uf.union(b[0].id, b[i].id);
      }
      if (s.spent(b.length)) yield;
    }
  },
};
