// A name followed by its initials ("Syrian Revolution General Commission SRGC", split by the glued-runs rule): the
// name and its acronym, stated equal.
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const initialsStated: ResolutionRule = {
  name: 'a name and its initials after it',
  // eslint-disable-next-line require-yield -- one pass over the pairs found
  *run(s: ResolutionState) {
    for (const pair of s.initialsStated) {
      const [name, acr] = pair.split('\n') as [string, string];
      const a = s.idOf(name);
      const b = s.idOf(acr);
      if (a !== undefined && b !== undefined) s.uf.union(b, a);
    }
  },
};
