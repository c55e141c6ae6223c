// Built-in synonyms (Daesh = ISIS = ISIL = IS = Islamic State), from the lexicon.
import { SYNONYMS } from '../../lexicon';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const synonyms: ResolutionRule = {
  name: 'built-in synonyms joined',
  // eslint-disable-next-line require-yield -- one pass over a short list
  *run(s: ResolutionState) {
    for (const row of SYNONYMS) {
      const ids = row.map((k) => s.idOf(k)).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) s.uf.union(ids[0], x);
    }
  },
};
