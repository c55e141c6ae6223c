// Characters as the name scanner reads them: classes looked up per UTF-16 code unit, token ends, and the few
// character tests every other part of the scan shares.
export const UPPER = /^\p{Lu}/u;
export const LOWER = /^\p{Ll}/u;
export const HAS_LOWER = /\p{Ll}/u;
const DIGIT = /^\p{N}/u;

// Character classes, looked up by UTF-16 code unit in a table filled on first use (one regular expression test
// per distinct character instead of one per character read). Code points beyond the BMP are classified apart.
export const C_KNOWN = 1;
/** \p{L}, \p{M} or \p{N}: what a token is made of. */
export const C_WORD = 2;
export const C_LETTER = 4;
export const C_UPPER = 8;
const C_LOWER = 16;
/** A surrogate pair was read as one code point (two code units wide). */
export const C_WIDE = 256;
const CLASS_TABLE = new Uint8Array(65536);
const astralClasses = new Map<number, number>();

function classify(ch: string): number {
  let k = C_KNOWN;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) k |= C_WORD;
  if (/\p{L}/u.test(ch)) k |= C_LETTER;
  if (/\p{Lu}/u.test(ch)) k |= C_UPPER;
  if (/\p{Ll}/u.test(ch)) k |= C_LOWER;
  return k;
}

/** Class of one UTF-16 code unit (a lone surrogate half is no letter, as the regular expressions it replaces say). */
function cls(c: number): number {
  const k = CLASS_TABLE[c];
  if (k !== 0) return k;
  return (CLASS_TABLE[c] = classify(String.fromCharCode(c)));
}

/** Class of the code point at `i`, reading a surrogate pair as one (never past `end`); C_WIDE when it took two units. */
export function cpClass(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return cls(c);
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return cls(c);
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let k = astralClasses.get(cp);
  if (k === undefined) astralClasses.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k | C_WIDE;
}

// Whitespace is the core's one set (kit/chars: \s plus NEL and the zero-width space), not a class of this table.
export { isSpaceCode } from '../../kit/chars';
export const isLetterCode = (c: number): boolean => (cls(c) & C_LETTER) !== 0;
export const isLowerCode = (c: number): boolean => (cls(c) & C_LOWER) !== 0;
export const isUpperCode = (c: number): boolean => (cls(c) & C_UPPER) !== 0;

/** Apostrophes that may close a token (’ ' ʼ). */
const isApostropheCode = (c: number): boolean => c === 0x2019 || c === 39 || c === 0x02bc;
/** Joiners inside a token: apostrophes and hyphens (’ ' ʼ - ‐ ‑). */
const isJoinerCode = (c: number): boolean => isApostropheCode(c) || c === 45 || c === 0x2010 || c === 0x2011;

/**
 * End of the token starting at `i` (a word character) within [i, end). Same matches as
 * /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[’'ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*[’'ʼ]?/u: dotted initials ("U.N.") first,
 * otherwise a word with inner apostrophes or hyphens and an optional closing apostrophe.
 */
export function tokenEnd(text: string, i: number, end: number, first: number): number {
  if (first & C_UPPER) {
    let j = i;
    let pairs = 0;
    for (;;) {
      const k = j === i ? first : cpClass(text, j, end);
      if (!(k & C_UPPER)) break;
      const w = k & C_WIDE ? 2 : 1;
      if (j + w < end && text.charCodeAt(j + w) === 46) {
        j += w + 1;
        pairs++;
      } else break;
    }
    if (pairs >= 2) return j;
  }
  let j = skipWord(text, i, end);
  while (j + 1 < end && isJoinerCode(text.charCodeAt(j)) && cpClass(text, j + 1, end) & C_WORD) j = skipWord(text, j + 1, end);
  if (j < end && isApostropheCode(text.charCodeAt(j))) j++;
  return j;
}

/** End of the run of word characters starting at `i`. */
function skipWord(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    // ASCII letters and digits first: nearly every character of English news.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      j++;
      continue;
    }
    if (c < 128) break;
    const k = cpClass(text, j, end);
    if (!(k & C_WORD)) break;
    j += k & C_WIDE ? 2 : 1;
  }
  return j;
}

export function isCapWord(s: string): boolean {
  return UPPER.test(s);
}

/**
 * / _ = & # @ ~ %: characters of web addresses, not of prose. Compared, not looked up in a set: it is asked of the
 * characters around most tokens.
 */
export function isUrlPunctCode(c: number): boolean {
  return c === 47 || c === 95 || c === 61 || c === 38 || c === 35 || c === 64 || c === 126 || c === 37;
}

/** Whether the token text[from, to) is a piece of a web address (a path or query character touches it). */
export function inWebAddress(text: string, from: number, to: number): boolean {
  return (from > 0 && isUrlPunctCode(text.charCodeAt(from - 1))) || isUrlPunctCode(text.charCodeAt(to));
}

/** Same as /\p{L}['’]s\b/u.test(text): some letter has a possessive "’s" (so apostrophes were kept in this text). */
export function hasPossessive(text: string): boolean {
  for (let q = text.indexOf('s', 2); q >= 0; q = text.indexOf('s', q + 1)) {
    const a = text.charCodeAt(q - 1);
    if (a !== 39 && a !== 0x2019) continue;
    // \b after the "s": the next character is not an ASCII word character.
    const n = q + 1 < text.length ? text.charCodeAt(q + 1) : 32;
    if ((n >= 97 && n <= 122) || (n >= 65 && n <= 90) || (n >= 48 && n <= 57) || n === 95) continue;
    if (cpClassBefore(text, q - 1) & C_LETTER) return true;
  }
  return false;
}

/** Class of the code point ending just before `i` (a surrogate pair read as one). */
function cpClassBefore(text: string, i: number): number {
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return cpClass(text, i - 2, i);
  }
  return cls(d);
}

/** Same as /^\p{N}/u.test(t). */
export function startsWithDigit(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(t);
}

/** Lower-case letters (\p{Ll}, by code point) from `i` up to `lim`: the end of the run. */
export function skipLower(text: string, i: number, lim: number): number {
  let j = i;
  while (j < lim) {
    const c = text.charCodeAt(j);
    if (c >= 97 && c <= 122) j++;
    else if (c < 128) break;
    else {
      const k = cpClass(text, j, lim);
      if (!(k & C_LOWER)) break;
      j += k & C_WIDE ? 2 : 1;
    }
  }
  return j;
}
