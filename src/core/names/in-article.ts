// Which full name a short form ("Gray", "Vincent") means in one article, from what else that article names.
// Pure helpers for the short-form step of the resolution (`resolve.ts`): candidates are entity roots (numbers).

/** Named candidates of one article with how often it names each. */
export interface NamedCount {
  c: number;
  n: number;
}

/**
 * The candidate an article means when it names several: names nested in one another ("Kimani Gray" and a run
 * "Sixteen-year-old Kimani Gray") are one person and count together, and the commonest of them speaks for them.
 * Between different people, the one named at least twice as often as any other wins; else -2 (ambiguous).
 */
export function pickNamed(named: NamedCount[], nested: (a: number, b: number) => boolean): number {
  // Many candidates in one article (a page of names run together): counts alone, without comparing names pairwise.
  if (named.length > 8) {
    const sorted = [...named].sort((a, b) => b.n - a.n);
    return sorted[0]!.n >= 2 * sorted[1]!.n ? sorted[0]!.c : -2;
  }
  const groups: { rep: number; repN: number; n: number; members: number[] }[] = [];
  for (const x of named) {
    const home = groups.find((g) => g.members.every((m) => nested(m, x.c)));
    if (home) {
      home.members.push(x.c);
      home.n += x.n;
      if (x.n > home.repN) {
        home.rep = x.c;
        home.repN = x.n;
      }
    } else groups.push({ rep: x.c, repN: x.n, n: x.n, members: [x.c] });
  }
  if (groups.length === 1) return groups[0]!.rep;
  groups.sort((a, b) => b.n - a.n);
  return groups[0]!.n >= 2 * groups[1]!.n ? groups[0]!.rep : -2;
}

/** One name's words nest in the other's: equal, or the longer ends with the shorter ("X Kimani Gray" ⊃ "Kimani Gray"). */
export function endsWithName(longer: string, shorter: string): boolean {
  return longer === shorter || longer.endsWith(' ' + shorter);
}

/**
 * The words an article uses alone that complete a candidate's name: a surname alone beside a given name alone
 * ("Vincent 'The Chin' Gigante" read as "Vincent", "Chin", "Gigante") means the candidate with that given name,
 * and the other way round. Only the one candidate whose other half the article uses is returned; else -1.
 */
export function completedBy(cands: number[], otherHalf: (c: number) => Iterable<string>, used: Set<string> | undefined): number {
  if (!used) return -1;
  let hit = -1;
  for (const c of cands) {
    for (const w of otherHalf(c)) {
      if (!used.has(w)) continue;
      if (hit >= 0 && hit !== c) return -1;
      hit = c;
      break;
    }
  }
  return hit;
}
