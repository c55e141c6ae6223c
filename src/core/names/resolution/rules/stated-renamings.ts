// Stated renamings ("Fatah al-Sham Front, formerly the Nusra Front") keep their two sides apart: two entities,
// linked, never merged by a later rule.
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const statedRenamings: ResolutionRule = {
  name: 'stated renamings kept apart',
  // eslint-disable-next-line require-yield -- one pass over the stated renamings, which are few
  *run(s: ResolutionState) {
    const { recs, recAt } = s;
    const keyAt = (ai: number, idx: number): string | undefined => {
      const i = recAt[ai]![idx];
      return i === undefined ? undefined : s.keyStr[recs.k[i]];
    };
    s.arts.forEach((a, ai) => {
      for (const rel of a.names.relations) {
        const ka = keyAt(ai, rel.from);
        const kb = keyAt(ai, rel.to);
        if (!ka || !kb || ka === kb) continue;
        const ia = s.idOf(ka)!;
        const ib = s.idOf(kb)!;
        s.uf.separate(ia, ib);
        s.stated.relations.push({ a: ia, b: ib, relation: rel.relation });
      }
    });
  },
};
