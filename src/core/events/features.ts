// What one passage says that can tie it to the same event elsewhere: content terms (with names replaced by
// entity ids so spellings do not matter), the names themselves, figures and death tolls, and quotations.

import { isSpaceCode } from '../kit/chars';
import { grown } from '../kit/columns';
import { stem } from '../words/stem';

/** A name mention inside the article text with the entity it refers to. */
export interface EntityMention {
  start: number;
  end: number;
  entityId: string;
}

const STOP = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without within into onto over under about above below ' +
    'after before during since until while than then as is are was were be been being am has have had having do does did ' +
    'done doing not no it its this that these those there here their them they he him his she her we us our you your i me my ' +
    'who whom whose which what when where why how all any both each few more most other some such only own same too very can ' +
    'will would shall should could may might must also just now again further once out up down off said says say saying told ' +
    'according reported report reports added adding one two three new last first second next year years day days week weeks ' +
    'month months time times people including include includes includ around among against between through across per via ' +
    'mr ms mrs however meanwhile while whether if because though although even still already well much many several least ' +
    'monday tuesday wednesday thursday friday saturday sunday yesterday today tonight morning evening night overnight ' +
    'january february march april june july august september october november december jan feb mar apr jun jul aug sep ' +
    'sept oct nov dec ago earlier later'
  ).split(' '),
);

/**
 * Words, lowercased, apostrophes dropped (the FA-KES texts lost theirs: "Syrias"), reduced to their Porter2 stem
 * (wink-porter2-stemmer), so "intervened"/"intervening" and "killed"/"killing" meet.
 */
export function normWord(w: string): string {
  const t = w.toLowerCase().replace(/['’‘`]/g, '');
  return /^[a-z]+$/.test(t) ? stem(t) : t;
}

/** Stop words as stems too: "reported" stems to "report", which is as empty of an event as "reports". */
const STOP_STEMS = new Set([...STOP].map(normWord));

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Character classes for the hand-written word scanner below (the same words as WORD_RE, without a regex match
// and its result array per word): per BMP code unit 1 = letter, 2 = number, 3 = high surrogate (the pair decides).
let CHAR_KIND: Uint8Array | null = null;
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;

function charKinds(): Uint8Array {
  if (!CHAR_KIND) {
    const t = new Uint8Array(65536);
    for (let c = 0; c < 128; c++) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) t[c] = 1;
      else if (c >= 48 && c <= 57) t[c] = 2;
    }
    // One regex pass over all code units (letters and numbers come in long runs), not a test per character.
    const units = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 32 : c;
    let all = '';
    for (let c = 0; c < 65536; c += 4096) all += String.fromCharCode.apply(null, units.subarray(c, c + 4096) as unknown as number[]);
    for (const [re, kind] of [
      [/\p{L}+/gu, 1],
      [/\p{N}+/gu, 2],
    ] as const) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(all))) if (m.index >= 128) t.fill(kind, m.index, m.index + m[0].length);
    }
    t.fill(3, 0xd800, 0xdc00);
    CHAR_KIND = t;
  }
  return CHAR_KIND;
}

/** Width (1 or 2 code units) of the letter (or, unless `lettersOnly`, number) at text[i], 0 if none before `end`. */
function wordCharWidth(kinds: Uint8Array, text: string, i: number, end: number, lettersOnly: boolean): number {
  const k = kinds[text.charCodeAt(i)];
  if (k === 1) return 1;
  if (k === 2) return lettersOnly ? 0 : 1;
  if (k === 3 && i + 1 < end) {
    const lo = text.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      const pair = text.slice(i, i + 2);
      if (LETTER_RE.test(pair) || (!lettersOnly && NUMBER_RE.test(pair))) return 2;
    }
  }
  return 0;
}

const FNV_PRIME = 0x01000193;
const FNV_BASIS = 0x811c9dc5 | 0;

/**
 * Calls `onWord(start, end, hash, digitsOnly)` for each word of text[a, b) exactly as WORD_RE would find them
 * in that slice, with the FNV-1a hash of its code units and whether it is all ASCII digits, in one pass.
 */
