// Each mention's entity root: a short form (surname, given name, group's tail, given-name homograph) moves to the
// candidate its article names nearest it ("Jenkin" after "Katie Jenkin" is Katie), where the article names several
// the one named at least twice as often, and one surname shared by two people of one story stays apart. Named
// nowhere in its article: completed by the other half of a name the article uses, else the candidate whose coverage
// names what this article names, else the most mentioned of those spelled exactly so, else of all.
import { CoverageContext } from '../../coverage-context';
import { endsWithName } from '../../in-article';
import { ARTICLE_OPENS } from '../../lexicon';
import { ACR } from '../records';
import type { ResolutionRule } from '../rule';
import { givenNameChoice, groupTailChoice, nearest, surnameChoice, type ArticleNaming } from '../short-form-choice';
import { STEP, type ResolutionState } from '../state';

export const shortFormsInContext: ResolutionRule = {
  name: 'short forms to the full name in context',
  *run(s: ResolutionState) {
    const { recs } = s;
    const { byK } = s.forms;
    const { forms: clusters, count: clusterCount } = s.clusters;
    const { short: shortTargets, given: givenTargets, group: groupTargets, givenHomographs } = s.targets;
    const { rootsInArt, placesInArt, givenWords, surnameWords, halvesInArt } = s.whereabouts;
    const naming = (art: number): ArticleNaming => ({
      places: placesInArt.get(art),
      here: rootsInArt.get(art),
      halves: halvesInArt.get(art),
    });
    const nestedMemo = new Map<string, boolean>();
    const nested = (a: number, b: number): boolean => {
      const memoKey = a < b ? `${a}:${b}` : `${b}:${a}`;
      let hit = nestedMemo.get(memoKey);
      if (hit === undefined) {
        const ka = (clusters.get(a) ?? []).filter((f) => f.words > 1).map((f) => f.key);
        const kb = (clusters.get(b) ?? []).filter((f) => f.words > 1).map((f) => f.key);
        hit = ka.some((x) => kb.some((y) => endsWithName(x, y) || endsWithName(y, x)));
        nestedMemo.set(memoKey, hit);
      }
      return hit;
    };
    const exactMemo = new Map<string, boolean>();
    const exactSuffix = (short: number, full: number): boolean => {
      const memoKey = `${short}:${full}`;
      let hit = exactMemo.get(memoKey);
      if (hit === undefined) {
        const ends = (clusters.get(short) ?? []).map((f) => ' ' + f.key);
        hit = (clusters.get(full) ?? []).some((f) => ends.some((e) => f.key.endsWith(e)));
        exactMemo.set(memoKey, hit);
      }
      return hit;
    };
    // Made on first need, from the cluster roots as they stand before short forms move (the loop below rewrites them).
    let coverageCtx: CoverageContext | undefined;
    const coverage = (): CoverageContext => {
      if (!coverageCtx) {
        const namedIn = new Map<number, number[]>();
        for (const [a, m] of rootsInArt)
          for (const [c, n] of m)
            if (n > 0) {
              const l = namedIn.get(c);
              if (l) l.push(a);
              else namedIn.set(c, [a]);
            }
        coverageCtx = new CoverageContext(recs.art, recs.root.slice(0, recs.n), recs.n, (c) => namedIn.get(c) ?? []);
      }
      return coverageCtx;
    };
    const shortOnce = (art: number, root: number, start: number): number => {
      const given = givenTargets.get(root);
      if (given) {
        const c = givenNameChoice(
          naming(art),
          start,
          given,
          nested,
          (x) => surnameWords.get(x) ?? [],
          clusterCount.get(root) ?? 0,
          (x) => clusterCount.get(x) ?? 0,
        );
        return c >= 0 ? c : root;
      }
      const tails = groupTargets.get(root);
      if (tails) {
        const c = groupTailChoice(naming(art), start, tails, nested);
        return c >= 0 ? c : root;
      }
      const cands = shortTargets.get(root);
      if (!cands) return root;
      const c = surnameChoice(
        naming(art),
        start,
        cands,
        nested,
        (x) => givenWords.get(x) ?? [],
        () => coverage().best(art, cands, root),
        (x) => (exactSuffix(root, x) ? 1e9 : 0) + (clusterCount.get(x) ?? 0),
      );
      return c >= 0 ? c : root;
    };

    if (shortTargets.size) coverage();
    const anyTargets = shortTargets.size || givenTargets.size || groupTargets.size;
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        let root = recs.root[i];
        const homograph = givenHomographs.size ? givenHomographs.get(root) : undefined;
        if (homograph && byK[recs.k[i]]!.words === 1 && !(recs.flags[i] & ACR) && !ARTICLE_OPENS.test(recs.surface[i])) {
          const c = nearest(naming(recs.art[i]), recs.start[i], homograph, nested);
          if (c >= 0) root = c;
        }
        if (anyTargets) {
          for (let hop = 0; hop < 3; hop++) {
            const next = shortOnce(recs.art[i], root, recs.start[i]);
            if (next === root) break;
            root = next;
          }
        }
        recs.root[i] = root;
      }
      return to;
    });
  },
};
