// A glossary entry's name and aliases are one entity by the reader's say-so (forced past stated renamings).
import { nameKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const glossaryNames: ResolutionRule = {
  name: 'glossary names and aliases joined',
  // eslint-disable-next-line require-yield -- one pass over the glossary
  *run(s: ResolutionState) {
    for (const g of s.glossary) {
      if (g.hidden) continue;
      const ids = [g.name, ...g.aliases].map((n) => s.idOf(nameKey(n))).filter((x): x is number => x !== undefined);
      for (const x of ids.slice(1)) s.uf.union(ids[0], x, true);
      if (ids.length) s.stated.glossaryRoots.push({ entry: g, id: ids[0] });
    }
  },
};