function scanWords(
  text: string,
  a: number,
  b: number,
  onWord: (start: number, end: number, hash: number, digitsOnly: boolean) => void,
): void {
  const kinds = CHAR_KIND ?? charKinds();
  let i = a;
  while (i < b) {
    let h = FNV_BASIS;
    let digits = true;
    let j = i;
    for (;;) {
      if (j >= b) break;
      const c = text.charCodeAt(j);
      const k = kinds[c];
      if (k === 1 || k === 2) {
        h = Math.imul(h ^ c, FNV_PRIME);
        if (c < 48 || c > 57) digits = false;
        j++;
      } else if (k === 3 && wordCharWidth(kinds, text, j, b, false) === 2) {
        h = Math.imul(h ^ c, FNV_PRIME);
        h = Math.imul(h ^ text.charCodeAt(j + 1), FNV_PRIME);
        digits = false;
        j += 2;
      } else break;
    }
    if (j === i) {
      i++;
      continue;
    }
    // Apostrophe-joined letter runs ("Assad's", "don’t").
    while (j + 1 < b) {
      const q = text.charCodeAt(j);
      if (q !== 39 && q !== 0x2019) break;
      let h2 = Math.imul(h ^ q, FNV_PRIME);
      let k = j + 1;
      for (;;) {
        if (k >= b) break;
        const c = text.charCodeAt(k);
        const kind = kinds[c];
        if (kind === 1) {
          h2 = Math.imul(h2 ^ c, FNV_PRIME);
          k++;
        } else if (kind === 3 && wordCharWidth(kinds, text, k, b, true) === 2) {
          h2 = Math.imul(h2 ^ c, FNV_PRIME);
          h2 = Math.imul(h2 ^ text.charCodeAt(k + 1), FNV_PRIME);
          k += 2;
        } else break;
      }
      if (k === j + 1) break;
      h = h2;
      digits = false;
      j = k;
    }
    onWord(i, j, h, digits);
    i = j;
  }
}

/**
 * Words as written → term numbers, without building a string per word: a word of the text is hashed and
 * compared in place, and only a word never seen before is sliced out and normalised. Term numbers are dense
 * and private to one dictionary (the event index maps them to its term ids). `clear()` when it grows too big.
 */
export class TermDictionary {
  private mask = (1 << 14) - 1;
  private table = new Int32Array(1 << 14);
  private n = 0;
  /** The words' code units back to back: word e is chars[start[e] .. start[e + 1]). */
  private chars = new Uint16Array(1 << 14);
  private start = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private termOfWord = new Int32Array(1024);
  /** Term number → term. */
  terms: string[] = [];
  private byTerm = new Map<string, number>();

  /** Distinct words seen. */
  get words(): number {
    return this.n;
  }

  clear(): void {
    this.mask = (1 << 14) - 1;
    this.table = new Int32Array(1 << 14);
    this.n = 0;
    this.chars = new Uint16Array(1 << 14);
    this.terms = [];
    this.byTerm = new Map();
  }

  /** The word as first written (entry from `word`). */
  raw(entry: number): string {
    return String.fromCharCode.apply(null, this.chars.subarray(this.start[entry], this.start[entry + 1]) as unknown as number[]);
  }

  termNumber(term: string): number {
    let n = this.byTerm.get(term);
    if (n === undefined) {
      n = this.terms.length;
      this.terms.push(term);
      this.byTerm.set(term, n);
    }
    return n;
  }

  /** The entry of the word text[a, b) (for `raw` and `termOf`), added when new. */
  word(text: string, a: number, b: number): number {
    let h = FNV_BASIS;
    for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    return this.wordHashed(text, a, b, h);
  }

