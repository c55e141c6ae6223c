// A nickname blended from the openings of a person's given name and surname, as celebrity news writes them ("LiLo"
// for Lindsay Lohan, "JLo"): one word in two capitalised pieces of one to three letters, joined to the one person of
// its articles whose two-word name opens with those pieces. Across articles it must point at the same person.
import { kindOf } from '../../votes';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

/** Two capitalised pieces of one to three letters: "LiLo", "JLo" (not "McDermott", "LaRue": their pieces are longer). */
const BLEND = /^(\p{Lu}\p{Ll}{0,2})(\p{Lu}\p{Ll}{1,2})$/u;

export const nameBlends: ResolutionRule = {
  name: 'nicknames blended from a full name',
  *run(s: ResolutionState) {
    const { recs, uf } = s;
    const { byK } = s.forms;
    // The blend forms, with their two pieces, and the articles they occur in.
    const pieces = new Map<number, [string, string]>();
    const arts = new Set<number>();
    for (let i = 0; i < recs.n; i++) {
      const f = byK[recs.k[i]]!;
      if (f.words !== 1 || f.acr) continue;
      const m = BLEND.exec(recs.surface[i]);
      if (!m) continue;
      pieces.set(f.k, [m[1]!.toLowerCase(), m[2]!.toLowerCase()]);
      arts.add(recs.art[i]);
    }
    if (s.spent(recs.n >> 2)) yield;
    if (!pieces.size) return;
    // The two-word persons' names of those articles.
    const persons = new Map<number, Set<number>>();
    for (let i = 0; i < recs.n; i++) {
      if (!arts.has(recs.art[i])) continue;
      const f = byK[recs.k[i]]!;
      if (f.words !== 2 || f.acr || kindOf(f.votes).kind !== 'person') continue;
      let set = persons.get(recs.art[i]);
      if (!set) persons.set(recs.art[i], (set = new Set()));
      set.add(f.k);
    }
    // Each blend: the persons it opens in every article it occurs in; joined when that is one person throughout.
    const target = new Map<number, number | null>();
    for (let i = 0; i < recs.n; i++) {
      const p = pieces.get(recs.k[i]);
      if (!p || target.get(recs.k[i]) === null) continue;
      const found = new Set<number>();
      for (const k of persons.get(recs.art[i]) ?? []) {
        const [given, family] = byK[k]!.key.split(' ') as [string, string];
        if (given.length > p[0].length && family.length > p[1].length && given.startsWith(p[0]) && family.startsWith(p[1]))
          found.add(uf.find(byK[k]!.id));
      }
      if (found.size > 1) target.set(recs.k[i], null);
      else if (found.size === 1) {
        const t = [...found][0]!;
        const before = target.get(recs.k[i]);
        target.set(recs.k[i], before === undefined || before === t ? t : null);
      }
    }
    for (const [k, t] of target) if (t !== null) uf.union(byK[k]!.id, t);
  },
};
