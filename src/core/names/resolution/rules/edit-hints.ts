// What the incremental update needs from this resolution (each key's entities, commonest first, and the keys read
// as ordinary words), and the finished index.
import { makeIndexSteps, type ResolveHints } from '../../incremental';
import type { Entity } from '../../model';
import { nameKey } from '../../normalize';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const editHints: ResolutionRule = {
  name: 'hints for edits, and the index',
  *run(s: ResolutionState) {
    const { uf, drafts, byRoot } = s;
    const { keyOrder, keyRoot, keyRootN, keyRoots } = s.groups!;
    const entityOf: (Entity | undefined)[] = new Array(s.forms.list.length);
    for (const d of drafts) entityOf[d.root] = d.entity;
    const byKey: ResolveHints['byKey'] = new Map();
    for (const k of keyOrder) {
      const list: { id: string; n: number }[] = [];
      const roots = keyRoots.get(k);
      if (roots) roots.set(keyRoot[k], keyRootN[k]);
      for (const [root, n] of roots ?? [[keyRoot[k], keyRootN[k]] as const]) {
        const e = entityOf[root];
        if (e) list.push({ id: e.id, n });
      }
      if (list.length) byKey.set(s.keyStr[k], list.length > 1 ? list.sort((a, b) => b.n - a.n) : list);
      if (s.spent(4)) yield;
    }
    for (const g of s.stated.glossaryRoots) {
      const e = byRoot.get(uf.find(g.id));
      if (!e) continue;
      for (const n of [g.entry.name, ...g.entry.aliases]) {
        const k = nameKey(n);
        if (!byKey.has(k)) byKey.set(k, [{ id: e.id, n: 0 }]);
      }
    }
    for (const k of byKey.keys()) s.dropped.delete(k);
    if (s.spent(drafts.length)) yield;
    s.index = yield* makeIndexSteps(
      drafts.map((d) => d.entity),
      { byKey, dropped: s.dropped },
      s.perFile,
      true,
    );
  },
};
