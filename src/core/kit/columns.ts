// Growable typed columns, written once: a column that an index passes the end of is replaced by a larger copy.

type Column = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;

/**
 * `a` itself when it holds at least `min` slots; else a copy of it at least twice as long (amortised O(1) per slot
 * however a column grows) whose new slots hold `fill`.
 */
export function grown<T extends Column>(a: T, min: number, fill = 0): T {
  if (a.length >= min) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(min, 2 * a.length));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
