// Which full name a short form means in its article: the choice the full resolution makes for every surname, given
// name and group tail (`rules/short-forms-in-context.ts`), and the one-article update for the mentions of the
// article it attaches (`../incremental.ts`). Candidates are numbers (cluster roots in the full resolution, indexes
// of entities in the update); -2 means the short form stays a name of its own (ambiguous), -1 named nowhere here.
import { completedBy, pickNamed, type NamedCount } from '../in-article';

/** One article as the choice reads it. */
export interface ArticleNaming {
  /** (start, candidate) pairs of the candidates' mentions in the article, in mention order. */
  places: readonly number[] | undefined;
  /** Candidate → how often the article names it by a full name (0: named only by a stated nickname). */
  here: ReadonlyMap<number, number> | undefined;
  /** The halves of candidates' names (given names, surnames) that the article uses as one-word names. */
  halves: Set<string> | undefined;
}

/** Whether two candidates' full names nest in one another (one person: "Kimani Gray", "Sixteen-year-old Kimani Gray"). */
export type Nested = (a: number, b: number) => boolean;

/**
 * The candidate this article names nearest the short form: the nearest before it, else the nearest after. When it
 * names several, the only one named yet at this point of the story; else the one the article already called by this
 * short form before naming any other (`uses`: where the article writes the short form); else the one it names at
 * least twice as often as any other ("LaCalamita" in a story of Anthony LaCalamita that names his wife once); else
 * -2: ambiguous.
 */
export function nearest(a: ArticleNaming, start: number, cands: readonly number[], nested: Nested, uses?: readonly number[]): number {
  const places = a.places;
  if (!places) return -1;
  const here = a.here!;
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
    const established = uses ? calledFirst(places, here, cands, uses) : -1;
    if (established >= 0) return established;
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
}

/**
 * The candidate the article named first, where it wrote the short form (one of `uses`) after naming that one and
 * before naming any other: a story that says "McDermott" for Doug McDermott before his father Greg McDermott comes
 * in goes on meaning Doug by it, as news style keeps the bare surname for the story's subject. -1 for none.
 */
function calledFirst(
  places: readonly number[],
  here: ReadonlyMap<number, number>,
  cands: readonly number[],
  uses: readonly number[],
): number {
  let first = -1;
  let firstAt = -1;
  let otherAt = Infinity;
  for (let j = 0; j < places.length; j += 2) {
    const c = places[j + 1]!;
    if (here.get(c) === undefined || !cands.includes(c)) continue;
    if (first < 0) {
      first = c;
      firstAt = places[j]!;
    } else if (c !== first) {
      otherAt = Math.min(otherAt, places[j]!);
    }
  }
  if (first < 0) return -1;
  for (const u of uses) if (u > firstAt && u < otherAt) return first;
  return -1;
}

/**
 * A surname alone ("Jenkin", "Assad"): the candidate named nearest; one surname shared by two people of one story
 * stays apart (-2); named nowhere here, the one whose other half the article uses alone, else the one `byCoverage`
 * gives (whose coverage names what this article names), else the best by `score` (the full resolution: spelled
 * exactly so first, then most mentioned).
 */
export function surnameChoice(
  a: ArticleNaming,
  start: number,
  cands: readonly number[],
  nested: Nested,
  givenWords: (c: number) => Iterable<string>,
  byCoverage: (() => number) | null,
  score: (c: number) => number,
  uses?: readonly number[],
): number {
  const c = nearest(a, start, cands, nested, uses);
  if (c >= 0 || c === -2) return c;
  const done = completedBy(cands as number[], givenWords, a.halves);
  if (done >= 0) return done;
  const byContext = byCoverage ? byCoverage() : -1;
  if (byContext >= 0) return byContext;
  let best = -1;
  let bestScore = -1;
  for (const x of cands) {
    const sc = score(x);
    if (sc > bestScore) {
      best = x;
      bestScore = sc;
    }
  }
  return best;
}

/**
 * A given name alone ("Lindsay"): the candidate named nearest, else the one whose surname the article uses alone;
 * named nowhere here, the one person of that given name in the corpus when the name alone is rarer than that
 * person's full mentions ("Neil" in a follow-up story about Neil Meron). Else -2: it stays itself.
 */
export function givenNameChoice(
  a: ArticleNaming,
  start: number,
  cands: readonly number[],
  nested: Nested,
  surnameWords: (c: number) => Iterable<string>,
  ownCount: number,
  count: (c: number) => number,
): number {
  const c = nearest(a, start, cands, nested);
  if (c >= 0) return c;
  if (c === -1) {
    const done = completedBy(cands as number[], surnameWords, a.halves);
    if (done >= 0) return done;
  }
  if (c === -1 && cands.length === 1 && ownCount <= count(cands[0]!)) return cands[0]!;
  return -2;
}

/** A group's tail ("Red Sox"): the full name its article gives, or the only one of the corpus; else -2. */
export function groupTailChoice(a: ArticleNaming, start: number, cands: readonly number[], nested: Nested): number {
  const c = nearest(a, start, cands, nested);
  if (c >= 0) return c;
  return c === -1 && cands.length === 1 ? cands[0]! : -2;
}
