// Tokens of a segment of text, with the gap before each and whether it opens a sentence.
import { C_KNOWN, C_UPPER, C_WIDE, C_WORD, cpClass, inWebAddress, isLetterCode, isLowerCode, tokenEnd } from './chars';
import { LowerWords, words } from './lowerWords';
import { FNV_OFFSET, FNV_PRIME, mixHash } from './strings';
import { type TokenInfo, tokenInfos } from './tokenInfo';

interface Token {
  text: string;
  start: number;
  end: number;
  /** Name-like: capitalised, an acronym, or a lower-case article glued to a capital ("al-Assad"). */
  cap: boolean;
  caps: boolean;
  /** The token ended in a possessive or an adjective suffix ("Assad’s", "HTS-led"): a name ends here. */
  stop: boolean;
  si: boolean;
  sPoss?: boolean;
}

const SENTENCE_GAP = /(?:[.!?…:;]["'”’)\]]*\s|\n|\s[–—-]\s)\s*["'“‘([]*\s*$/;

export interface SegToken extends Token {
  lower: string;
  info: TokenInfo;
  /** The text between the previous token (or the segment start) and this one, as absolute offsets. */
  gapStart: number;
  gapEnd: number;
}

/** Whether a gap keeps a name going: one or two plain or no-break spaces (not line breaks, not punctuation), tested without a substring. */
export function isJoinGap(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 1 || n > 2) return false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * Whether the gap text[s, e) opens a nickname: one or two spaces then an opening quote or bracket (the same as
 * /^ {1,2}["“'‘(]$/ on the gap), tested without a substring.
 */
export function opensNickname(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 2 || n > 3) return false;
  for (let k = s; k < e - 1; k++) if (text.charCodeAt(k) !== 32) return false;
  const q = text.charCodeAt(e - 1);
  return q === 34 || q === 0x201c || q === 39 || q === 0x2018 || q === 40;
}

/** Stands for a run of ordinary lower-case words: not a name, no joiner, not the end of a possessive. */
const ORDINARY_INFO: TokenInfo = {
  text: '',
  lower: '',
  cap: false,
  caps: false,
  stop: false,
  sPoss: false,
  lowerRuns: null,
  flags: 0,
  letters: 0,
  keyWords: [],
};
const ORDINARY: SegToken = {
  text: '',
  lower: '',
  info: ORDINARY_INFO,
  start: -1,
  end: -1,
  cap: false,
  caps: false,
  stop: false,
  si: false,
  sPoss: false,
  gapStart: 0,
  gapEnd: 0,
};

/**
 * Tokens longer than this are no word of a name. A name's word is a few to a few dozen characters, hyphen-joined
 * ones included ("Abdul-Rahman", "Jean-Marie"); the longest tokens in the news fixtures are URL slugs of about 140.
 * A longer run (a fuzzed or glued line: "Al-Assad-Al-Assad-…" over megabytes) would otherwise become one candidate
 * millions of characters long, whose key of a million words every later step splits, compares and copies.
 */
export const MAX_NAME_TOKEN_CHARS = 256;

/**
 * The lower-case words of a long token, as `TokenInfo.lowerRuns` gives them for a short one (runs not glued to a
 * letter, apostrophe or hyphen before them; the first only when nothing glues it to the text before the token).
 */
function addFreeLowerRuns(text: string, start: number, end: number, lowerWords: LowerWords): void {
  if (inWebAddress(text, start, end)) return;
  for (let i = start; i < end;) {
    if (!isLowerCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isLowerCode(text.charCodeAt(j))) j++;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (!(isLetterCode(prev) || prev === 0x2019 || prev === 39 || prev === 45)) lowerWords.add(text, i, j);
    i = j;
  }
}

/** Whether text[from, to) holds a character that can close a sentence before a token (see SENTENCE_GAP). */
function mayCloseSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // . ! ? … : ; \n – — -
    if (c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59 || c === 10 || c === 0x2013 || c === 0x2014 || c === 45) {
      return true;
    }
  }
  return false;
}

/** Tokens of one segment of prose; its lower-case words are added to `lowerWords`. */
export function tokenize(text: string, segStart: number, segEnd: number, lowerWords: LowerWords): SegToken[] {
  const toks: SegToken[] = [];
  let prevEnd = segStart;
  let i = segStart;
  while (i < segEnd) {
    const c = text.charCodeAt(i);
    let first: number;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) first = C_KNOWN | C_WORD;
    else if (c >= 65 && c <= 90) first = C_KNOWN | C_WORD | C_UPPER;
    else if (c < 128) {
      i++;
      continue;
    } else {
      first = cpClass(text, i, segEnd);
      if (!(first & C_WORD)) {
        i += first & C_WIDE ? 2 : 1;
        continue;
      }
    }
    const start = i;
    // Fast path, one pass for the token's end, key hash and plainness: ASCII letters and digits closed by an ASCII
    // character that neither joins (apostrophe, hyphen) nor starts dotted initials ("U.N.").
    let h = FNV_OFFSET;
    let plain = true;
    let rawEnd = -1;
    if (first === (C_KNOWN | C_WORD) || text.charCodeAt(i + 1) !== 46) {
      let j = i;
      let d = c;
      for (;;) {
        if (d >= 97 && d <= 122) h = Math.imul(h ^ d, FNV_PRIME);
        else if ((d >= 65 && d <= 90) || (d >= 48 && d <= 57)) {
          plain = false;
          h = Math.imul(h ^ d, FNV_PRIME);
        } else break;
        if (++j >= segEnd) break;
        d = text.charCodeAt(j);
      }
      if (j >= segEnd || (d < 128 && d !== 39 && d !== 45)) rawEnd = j;
    }
    if (rawEnd < 0) {
      rawEnd = tokenEnd(text, i, segEnd, first);
      h = FNV_OFFSET;
      plain = true;
      for (let k = start; k < rawEnd; k++) {
        const d = text.charCodeAt(k);
        if (d < 97 || d > 122) plain = false;
        h = Math.imul(h ^ d, FNV_PRIME);
      }
    }
    h = mixHash(h);
    i = rawEnd;
    const gapStart = prevEnd;
    prevEnd = rawEnd;
    if (plain) {
      const slot = words.slot(text, start, rawEnd, h);
      const before = start > 0 ? text.charCodeAt(start - 1) : 32;
      if (!(isLetterCode(before) || before === 0x2019 || before === 39 || before === 45 || inWebAddress(text, start, rawEnd)))
        lowerWords.addSlot(slot);
      // A lower-case word never starts a chunk, so whether it opens a sentence is never asked. One that cannot
      // sit inside a name only ends the name before it: a run of them is one shared marker, not an object each.
      if (!words.isJoin(slot)) {
        if (toks[toks.length - 1] !== ORDINARY) toks.push(ORDINARY);
        continue;
      }
      const w = words.word(slot);
      toks.push({
        text: w,
        lower: w,
        info: tokenInfos.get(text, start, rawEnd, h),
        start,
        end: rawEnd,
        cap: false,
        caps: false,
        stop: false,
        si: toks.length === 0,
        sPoss: false,
        gapStart,
        gapEnd: start,
      });
      continue;
    }
    if (rawEnd - start > MAX_NAME_TOKEN_CHARS) {
      // Not a word of a name: it ends a name as an ordinary word does, and is never read as one (see the bound).
      addFreeLowerRuns(text, start, rawEnd, lowerWords);
      if (toks[toks.length - 1] !== ORDINARY) toks.push(ORDINARY);
      continue;
    }
    const info = tokenInfos.get(text, start, rawEnd, h);
    const runs = info.lowerRuns;
    if (runs !== null && !inWebAddress(text, start, rawEnd)) {
      for (let r = 0; r < runs.length; r += 2) {
        if (runs[r] === 0) {
          const before = start > 0 ? text.charCodeAt(start - 1) : 32;
          if (isLetterCode(before) || before === 0x2019 || before === 39 || before === 45) continue;
        }
        lowerWords.add(text, start + runs[r], start + runs[r + 1]);
      }
    }
    // Only the end of a long gap can hold the punctuation that closes a sentence.
    let si = true;
    if (toks.length > 0) {
      const from = Math.max(gapStart, start - 64);
      si = mayCloseSentence(text, from, start) && SENTENCE_GAP.test(text.slice(from, start));
    }
    toks.push({
      text: info.text,
      lower: info.lower,
      info,
      start,
      end: start + info.text.length,
      cap: info.cap,
      caps: info.caps,
      stop: info.stop,
      si,
      sPoss: info.sPoss,
      gapStart,
      gapEnd: start,
    });
  }
  return toks;
}

/**
 * Token boundaries as extraction sees them, as flat [start, end) pairs over the whole text: the same spans as
 * /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[’'ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*[’'ʼ]?/gu. For tests and tools.
 */
export function tokenSpans(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const k = cpClass(text, i, text.length);
    if (!(k & C_WORD)) {
      i += k & C_WIDE ? 2 : 1;
      continue;
    }
    const e = tokenEnd(text, i, text.length, k);
    out.push(i, e);
    i = e;
  }
  return out;
}