  /** `word`, given the FNV-1a hash of the word's code units. */
  wordHashed(text: string, a: number, b: number, h: number): number {
    const len = b - a;
    const chars = this.chars;
    let pos = h & this.mask;
    for (;;) {
      const e = this.table[pos] - 1;
      if (e < 0) break;
      if (this.hashes[e] === h) {
        const s = this.start[e];
        if (this.start[e + 1] - s === len) {
          let i = 0;
          while (i < len && chars[s + i] === text.charCodeAt(a + i)) i++;
          if (i === len) return e;
        }
      }
      pos = (pos + 1) & this.mask;
    }
    const e = this.n++;
    if (e + 2 > this.start.length) {
      this.start = grown(this.start, e + 2);
      this.hashes = grown(this.hashes, this.start.length);
      this.termOfWord = grown(this.termOfWord, this.start.length);
    }
    const s = e === 0 ? 0 : this.start[e];
    if (s + len > this.chars.length) this.chars = grown(this.chars, s + len);
    for (let i = 0; i < len; i++) this.chars[s + i] = text.charCodeAt(a + i);
    this.start[e] = s;
    this.start[e + 1] = s + len;
    this.hashes[e] = h;
    const t = normWord(text.slice(a, b));
    this.termOfWord[e] = t.length < 2 || STOP_STEMS.has(t) || /^\d+$/.test(t) ? -1 : this.termNumber(t);
    this.table[pos] = e + 1;
    if (2 * this.n > this.mask) this.rehash();
    return e;
  }

  /** The term number of a word entry, -1 when the word is no term (too short, a stop word, a bare number). */
  termOf(entry: number): number {
    return this.termOfWord[entry];
  }

  private rehash(): void {
    const size = 2 * (this.mask + 1);
    this.mask = size - 1;
    this.table = new Int32Array(size);
    for (let e = 0; e < this.n; e++) {
      let pos = this.hashes[e] & this.mask;
      while (this.table[pos]) pos = (pos + 1) & this.mask;
      this.table[pos] = e + 1;
    }
  }
}

/**
 * The terms of a passage (as term numbers) with how often each occurs, in order of first occurrence, and the
 * word entry of each one's first occurrence (-1 for entity and date terms). Reused: `reset()` before each.
 */
export class TermCounts {
  private slotOf = new Int32Array(1024);
  private stampOf = new Int32Array(1024);
  private stamp = 0;
  terms: number[] = [];
  counts: number[] = [];
  entries: number[] = [];
  /** Distinct terms. */
  n = 0;
  /** Tokens seen (words and entity mentions), with repeats. */
  tokens = 0;

  reset(): void {
    this.stamp++;
    this.n = 0;
    this.tokens = 0;
  }

  private slot(term: number): number {
    if (term >= this.slotOf.length) {
      this.slotOf = grown(this.slotOf, term + 1);
      this.stampOf = grown(this.stampOf, this.slotOf.length);
    }
    return this.stampOf[term] === this.stamp ? this.slotOf[term] : -1;
  }

  private open(term: number, entry: number): void {
    this.stampOf[term] = this.stamp;
    this.slotOf[term] = this.n;
    this.terms[this.n] = term;
    this.counts[this.n] = 1;
    this.entries[this.n] = entry;
    this.n++;
  }

  add(term: number, entry: number): void {
    this.tokens++;
    const s = this.slot(term);
    if (s >= 0) this.counts[s]++;
    else this.open(term, entry);
  }

  /** A term that counts once however often it occurs (dates: one mention is as good as three). */
  setOnce(term: number): void {
    const s = this.slot(term);
    if (s >= 0) this.counts[s] = 1;
    else this.open(term, -1);
  }

  /** Slots of the `max` most frequent terms, most frequent first (ties in order of first occurrence). */
  top(max: number): number[] {
    const order: number[] = [];
    for (let i = 0; i < this.n; i++) order.push(i);
    const counts = this.counts;
    order.sort((a, b) => counts[b] - counts[a] || a - b);
    if (order.length > max) order.length = max;
    return order;
  }
}

/**
 * Counts the content terms of text[start, end) into `out`, as `passageTerms` reads them; `entityTerm(id)` gives
 * the term number standing for a name mention.
 */
