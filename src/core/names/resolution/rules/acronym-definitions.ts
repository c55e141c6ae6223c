// Acronyms defined in the text ("Hayat Tahrir al-Sham (HTS)") join their expansion; the definition is kept for the
// entity's name (an expansion names what its acronym stands for).
import { ACR } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const acronymDefinitions: ResolutionRule = {
  name: 'acronyms defined in the text',
  // eslint-disable-next-line require-yield -- one pass over the stated acronyms
  *run(s: ResolutionState) {
    const { recs, recAt } = s;
    s.arts.forEach((a, ai) => {
      for (const d of a.names.acronyms) {
        const ra = recAt[ai]![d.acr];
        const re = recAt[ai]![d.exp];
        if (ra === undefined || re === undefined || recs.k[ra] === recs.k[re]) continue;
        // A bracketed name that is no acronym is a stated equivalence (see statedEquivalences).
        if (!(recs.flags[ra] & ACR)) continue;
        const ia = s.idOf(s.keyStr[recs.k[ra]])!;
        const ie = s.idOf(s.keyStr[recs.k[re]])!;
        s.uf.union(ia, ie);
        s.stated.acronymDefs.push({
          acr: ia,
          exp: ie,
          art: ai,
          start: recs.start[ra],
          end: recs.end[ra],
          surface: recs.surface[ra],
          expSurface: recs.surface[re],
        });
      }
    });
  },
};
