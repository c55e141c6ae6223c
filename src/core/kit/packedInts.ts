// Integers packed into ASCII strings, one codec for every persisted integer column (the event index's state, the
// entity index's mentions): variable-length digits of five bits each over a URL-safe alphabet that JSON never
// escapes; a digit in the upper half of the alphabet says another digit follows. Signed numbers are zigzag-coded
// (0, -1, 1, -2 … as 0, 1, 2, 3 …). At 10k articles the persisted state holds ~8M numbers, which as JSON number
// arrays cost more to write and parse than building half of what they hold; as this packing, decoding them is one
// pass over the characters with no per-number allocation.

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Digit value per character code below 128; -1 for a character that is no digit. */
const DIGIT_VALUE = (() => {
  const d = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) d[DIGITS.charCodeAt(i)] = i;
  return d;
})();
const DIGIT_CODE = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));

/** Characters decoded between pauses of the stepwise decoder. */
const STEP_CHARS = 1 << 16;
const TWO_31 = 2 ** 31;

/** Writes numbers into one packed string (`done`). */
export class PackedIntWriter {
  private buf = new Uint8Array(256);
  private n = 0;
  private parts: string[] = [];

  /** A non-negative integer up to Number.MAX_SAFE_INTEGER; anything else throws (it could not be read back). */
  uint(v: number): void {
    if (this.n + 12 > this.buf.length) this.flush();
    if (v >= 0 && v < TWO_31 && (v | 0) === v) {
      while (v >= 32) {
        this.buf[this.n++] = DIGIT_CODE[32 | (v & 31)];
        v >>>= 5;
      }
      this.buf[this.n++] = DIGIT_CODE[v];
      return;
    }
    if (!(v >= 0) || v > Number.MAX_SAFE_INTEGER || Math.floor(v) !== v) throw new Error(`not a count: ${v}`);
    while (v >= 32) {
      this.buf[this.n++] = DIGIT_CODE[32 | (v % 32)];
      v = Math.floor(v / 32);
    }
    this.buf[this.n++] = DIGIT_CODE[v];
  }

  /** An integer of either sign, from -2^52 to 2^52 - 1 (its zigzag code must be a safe integer). */
  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  private flush(): void {
    if (this.n === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.buf.subarray(0, this.n) as unknown as number[]));
    this.n = 0;
    if (this.buf.length < 8192) this.buf = new Uint8Array(this.buf.length * 4);
  }

  done(): string {
    this.flush();
    return this.parts.join('');
  }

  /** `done()`, joining the parts a slice at a time (a column of millions of numbers is megabytes). */
  *doneSteps(): Generator<void, string, void> {
    this.flush();
    const joined: string[] = [];
    for (let i = 0; i < this.parts.length; i += 64) {
      joined.push(this.parts.slice(i, i + 64).join(''));
      yield;
    }
    return joined.join('');
  }
}

/** Reads numbers back in the order they were written; a malformed string makes a read throw. */
export class PackedIntReader {
  private pos = 0;
  constructor(private readonly s: string) {}

  uint(): number {
    const s = this.s;
    let v = 0;
    // Up to six digits (30 bits) in integer arithmetic: every count and offset of a corpus; longer ones in floats.
    for (let shift = 0; shift < 30; shift += 5) {
      const c = s.charCodeAt(this.pos++);
      const d = c < 128 ? DIGIT_VALUE[c] : -1;
      if (d < 0) throw new Error('bad digit');
      v |= (d & 31) << shift;
      if (d < 32) return v;
    }
    let scale = 2 ** 30;
    for (;;) {
      const c = s.charCodeAt(this.pos++);
      const d = c < 128 ? DIGIT_VALUE[c] : -1;
      if (d < 0) throw new Error('bad digit');
      v += (d & 31) * scale;
      if (d < 32) return v;
      scale *= 32;
      if (scale > 2 ** 53) throw new Error('number too long');
    }
  }

  int(): number {
    const v = this.uint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  atEnd(): boolean {
    return this.pos === this.s.length;
  }

  /** Characters not read yet: a bound on how many numbers can follow (each takes at least one). */
  get remaining(): number {
    return this.s.length - this.pos;
  }
}

/**
 * Every number of a string written with `PackedIntWriter.int`, as 32-bit integers, or null when the string is not
 * such a packing (or holds a number outside 32 bits, or not `count` numbers when a count is given). One pass when the
 * caller knows the count; pauses every STEP_CHARS characters.
 */
export function* unpackIntsSteps(s: unknown, count?: number): Generator<void, Int32Array<ArrayBuffer> | null, void> {
  if (typeof s !== 'string') return null;
  if (count === undefined) {
    count = 0;
    for (let from = 0; from < s.length; from += STEP_CHARS) {
      if (from > 0) yield;
      for (let i = from, end = Math.min(s.length, from + STEP_CHARS); i < end; i++) {
        const c = s.charCodeAt(i);
        if (c < 128 && DIGIT_VALUE[c] >= 0 && DIGIT_VALUE[c] < 32) count++;
      }
    }
  }
  if (!(count >= 0) || count > s.length) return null;
  const at: Decoding = { out: new Int32Array(count), k: 0, z: 0, shift: 0 };
  for (let from = 0; from < s.length; from += STEP_CHARS) {
    if (from > 0) yield;
    if (!decodeInts(s, from, Math.min(s.length, from + STEP_CHARS), at)) return null;
  }
  if (at.shift !== 0 || at.k !== count) return null;
  return at.out;
}

/** Where a stepwise unpacking stands: the numbers so far, and the digits of the one begun. */
interface Decoding {
  out: Int32Array<ArrayBuffer>;
  k: number;
  z: number;
  shift: number;
}

/**
 * Decodes s[from, end) into `at`; false when it is not such a packing. A plain function called once a slice rather
 * than a loop inside the generator: it is optimised after the first slices (a warm start decodes each column once).
 */
function decodeInts(s: string, from: number, end: number, at: Decoding): boolean {
  const out = at.out;
  const count = out.length;
  let { k, z, shift } = at;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? DIGIT_VALUE[c] : -1;
    // A bad character, a seventh continuation (past 32 bits) or more numbers than counted.
    if (d < 0 || shift > 30) return false;
    z |= (d & 31) << shift;
    if (d < 32) {
      // Zigzag: 2^32 - 1 and beyond do not fit (the seventh digit's high bits were shifted out).
      if ((shift === 30 && d > 3) || k === count) return false;
      out[k++] = (z >>> 1) ^ -(z & 1);
      z = 0;
      shift = 0;
    } else shift += 5;
  }
  at.k = k;
  at.z = z;
  at.shift = shift;
  return true;
}
