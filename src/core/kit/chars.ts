// Characters, one definition each for the whole core. Whitespace is what a reader sees as a gap: JavaScript's `\s`
// (ASCII space, tab and line breaks, NBSP, the Unicode space separators, U+2028/2029, the BOM) plus NEL (U+0085) and
// the zero-width space (U+200B), which articles pasted from the web carry between words.

/** The same set as a regular-expression class body, for patterns that fold or split on whitespace. */
export const SPACE_CLASS = '\\s\\u0085\\u200b';

/** Whether a UTF-16 code unit is whitespace (see above). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
