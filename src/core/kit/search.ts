// Binary search, written once: the first index in [lo, hi) at which a monotone predicate turns false.

/**
 * `before(i)` must be true for a prefix of [lo, hi) and false after it; returns the first index where it is false
 * (hi when it is true everywhere). O(log n) calls.
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element ≤ value in an ascending array, or -1 when every element is greater. */
export function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  return partitionPoint(0, sorted.length, (i) => sorted[i] <= value) - 1;
}
