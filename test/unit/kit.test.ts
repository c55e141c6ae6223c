// The core's kit (src/core/kit/), each helper held to a plain reference implementation on generated inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceCode, SPACE_CLASS } from '../../src/core/kit/chars';
import { grown } from '../../src/core/kit/columns';
import { contentHash } from '../../src/core/kit/hash';
import { PackedIntReader, PackedIntWriter, unpackIntsSteps } from '../../src/core/kit/packedInts';
import { lastAtMost, partitionPoint } from '../../src/core/kit/search';
import { ownCopy } from '../../src/core/kit/strings';
import { pauser, runInSlices, runToEnd, workBudget } from '../../src/core/kit/steps';
import { foldSpace, LineMap } from '../../src/core/text';

describe('chars', () => {
  it('isSpaceCode is exactly the regular-expression class it documents, on every UTF-16 code unit', () => {
    const re = new RegExp(`^[${SPACE_CLASS}]$`);
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== re.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('foldSpace equals splitting on whitespace runs and joining with one space', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      'é',
      '.',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2009',
      '\u200b',
      '\u0085',
      '\u2028',
      '\u3000',
      '\ufeff',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const reference = [...s]
          .reduce<string[]>(
            (words, ch) => {
              if (isSpaceCode(ch.charCodeAt(0))) words.push('');
              else words[words.length - 1] += ch;
              return words;
            },
            [''],
          )
          .filter((w) => w !== '')
          .join(' ');
        expect(foldSpace(s)).toBe(reference);
      }),
    );
  });
});

describe('strings', () => {
  it('ownCopy gives back the same characters, cut out of a longer text or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (before, s) => {
        const cut = (before + s + before).slice(before.length, before.length + s.length);
        expect(ownCopy(cut)).toBe(s);
      }),
    );
  });
});

describe('search', () => {
  it('partitionPoint finds the first index where a monotone predicate turns false, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, v) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const linear = sorted.findIndex((x) => !(x < v));
        expect(partitionPoint(0, sorted.length, (i) => sorted[i] < v)).toBe(linear < 0 ? sorted.length : linear);
      }),
    );
  });

  it('lastAtMost is the last element ≤ value, or -1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), fc.integer({ min: -5, max: 1005 }), (xs, v) => {
        const sorted = Uint32Array.from(xs).sort();
        let linear = -1;
        sorted.forEach((x, i) => {
          if (x <= v) linear = i;
        });
        expect(lastAtMost(sorted, v)).toBe(linear);
      }),
    );
  });

  it('LineMap.position agrees with counting line breaks (\\n, \\r\\n, lone \\r) up to the offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é'), { maxLength: 60 }), fc.nat(80), (parts, at) => {
        const text = parts.join('');
        const offset = Math.min(at, text.length);
        const starts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
        const line = starts.filter((st) => st <= offset).length - 1;
        expect(new LineMap(text).position(offset)).toEqual({ line, character: offset - starts[line] });
      }),
    );
  });
});

describe('hash', () => {
  it('contentHash is a function of the text alone: equal texts hash equal, and a one-character change (nearly) never collides', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (s, at, delta) => {
        expect(contentHash(s)).toBe(contentHash(s.slice(0, s.length) + ''));
        if (s.length === 0) return;
        const i = at % s.length;
        const changed = s.slice(0, i) + String.fromCharCode((s.charCodeAt(i) + delta) & 0xffff) + s.slice(i + 1);
        expect(contentHash(changed)).not.toBe(contentHash(s));
      }),
    );
  });
});

describe('steps', () => {
  function* counter(n: number): Generator<void, number, void> {
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += i;
      yield;
    }
    return total;
  }

  it('runToEnd and runInSlices give the value of the plain loop, whatever the slicing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(200), fc.nat(5), async (n, sliceMs) => {
        let plain = 0;
        for (let i = 0; i < n; i++) plain += i;
        expect(runToEnd(counter(n))).toBe(plain);
        let clock = 0;
        let yields = 0;
        const pause = pauser({ sliceMs, now: () => clock++, yieldNow: async () => void yields++ });
        expect(await runInSlices(counter(n), pause)).toEqual({ value: plain });
        if (n > 0 && sliceMs <= 1) expect(yields).toBeGreaterThan(0);
      }),
    );
  });

  it('runInSlices stops, with null, when the pause says so', async () => {
    let calls = 0;
    const pause = pauser({ isCancelled: () => ++calls > 3, sliceMs: 1e9 });
    expect(await runInSlices(counter(100), pause)).toBeNull();
  });

  it('workBudget says "yield" once per `step` units spent, as a running total would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 100 }), (step, units) => {
        const spent = workBudget(step);
        let budget = step;
        for (const u of units) {
          budget -= u;
          const expected = budget <= 0;
          if (expected) budget = step;
          expect(spent(u)).toBe(expected);
        }
      }),
    );
  });
});

