// The core's one stemmer: inflections meet, and a token no language has as a word is left alone instead of
// feeding the stemmer's backtracking suffix regexes (a 5 MB one-word article once held event linking for minutes).
import { describe, expect, it } from 'vitest';
import { MAX_STEMMED_LENGTH, stem } from '../../src/core/words/stem';
import { overlongToken } from './speed-inputs';

describe('stem', () => {
  it('brings inflections of a word together', () => {
    expect(stem('bombed')).toBe(stem('bombing'));
    expect(stem('killed')).toBe(stem('killing'));
  });
  // How long it takes is a target of `npm run bench:targets` (test/bench/targets.ts), on the same token.
  it('keeps an over-long token as it is', () => {
    const huge = overlongToken();
    expect(stem(huge)).toBe(huge);
    expect(stem('a'.repeat(MAX_STEMMED_LENGTH + 1))).toHaveLength(MAX_STEMMED_LENGTH + 1);
  });
});
