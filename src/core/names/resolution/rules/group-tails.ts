// Groups and works are also named by the tail of their full name ("Red Sox" for Boston Red Sox, "Jaguars" for
// Jacksonville Jaguars, "Herald" for the Boston Herald), but with no surname's licence to travel: such a tail is
// a candidate for the full names ending in it, chosen in context (`shortFormsInContext`: the one its own article
// gives, or the only one of the corpus). A place is no group's tail.
import { lightKey, lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import { indexTails } from '../forms';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const groupTails: ResolutionRule = {
  name: "tails of groups' names",
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, glossaryRoots } = s.clusters;
    const groupBySuffix = new Map<string, Set<number>>();
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      const kind = kindOf(clusterVotes.get(r)!).kind;
      if (kind === 'person' || !fs.some((f) => f.words > 1)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const ws = f.key.split(' ').map(lightWord);
        indexTails(groupBySuffix, ws, r);
      }
    }
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (fs.some((f) => f.acr) || glossaryRoots.has(r)) continue;
      if (kindOf(clusterVotes.get(r)!).kind === 'place') continue;
      const tails = new Set<number>();
      for (const f of fs) for (const t of groupBySuffix.get(lightKey(f.key)) ?? []) if (t !== r) tails.add(t);
      if (tails.size) s.targets.group.set(r, [...tails]);
    }
  },
};
