// A member of a team or body named by its name in the singular: "a fourth-quarter Indianapolis Colt stampede", "a
// former Dallas Cowboy", "a Syrian Democratic Force fighter" are the Indianapolis Colts, the Dallas Cowboys, the
// Syrian Democratic Forces. A name of two words or more is that plural name without its final "s" when the corpus
// writes the plural far more often, not as a person's name, and no cue makes the singular a person's: a person's
// name with an "s" added is another person or a possessive, which the possessives rule reads.
import { kindOf } from '../../votes';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

/** How many times more often the plural must be written than the singular. */
const PLURAL_SHARE = 3;

export const memberSingulars: ResolutionRule = {
  name: 'a team or body named in the singular',
  *run(s: ResolutionState) {
    const { uf } = s;
    for (const f of s.forms.list) {
      if (s.spent(1)) yield;
      if (f.words < 2 || f.acr || /s$/.test(f.key)) continue;
      const plural = s.formOf(`${f.key}s`);
      if (!plural || plural.acr || plural.count < 3 || plural.count < PLURAL_SHARE * f.count) continue;
      // The plural must not read as a person's name (a team's is mostly written after "the"); the singular may look
      // like one by its shape (two capitalised words), but no title or cue may say it is one.
      if (kindOf(plural.votes).kind === 'person' || f.strongPerson > 0) continue;
      uf.union(plural.id, f.id);
    }
  },
};
