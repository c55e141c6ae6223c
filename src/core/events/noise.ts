// Site furniture and duplicates, recognised across the corpus at query time from the passages' own terms:
// a passage (nearly) repeated word for word in several other articles of the same outlet is page furniture (a
// footer, a "follow us" line, a Related News list) and never links nor is linked to (across outlets, a repeated
// passage is wire copy: real coverage). An article that is a near copy of the asked one is either the same
// article twice (a duplicate: never other coverage) or a wire story carried elsewhere (a copy: coverage, marked);
// `copyRelation` says which.

/** Share of distinct terms two passages have in common (Jaccard) above which they say the same words. */
export const NEAR_IDENTICAL = 0.8;
/** A passage near-identical to passages of this many other articles is furniture, not news. */
export const FURNITURE_FILES = 3;
/** Article similarity above which two articles are the same article (a copy under another name). */
export const SAME_ARTICLE = 0.95;
/** Top candidates checked for furniture among themselves. */
const FURNITURE_CHECKED = 20;

/** Jaccard of two sorted term lists. */
export function termJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union > 0 ? shared / union : 0;
}

/**
 * termJaccard(a, b) >= NEAR_IDENTICAL, without the merge when the lengths alone rule it out: the Jaccard is at most
 * shorter / longer (shared ≤ shorter, union ≥ longer), and rounded division keeps that order, so the answer is the same.
 */
export function nearIdentical(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter / longer < NEAR_IDENTICAL) return false;
  if (shorter === 0) return termJaccard(a, b) >= NEAR_IDENTICAL;
  // The Jaccard, shared / (a.length + b.length - shared), rises with `shared`: it reaches NEAR_IDENTICAL exactly when
  // `shared` reaches `need`, the least count for which that same division does. The merge stops once either side has
  // more unshared terms than leaves `need` within reach (most candidate pairs: the screen asks thousands per query).
  const total = a.length + b.length;
  let need = Math.max(0, Math.floor((NEAR_IDENTICAL * total) / (1 + NEAR_IDENTICAL)) - 2);
  while (need <= shorter && need / (total - need) < NEAR_IDENTICAL) need++;
  if (need > shorter) return false;
  const maxMissA = a.length - need;
  const maxMissB = b.length - need;
  let shared = 0;
  let missA = 0;
  let missB = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
      if (++missA > maxMissA) return false;
    } else {
      j++;
      if (++missB > maxMissB) return false;
    }
  }
  return shared >= need;
}

/**
 * What a near copy of the asked article (article similarity >= SAME_ARTICLE) is to a reader comparing outlets. The
 * same words (a re-save, a re-scrape) or a near copy from the same outlet (its own update) is the same article twice:
 * a duplicate, never other coverage. A copy with edits not known to come from the same outlet is a wire story another
 * outlet carried (ECB+ train: all 7 such pairs are AP/Reuters stories on different sites whose outlet Parallax does not
 * know): real other coverage, listed but marked as a copy.
 */
export function copyRelation(queryOutlet: string, candidateOutlet: string, sameWords: boolean): 'duplicate' | 'copy' {
  return sameWords || (queryOutlet !== '' && candidateOutlet === queryOutlet) ? 'duplicate' : 'copy';
}

export interface NoiseCandidate {
  file: string;
  /** '' when unknown: then nothing is taken for furniture. */
  outlet: string;
  terms: ArrayLike<number>;
  articleSimilarity: number;
}

/**
 * For a query passage and its candidates (best first): whether the query itself is furniture, which candidates are
 * furniture, which are duplicates of the query's article and which are copies of it carried elsewhere (copyRelation;
 * `sameWords(file)`: that article has the asked article's words, passage for passage).
 */
export function screenNoise(
  query: ArrayLike<number>,
  queryOutlet: string,
  candidates: readonly NoiseCandidate[],
  sameWords: (file: string) => boolean = () => false,
): { queryIsFurniture: boolean; furniture: Set<number>; duplicate: Set<number>; copy: Set<number> } {
  const duplicate = new Set<number>();
  const copy = new Set<number>();
  const nearFiles = new Set<string>();
  candidates.forEach((c, k) => {
    if (c.articleSimilarity >= SAME_ARTICLE)
      (copyRelation(queryOutlet, c.outlet, sameWords(c.file)) === 'duplicate' ? duplicate : copy).add(k);
    else if (queryOutlet !== '' && c.outlet === queryOutlet && nearIdentical(query, c.terms)) nearFiles.add(c.file);
  });
  // Furniture repeats within one outlet: each checked candidate is compared with the other candidates of its outlet
  // only (best first, as they come), not with all of them.
  const byOutlet = new Map<string, number[]>();
  candidates.forEach((c, m) => {
    if (duplicate.has(m) || copy.has(m) || c.outlet === '') return;
    const group = byOutlet.get(c.outlet);
    if (group) group.push(m);
    else byOutlet.set(c.outlet, [m]);
  });
  const furniture = new Set<number>();
  const top = Math.min(candidates.length, FURNITURE_CHECKED);
  for (let k = 0; k < top; k++) {
    if (duplicate.has(k) || copy.has(k) || candidates[k].outlet === '') continue;
    const group = byOutlet.get(candidates[k].outlet)!;
    const files = new Set<string>();
    for (let g = 0; g < group.length && files.size < FURNITURE_FILES; g++) {
      const m = group[g];
      if (m === k || candidates[m].file === candidates[k].file) continue;
      if (nearIdentical(candidates[k].terms, candidates[m].terms)) files.add(candidates[m].file);
    }
    if (files.size >= FURNITURE_FILES) furniture.add(k);
  }
  return { queryIsFurniture: nearFiles.size >= FURNITURE_FILES, furniture, duplicate, copy };
}
