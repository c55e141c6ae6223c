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

  it('restored in one pass from columns hold what set() for each passage in turn holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ set: fc.array(quote, { minLength: 1, maxLength: 3 }), gap: fc.integer({ min: 1, max: 40 }) }), {
          maxLength: 300,
        }),
        (ps) => {
          const built = new QuoteColumns();
          const ids: number[] = [];
          let id = 0;
          for (const p of ps) {
            id += p.gap;
            built.set(id, p.set);
            ids.push(id);
          }
          const restored = new QuoteColumns();
          const quotes = ps.flatMap((p) => p.set);
          restored.restore(
            Int32Array.from(ids),
            Int32Array.from(ps, (p) => p.set.length),
            quotes.map((q) => q.text),
            Int32Array.from(quotes, (q) => q.shingles.length),
            Int32Array.from(quotes.flatMap((q) => q.shingles)),
          );
          expect(restored.size).toBe(built.size);
          expect([...restored]).toEqual([...built]);
          for (let i = 0; i <= id + 1; i++) expect(restored.get(i)).toEqual(built.get(i));
          expect(restored.shingleRuns().map(([pid, run]) => [pid, [...run]])).toEqual(
            built.shingleRuns().map(([pid, run]) => [pid, [...run]]),
          );
          // And it goes on as the built one does: a later passage set, one deleted.
          const next = { text: 'later', shingles: [7, -7] };
          restored.set(id + 1, [next]);
          built.set(id + 1, [next]);
          if (ids.length) {
            restored.delete(ids[0]);
            built.delete(ids[0]);
          }
          expect([...restored]).toEqual([...built]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuse a passage id below one already stored (ids only grow)', () => {
    const columns = new QuoteColumns();
    columns.set(5, [{ text: 'a', shingles: [1] }]);
    expect(() => columns.set(3, [{ text: 'b', shingles: [2] }])).toThrow();
  });
});
