// Homonyms: a place and an organisation of one name ("al-Baath city" in Quneitra, "the ruling Baath party"). Where
// head nouns call a name a place in some articles and an organisation in others, twice or more each, an article
// that calls it a place and never a group is about the place: its mentions of the name are another entity. An
// article that says neither stays with the cluster; so does every acronym ("IS town" is the group's town).
import type { Form } from '../forms';
import { moveToHomonym } from '../homonym-form';
import { ACR, CUE, CUE_GROUP, CUE_PLACE, STRONG } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';

export const placeBesideOrganisation: ResolutionRule = {
  name: 'a place named like an organisation is another entity',
  *run(s: ResolutionState) {
    const { uf, recs, homonymOf } = s;
    const { byK, list: formList } = s.forms;
    const { glossaryRoots } = s.clusters;
    // Each key's cluster root, looked up once per key rather than once per mention.
    const rootOfK = new Int32Array(s.keyStr.length).fill(-1);
    const rootOf = (i: number): number => {
      const k = recs.k[i];
      if (rootOfK[k] < 0) rootOfK[k] = uf.find(byK[k]!.id);
      return rootOfK[k];
    };
    // Clusters with two strong place cues and two strong organisation cues at all: the only ones worth a look.
    const strongPlace = new Int32Array(formList.length);
    const strongGroup = new Int32Array(formList.length);
    const looked = new Uint8Array(formList.length);
    for (let i = 0; i < recs.n; i++) {
      const fl = recs.flags[i];
      if (!(fl & STRONG) || fl & ACR) continue;
      const cue = fl & CUE;
      if (cue === CUE_PLACE) strongPlace[rootOf(i)]++;
      else if (cue === CUE_GROUP) strongGroup[rootOf(i)]++;
    }
    for (let r = 0; r < formList.length; r++) if (strongPlace[r]! >= 2 && strongGroup[r]! >= 2) looked[r] = 1;
    if (s.spent(recs.n >> 2)) yield;
    // Per cluster root and article: strong place cues, any group cue, strong group cues, mentions.
    const tally = new Map<number, Map<number, [number, number, number, number]>>();
    for (let i = 0; i < recs.n; i++) {
      const fl = recs.flags[i];
      const cue = fl & CUE;
      if (fl & ACR || (cue !== CUE_GROUP && !(cue === CUE_PLACE && fl & STRONG))) continue;
      const r = rootOf(i);
      if (!looked[r] || homonymOf.has(i)) continue;
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
    // Only clusters that could have both sides, before the mentions are counted per article.
    const candidates = new Set<number>();
    for (const [r, arts] of tally) {
      if (glossaryRoots.has(r)) continue;
      let place = 0;
      let organisation = 0;
      for (const [p, g, sg] of arts.values()) {
        if (g === 0) place += p;
        else if (p === 0) organisation += sg;
      }
      if (place >= 2 && organisation >= 2) candidates.add(r);
    }
    if (candidates.size === 0) return;
    for (let i = 0; i < recs.n; i++) {
      const r = rootOf(i);
      if (!candidates.has(r) || recs.flags[i] & ACR || homonymOf.has(i)) continue;
      const t = tally.get(r)!.get(recs.art[i]);
      if (t) t[3]++;
    }
    if (s.spent(recs.n >> 2)) yield;
    // An article is about the place when most of its mentions of the name are cued as a place and none as a group
    // (not "blamed on Daesh" once in a story of Daesh attacks).
    const placeArts = new Map<number, Set<number>>();
    for (const r of candidates) {
      let place = 0;
      let organisation = 0;
      const set = new Set<number>();
      for (const [a, [p, g, sg, n]] of tally.get(r)!) {
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
      const r = rootOf(i);
      if (!placeArts.get(r)?.has(recs.art[i]) || recs.flags[i] & ACR || homonymOf.has(i)) continue;
      moveToHomonym(s, made, r, i);
    }
  },
};
