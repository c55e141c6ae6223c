// A given name alone ("Lindsay", "Neil") is a candidate for the persons of that given name; the one the same
// article names in full is chosen in context (`shortFormsInContext`).
import { lightWord } from '../../normalize';
import { kindOf } from '../../votes';
import { strongNonPerson } from '../forms';
import { personal } from '../persons';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

/** First words of full names that are no given name a person is called by alone. */
const NOT_GIVEN = new Set([
  'abu',
  'umm',
  'bin',
  'ibn',
  'bint',
  'abd',
  'abdel',
  'abdul',
  'the',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'saint',
  'st',
]);

export const givenNames: ResolutionRule = {
  name: 'given names alone',
  *run(s: ResolutionState) {
    const { forms: clusters, votes: clusterVotes, glossaryRoots } = s.clusters;
    const { fullByFirst } = s.targets;
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (!fs.some((f) => f.words > 1) || !personal(s, fs, r)) continue;
      for (const f of fs) {
        if (f.words < 2 || f.acr) continue;
        const first = f.key.split(' ')[0]!;
        if (NOT_GIVEN.has(first) || first.length < 3) continue;
        const lw = lightWord(first);
        let set = fullByFirst.get(lw);
        if (!set) fullByFirst.set(lw, (set = new Set()));
        set.add(r);
      }
    }
    for (const [r, fs] of clusters) {
      if (s.spent(fs.length)) yield;
      if (s.targets.short.has(r) || glossaryRoots.has(r) || fs.some((f) => f.acr || f.words > 1) || strongNonPerson(fs)) continue;
      const selfKind = kindOf(clusterVotes.get(r)!);
      if (selfKind.decisive && selfKind.kind !== 'person') continue;
      const cands = new Set<number>();
      for (const f of fs) for (const c of fullByFirst.get(lightWord(f.key)) ?? []) if (c !== r) cands.add(c);
      if (cands.size) s.targets.given.set(r, [...cands]);
    }
  },
};
