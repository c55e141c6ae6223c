// Equivalences the texts state ("known as", a translation in brackets: "Jaysh al-Islam (Army of Islam)") join
// entities corpus-wide. A name stated as the equivalent of several others joins only the one the texts state most
// ("Army of Conquest" is Jaysh al-Fateh, though one text says Jaysh al-Islam); in a tie, a name the texts state to be
// something else more often is left out ("Jaysh al-Islam" is "Army of Islam" five times); and a place is never stated
// equal to a group or a person.
import { lightKey } from '../../normalize';
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
    // Per spelling of a stated side (transliteration-folded): the names stated equal to it, with how often.
    const partners = new Map<string, Map<number, number>>();
    for (const [ia, sides] of stated)
      for (const [ie, n] of sides) {
        const k = lightKey(formList[ie]!.key);
        let m = partners.get(k);
        if (!m) partners.set(k, (m = new Map()));
        m.set(ia, (m.get(ia) ?? 0) + n);
      }
    // A side stated to be some other name more often than this one has its own translation ("Jaysh al-Islam (Army
    // of Islam)" five times, "(Army of Conquest)" once): in a tie it is not this name's.
    const takenElsewhere = (ia: number, side: string): boolean => {
      const m = partners.get(side)!;
      const own = m.get(ia) ?? 0;
      for (const [other, n] of m) if (other !== ia && n > own) return true;
      return false;
    };
    for (const [ia, sides] of stated) {
      // Spellings of one side ("Jaish al-Islam", "Jaysh al-Islam") count together.
      const bySpelling = new Map<string, { ids: number[]; n: number }>();
      for (const [ie, n] of sides) {
        const k = lightKey(formList[ie]!.key);
        const g = bySpelling.get(k);
        if (g) {
          g.ids.push(ie);
          g.n += n;
        } else bySpelling.set(k, { ids: [ie], n });
      }
      let ranked = [...bySpelling].sort((x, y) => y[1].n - x[1].n);
      if (ranked.length > 1 && ranked[0]![1].n === ranked[1]![1].n) {
        const top = ranked[0]![1].n;
        ranked = ranked.filter(([k, g]) => g.n === top && !takenElsewhere(ia, k));
        if (ranked.length !== 1) continue;
      }
      const ids = ranked[0]![1].ids;
      // A place is never stated to be a group or a person: "al-Qaida's affiliate in Syria known as Fatah al-Sham
      // Front" and a dateline "Syria (The Associated Press …)" name two things side by side.
      for (const ie of ids) if (!kindsClash(formList[ia]!.votes, formList[ie]!.votes)) s.uf.union(ia, ie);
    }
    if (s.spent(arts.length >> 2)) yield;
  },
};
