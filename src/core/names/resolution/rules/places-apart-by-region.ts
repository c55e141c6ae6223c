// Homonyms: two places of one name in two regions ("al-Jaberiyeh village in Hama province", "al-Jabiriyeh in
// Aleppo city"; "Hader in Quneitra", "al-Hader in the southern Aleppo countryside"). Spelling merges cannot tell them
// apart; the texts' own "X in Y" can. Where a place's articles locate it in regions that nothing in the corpus relates
// (neither is said to be in the other, directly or through one or two places between, and neither name holds the
// other: "Idlib" and "Idlib Province" are one region), the articles of each region but the most written one are an
// entity of their own. An article that locates it nowhere goes with the region it names most often.
import type { Form } from '../forms';
import { moveToHomonym } from '../homonym-form';
import { isCountryKey } from '../../lexicon';
import { kindOf } from '../../votes';
import { ACR } from '../records';
import type { ResolutionRule } from '../rule';
import type { ResolutionState } from '../state';
import { UnionFind } from '../union-find';

export const placesApartByRegion: ResolutionRule = {
  name: 'one place name in two regions is two entities',
  // eslint-disable-next-line require-yield -- a pass over the few located places, then one over their articles
  *run(s: ResolutionState) {
    const { uf, recs, recAt, homonymOf } = s;
    const { byK } = s.forms;
    const { votes: clusterVotes, count: clusterCount, forms: clusterForms, glossaryRoots } = s.clusters;
    const rootAt = (i: number): number => homonymOf.get(i) ?? uf.find(byK[recs.k[i]]!.id);
    const isPlace = (r: number): boolean => {
      const v = clusterVotes.get(r);
      return !!v && kindOf(v).kind === 'place';
    };
    // place root → region root → articles saying so; and every "in" edge, for relating regions.
    const regions = new Map<number, Map<number, Set<number>>>();
    const edges = new Map<number, Set<number>>();
    s.arts.forEach((a, ai) => {
      const w = a.names.within;
      if (!w) return;
      for (let j = 0; j + 1 < w.length; j += 2) {
        const x = recAt[ai]?.[w[j]!];
        const y = recAt[ai]?.[w[j + 1]!];
        if (x === undefined || y === undefined || recs.flags[x]! & ACR) continue;
        const rx = rootAt(x);
        const ry = rootAt(y);
        // A region is written at least as often as a place in it; "the Damascus neighbourhood of Jobar" reads the
        // other way round.
        if (rx === ry || !isPlace(rx) || !isPlace(ry) || (clusterCount.get(ry) ?? 0) < (clusterCount.get(rx) ?? 0)) continue;
        let e = edges.get(rx);
        if (!e) edges.set(rx, (e = new Set()));
        e.add(ry);
        let m = regions.get(rx);
        if (!m) regions.set(rx, (m = new Map()));
        let arts = m.get(ry);
        if (!arts) m.set(ry, (arts = new Set()));
        arts.add(ai);
      }
    });
    const within = (a: number, b: number): boolean => {
      let frontier = [a];
      const seen = new Set<number>([a]);
      for (let hop = 0; hop < 3 && frontier.length; hop++) {
        const next: number[] = [];
        for (const x of frontier)
          for (const y of edges.get(x) ?? []) {
            if (y === b) return true;
            if (!seen.has(y)) {
              seen.add(y);
              next.push(y);
            }
          }
        frontier = next;
      }
      return false;
    };
    const wordsMemo = new Map<number, string[][]>();
    const wordsOf = (r: number): string[][] => {
      let ws = wordsMemo.get(r);
      if (!ws) wordsMemo.set(r, (ws = (clusterForms.get(r) ?? []).map((f) => f.key.split(' '))));
      return ws;
    };
    const holds = (a: number, b: number): boolean => {
      const wb = wordsOf(b);
      return wordsOf(a).some((x) => wb.some((y) => y.every((w) => x.includes(w)) || x.every((w) => y.includes(w))));
    };
    // Per split place: article → which region class it belongs to (the main class is left where it is).
    const moves = new Map<number, Map<number, number>>();
    const classesOf = new Map<number, number[][]>();
    // A region is a place the corpus locates two places or more in, and no country: "Mayadeen in eastern Syria" and
    // "Mayadeen in Deir Ezzor province" are one town.
    const placesIn = new Map<number, number>();
    for (const e of edges.values()) for (const y of e) placesIn.set(y, (placesIn.get(y) ?? 0) + 1);
    const isRegion = (r: number): boolean => (placesIn.get(r) ?? 0) >= 2 && !(clusterForms.get(r) ?? []).some((f) => isCountryKey(f.key));
    for (const [rx, byRegion] of regions) {
      if (glossaryRoots.has(rx)) continue;
      for (const r of [...byRegion.keys()]) if (!isRegion(r)) byRegion.delete(r);
      if (byRegion.size < 2) continue;
      const rs = [...byRegion.keys()];
      const u = new UnionFind();
      for (let i = 0; i < rs.length; i++) u.add();
      for (let i = 0; i < rs.length; i++)
        for (let j = i + 1; j < rs.length; j++)
          if (within(rs[i]!, rs[j]!) || within(rs[j]!, rs[i]!) || holds(rs[i]!, rs[j]!)) u.union(i, j);
      const byClass = new Map<number, number[]>();
      rs.forEach((r, i) => {
        const c = u.find(i);
        const l = byClass.get(c);
        if (l) l.push(r);
        else byClass.set(c, [r]);
      });
      if (byClass.size < 2) continue;
      const classes = [...byClass.values()];
      classesOf.set(rx, classes);
      // Articles that locate it: in one class only, that class; in two, none (left where they are).
      const artClass = new Map<number, number>();
      classes.forEach((cls, c) => {
        for (const r of cls)
          for (const a of byRegion.get(r)!) {
            const was = artClass.get(a);
            artClass.set(a, was === undefined || was === c ? c : -1);
          }
      });
      moves.set(rx, artClass);
    }
    if (!moves.size) return;
    // The articles that mention a split place, and how often each names every root (its regions among them), for
    // those that locate it nowhere.
    const regionsNamed = new Map<number, Map<number, number>>();
    const artsOf = new Map<number, Set<number>>();
    for (let i = 0; i < recs.n; i++) {
      const r = rootAt(i);
      if (!moves.has(r)) continue;
      let arts = artsOf.get(r);
      if (!arts) artsOf.set(r, (arts = new Set()));
      arts.add(recs.art[i]!);
      if (!regionsNamed.has(recs.art[i]!)) regionsNamed.set(recs.art[i]!, new Map());
    }
    for (let i = 0; i < recs.n; i++) {
      const named = regionsNamed.get(recs.art[i]!);
      if (!named) continue;
      const r = rootAt(i);
      named.set(r, (named.get(r) ?? 0) + 1);
    }
    for (const [rx, artClass] of moves) {
      const classes = classesOf.get(rx)!;
      for (const a of artsOf.get(rx) ?? []) {
        if (artClass.has(a)) continue;
        // The region it names most often (a story of Homs that names Aleppo once in passing is a Homs story).
        const named = regionsNamed.get(a)!;
        let best = -1;
        let bestN = 0;
        let tie = false;
        classes.forEach((cls, c) => {
          let n = 0;
          for (const r of cls) n += named.get(r) ?? 0;
          if (n > bestN) {
            best = c;
            bestN = n;
            tie = false;
          } else if (n === bestN && n > 0) tie = true;
        });
        if (best >= 0 && !tie) artClass.set(a, best);
      }
      // The most written region (by articles) keeps the entity.
      const arts = classes.map(() => 0);
      for (const c of artClass.values()) if (c >= 0) arts[c]!++;
      let main = 0;
      arts.forEach((n, c) => {
        if (n > arts[main]!) main = c;
      });
      for (const [a, c] of artClass) if (c === main) artClass.delete(a);
    }
    const made = new Map<string, Form>();
    for (let i = 0; i < recs.n; i++) {
      const r = rootAt(i);
      const c = moves.get(r)?.get(recs.art[i]!);
      if (c === undefined || c < 0 || homonymOf.has(i) || recs.flags[i]! & ACR) continue;
      moveToHomonym(s, made, `${r}:${c}`, i);
    }
  },
};