export function countTerms(
  text: string,
  start: number,
  end: number,
  mentions: readonly EntityMention[],
  dict: TermDictionary,
  entityTerm: (id: string) => number,
  out: TermCounts,
): void {
  const onWord = (a: number, b: number, hash: number, digitsOnly: boolean) => {
    if (digitsOnly) return; // a bare number is no term
    const e = dict.wordHashed(text, a, b, hash);
    const t = dict.termOf(e);
    if (t >= 0) out.add(t, e);
  };
  let pos = start;
  for (const mn of mentions) {
    if (mn.end <= start || mn.start >= end || mn.start < pos) continue;
    if (mn.start > pos) scanWords(text, pos, mn.start, onWord);
    out.add(entityTerm(mn.entityId), -1);
    pos = mn.end;
  }
  if (end > pos) scanWords(text, pos, end, onWord);
}

/**
 * Content terms of text[start, end): stop words dropped, each name mention replaced by one token for its
 * entity (`entityToken(id)`), so that "Golani" and "al-Julani" count as the same term.
 */
export function passageTerms(
  text: string,
  start: number,
  end: number,
  mentions: readonly EntityMention[],
  entityToken: (id: string) => string,
  /** Receives the first surface word seen for each normalised term, so reasons can show words, not stems. */
  surfaces?: Map<string, string>,
): string[] {
  const out: string[] = [];
  let pos = start;
  const pushWords = (a: number, b: number) => {
    if (b <= a) return;
    WORD_RE.lastIndex = 0;
    const seg = text.slice(a, b);
    let m: RegExpExecArray | null;
    while ((m = WORD_RE.exec(seg))) {
      const t = normWord(m[0]);
      if (t.length < 2 || STOP_STEMS.has(t) || /^\d+$/.test(t)) continue;
      out.push(t);
      if (surfaces && !surfaces.has(t)) surfaces.set(t, m[0].toLowerCase());
    }
  };
  for (const mn of mentions) {
    if (mn.end <= start || mn.start >= end || mn.start < pos) continue;
    pushWords(pos, mn.start);
    out.push(entityToken(mn.entityId));
    pos = mn.end;
  }
  pushWords(pos, end);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Names when the names module gave none: runs of capitalised words, keyed case- and article-insensitively.

const NOT_NAMES = new Set(
  (
    'The A An In On At As By For From To Of And But Or If When While After Before During Since Until This That These ' +
    'Those There Here It Its He She They We You I His Her Their Our However Meanwhile Yesterday Today Last Earlier Later ' +
    'Some Many Most Several According Also Still Even More Other Both Each Such What Who Which Where Why How Why Not No ' +
    'Mr Ms Mrs President Minister Prime Foreign Deputy Secretary General Sheikh Dr Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December'
  ).split(' '),
);

const CAP_RUN_RE = /\b(?:[A-Z][\p{L}’'-]*|al|el|bin|ibn|de)(?:\s+(?:[A-Z][\p{L}’'-]*|al-[\p{L}]+|al|el|bin|ibn|of|de))*\b/gu;

