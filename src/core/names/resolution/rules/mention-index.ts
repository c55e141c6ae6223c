// Mentions by (article, index in the article's extraction), for the rules that read what an article states about
// its own mentions (renamings, acronyms, equivalences, places located in places); a split mention answers with its
// first part. Only articles stating any of these need them.
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const mentionIndex: ResolutionRule = {
  name: 'mentions by article and index',
  *run(s: ResolutionState) {
    const recs = s.recs;
    const recAt: (number[] | null)[] = s.arts.map((a) =>
      a.names.relations.length || a.names.acronyms.length || a.names.within ? [] : null,
    );
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP * 4);
      for (let i = from; i < to; i++) {
        const at = recAt[recs.art[i]];
        if (at && at[recs.idx[i]] === undefined) at[recs.idx[i]] = i;
      }
      return to;
    });
    s.recAt = recAt;
  },
};
