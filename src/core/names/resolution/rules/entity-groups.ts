// The mentions grouped by entity root (groups numbered in order of their first mention, each in mention order),
// and where each key's mentions ended up (for attaching one edited article's mentions later without all this
// work). A glossary entry no article names is a group of its own.
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const entityGroups: ResolutionRule = {
  name: 'mentions grouped by entity',
  *run(s: ResolutionState) {
    const { recs, uf } = s;
    const formList = s.forms.list;
    const keyOrder: number[] = [];
    const keyRoot = new Int32Array(s.keyStr.length).fill(-1);
    const keyRootN = new Int32Array(s.keyStr.length);
    const keyRoots = new Map<number, Map<number, number>>();
    const groupOf = new Int32Array(formList.length).fill(-1);
    const groupRoots: number[] = [];
    const groupSize: number[] = [];
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const root = recs.root[i];
        const k = recs.k[i];
        if (keyRoot[k] === -1) {
          keyRoot[k] = root;
          keyOrder.push(k);
        }
        if (keyRoot[k] === root) keyRootN[k]++;
        else {
          let m = keyRoots.get(k);
          if (!m) keyRoots.set(k, (m = new Map([[keyRoot[k], 0]])));
          m.set(root, (m.get(root) ?? 0) + 1);
        }
        let g = groupOf[root];
        if (g === -1) {
          g = groupOf[root] = groupRoots.length;
          groupRoots.push(root);
          groupSize.push(0);
        }
        groupSize[g]++;
      }
      return to;
    });
    for (const g of s.stated.glossaryRoots) {
      const root = uf.find(g.id);
      if (groupOf[root] === -1) {
        groupOf[root] = groupRoots.length;
        groupRoots.push(root);
        groupSize.push(0);
      }
    }
    // A counting sort, stable: each group in mention order.
    const groupStart = new Int32Array(groupRoots.length + 1);
    for (let g = 0; g < groupRoots.length; g++) groupStart[g + 1] = groupStart[g] + groupSize[g];
    const order = new Int32Array(recs.n);
    {
      const fill = groupStart.slice(0, groupRoots.length);
      for (let i = 0; i < recs.n; i++) order[fill[groupOf[recs.root[i]]]++] = i;
    }
    if (s.spent(recs.n >> 3)) yield;
    s.groups = { keyOrder, keyRoot, keyRootN, keyRoots, groupOf, groupRoots, groupStart, order };
  },
};
