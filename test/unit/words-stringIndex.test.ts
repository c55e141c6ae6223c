// The word table's string index: every string added is found under its own number, through the table's growth,
// and strings never added are not found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from '../../src/core/words/stringIndex';

describe('StringIndex', () => {
  it('numbers strings in the order added and finds each, whatever the strings (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 50 }),
        (added, probes) => {
          const index = new StringIndex(4); // small, so that it grows several times
          added.forEach((s, i) => expect(index.intern(s)).toBe(i));
          added.forEach((s, i) => expect(index.intern(s)).toBe(i)); // adding again changes nothing
          expect(index.size).toBe(added.length);
          added.forEach((s, i) => {
            expect(index.get(s)).toBe(i);
            expect(index.key(i)).toBe(s);
          });
          const known = new Set(added);
          for (const p of probes) if (!known.has(p)) expect(index.get(p)).toBe(-1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