describe('columns', () => {
  it('grown keeps every slot, fills only the new ones, and at least doubles: the same as a plain array grown by push', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 50 }),
        fc.nat(200),
        fc.integer({ min: -2, max: 2 }),
        (xs, min, fill) => {
          const a = Int32Array.from(xs);
          const b = grown(a, min, fill);
          if (xs.length >= min) {
            expect(b).toBe(a);
            return;
          }
          const reference = [...xs];
          while (reference.length < Math.max(min, 2 * xs.length)) reference.push(fill);
          expect(b).toBeInstanceOf(Int32Array);
          expect(Array.from(b)).toEqual(reference);
        },
      ),
    );
    const f = grown(Float64Array.of(0.5), 3);
    expect(f).toBeInstanceOf(Float64Array);
    expect(Array.from(f)).toEqual([0.5, 0, 0]);
  });
});

describe('packed integers', () => {
  /** The plain reference: five-bit digits, least significant first, over the alphabet; upper half = more follow. */
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const referenceUint = (v: number): string => {
    let out = '';
    while (v >= 32) {
      out += ALPHABET[32 + (v % 32)];
      v = Math.floor(v / 32);
    }
    return out + ALPHABET[v];
  };
  const referenceInt = (v: number): string => referenceUint(v >= 0 ? 2 * v : -2 * v - 1);
  const value = fc.oneof(
    fc.record({ signed: fc.constant(false), v: fc.oneof(fc.nat(40), fc.nat(), fc.maxSafeNat()) }),
    fc.record({
      signed: fc.constant(true),
      v: fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer(), fc.integer({ min: -(2 ** 52), max: 2 ** 52 - 1 })),
    }),
  );

  it('writes exactly the reference digits and reads every number back, in order', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (xs) => {
        const w = new PackedIntWriter();
        for (const x of xs) {
          if (x.signed) w.int(x.v);
          else w.uint(x.v);
        }
        const s = w.done();
        expect(s).toBe(xs.map((x) => (x.signed ? referenceInt(x.v) : referenceUint(x.v))).join(''));
        const r = new PackedIntReader(s);
        expect(xs.map((x) => (x.signed ? r.int() : r.uint()))).toEqual(xs.map((x) => x.v));
        expect(r.atEnd()).toBe(true);
      }),
    );
  });

  it('unpacks 32-bit integers as the reader does, with or without the count, and refuses what is not such a packing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 2000 }), fc.nat(5), (xs, cut) => {
        const w = new PackedIntWriter();
        for (const x of xs) w.int(x);
        const s = w.done();
        expect(Array.from(runToEnd(unpackIntsSteps(s))!)).toEqual(xs);
        expect(Array.from(runToEnd(unpackIntsSteps(s, xs.length))!)).toEqual(xs);
        expect(runToEnd(unpackIntsSteps(s, xs.length + 1))).toBeNull();
        if (xs.length) expect(runToEnd(unpackIntsSteps(s, xs.length - 1))).toBeNull();
        // A number cut off in the middle, or a character that is no digit.
        const last = s.length - 1 - Math.min(cut, s.length - 1);
        if (s.length && ALPHABET.indexOf(s[last]) >= 32) expect(runToEnd(unpackIntsSteps(s.slice(0, last + 1)))).toBeNull();
        expect(runToEnd(unpackIntsSteps(s + '!'))).toBeNull();
      }),
    );
    // Beyond 32 bits: read by the reader, refused by the 32-bit unpacking.
    const w = new PackedIntWriter();
    w.int(2 ** 31);
    expect(runToEnd(unpackIntsSteps(w.done()))).toBeNull();
    expect(runToEnd(unpackIntsSteps(42))).toBeNull();
  });

  it('writes the same string stepwise, and refuses to write what it could not read back', () => {
    const w = new PackedIntWriter();
    const xs = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 100_003);
    for (const x of xs) w.uint(x);
    const reference = xs.map(referenceUint).join('');
    expect(runToEnd(w.doneSteps())).toBe(reference);
    for (const bad of [-1, 0.5, NaN, 2 ** 53]) expect(() => new PackedIntWriter().uint(bad)).toThrow();
    expect(() => new PackedIntWriter().int(2 ** 52)).toThrow();
  });
});
