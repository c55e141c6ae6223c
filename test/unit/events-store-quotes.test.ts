// The event store's quotation columns (QuoteColumns) held to a plain Map of Quote arrays, the structure they replace,
// on generated sequences of sets and deletes: what get() and iteration give must be the same, whatever compaction did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/core/events/features';
import { QuoteColumns } from '../../src/core/events/store';

const quote = fc.record({
  text: fc.string({ maxLength: 12 }),
  // Shingles are 32-bit FNV hashes (`h | 0`): any int32, negative ones included.
  shingles: fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 6 }),
});

/** One operation: quotations for the next passage id (`gap` ids on), or the deletion of a passage set before. */
const op = fc.oneof(
  { arbitrary: fc.record({ set: fc.array(quote, { maxLength: 3 }), gap: fc.integer({ min: 1, max: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ del: fc.nat() }), weight: 2 },
);

describe('event store quotations', () => {
  it('answer get() and iterate exactly as a Map of Quote arrays does', () => {
    fc.assert(
      // Long enough for the columns to compact (past 1024 passages, most of them deleted).
      fc.property(fc.array(op, { minLength: 2600, maxLength: 3200 }), (ops) => {
        const columns = new QuoteColumns();
        const reference = new Map<number, Quote[]>();
        let id = 0;
        for (const o of ops) {
          if ('set' in o) {
            id += o.gap;
            columns.set(id, o.set);
            if (o.set.length) reference.set(id, o.set);
          } else if (reference.size) {
            const victim = [...reference.keys()][o.del % reference.size];
            columns.delete(victim);
            reference.delete(victim);
          }
        }
        expect(columns.size).toBe(reference.size);
        expect([...columns]).toEqual([...reference]);
        for (let i = 0; i <= id + 1; i++) expect(columns.get(i)).toEqual(reference.get(i));
        // The quote index reads each passage's shingles as one run, in the order its quotations hold them.
        expect(columns.shingleRuns().map(([pid, run]) => [pid, [...run]])).toEqual(
          [...reference].map(([pid, qs]) => [pid, qs.flatMap((q) => q.shingles)]),
        );
      }),
      { numRuns: 10, endOnFailure: true },
    );
  });

  it('refuse a passage id below one already stored (ids only grow)', () => {
    const columns = new QuoteColumns();
    columns.set(5, [{ text: 'a', shingles: [1] }]);
    expect(() => columns.set(3, [{ text: 'b', shingles: [2] }])).toThrow();
  });
});
