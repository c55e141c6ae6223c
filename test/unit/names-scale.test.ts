// Name finding and resolution on a single huge line of prose (no line breaks, as some scraped files are): a line four
// times as long holds four times the names. That neither step grows super-linearly with the line is a target of
// `npm run bench:targets` (test/bench/targets.ts), on the same lines.
import { describe, expect, it } from 'vitest';
import { resolveEntities, type EntityIndex } from '../../src/core/names';
import { SAMPLE_PROSE } from './samples';
import { oneLineNames, oneLineOfProse } from './speed-inputs';

/** The names of one line of `chars` characters of the sample prose: mentions per repeat of the prose, and the index. */
function namesOf(chars: number): { perRepeat: number; text: string; index: EntityIndex } {
  const text = oneLineOfProse(chars);
  const index = resolveEntities([oneLineNames(text)], []);
  const mentions = index.entities.reduce((n, e) => n + e.mentions.length, 0);
  return { perRepeat: mentions / (chars / SAMPLE_PROSE.length), text, index };
}

describe('one huge line', () => {
  it('finds as many names per character at 250 KB and at 1 MB, each where the line has it', () => {
    const small = namesOf(250_000);
    const big = namesOf(1_000_000);
    console.log(
      `names on one line: ${small.perRepeat.toFixed(1)} mentions per sample prose at 250 KB, ${big.perRepeat.toFixed(1)} at 1 MB`,
    );
    expect(big.perRepeat).toBeGreaterThan(0.98 * small.perRepeat);
    expect(big.perRepeat).toBeLessThan(1.02 * small.perRepeat);
    const misplaced = big.index.entities.flatMap((e) => e.mentions.filter((m) => big.text.slice(m.start, m.end) !== m.surface));
    expect(misplaced).toEqual([]);
  }, 60_000);
});
