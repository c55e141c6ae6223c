// Each mention's entity root: a short form (surname, given name, group's tail, given-name homograph) moves to the
// candidate its article names nearest it ("Jenkin" after "Katie Jenkin" is Katie), where the article names several
// the one named at least twice as often, and one surname shared by two people of one story stays apart. Named
// nowhere in its article: completed by the other half of a name the article uses, else the candidate whose coverage
// names what this article names, else the most mentioned of those spelled exactly so, else of all.
import { CoverageContext } from '../../coverage-context';
import { completedBy, endsWithName, pickNamed, type NamedCount } from '../../in-article';
import { ACR } from '../records';
import type { ResolutionRule } from '../rule';
import { STEP, type ResolutionState } from '../state';

/** A surface written with an Arabic article ("Al-Manar", "al Manar"): a name, not a given name alone. */
const ARTICLE_OPENS = /^(?:al|el)[-‐‑ ]/i;

export const shortFormsInContext: ResolutionRule = {
  name: 'short forms to the full name in context',
  *run(s: ResolutionState) {
    const { recs } = s;
    const { byK } = s.forms;
    const { forms: clusters, count: clusterCount } = s.clusters;
    const { short: shortTargets, given: givenTargets, group: groupTargets, givenHomographs } = s.targets;
    const { rootsInArt, placesInArt, givenWords, surnameWords, halvesInArt } = s.whereabouts;
    /**
     * The candidate this article names nearest the short form. When it names several, the one it names at least
     * twice as often as any other ("LaCalamita" in a story of Anthony LaCalamita that names his wife once), else
     * -2: ambiguous.
     */
    const nearest = (art: number, start: number, cands: number[]): number => {
      const places = placesInArt.get(art);
      if (!places) return -1;
      const here = rootsInArt.get(art)!;
      const named: NamedCount[] = [];
      for (const c of cands) {
        const n = here.get(c);
        if (n !== undefined) named.push({ c, n: Math.max(1, n) });
      }
      if (named.length > 1) {
        // Only one of them named yet at this point of the story: the surname is that one's ("Gigante died" after
        // Vincent Gigante and before his brother Louis Gigante comes in).
        let first = -1;
        for (let j = 0; j < places.length; j += 2) {
          const c = places[j + 1]!;
          if (places[j]! > start || here.get(c) === undefined || !cands.includes(c) || c === first) continue;
          if (first >= 0) {
            first = -2;
            break;
          }
          first = c;
        }
        if (first >= 0) return first;
        return pickNamed(named, nested);
      }
      let before = -1;
      let beforeAt = -1;
      let after = -1;
      let afterAt = Infinity;
      for (let j = 0; j < places.length; j += 2) {
        const at = places[j]!;
        const c = places[j + 1]!;
        if (!cands.includes(c)) continue;
        if (at <= start && at > beforeAt) {
          before = c;
          beforeAt = at;
        } else if (at > start && at < afterAt) {
          after = c;
          afterAt = at;
        }
      }
      return before >= 0 ? before : after;
    };
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
        const c = nearest(art, start, given);
        if (c >= 0) return c;
        if (c === -1) {
          const done = completedBy(given, (x) => surnameWords.get(x) ?? [], halvesInArt.get(art));
          if (done >= 0) return done;
        }
        // Named nowhere here: the one person of that given name in the corpus, when the name alone is rarer
        // than that person's full mentions ("Neil" in a follow-up story about Neil Meron).
        if (c === -1 && given.length === 1 && (clusterCount.get(root) ?? 0) <= (clusterCount.get(given[0]!) ?? 0)) return given[0]!;
        return root;
      }
      const tails = groupTargets.get(root);
      if (tails) {
        const c = nearest(art, start, tails);
        if (c >= 0) return c;
        return c === -1 && tails.length === 1 ? tails[0]! : root;
      }
      const cands = shortTargets.get(root);
      if (!cands) return root;
      // One surname shared by two people of one story ("Jenkin" beside John and Katie Jenkin) stays apart.
      const c = nearest(art, start, cands);
      if (c >= 0) return c;
      if (c === -2) return root;
      const done = completedBy(cands, (x) => givenWords.get(x) ?? [], halvesInArt.get(art));
      if (done >= 0) return done;
      // Named nowhere in this article: the one whose coverage names what this article names ("Bush" beside
      // Obama's species rules), else the most mentioned of those spelled exactly so ("Heller" is Mark Heller before
      // it is the more frequent Yvonne Hiller), else of all.
      const byContext = coverage().best(art, cands, root);
      if (byContext >= 0) return byContext;
      let best = -1;
      let bestScore = -1;
      for (const c of cands) {
        const score = (exactSuffix(root, c) ? 1e9 : 0) + (clusterCount.get(c) ?? 0);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    };

    if (shortTargets.size) coverage();
    const anyTargets = shortTargets.size || givenTargets.size || groupTargets.size;
    yield* s.slices(recs.n, (from) => {
      const to = Math.min(recs.n, from + STEP);
      for (let i = from; i < to; i++) {
        let root = recs.root[i];
        const homograph = givenHomographs.size ? givenHomographs.get(root) : undefined;
        if (homograph && byK[recs.k[i]]!.words === 1 && !(recs.flags[i] & ACR) && !ARTICLE_OPENS.test(recs.surface[i])) {
          const c = nearest(recs.art[i], recs.start[i], homograph);
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
