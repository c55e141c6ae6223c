// Each mention's cluster root, and where each possible target of a short form is named in each article (for
// choosing in context: the nearest one before the short form wins, "Jenkin" after "Katie Jenkin" is Katie), with
// the other half of each candidate's full name (given names for surnames alone, surnames for given names alone)
// and which of those halves each article uses as one-word names.
import { lightWord } from '../../normalize';
import { GENERATIONAL } from '../forms';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

export const whereabouts: ResolutionRule = {
  name: 'where the candidates are named',
  *run(s: ResolutionState) {
    const { uf, recs, homonymOf } = s;
    const { byK } = s.forms;
    const clusters = s.clusters.forms;
    const { short: shortTargets, given: givenTargets, group: groupTargets, givenHomographs } = s.targets;
    const { rootsInArt, placesInArt, givenWords, surnameWords, halvesInArt } = s.whereabouts;
    const targets = new Set<number>();
    for (const cs of shortTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of givenTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of groupTargets.values()) for (const c of cs) targets.add(c);
    for (const cs of givenHomographs.values()) for (const c of cs) targets.add(c);
    const wordsOf = (c: number, at: 'first' | 'last'): string[] => {
      const out: string[] = [];
      for (const f of clusters.get(c) ?? []) {
        if (f.words < 2 || f.acr) continue;
        let ws = f.key.split(' ');
        if (ws.length > 2 && GENERATIONAL.has(ws[ws.length - 1]!)) ws = ws.slice(0, -1);
        const w = lightWord(at === 'first' ? ws[0]! : ws[ws.length - 1]!);
        if (w.length >= 3 && !out.includes(w)) out.push(w);
      }
      return out;
    };
    const halves = new Set<string>();
    for (const cs of shortTargets.values())
      for (const c of cs)
        if (!givenWords.has(c)) {
          const ws = wordsOf(c, 'first');
          givenWords.set(c, ws);
          for (const w of ws) halves.add(w);
        }
    for (const cs of givenTargets.values())
      for (const c of cs)
        if (!surnameWords.has(c)) {
          const ws = wordsOf(c, 'last');
          surnameWords.set(c, ws);
          for (const w of ws) halves.add(w);
        }
    // Per key: the half of a name it is (an index into halfList), -1 for none, -2 not yet looked at.
    const halfOfKey = new Int32Array(s.keyStr.length).fill(-2);
    const halfList: string[] = [];
    const halfIndex = new Map<string, number>();
    const anyHomonym = homonymOf.size > 0;
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        const root = (anyHomonym ? homonymOf.get(i) : undefined) ?? uf.find(byK[recs.k[i]]!.id);
        recs.root[i] = root;
        if (halves.size) {
          const k = recs.k[i];
          let half = halfOfKey[k]!;
          if (half === -2) {
            const f = byK[k]!;
            const lw = f.words === 1 && !f.acr ? lightWord(f.key) : '';
            half = -1;
            if (halves.has(lw)) {
              half = halfIndex.get(lw) ?? -1;
              if (half < 0) {
                half = halfList.length;
                halfList.push(lw);
                halfIndex.set(lw, half);
              }
            }
            halfOfKey[k] = half;
          }
          if (half >= 0) {
            let set = halvesInArt.get(recs.art[i]);
            if (!set) halvesInArt.set(recs.art[i], (set = new Set()));
            set.add(halfList[half]!);
          }
        }
        if (targets.has(root)) {
          let m = rootsInArt.get(recs.art[i]);
          if (!m) rootsInArt.set(recs.art[i], (m = new Map()));
          // An article names a candidate by a full name; a stated nickname alone ("Katie") marks no more than
          // that it is named here, so it cannot outvote another person of the family.
          m.set(root, (m.get(root) ?? 0) + (byK[recs.k[i]]!.words > 1 ? 1 : 0));
          let p = placesInArt.get(recs.art[i]);
          if (!p) placesInArt.set(recs.art[i], (p = []));
          p.push(recs.start[i], root);
        }
      }
      return to;
    });
  },
};
