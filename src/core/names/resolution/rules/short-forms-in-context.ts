// Each mention's entity root: a short form (surname, given name, group's tail, given-name homograph) moves to the
// candidate its article names nearest it ("Jenkin" after "Katie Jenkin" is Katie), where the article names several
// the one the article already called by it before naming another, else the one named at least twice as often, and
// otherwise one surname shared by two people of one story stays apart. Named
// nowhere in its article: completed by the other half of a name the article uses, else the candidate whose coverage
// names what this article names, else the most mentioned of those spelled exactly so, else of all. A surname written
// exactly as the last word of the one person's full name given before it in its article is that person's, even where
// the corpus spells a place or group alike ("Harah" after "Khaled Harah", beside the town of al-Hara).
import { CoverageContext } from '../../coverage-context';
import { endsWithName } from '../../in-article';
import { ARTICLE_OPENS } from '../../lexicon';
import { kindOf, type Votes } from '../../votes';
import { personal } from '../persons';
import { ACR, CUE, CUE_PERSON } from '../records';
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
        surnameUses.get(art)?.get(root),
      );
      return c >= 0 ? c : root;
    };

    const fullNames = surnamesNamedBefore(s);
    const surnameUses = usesInArticle(s);

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
        if (fullNames.size && (recs.flags[i] & CUE) <= CUE_PERSON && !(recs.flags[i] & ACR) && byK[recs.k[i]]!.words === 1) {
          const own = byK[recs.k[i]]!;
          const person = fullNames.onlyBefore(recs.art[i], recs.start[i], own.key);
          // Only where the place or group is another spelling's: a word the corpus itself writes as a place or group
          // ("Washington", "Daraa") after a glued run ending in it ("Rebel-backer Washington") stays the place.
          if (person >= 0 && person !== root && !decidedOtherThanPerson(own.votes)) {
            const k = kindOfRoot(s, root);
            if (k === 'place' || k === 'group') root = person;
          }
        }
        recs.root[i] = root;
      }
      return to;
    });
  },
};

/** Per article, where it writes each surname-alone cluster (before any short form moves). */
function usesInArticle(s: ResolutionState): Map<number, Map<number, number[]>> {
  const { recs } = s;
  const short = s.targets.short;
  const out = new Map<number, Map<number, number[]>>();
  if (!short.size) return out;
  for (let i = 0; i < recs.n; i++) {
    const root = recs.root[i]!;
    if (!short.has(root)) continue;
    let m = out.get(recs.art[i]!);
    if (!m) out.set(recs.art[i]!, (m = new Map()));
    const l = m.get(root);
    if (l) l.push(recs.start[i]!);
    else m.set(root, [recs.start[i]!]);
  }
  return out;
}

function decidedOtherThanPerson(votes: Votes): boolean {
  const k = kindOf(votes);
  return k.decisive && k.kind !== 'person';
}

/** The kind a cluster's votes decide (a place or group by its cues, a person by a title or role), or null. */
function kindOfRoot(s: ResolutionState, root: number): string | null {
  const votes = s.clusters.votes.get(root);
  if (!votes) return null;
  const k = kindOf(votes);
  return k.decisive ? k.kind : null;
}

/** Per article, the full names of persons it gives (two words or more), by last word, with where each is given. */
class FullNamesByLastWord {
  private readonly byArt = new Map<number, Map<string, number[]>>();

  get size(): number {
    return this.byArt.size;
  }

  add(art: number, last: string, start: number, root: number): void {
    let m = this.byArt.get(art);
    if (!m) this.byArt.set(art, (m = new Map()));
    const l = m.get(last);
    if (l) l.push(start, root);
    else m.set(last, [start, root]);
  }

  /** The one person whose full name ending in `last` the article gives before `start`; -1 for none or several. */
  onlyBefore(art: number, start: number, last: string): number {
    const l = this.byArt.get(art)?.get(last);
    if (!l) return -1;
    let found = -1;
    for (let j = 0; j < l.length; j += 2) {
      if (l[j]! >= start) continue;
      if (found >= 0 && found !== l[j + 1]) return -1;
      found = l[j + 1]!;
    }
    return found;
  }
}

/**
 * A person's full name of two or three words, opening with no place or group of its own: not a glued run of places
 * ("Aleppo Bab al-Faraj al-Ismailiya al-Furqan Maisaloun"), which reads as nobody's.
 */
function personsFullName(s: ResolutionState, key: string, root: number): boolean {
  if (!personal(s, s.clusters.forms.get(root) ?? [], root)) return false;
  const first = s.formOf(key.slice(0, key.indexOf(' ')));
  if (!first) return true;
  return !decidedOtherThanPerson(first.votes);
}

function surnamesNamedBefore(s: ResolutionState): FullNamesByLastWord {
  const { recs } = s;
  const { byK } = s.forms;
  const out = new FullNamesByLastWord();
  for (let i = 0; i < recs.n; i++) {
    const f = byK[recs.k[i]]!;
    if (f.words < 2 || f.words > 3 || recs.flags[i] & ACR || !personsFullName(s, f.key, recs.root[i])) continue;
    out.add(recs.art[i], f.key.slice(f.key.lastIndexOf(' ') + 1), recs.start[i], recs.root[i]);
  }
  return out;
}
