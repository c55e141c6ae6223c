// The core's one stemmer: inflections meet, and a token no language has as a word is left alone instead of
// feeding the stemmer's backtracking suffix regexes (a 5 MB one-word article once held event linking for minutes).
import { describe, expect, it } from 'vitest';
import { MAX_STEMMED_LENGTH, stem } from '../../src/core/words/stem';

describe('stem', () => {
  it('brings inflections of a word together', () => {
    expect(stem('bombed')).toBe(stem('bombing'));
    expect(stem('killed')).toBe(stem('killing'));
  });
  it('keeps an over-long token as it is, at once', () => {
    const huge = 'sses'.repeat(1_000_000);
    const t0 = performance.now();
    expect(stem(huge)).toBe(huge);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(stem('a'.repeat(MAX_STEMMED_LENGTH + 1))).toHaveLength(MAX_STEMMED_LENGTH + 1);
  });
});
