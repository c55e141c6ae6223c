// Integer columns packed into strings: zigzag varints, 5 bits a character over a URL-safe alphabet (no JSON
// escaping); the last character of a number is in the lower half of the alphabet, others in the upper. At 10k
// articles the event index state holds ~6M numbers, which as JSON number arrays cost more to stringify and parse
// than building half the index.

/** Characters unpacked between pauses. */
const STEP_CHARS = 1 << 16;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_OF = (() => {
  const d = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) d[ALPHABET.charCodeAt(i)] = i;
  return d;
})();
const CODE_OF = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

export class IntWriter {
  private buf = new Uint8Array(256);
  private n = 0;
  private parts: string[] = [];

  put(x: number): void {
    let z = ((x << 1) ^ (x >> 31)) >>> 0;
    if (this.n + 7 > this.buf.length) this.flush();
    while (z >= 32) {
      this.buf[this.n++] = CODE_OF[32 | (z & 31)];
      z >>>= 5;
    }
    this.buf[this.n++] = CODE_OF[z];
  }

  private flush(): void {
    this.parts.push(String.fromCharCode.apply(null, this.buf.subarray(0, this.n) as unknown as number[]));
    this.n = 0;
    if (this.buf.length < 8192) this.buf = new Uint8Array(this.buf.length * 4);
  }

  done(): string {
    this.flush();
    return this.parts.join('');
  }

  /** `done()`, joining the parts a slice at a time. */
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

/** The numbers `IntWriter` packed, or null when the string is not such a packing; pauses every STEP_CHARS characters. */
export function* unpackIntsSteps(s: unknown): Generator<void, Int32Array | null, void> {
  if (typeof s !== 'string') return null;
  let count = 0;
  for (let from = 0; from < s.length; from += STEP_CHARS) {
    if (from > 0) yield;
    for (let i = from, end = Math.min(s.length, from + STEP_CHARS); i < end; i++) {
      const c = s.charCodeAt(i);
      const d = c < 128 ? DIGIT_OF[c] : -1;
      if (d < 0) return null;
      if (d < 32) count++;
    }
  }
  const out = new Int32Array(count);
  let z = 0;
  let shift = 0;
  let k = 0;
  for (let from = 0; from < s.length; from += STEP_CHARS) {
    if (from > 0) yield;
    for (let i = from, end = Math.min(s.length, from + STEP_CHARS); i < end; i++) {
      const d = DIGIT_OF[s.charCodeAt(i)];
      if (shift > 30) return null;
      z |= (d & 31) << shift;
      if (d < 32) {
        out[k++] = (z >>> 1) ^ -(z & 1);
        z = 0;
        shift = 0;
      } else shift += 5;
    }
  }
  if (shift !== 0) return null;
  return out;
}
