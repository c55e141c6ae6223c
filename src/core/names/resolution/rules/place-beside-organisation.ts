// Homonyms: a place and an organisation of one name ("al-Baath city" in Quneitra, "the ruling Baath party"). Where
// head nouns call a name a place in some articles and an organisation in others, twice or more each, an article
// that calls it a place and never a group is about the place: its mentions of the name are another entity. An
// article that says neither stays with the cluster; so does every acronym ("IS town" is the group's town).
import { emptyVotes } from '../../votes';
import { newForm, type Form } from '../forms';
import { ACR, addVoteBits, CUE, CUE_GROUP, CUE_PLACE, STRONG } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const placeBesideOrganisation: ResolutionRule = {
  name: 'a place named like an organisation is another entity',
  *run(s: ResolutionState) {
    const { uf, recs, homonymOf } = s;
    const { byK, list: formList } = s.forms;
    const { forms: clusters, votes: clusterVotes, count: clusterCount, glossaryRoots } = s.clusters;
    // Per cluster root and article: strong place cues, any group cue, strong group cues, mentions.
    const tally = new Map<number, Map<number, [number, number, number, number]>>();
    for (let i = 0; i < recs.n; i++) {
      const fl = recs.flags[i];
      const cue = fl & CUE;
      if (fl & ACR || (cue !== CUE_GROUP && !(cue === CUE_PLACE && fl & STRONG)) || homonymOf.has(i)) continue;
      const r = uf.find(byK[recs.k[i]]!.id);
      let arts = tally.get(r);
      if (!arts) tally.set(r, (arts = new Map()));
      let t = arts.get(recs.art[i]);
      if (!t) arts.set(recs.art[i], (t = [0, 0, 0, 0]));
      if (cue === CUE_PLACE) t[0]++;
      else {
        t[1]++;
        if (fl & STRONG) t[2]++;
      }
    }
    if (tally.size === 0) return;
    for (let i = 0; i < recs.n; i++) {
      if (homonymOf.has(i) || recs.flags[i] & ACR) continue;
      const t = tally.get(uf.find(byK[recs.k[i]]!.id))?.get(recs.art[i]);
      if (t) t[3]++;
    }
    if (s.spent(recs.n >> 1)) yield;
    // An article is about the place when most of its mentions of the name are cued as a place and none as a group
    // (not "blamed on Daesh" once in a story of Daesh attacks).
    const placeArts = new Map<number, Set<number>>();
    for (const [r, arts] of tally) {
      if (glossaryRoots.has(r)) continue;
      let place = 0;
      let organisation = 0;
      const set = new Set<number>();
      for (const [a, [p, g, sg, n]] of arts) {
        if (p > 0 && g === 0 && 2 * p >= n) {
          place += p;
          set.add(a);
        } else if (p === 0) organisation += sg;
      }
      if (place >= 2 && organisation >= 2) placeArts.set(r, set);
    }
    if (placeArts.size === 0) return;
    const made = new Map<number, Form>();
    for (let i = 0; i < recs.n; i++) {
      if (homonymOf.has(i) || recs.flags[i] & ACR) continue;
      const r = uf.find(byK[recs.k[i]]!.id);
      if (!placeArts.get(r)?.has(recs.art[i])) continue;
      let f = made.get(r);
      if (!f) {
        f = newForm(s.keyStr[recs.k[i]], recs.k[i], formList.length);
        formList.push(f);
        uf.add();
        made.set(r, f);
        clusters.set(f.id, [f]);
        clusterVotes.set(f.id, emptyVotes());
        clusterCount.set(f.id, 0);
      }
      f.count++;
      if (f.arts[f.arts.length - 1] !== recs.art[i]) f.arts.push(recs.art[i]);
      addVoteBits(f.votes, recs.flags[i]);
      addVoteBits(clusterVotes.get(f.id)!, recs.flags[i]);
      clusterCount.set(f.id, f.count);
      homonymOf.set(i, f.id);
    }
  },
};
