// Equivalences the texts state ("known as", a translation in brackets: "Jaysh al-Islam (Army of Islam)") join
// entities corpus-wide. A name stated as the equivalent of several others joins only the one the texts state most
// ("Army of Conquest" is Jaysh al-Fateh, though one text says Jaysh al-Islam), and a place is never stated equal to
// a group or a person.
import { kindsClash } from '../forms';
import { ACR } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const statedEquivalences: ResolutionRule = {
  name: 'equivalences the texts state',
  *run(s: ResolutionState) {
    const { recs, recAt, arts } = s;
    const formList = s.forms.list;
    const stated = new Map<number, Map<number, number>>();
    arts.forEach((a, ai) => {
      for (const d of a.names.acronyms) {
        const ra = recAt[ai]![d.acr];
        const re = recAt[ai]![d.exp];
        if (ra === undefined || re === undefined || recs.k[ra] === recs.k[re]) continue;
        if (recs.flags[ra] & ACR) continue;
        const ia = s.idOf(s.keyStr[recs.k[ra]])!;
        const ie = s.idOf(s.keyStr[recs.k[re]])!;
        let m = stated.get(ia);
        if (!m) stated.set(ia, (m = new Map()));
        m.set(ie, (m.get(ie) ?? 0) + 1);
      }
    });
    for (const [ia, sides] of stated) {
      const ranked = [...sides].sort((x, y) => y[1] - x[1]);
      if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) continue;
      // A place is never stated to be a group or a person: "al-Qaida's affiliate in Syria known as Fatah al-Sham
      // Front" and a dateline "Syria (The Associated Press …)" name two things side by side.
      if (kindsClash(formList[ia]!.votes, formList[ranked[0]![0]]!.votes)) continue;
      s.uf.union(ia, ranked[0]![0]);
    }
    if (s.spent(arts.length >> 2)) yield;
  },
};
