// Background rarity from a frequency rank alone. Word frequencies in news follow Zipf's law, p(r) = 1 / (r · H), H the
// harmonic number of the vocabulary; a document of L tokens then contains a word of rank r with probability
// 1 − exp(−L · p(r)), and the IDF expected for that word is the negative log of that. One parameter (L) is fitted on
// training text when the table is built (scripts/build-word-table.mjs) and stored in the table.

const EULER_GAMMA = 0.5772156649015329;

/** H_n, the n-th harmonic number (asymptotic form; exact to ~1e-8 for n ≥ 10). */
export function harmonicNumber(n: number): number {
  if (n < 10) {
    let h = 0;
    for (let i = 1; i <= n; i++) h += 1 / i;
    return h;
  }
  return Math.log(n) + EULER_GAMMA + 1 / (2 * n) - 1 / (12 * n * n);
}

/**
 * Expected natural-log IDF of a word of frequency rank `rank` (1 = most frequent) in documents of `documentLength`
 * tokens, under Zipf's law over a vocabulary whose harmonic number is `harmonic`. Smooth and increasing in rank:
 * near 0 for "the", about ln(r · H / L) for rare words.
 */
export function zipfIdf(rank: number, documentLength: number, harmonic: number): number {
  const expectedOccurrences = documentLength / (Math.max(1, rank) * harmonic);
  // −ln(1 − e^−x), with expm1 so that rare words (tiny x) keep their precision.
  return -Math.log(-Math.expm1(-expectedOccurrences));
}