/** Fallback mentions: capitalised runs that are not sentence-starting function words. */
export function fallbackMentions(text: string, start: number, end: number): EntityMention[] {
  const out: EntityMention[] = [];
  const seg = text.slice(start, end);
  CAP_RUN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAP_RUN_RE.exec(seg))) {
    let words = m[0].split(/\s+/);
    let off = m.index;
    // Drop leading function words ("The", "In") and trailing connectors ("of").
    while (words.length && (NOT_NAMES.has(words[0]) || /^(al|el|bin|ibn|de|of)$/.test(words[0]))) {
      off += words[0].length + 1;
      words = words.slice(1);
    }
    while (words.length && /^(al|el|bin|ibn|de|of)$/.test(words[words.length - 1])) words = words.slice(0, -1);
    if (!words.length || !/^[A-Z]/.test(words[0])) continue;
    const surface = words.join(' ');
    const key = surface
      .toLowerCase()
      .replace(/['’‘]s$/, '')
      .replace(/['’‘]/g, '')
      .replace(/\b(al|el)[-\s]/g, '')
      .replace(/[-\s]+/g, ' ')
      .trim();
    if (key.length < 2) continue;
    out.push({ start: start + off, end: start + off + surface.length, entityId: '~' + key });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Figures and tolls.

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const CASUALTY_AFTER =
  /^(?:\s+(?:[\p{L}-]+\s+){0,3}?)(?:people|persons|civilians|children|women|men|soldiers|troops|fighters|militants|terrorists|rebels|jihadists|members|victims|killed|dead|died|deaths|wounded|injured|casualties|bodies|lives|refugees)\b/iu;
const CASUALTY_BEFORE = /(?:killing|killed|kills|toll|dead|deaths|wounding|wounded|injuring|injured)\s+(?:\w+\s+){0,3}$/i;
const MONTH_NEAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^\d{4}$/i;

export interface Figures {
  /** Casualty figures ("58 killed", "killing 58", "Thirteen civilians"). */
  tolls: number[];
  /** Other counts and amounts (not years, not days of a date). */
  numbers: number[];
}

// Digits, or a number word (only those: matching every word would make this the slowest step of indexing).
const NUM_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}]))(?![\\p{N}])`,
  'giu',
);

const PERCENT_AFTER = /^\s*(?:percent|per cent)/i;
const COUNT_AFTER_YEAR = /^\s+(?:people|civilians|persons|dead|killed)\b/i;
const WORD_AFTER = /^\s*([\p{L}\p{N}]+)/u;

/** The letters-and-digits word just before seg[at] (spaces between allowed), looking back no further than `from`. */
function wordBefore(seg: string, from: number, at: number): string {
  const kinds = CHAR_KIND ?? charKinds();
  let j = at;
  // The core's one whitespace set (kit/chars): a zero-width space or NEL between a word and its number is a gap
  // to a reader too, so the word is still the one before.
  while (j > from && isSpaceCode(seg.charCodeAt(j - 1))) j--;
  let i = j;
  while (i > from) {
    const c = seg.charCodeAt(i - 1);
    const k = kinds[c];
    if (k === 1 || k === 2) i--;
    else if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= from && wordCharWidth(kinds, seg, i - 2, i, false) === 2) i -= 2;
    else break;
  }
  return seg.slice(i, j);
}

const NUM_AT = new RegExp(NUM_RE.source, 'iuy');
/** Where a NUM_RE match can start: 1 for a digit, 2 for a first letter of a number word (either case). */
const NUMBER_START = new Uint8Array(128);
for (let c = 48; c <= 57; c++) NUMBER_START[c] = 1;
for (const c of 'tfsenhTFSENH') NUMBER_START[c.charCodeAt(0)] = 2;

/**
 * The next NUM_RE match in seg from `from`, as NUM_RE.exec would find it, but trying the regex only where a
 * match can start (a digit, or a letter run as long as a number word starting with one of their letters):
 * scanning a whole passage with its look-behind was the costliest part of reading figures.
 */
function nextNumber(seg: string, from: number): RegExpExecArray | null {
  const kinds = CHAR_KIND ?? charKinds();
  for (let i = from; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    const start = c < 128 ? NUMBER_START[c] : c === 0x17f ? 2 : 0; // the long s case-folds to "s"
    if (start === 0) continue;
    if (i > 0) {
      const p = seg.charCodeAt(i - 1);
      if (p < 128 && (kinds[p] !== 0 || p === 46 || p === 44)) continue; // (?<![\p{L}\p{N}.,])
    }
    if (start === 2) {
      let j = i + 1;
      while (j < seg.length && kinds[seg.charCodeAt(j)] === 1) j++;
      if (j - i < 3 || j - i > 9) continue;
    }
    NUM_AT.lastIndex = i;
    const m = NUM_AT.exec(seg);
    if (m) return m;
  }
  return null;
}

export function readFigures(text: string, start: number, end: number): Figures {
  const seg = text.slice(start, end);
  // Distinct values in order of appearance (a handful per passage: arrays beat sets).
  const tolls: number[] = [];
  const numbers: number[] = [];
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = nextNumber(seg, from))) {
    from = m.index + m[0].length;
    const raw = m[1];
    let value: number;
    let isWord = false;
    const c0 = raw.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) value = Number(raw.includes(',') ? raw.replace(/,/g, '') : raw);
    else {
      const w = NUMBER_WORDS[raw.toLowerCase()];
      if (w === undefined) continue;
      value = w;
      isWord = true;
    }
    if (!Number.isFinite(value) || value < 2) continue;
    const at = m.index;
    const after = seg.slice(at + raw.length, at + raw.length + 60);
    const beforeFrom = Math.max(0, at - 50);
    // The words around a small number or a year tell a date from a count; other numbers do not need them.
    if (!isWord && value <= 31) {
      const nextWord = WORD_AFTER.exec(after)?.[1] ?? '';
      if (MONTH_NEAR.test(nextWord) || MONTH_NEAR.test(wordBefore(seg, beforeFrom, at))) continue; // a date
    }
    if (after.charCodeAt(0) === 37 || PERCENT_AFTER.test(after)) continue;
    const yearLike = !isWord && value >= 1940 && value <= 2040 && !raw.includes(',');
    if (yearLike && (MONTH_NEAR.test(wordBefore(seg, beforeFrom, at)) || !COUNT_AFTER_YEAR.test(after))) continue; // a year
    const casualty = CASUALTY_AFTER.test(after) || CASUALTY_BEFORE.test(seg.slice(beforeFrom, at));
    if (casualty) {
      if (!tolls.includes(value)) tolls.push(value);
    } else if (!isWord && value >= 3 && !numbers.includes(value)) numbers.push(value);
  }
  return { tolls, numbers };
}

// ---------------------------------------------------------------------------------------------------
// Quotations: compared by 4-word shingles, so a shortened or extended quote still matches.

const QUOTE_RE = /“([^”]{8,600})”|"([^"\n]{8,600})"|«([^»]{8,600})»|(?<![\p{L}])‘([^’]{8,600}?)’(?![\p{L}])/gu;
const SHINGLE = 4;
const MAX_QUOTES = 20;

export interface Quote {
  /** Normalised words of the quotation (shortened for display). */
  text: string;
  shingles: number[];
}

/** FNV-1a of words[i .. i + SHINGLE).join(' '), without building the string. */
function shingleHash(words: string[], i: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < i + SHINGLE; k++) {
    if (k > i) {
      h ^= 32;
      h = Math.imul(h, 0x01000193);
    }
    const w = words[k];
    for (let j = 0; j < w.length; j++) {
      h ^= w.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h | 0;
}

export function readQuotes(text: string, start: number, end: number): Quote[] {
  const seg = text.slice(start, end);
  const out: Quote[] = [];
  QUOTE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE_RE.exec(seg))) {
    const q = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const words = (q.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’‘`]/g, ''));
    if (words.length < SHINGLE) continue;
    const shingles: number[] = [];
    const stop = words.map((w) => STOP.has(w));
    for (let i = 0; i + SHINGLE <= words.length; i++) {
      // A shingle of only stop words ("it is in the") says nothing about the quote.
      if (stop[i] && stop[i + 1] && stop[i + 2] && stop[i + 3]) continue;
      shingles.push(shingleHash(words, i));
    }
    if (!shingles.length) continue;
    const display = foldQuote(q);
    out.push({ text: display, shingles: [...new Set(shingles)] });
    // Enough to recognise a shared quotation; a passage that is one long run of quotes needs no more.
    if (out.length >= MAX_QUOTES) break;
  }
  return out;
}

function foldQuote(q: string): string {
  const t = q.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? t.slice(0, 57).replace(/\s+\S*$/, '') + '…' : t;
}
