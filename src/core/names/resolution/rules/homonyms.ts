// Homonyms: a place written as a word ("Sana neighborhood") beside an organisation's acronym ("SANA") is another
// thing of the same spelling, with its own entity (one per cluster).
import { placeBesideAcronym } from '../../homonyms';
import type { Form } from '../forms';
import { moveToHomonym } from '../homonym-form';
import { ACR, CUE, CUE_PLACE, STRONG } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const homonyms: ResolutionRule = {
  name: 'a place spelled as an acronym is another entity',
  // eslint-disable-next-line require-yield -- two quick passes over the mentions
  *run(s: ResolutionState) {
    const { uf, recs } = s;
    const { byK } = s.forms;
    const { votes: clusterVotes, glossaryRoots } = s.clusters;
    // How much of each spelling is written as an acronym ("SANA" 305 times, "Sana" 4): per key, not per cluster,
    // so that one "DAESH" does not make an acronym of "Daesh".
    const acrN = new Map<number, number>();
    for (let i = 0; i < recs.n; i++) if (recs.flags[i] & ACR) acrN.set(recs.k[i], (acrN.get(recs.k[i]) ?? 0) + 1);
    const made = new Map<number, Form>();
    for (let i = 0; i < recs.n; i++) {
      const fl = recs.flags[i];
      if (!(fl & STRONG) || fl & ACR) continue;
      if ((fl & CUE) !== CUE_PLACE) continue;
      const r = uf.find(byK[recs.k[i]]!.id);
      const share = (acrN.get(recs.k[i]) ?? 0) / byK[recs.k[i]]!.count;
      if (glossaryRoots.has(r) || !placeBesideAcronym(3, clusterVotes.get(r)!, share)) continue;
      moveToHomonym(s, made, r, i);
    }
  },
};
