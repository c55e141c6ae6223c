// Links between entities: stated renamings both ways ("formerly" / "later") and a glossary entry's "see also".
import type { Entity } from '../../model';
import { nameKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const entityLinks: ResolutionRule = {
  name: 'renamings and glossary links',
  // eslint-disable-next-line require-yield -- one pass over the stated links
  *run(s: ResolutionState) {
    const { uf, byRoot } = s;
    const relate = (from: Entity, to: Entity, relation: string): void => {
      if (from === to || from.related.some((x) => x.id === to.id && x.relation === relation)) return;
      from.related.push({ id: to.id, relation });
    };
    for (const rel of s.stated.relations) {
      const a = byRoot.get(uf.find(rel.a));
      const b = byRoot.get(uf.find(rel.b));
      if (!a || !b || a === b) continue;
      relate(a, b, rel.relation);
      relate(b, a, rel.relation === 'formerly' ? 'later' : 'formerly');
    }
    for (const g of s.stated.glossaryRoots) {
      const a = byRoot.get(uf.find(g.id));
      if (!a) continue;
      for (const link of g.entry.links ?? []) {
        const id = s.idOf(nameKey(link));
        const b = id === undefined ? undefined : byRoot.get(uf.find(id));
        if (b) relate(a, b, 'see also');
      }
    }
  },
};
