// Stable ids from names; ties broken by mention count so the better-known entity keeps the plain id. Names with one
// slug ("SANA" the agency, "Sana" a neighbourhood) are ordered by mention count first.
import { slug } from '../../normalize';
import type { ResolutionRule } from '../rule';
import { compareText, type Draft, type ResolutionState } from '../state';

export const entityIds: ResolutionRule = {
  name: 'entity ids',
  // eslint-disable-next-line require-yield -- one sort of the entities
  *run(s: ResolutionState) {
    const { drafts } = s;
    const slugOf = new Map<Draft, string>();
    for (const d of drafts) slugOf.set(d, slug(d.entity.name));
    drafts.sort((a, b) => compareText(slugOf.get(a)!, slugOf.get(b)!) || b.n - a.n || compareText(a.entity.name, b.entity.name));
    const used = new Set<string>();
    for (const d of drafts) {
      const base = slugOf.get(d)!;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      d.entity.id = id;
    }
    for (const d of drafts) s.byRoot.set(d.root, d.entity);
  },
};
