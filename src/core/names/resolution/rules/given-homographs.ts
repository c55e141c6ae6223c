// A given name that is also a word of a group's or place's name ("Manar" of Al-Manar TV, "Manar al-Frieh"): a bare
// mention of it in an article that names that person in full is the person, never corpus-wide. Only where the bare
// word is a short form of a longer name: a word that is a full name by itself ("Israel" beside "Israel Katz") keeps
// its own meaning.
import { lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const givenHomographs: ResolutionRule = {
  name: 'given names that are words of other names',
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, glossaryRoots } = s.clusters;
    const { fullByFirst } = s.targets;
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (s.targets.given.has(r) || s.targets.short.has(r) || glossaryRoots.has(r) || kindOf(clusterVotes.get(r)!).kind === 'person')
        continue;
      if (!fs.some((f) => f.words > 1) || fs.some((f) => f.acr)) continue;
      const cands = new Set<number>();
      for (const f of fs) if (f.words === 1) for (const c of fullByFirst.get(lightWord(f.key)) ?? []) if (c !== r) cands.add(c);
      if (cands.size) s.targets.givenHomographs.set(r, [...cands]);
    }
  },
};
