// Finding name mentions in one article. Output is plain JSON (cached on disk by content hash), so it holds
// only what resolution across the corpus needs: mentions with cues about their kind, descriptions found
// next to them, acronym definitions and stated renamings.
import type { ArticleMeta, Heading, Passage } from '../types';
import {
  CAPS_NOT_ACRONYM,
  CONNECTORS,
  COUNTRIES,
  COUNTRY_PHRASES,
  DAYS,
  DEMONYMS,
  GROUP_GENERIC,
  GROUP_NAMES,
  GROUP_OPENERS,
  KEY_ARTICLES,
  GROUP_HEADS,
  MONTHS,
  NEXT_GROUP,
  NEXT_PLACE,
  PARTICLES,
  PLACE_HEADS,
  PLACE_OPENERS,
  PREV_PLACE,
  PREV_PLACE_STRONG,
  ROLE_WORDS,
  STOPWORDS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from './lexicon';
import { initials, nameKey } from './normalize';

export interface NameArticleInput {
  file: string;
  text: string;
  passages: Passage[];
  headings: Heading[];
  meta: ArticleMeta;
}

export type KindCue = 'person' | 'group' | 'place';

export interface RawMention {
  start: number;
  end: number;
  surface: string;
  passage: number;
  key: string;
  /** Kind suggested by the words around this mention; `strong` when a title or head noun says so. */
  cue?: KindCue;
  strong?: boolean;
  /** Preceded by "the": names of people rarely are. */
  the?: boolean;
  /** First word of a sentence (a capital there proves nothing). */
  si?: boolean;
  /** All-capitals acronym ("HTS", "U.N."). */
  acr?: boolean;
  /** Ended in s’ or, in texts without apostrophes, in s: may be a possessive glued to the name ("Assads"). */
  ps?: boolean;
}

export interface RawDefinition {
  /** Index into `mentions`. */
  m: number;
  text: string;
  origin: 'appositive' | 'title' | 'role' | 'acronym';
  start: number;
  end: number;
}

export interface RawRelation {
  from: number;
  to: number;
  relation: 'formerly' | 'later';
}

export interface RawAcronym {
  /**
   * Mention index of the acronym and of its expansion. Also equivalences the text states ("the Syrian Civil
   * Defence, known as the White Helmets", "Jaysh al-Islam (Army of Islam)"): `acr` the other name, `exp` the first.
   */
  acr: number;
  exp: number;
}

export interface ArticleNames {
  v: 1;
  file: string;
  /** Apostrophes were stripped from this text ("Assads", "Syrias"): possessive "s" may be glued on. */
  noApostrophes: boolean;
  mentions: RawMention[];
  definitions: RawDefinition[];
  acronyms: RawAcronym[];
  relations: RawRelation[];
  /** Distinct lower-case words of the text: across the corpus they tell ordinary words ("Activists") from names. */
  lower: string[];
  /**
   * Per mention, a hash of the words right after it: a name followed by the same words in many articles of one
   * outlet ("Youtube Subscribe to our Youtube channel", "Source TRTWorld and agencies Related News") is page
   * furniture. Absent in extractions cached before it was collected.
   */
  after?: string;
  /**
   * Runs of capitalised words in headlines, captions and datelines: resolution reads in them the longest names the
   * whole corpus uses ("Wladimir Klitschko stops…" above a text that only says "Klitschko"), in place of the shorter
   * ones this article's prose alone gives. Absent in extractions cached before they were collected.
   */
  heads?: HeadingRun[];
}

/** A run of capitalised heading words (see `ArticleNames.heads`). */
export interface HeadingRun {
  start: number;
  end: number;
  surface: string;
  passage: number;
}

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

/** Lower-case particles that may stand as separate words inside a name (English look-alikes such as "as", "at" excluded). */
const JOIN_PARTICLES = new Set('al el ez az ash bin ibn bint de del della di da dos das du van von der den ul ud'.split(' '));

const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const DIGIT = /^\p{N}/u;

// Character classes, looked up by UTF-16 code unit in a table filled on first use (one regular expression test
// per distinct character instead of one per character read). Code points beyond the BMP are classified apart.
const C_KNOWN = 1;
/** \p{L}, \p{M} or \p{N}: what a token is made of. */
const C_WORD = 2;
const C_LETTER = 4;
const C_UPPER = 8;
const C_LOWER = 16;
/** \s */
const C_SPACE = 32;
/** A surrogate pair was read as one code point (two code units wide). */
const C_WIDE = 256;
const CLASS_TABLE = new Uint8Array(65536);
const astralClasses = new Map<number, number>();

function classify(ch: string): number {
  let k = C_KNOWN;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) k |= C_WORD;
  if (/\p{L}/u.test(ch)) k |= C_LETTER;
  if (/\p{Lu}/u.test(ch)) k |= C_UPPER;
  if (/\p{Ll}/u.test(ch)) k |= C_LOWER;
  if (/^\s$/.test(ch)) k |= C_SPACE;
  return k;
}

/** Class of one UTF-16 code unit (a lone surrogate half is no letter, as the regular expressions it replaces say). */
function cls(c: number): number {
  const k = CLASS_TABLE[c];
  if (k !== 0) return k;
  return (CLASS_TABLE[c] = classify(String.fromCharCode(c)));
}

/** Class of the code point at `i`, reading a surrogate pair as one (never past `end`); C_WIDE when it took two units. */
function cpClass(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return cls(c);
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return cls(c);
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let k = astralClasses.get(cp);
  if (k === undefined) astralClasses.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k | C_WIDE;
}

const isSpaceCode = (c: number): boolean => (cls(c) & C_SPACE) !== 0;
const isLetterCode = (c: number): boolean => (cls(c) & C_LETTER) !== 0;
const isLowerCode = (c: number): boolean => (cls(c) & C_LOWER) !== 0;
const isUpperCode = (c: number): boolean => (cls(c) & C_UPPER) !== 0;

/** Apostrophes that may close a token (’ ' ʼ). */
const isApostropheCode = (c: number): boolean => c === 0x2019 || c === 39 || c === 0x02bc;
/** Joiners inside a token: apostrophes and hyphens (’ ' ʼ - ‐ ‑). */
const isJoinerCode = (c: number): boolean => isApostropheCode(c) || c === 45 || c === 0x2010 || c === 0x2011;

/**
 * End of the token starting at `i` (a word character) within [i, end). Same matches as
 * /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[’'ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*[’'ʼ]?/u: dotted initials ("U.N.") first,
 * otherwise a word with inner apostrophes or hyphens and an optional closing apostrophe.
 */
function tokenEnd(text: string, i: number, end: number, first: number): number {
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

function isCapWord(s: string): boolean {
  return UPPER.test(s);
}

/** Split a raw token into its name part and whether the name must end after it. */
const NO_TRIM = { stop: false, sPoss: false };

/** Whether a token holds an apostrophe or hyphen (only those can carry a possessive or an adjective suffix). */
function hasJoiner(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 39 || c === 45 || c === 0x2019 || c === 0x02bc || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}

/** Lower-case words after a hyphen that make an adjective of a name ("-led" and "-held" end in -ed anyway). */
const HYPHEN_SUFFIXES = new Set(
  'run era style born made bound wide free long like type related only area majority friendly proxy allied aligned funded minded'.split(
    ' ',
  ),
);

function trimToken(raw: string): { text: string; stop: boolean; sPoss: boolean } {
  if (!hasJoiner(raw)) return { text: raw, ...NO_TRIM };
  let text = raw;
  let stop = false;
  // "Putins’": a plural-style possessive; the glued "s" may or may not belong to the name.
  const sPoss = /[sS]['’ʼ]$/.test(raw);
  // Possessive: "Assad’s", "Assad's", "Putins’".
  const poss = /(?:['’ʼ][sS]|(?<=[sS])['’ʼ])$/.exec(text);
  if (poss) {
    text = text.slice(0, poss.index);
    stop = true;
  } else if (/['’ʼ]$/.test(text)) {
    text = text.slice(0, -1);
    stop = true;
  }
  // Adjective suffix after a hyphen: "HTS-led", "al-Qaeda-linked", "US-backed".
  const parts = text.split(/[-‐‑]/);
  if (parts.length > 1) {
    for (let i = 1; i < parts.length; i++) {
      const p = parts[i];
      // Only adjective-forming words cut: "Ki-moon", "Jong-un" are parts of the name.
      if (LOWER.test(p) && !PARTICLES.has(p) && (/(?:ed|ing)$/.test(p) || HYPHEN_SUFFIXES.has(p))) {
        // Separators are one character each, so the kept prefix has the joined length.
        text = text.slice(0, parts.slice(0, i).join('-').length);
        stop = true;
        break;
      }
    }
  }
  return { text, stop, sPoss };
}

function isCapToken(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (isCapWord(t)) return true;
  if (!hasJoiner(t)) return false;
  // "al-Assad", "ez-Zor", "bin-Laden": lower-case article glued to a capitalised name.
  const m = /^(\p{Ll}+)[-‐‑’'](\p{Lu})/u.exec(t);
  return !!m && PARTICLES.has(m[1]);
}

function isAllCaps(t: string): boolean {
  // Most capitalised words have a lower-case ASCII letter early on.
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !HAS_LOWER.test(letters);
}

function isDemonym(word: string): boolean {
  return isDemonymLower(word.toLowerCase());
}

/** isDemonym of a word already in lower case. */
function isDemonymLower(w: string): boolean {
  if (DEMONYMS.has(w)) return true;
  return (
    w.length > 4 &&
    (w.endsWith('ian') || w.endsWith('ean') || w.endsWith('ese') || w.endsWith('ish') || w.endsWith('ic') || w.endsWith('ist'))
  );
}

const SENTENCE_GAP = /(?:[.!?…:;]["'”’)\]]*\s|\n|\s[–—-]\s)\s*["'“‘([]*\s*$/;

const MINOR_WORDS = new Set('a an the of in on at to for and or but by with from as vs after over between into'.split(' '));

/** MINOR_WORDS by length, to compare in place. */
const MINOR_BY_LENGTH: readonly (readonly string[])[] = (() => {
  const by: string[][] = [];
  for (const w of MINOR_WORDS) (by[w.length] ??= []).push(w);
  for (let n = 0; n <= 7; n++) by[n] ??= [];
  return by;
})();

/** Whether text[ws, we) is one of MINOR_WORDS, compared in place (no substring). */
function isMinorWord(text: string, ws: number, we: number): boolean {
  const n = we - ws;
  if (n > 7) return false;
  const list = MINOR_BY_LENGTH[n];
  for (let k = 0; k < list.length; k++) if (text.startsWith(list[k], ws)) return true;
  return false;
}

/** True when most words of text[from, to) are capitalised (headlines, captions, title-cased headings). One pass, no word list. */
function looksTitleCased(text: string, from: number, to: number): boolean {
  let words = 0;
  let content = 0;
  let caps = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isLetterCode(c)) {
      i++;
      continue;
    }
    const ws = i++;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (isLetterCode(d) || d === 0x2019 || d === 39 || d === 45) i++;
      else break;
    }
    words++;
    if (isUpperCode(c)) {
      content++;
      caps++;
    } else if (!isMinorWord(text, ws, i)) content++;
  }
  if (words < 3) return words > 0 && caps === words;
  return content > 0 && caps / content >= 0.7;
}

/** Number of whitespace-separated pieces of text[from, to), counted up to `max`. */
function countPieces(text: string, from: number, to: number, max: number): number {
  let n = 0;
  let inPiece = false;
  for (let i = from; i < to; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inPiece && ++n >= max) return n;
    inPiece = !space;
  }
  return n;
}

/** / _ = & # @ ~ %: characters of web addresses, not of prose. */
const URL_PUNCT = new Set([47, 95, 61, 38, 35, 64, 126, 37]);

/** Whether the token text[from, to) is a piece of a web address (a path or query character touches it). */
function inWebAddress(text: string, from: number, to: number): boolean {
  return (from > 0 && URL_PUNCT.has(text.charCodeAt(from - 1))) || URL_PUNCT.has(text.charCodeAt(to));
}

/**
 * Adds the lower-case words in text[from, to) to `words`: runs of lower-case letters not glued to a letter,
 * apostrophe or hyphen before them ("well-known" gives "well", "don’t" gives "don").
 */
function addLowerWords(text: string, from: number, to: number, words: LowerWords): void {
  const n = to;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLowerCode(c)) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    // Words inside web addresses ("…/lindsay_lohan/…", "la-me-0504-lohan-rehab") are no evidence that a name is
    // an ordinary word: a character of a path or query on either side rules the word out.
    const free = !(isLetterCode(prev) || prev === 0x2019 || prev === 39 || prev === 45 || URL_PUNCT.has(prev));
    let j = i + 1;
    while (j < n && isLowerCode(text.charCodeAt(j))) j++;
    if (free && !URL_PUNCT.has(text.charCodeAt(j))) words.add(text, i, j);
    i = j;
  }
}

interface Chunk {
  toks: SegToken[];
  /** Role phrase stripped from the front ("Russian Deputy Foreign Minister"). */
  title?: { text: string; start: number; end: number };
}

/**
 * Whether a token's name key has a word that is neither an Arabic article nor in `known`. The key of a run of
 * tokens is the words of their keys in order (articles dropped unless nothing else is left), so such a token
 * rules out every run holding it.
 */
function hasUnknownWord(info: TokenInfo, known: ReadonlySet<string>): boolean {
  const kw = (info.keyWords ??= nameKey(info.text)
    .split(' ')
    .filter((w) => w.length > 0 && !KEY_ARTICLES.has(w)));
  for (let k = 0; k < kw.length; k++) if (!known.has(kw[k])) return true;
  return false;
}

/** A flat copy: cuts of 13 characters or more are slices that keep their whole parent string alive. */
function ownCopy(s: string): string {
  return s.length >= 13 ? (JSON.parse(JSON.stringify(s)) as string) : s;
}

// Strings kept by the name extractions of many articles (keys, surfaces, lower-case words) recur from article to
// article: the tables below hand out one shared instance per distinct value instead of one copy per article, as
// flat copies that never hold on to the article text they were cut from. Each is cleared when it grows past its
// bound (strings already handed out stay valid; later articles just start sharing anew), so a long session does
// not accumulate every string it has seen.

const INTERN_MAX = 100_000;
const internTable = new Map<string, string>();

function intern(s: string): string {
  const hit = internTable.get(s);
  if (hit !== undefined) return hit;
  if (internTable.size >= INTERN_MAX) internTable.clear();
  const own = ownCopy(s);
  internTable.set(own, own);
  return own;
}

/** A surface with its name key, both shared. */
interface SurfaceEntry {
  surface: string;
  key: string;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a hash of text[from, to), the key hash of RangeMap. */
function hashRange(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return mixHash(h);
}

/** FNV's multiplications only carry bits upwards, so its low bits (the table slot) mix poorly: fold the high ones in. */
function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * A map from strings to values that is looked up straight from a range of a text: no substring is cut for a key
 * already present (an article repeats most of its words many times, and the corpus repeats them across
 * articles). Open addressing with linear probing, at most half full. Emptied by `trim()` once it holds more than
 * `max` keys, so a long session keeps a bounded table.
 */
class RangeMap<V> {
  private cap = 0;
  private keys: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private values: V[] = [];
  private count = 0;

  constructor(
    private readonly make: (key: string) => V,
    private readonly max: number,
  ) {
    this.reset();
  }

  private reset(): void {
    this.cap = 1 << 12;
    this.keys = new Array<string | undefined>(this.cap);
    this.hashes = new Int32Array(this.cap);
    this.values = new Array<V>(this.cap);
    this.count = 0;
  }

  trim(): void {
    if (this.count > this.max) this.reset();
  }

  /** The value of text[from, to) (`h` its hashRange), made and kept on first sight. */
  get(text: string, from: number, to: number, h: number): V {
    const len = to - from;
    const mask = this.cap - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) break;
      if (this.hashes[slot] === h && k.length === len && sameChars(k, text, from)) return this.values[slot];
      slot = (slot + 1) & mask;
    }
    const key = ownCopy(text.slice(from, to));
    const v = this.make(key);
    this.keys[slot] = key;
    this.hashes[slot] = h;
    this.values[slot] = v;
    if (++this.count * 2 > this.cap) this.grow();
    return v;
  }

  /** The value of a string, if present. */
  find(s: string): V | undefined {
    const h = hashRange(s, 0, s.length);
    const mask = this.cap - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) return undefined;
      if (this.hashes[slot] === h && k === s) return this.values[slot];
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    this.cap *= 2;
    const mask = this.cap - 1;
    this.keys = new Array<string | undefined>(this.cap);
    this.hashes = new Int32Array(this.cap);
    this.values = new Array<V>(this.cap);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      let slot = hashes[i] & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = k;
      this.hashes[slot] = hashes[i];
      this.values[slot] = values[i];
    }
  }
}

function sameChars(w: string, text: string, from: number): boolean {
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

/** Surfaces (and runs of heading tokens) with their name keys: nameKey without cutting the substring again. */
const surfaces = new RangeMap<SurfaceEntry>((surface) => ({ surface, key: intern(nameKey(surface)) }), 100_000);

function surfaceAt(text: string, from: number, to: number): SurfaceEntry {
  return surfaces.get(text, from, to, hashRange(text, from, to));
}

const W_LISTED = 1;
const W_JOIN = 2;

/**
 * The lower-case words of all articles extracted so far, one shared string each: a RangeMap specialised for the
 * commonest lookup (three in four tokens are plain lower-case words). Each slot keeps, next to its key hash, the
 * last article that used the word and its flags, so that lookup touches as little memory as possible: the two
 * numbers, the key and its characters. Whether an article has used a word is `mark === article`, so each article
 * lists its distinct words in first-seen order, as a set of its own would.
 */
class WordTable {
  private cap = 0;
  /** Per slot: key hash, (last article << 2) | flags. */
  private meta = new Int32Array(0);
  private keys: (string | undefined)[] = [];
  private count = 0;

  constructor(private readonly max: number) {
    this.reset(1 << 14);
  }

  private reset(cap: number): void {
    this.cap = cap;
    this.meta = new Int32Array(2 * cap);
    this.keys = new Array<string | undefined>(cap);
    this.count = 0;
  }

  trim(): void {
    if (this.count > this.max) this.reset(1 << 14);
  }

  /** Slot of text[from, to) (`h` its hashRange), added on first sight. */
  slot(text: string, from: number, to: number, h: number): number {
    const len = to - from;
    const mask = this.cap - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) break;
      if (this.meta[2 * slot] === h && k.length === len && sameChars(k, text, from)) return slot;
      slot = (slot + 1) & mask;
    }
    const w = ownCopy(text.slice(from, to));
    this.keys[slot] = w;
    this.meta[2 * slot] = h;
    this.meta[2 * slot + 1] =
      (w.length >= 3 && !STOPWORDS.has(w) ? W_LISTED : 0) | (JOIN_PARTICLES.has(w) || CONNECTORS.has(w) ? W_JOIN : 0);
    if (++this.count * 2 > this.cap) {
      this.grow();
      return this.find(w);
    }
    return slot;
  }

  /** Slot of a string, or -1. */
  find(s: string): number {
    const h = hashRange(s, 0, s.length);
    const mask = this.cap - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) return -1;
      if (this.meta[2 * slot] === h && k === s) return slot;
      slot = (slot + 1) & mask;
    }
  }

  word(slot: number): string {
    return this.keys[slot]!;
  }

  isJoin(slot: number): boolean {
    return (this.meta[2 * slot + 1] & W_JOIN) !== 0;
  }

  usedBy(slot: number, article: number): boolean {
    return this.meta[2 * slot + 1] >>> 2 === article;
  }

  /** Marks the word as used by `article`; true the first time, with the word listed (see W_LISTED). */
  markListed(slot: number, article: number): boolean {
    const m = this.meta[2 * slot + 1];
    if (m >>> 2 === article) return false;
    this.meta[2 * slot + 1] = (article << 2) | (m & 3);
    return (m & W_LISTED) !== 0;
  }

  private grow(): void {
    const { meta, keys } = this;
    this.reset(this.cap * 2);
    const mask = this.cap - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      let slot = meta[2 * i] & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = k;
      this.meta[2 * slot] = meta[2 * i];
      this.meta[2 * slot + 1] = meta[2 * i + 1];
      this.count++;
    }
  }
}

const words = new WordTable(400_000);

/** Everything about a token that its characters alone decide. */
interface TokenInfo {
  /** The name part (possessive or adjective suffix trimmed). */
  text: string;
  lower: string;
  cap: boolean;
  caps: boolean;
  stop: boolean;
  sPoss: boolean;
  /**
   * Runs of lower-case letters inside the raw token, as [from, to) offset pairs: those not glued to a letter,
   * apostrophe or hyphen before them, plus a run at offset 0 (whose freedom depends on the character before the token).
   */
  lowerRuns: number[] | null;
  /** Word-class facts of `lower` and `text` (T_* bits). */
  flags: number;
  /** Number of letters in `text`. */
  letters: number;
  /** Words of nameKey(text) other than Arabic articles, filled on first need (see hasUnknownWord). */
  keyWords?: string[];
}

const T_CALENDAR = 1;
const T_STOP = 2;
/** `text` opens with a capital (\p{Lu}). */
const T_UPPER = 4;
const T_DEMONYM = 8;
const T_TITLE_HEAD = 16;
const T_TITLE_MOD = 32;
const T_GROUP_HEAD = 64;
const T_PLACE_HEAD = 128;
const T_KEY_ARTICLE = 256;
const T_CAPS_NOT_ACRONYM = 512;

function wordFlags(text: string, lower: string): number {
  let f = 0;
  if (CALENDAR.has(lower)) f |= T_CALENDAR;
  if (STOPWORDS.has(lower)) f |= T_STOP;
  if (UPPER.test(text)) f |= T_UPPER;
  if (isDemonymLower(lower)) f |= T_DEMONYM;
  if (TITLE_HEADS.has(lower)) f |= T_TITLE_HEAD;
  if (TITLE_MODIFIERS.has(lower)) f |= T_TITLE_MOD;
  if (GROUP_HEADS.has(lower)) f |= T_GROUP_HEAD;
  if (PLACE_HEADS.has(lower)) f |= T_PLACE_HEAD;
  if (KEY_ARTICLES.has(lower)) f |= T_KEY_ARTICLE;
  if (CAPS_NOT_ACRONYM.has(lower)) f |= T_CAPS_NOT_ACRONYM;
  return f;
}

/** Same as s.replace(/[^\p{L}]/gu, '').length. */
function countLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length;) {
    const k = cpClass(s, i, s.length);
    if (k & C_LETTER) n += k & C_WIDE ? 2 : 1;
    i += k & C_WIDE ? 2 : 1;
  }
  return n;
}

const tokenInfos = new RangeMap<TokenInfo>(tokenInfo, 200_000);

function tokenInfo(raw: string): TokenInfo {
  const { text: t, stop, sPoss } = trimToken(raw);
  let runs: number[] | null = null;
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    if (!isLowerCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < raw.length && isLowerCode(raw.charCodeAt(j))) j++;
    const prev = i > 0 ? raw.charCodeAt(i - 1) : 32;
    if (i === 0 || !(isLetterCode(prev) || prev === 0x2019 || prev === 39 || prev === 45)) (runs ??= []).push(i, j);
    i = j;
  }
  const lower = t.toLowerCase();
  return {
    text: t,
    lower,
    flags: wordFlags(t, lower),
    letters: countLetters(t),
    keyWords: undefined,
    cap: t.length > 0 && isCapToken(t) && !startsWithDigit(t) && !(t.includes('-') && t.split('-').some((x) => isDemonym(x))),
    caps: isAllCaps(t),
    stop,
    sPoss,
    lowerRuns: runs,
  };
}

/** Article counter: a word marked with the current one was used by the article being extracted (wraps within 2^30). */
let currentArticle = 0;

/** The lower-case words of the article being extracted: listed in first-seen order, each once. */
class LowerWords {
  constructor(readonly list: string[]) {}

  add(text: string, from: number, to: number): void {
    this.addSlot(words.slot(text, from, to, hashRange(text, from, to)));
  }

  addSlot(slot: number): void {
    if (words.markListed(slot, currentArticle)) this.list.push(words.word(slot));
  }

  has(word: string): boolean {
    const slot = words.find(word);
    return slot >= 0 && words.usedBy(slot, currentArticle);
  }
}

/** Kind cues packed in a number: the cue in the low bits, then the flags. */
const CUE_PERSON = 1;
const CUE_GROUP = 2;
const CUE_PLACE = 3;
const CUES_ACR = 4;
const CUES_THE = 8;
const CUES_STRONG = 16;
const CUE_NAMES: readonly (KindCue | undefined)[] = [undefined, 'person', 'group', 'place'];

/**
 * A mention with exactly the properties it has, in the order acr, the, cue, strong, si, ps (the order the output
 * has always had). The common combinations are written as literals so the object holds its fields in place;
 * properties added one by one afterwards go to a separate, larger backing store.
 */
function makeMention(
  start: number,
  end: number,
  surface: string,
  passage: number,
  key: string,
  cues: number,
  si: boolean,
  ps: boolean,
): RawMention {
  const cue = CUE_NAMES[cues & 3];
  const acr = (cues & CUES_ACR) !== 0;
  const the = (cues & CUES_THE) !== 0;
  const strong = (cues & CUES_STRONG) !== 0;
  if (!acr && !the) {
    if (cue === undefined) {
      if (!si && !ps) return { start, end, surface, passage, key };
      if (!si) return { start, end, surface, passage, key, ps: true };
      if (!ps) return { start, end, surface, passage, key, si: true };
      return { start, end, surface, passage, key, si: true, ps: true };
    }
    if (strong) {
      if (!si && !ps) return { start, end, surface, passage, key, cue, strong: true };
      if (!si) return { start, end, surface, passage, key, cue, strong: true, ps: true };
      if (!ps) return { start, end, surface, passage, key, cue, strong: true, si: true };
      return { start, end, surface, passage, key, cue, strong: true, si: true, ps: true };
    }
    if (!si && !ps) return { start, end, surface, passage, key, cue };
    if (!si) return { start, end, surface, passage, key, cue, ps: true };
    if (!ps) return { start, end, surface, passage, key, cue, si: true };
    return { start, end, surface, passage, key, cue, si: true, ps: true };
  }
  if (!si && !ps && cue === undefined) {
    if (acr && !the) return { start, end, surface, passage, key, acr: true };
    if (!acr && the) return { start, end, surface, passage, key, the: true };
    if (acr && the) return { start, end, surface, passage, key, acr: true, the: true };
  }
  if (!acr && the && !si && cue !== undefined) {
    if (strong) {
      if (!ps) return { start, end, surface, passage, key, the: true, cue, strong: true };
      return { start, end, surface, passage, key, the: true, cue, strong: true, ps: true };
    }
    if (!ps) return { start, end, surface, passage, key, the: true, cue };
    return { start, end, surface, passage, key, the: true, cue, ps: true };
  }
  // Rarer combinations: built property by property, in the same order.
  const m: RawMention = { start, end, surface, passage, key };
  if (acr) m.acr = true;
  if (the) m.the = true;
  if (cue !== undefined) m.cue = cue;
  if (strong) m.strong = true;
  if (si) m.si = true;
  if (ps) m.ps = true;
  return m;
}

type Seg = { start: number; end: number; passage: number; heading: boolean; body: boolean };

/** The next position of one character at or after a given offset, remembered while offsets only grow. */
class NextChar {
  private from = -1;
  private pos = -1;

  constructor(private readonly ch: string) {}

  /** Position of the character at or after `from`; Infinity when there is none. */
  at(text: string, from: number): number {
    if (from < this.from || (this.pos >= 0 && this.pos < from) || this.from < 0) {
      this.from = from;
      this.pos = text.indexOf(this.ch, from);
    }
    return this.pos < 0 ? Infinity : this.pos;
  }
}

/** . ! ? … */
const isSentencePunct = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** " ' ” ’ ) ] after a sentence's punctuation. */
const isSentenceCloser = (c: number): boolean => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
/** . ! ? … : " ” closing a line that is a sentence, not a headline. */
const isLineCloser = (c: number): boolean => isSentencePunct(c) || c === 58 || c === 34 || c === 0x201d;

/** Same as /\p{L}['’]s\b/u.test(text): some letter has a possessive "’s" (so apostrophes were kept in this text). */
function hasPossessive(text: string): boolean {
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

/**
 * Segments to scan: body passages in prose mode; headings and title-cased lines in heading mode, where only
 * names also found in prose count (a capital in a headline proves nothing).
 */
function splitSegments(input: NameArticleInput): Seg[] {
  const { text } = input;
  const segs: Seg[] = [];
  const titleFold = input.meta.title ? input.meta.title.trim() : '';
  // Where the title next occurs in the text at or after `titleFrom` (-1: nowhere), found once per scan forward.
  let titleFrom = 0;
  let titleAt = titleFold.length > 12 ? text.indexOf(titleFold) : -1;
  const titleWithin = (ss: number, se: number): boolean => {
    if (titleFold.length <= 12) return false;
    if (ss < titleFrom || (titleAt >= 0 && titleAt < ss)) {
      titleFrom = ss;
      titleAt = text.indexOf(titleFold, ss);
    }
    return titleAt >= 0 && titleAt + titleFold.length <= se;
  };
  // Next positions of line breaks and sentence punctuation, found by indexOf (far faster than a loop per character).
  const nl = new NextChar('\n');
  const cr = new NextChar('\r');
  const stops = [new NextChar('.'), new NextChar('!'), new NextChar('?'), new NextChar('\u2026')];
  // A title line above the first passage ("# US, Israel launch … after fall of Assad") is read in heading mode,
  // counted with the first passage: a reader sees the names in it.
  const first = input.passages[0];
  if (first && titleFold) {
    const at = text.lastIndexOf(titleFold, first.start - titleFold.length);
    // A title written as a sentence ("Mark Felt, who was known as 'Deep Throat', died") has capitals that mean
    // what they mean in prose, so it is read as prose.
    const end = at + titleFold.length;
    if (at >= 0) segs.push({ start: at, end, passage: first.index, heading: looksTitleCased(text, at, end), body: first.kind === 'body' });
  }
  for (const p of input.passages) {
    const body = p.kind === 'body';
    // Split a passage into lines (runs without \n or \r) then sentences, flagging title-cased ones.
    let ls = p.start;
    while (ls < p.end) {
      const c = text.charCodeAt(ls);
      if (c === 10 || c === 13) {
        ls++;
        continue;
      }
      const le = Math.min(p.end, nl.at(text, ls), cr.at(text, ls));
      const lineStart = ls;
      ls = le;
      // A line not closed by sentence punctuation, of at most 14 pieces.
      let last = le - 1;
      while (last >= lineStart && isSpaceCode(text.charCodeAt(last))) last--;
      const shortLine = !(last >= lineStart && isLineCloser(text.charCodeAt(last))) && countPieces(text, lineStart, le, 15) <= 14;
      if (shortLine && looksTitleCased(text, lineStart, le)) {
        segs.push({ start: lineStart, end: le, passage: p.index, heading: true, body });
        continue;
      }
      // Sentences inside the line: a run without . ! ? … then that punctuation and closing quotes or brackets.
      let runStart = -1;
      let runEnd = -1;
      let i = lineStart;
      while (i < le) {
        if (isSentencePunct(text.charCodeAt(i))) {
          i++;
          continue;
        }
        const ss = i;
        i = Math.min(le, stops[0].at(text, i), stops[1].at(text, i), stops[2].at(text, i), stops[3].at(text, i));
        if (i < le) {
          while (i < le && isSentencePunct(text.charCodeAt(i))) i++;
          while (i < le && isSentenceCloser(text.charCodeAt(i))) i++;
        }
        const se = i;
        const isTitle = (titleWithin(ss, se) || countPieces(text, ss, se, 4) >= 4) && looksTitleCased(text, ss, se);
        if (isTitle) {
          if (runStart >= 0) segs.push({ start: runStart, end: runEnd, passage: p.index, heading: false, body });
          runStart = -1;
          segs.push({ start: ss, end: se, passage: p.index, heading: true, body });
        } else {
          if (runStart < 0) runStart = ss;
          runEnd = se;
        }
      }
      if (runStart >= 0) segs.push({ start: runStart, end: runEnd, passage: p.index, heading: false, body });
    }
  }
  return segs;
}

/** In heading chunks, the longest runs of tokens whose key is a name found in prose (`mentions`), in order. */
function headingRuns(text: string, mentions: RawMention[], headingChunks: { chunk: Chunk; seg: Seg }[]): { toks: SegToken[]; seg: Seg }[] {
  const runs: { toks: SegToken[]; seg: Seg }[] = [];
  const known = new Set<string>();
  /** Every word of a known key: a run holding any other word cannot have a known key. */
  const knownWordSet = new Set<string>();
  let knownWords = 0;
  for (const m of mentions) {
    if (known.has(m.key)) continue;
    known.add(m.key);
    let words = 1;
    let ws = 0;
    for (let k = 0; k <= m.key.length; k++) {
      if (k === m.key.length || m.key.charCodeAt(k) === 32) {
        knownWordSet.add(m.key.slice(ws, k));
        ws = k + 1;
        if (k < m.key.length) words++;
      }
    }
    if (words > knownWords) knownWords = words;
  }
  for (const { chunk, seg } of headingChunks) {
    const toks = chunk.toks;
    // A token with a word (other than an article) that no known key has ends every run that could match.
    const unknownAt = toks.map((t) => hasUnknownWord(t.info, knownWordSet));
    let i = 0;
    while (i < toks.length) {
      let found = -1;
      // No known name has more words than the longest in prose (particles and connectors included, so a bound).
      let top = Math.min(toks.length, i + 2 * knownWords + 2);
      for (let u = i; u < top; u++) {
        if (unknownAt[u]) {
          top = u;
          break;
        }
      }
      for (let j = top; j > i; j--) {
        const k = surfaceAt(text, toks[i].start, toks[j - 1].end).key;
        if (known.has(k)) {
          found = j;
          break;
        }
      }
      if (found > 0) {
        runs.push({ toks: toks.slice(i, found), seg });
        i = found;
      } else i++;
    }
  }
  return runs;
}

/** How many characters after a mention make its furniture signature. */
const AFTER_CONTEXT = 32;

/** Digits of the furniture signatures: 64 characters JSON writes as they are. */
const SIG_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Per mention, an 18-bit hash of the mention and the text right after it, as three characters in one string
 * (see `ArticleNames.after`): cached with every extraction, so it is kept small.
 */
function afterContexts(text: string, mentions: RawMention[]): string {
  let out = '';
  for (const m of mentions) {
    const h = mixHash(hashRange(text, m.start, Math.min(text.length, m.end + AFTER_CONTEXT))) & 0x3ffff;
    out += SIG_DIGITS[h >> 12] + SIG_DIGITS[(h >> 6) & 63] + SIG_DIGITS[h & 63];
  }
  return out;
}

/**
 * The capitalised stretches of heading chunks, cut at lower-case words and at tokens that end a name (a
 * possessive): resolution reads in them the longest names of the whole corpus ("Lindsay Lohan Checks Into Rehab"
 * above prose that only says "Lohan").
 */
function headingStretches(text: string, rest: { toks: SegToken[]; seg: Seg }[]): HeadingRun[] {
  const out: HeadingRun[] = [];
  for (const { toks, seg } of rest) {
    let from = -1;
    const flush = (to: number): void => {
      if (from >= 0 && to > from) {
        const start = toks[from].start;
        const end = toks[to - 1].end;
        out.push({ start, end, surface: intern(text.slice(start, end)), passage: seg.passage });
      }
      from = -1;
    };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.cap) {
        flush(k);
        continue;
      }
      if (from < 0) from = k;
      if (t.stop) flush(k + 1);
    }
    flush(toks.length);
  }
  return out;
}

export function extractNames(input: NameArticleInput): ArticleNames {
  const { text, file } = input;
  const noApostrophes = text.length > 100 && !hasPossessive(text);
  const out: ArticleNames = { v: 1, file, noApostrophes, mentions: [], definitions: [], acronyms: [], relations: [], lower: [] };

  const segs = splitSegments(input);
  // Segments are disjoint and in text order: a binary search finds the one a heading may lie in.
  const segCount = segs.length;
  const sortedSegs = segs.slice().sort((a, b) => a.start - b.start);
  for (const h of input.headings) {
    let lo = 0;
    let hi = segCount - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sortedSegs[mid].start <= h.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!(at >= 0 && h.end <= sortedSegs[at].end)) {
      segs.push({ start: h.start, end: h.end, passage: -1, heading: true, body: false });
    }
  }

  const proseChunks: { chunk: Chunk; seg: Seg }[] = [];
  const headingChunks: { chunk: Chunk; seg: Seg }[] = [];
  // Two passes: tokenising every segment first also collects the article's lower-case words, which telling
  // a name from a capitalised ordinary word at a sentence start needs before any chunk is finished.
  words.trim();
  tokenInfos.trim();
  surfaces.trim();
  currentArticle = (currentArticle + 1) & 0x3fffffff || 1;
  const lowerWords = new LowerWords(out.lower);
  const segToks = segs.map((seg) => tokenize(text, seg.start, seg.end, lowerWords));
  // Words outside every segment (front matter, a title there) count as ordinary words too.
  let cursor = 0;
  for (const seg of segs.slice().sort((a, b) => a.start - b.start)) {
    if (seg.start > cursor) addLowerWords(text, cursor, seg.start, lowerWords);
    cursor = Math.max(cursor, seg.end);
  }
  addLowerWords(text, cursor, text.length, lowerWords);
  segs.forEach((seg, k) => {
    for (const chunk of chunkTokens(segToks[k], text, lowerWords)) {
      (seg.heading ? headingChunks : proseChunks).push({ chunk, seg });
    }
  });

  const defs: { mentionStart: number; text: string; origin: RawDefinition['origin']; start: number; end: number }[] = [];
  /** A mention of the tokens, with its kind cues; null when the name folds to nothing. */
  const add = (toks: SegToken[], seg: Seg, titled: boolean): RawMention | null => {
    if (toks.length === 0) return null;
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    const { surface, key } = surfaceAt(text, start, end);
    if (!key) return null;
    const cues = cuesFor(text, toks, titled, key);
    const ps = toks[toks.length - 1].sPoss || (noApostrophes && surface.charCodeAt(surface.length - 1) === 115);
    const m = makeMention(start, end, surface, seg.passage, key, cues, toks[0].si, ps);
    out.mentions.push(m);
    return m;
  };

  for (const { chunk, seg } of proseChunks) {
    const m = add(chunk.toks, seg, !!chunk.title);
    if (!m) continue;
    if (chunk.title && seg.body) {
      defs.push({ mentionStart: m.start, text: chunk.title.text, origin: 'title', start: chunk.title.start, end: m.end });
    }
  }
  // Heading mode: keep the longest runs of tokens whose key is a name found in prose.
  if (headingChunks.length > 0) {
    for (const { toks, seg } of headingRuns(text, out.mentions, headingChunks)) add(toks, seg, false);
    // A stretch that is exactly a mention found already has nothing more to give.
    const spans = new Set(out.mentions.map((m) => `${m.start}:${m.end}`));
    const heads = headingStretches(
      text,
      headingChunks.map(({ chunk, seg }) => ({ toks: chunk.toks, seg })),
    ).filter((h) => !spans.has(`${h.start}:${h.end}`));
    if (heads.length) out.heads = heads;
  }
  out.mentions.sort((a, b) => a.start - b.start);
  const ms = out.mentions;
  const idxAt = new Map<number, number>();
  ms.forEach((m, i) => idxAt.set(m.start, i));
  for (const d of defs) {
    const i = idxAt.get(d.mentionStart);
    if (i !== undefined) out.definitions.push({ m: i, text: d.text, origin: d.origin, start: d.start, end: d.end });
  }

  findAcronyms(text, out);
  findEquivalences(text, out);
  findDescriptions(text, out, input.passages);
  findRelations(text, out);
  // Arrays grown by push keep up to half their length again as spare capacity; the result is kept for the
  // whole session, so keep exact-length copies instead.
  out.after = afterContexts(text, out.mentions);
  if (out.lower.length > 16) out.lower = out.lower.slice();
  if (out.mentions.length > 16) out.mentions = out.mentions.slice();
  if (out.definitions.length > 16) out.definitions = out.definitions.slice();
  return out;
}

/** A run of tokens longer than this is a glued list or a title-cased line, not one name: it is cut here. */
const MAX_CHUNK_TOKENS = 24;

interface SegToken extends Token {
  lower: string;
  info: TokenInfo;
  /** The text between the previous token (or the segment start) and this one, as absolute offsets. */
  gapStart: number;
  gapEnd: number;
}

/** Whether a gap keeps a name going: one or two plain or no-break spaces (not line breaks, not punctuation), tested without a substring. */
function isJoinGap(text: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 1 || n > 2) return false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

/** Months and days, and days in the plural ("Fridays"). */
const CALENDAR = new Set([...MONTHS, ...DAYS, ...[...DAYS].map((d) => `${d}s`)]);

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
function tokenize(text: string, segStart: number, segEnd: number, lowerWords: LowerWords): SegToken[] {
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

/** Same as /^\p{N}/u.test(t). */
function startsWithDigit(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(t);
}

/** Name chunks of one segment's tokens. */
function chunkTokens(toks: SegToken[], text: string, lowerWords: LowerWords): Chunk[] {
  const joinGap = (t: SegToken): boolean => isJoinGap(text, t.gapStart, t.gapEnd);
  // All-capitals runs of long words are headlines, datelines or shouting, not names ("THE SIEGE", "BEIRUT").
  let shouting: boolean[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.caps) continue;
    shouting ??= new Array<boolean>(toks.length).fill(false);
    const letters = t.info.letters;
    let g = t.gapEnd;
    while (g > t.gapStart && /\s/.test(text[g - 1])) g--;
    const inParens = g > t.gapStart && text.charCodeAt(g - 1) === 40 && /^\s*\)/.test(text.slice(t.end, t.end + 2));
    if (letters >= 5 && !inParens && !t.text.includes('.')) shouting[i] = true;
    const nb = (j: number): boolean => j >= 0 && j < toks.length && toks[j].caps && joinGap(j > i ? toks[j] : t);
    if (
      (nb(i - 1) || nb(i + 1)) &&
      (letters >= 4 || (nb(i - 1) && toks[i - 1].text.length >= 4) || (nb(i + 1) && toks[i + 1].text.length >= 4))
    ) {
      shouting[i] = true;
    }
  }

  const chunks: Chunk[] = [];
  const cur: SegToken[] = [];
  const flush = (): void => {
    // Drop trailing connectors/particles that no capital followed.
    while (cur.length && (!cur[cur.length - 1].cap || cur[cur.length - 1].info.flags & T_KEY_ARTICLE)) cur.pop();
    if (cur.length) {
      // finishChunk keeps copies, never `cur` itself: it is reused.
      const c = finishChunk(cur, text, lowerWords);
      if (c) chunks.push(c);
      cur.length = 0;
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const joinable = cur.length > 0 && cur.length < MAX_CHUNK_TOKENS && joinGap(t);
    if (!joinable) flush();
    if (!t.cap) {
      if (
        cur.length > 0 &&
        (JOIN_PARTICLES.has(t.text) || (CONNECTORS.has(t.text) && connectorAllowed(cur, t.text))) &&
        i + 1 < toks.length &&
        joinGap(toks[i + 1]) &&
        (toks[i + 1].cap || ((t.text === 'of' || t.text === 'for') && toks[i + 1].text === 'the'))
      ) {
        cur.push(t);
      } else {
        flush();
      }
      if (t.stop) flush();
      continue;
    }
    const f = t.info.flags;
    const excluded =
      (shouting !== null && shouting[i]) ||
      (f & T_CALENDAR && !t.caps) ||
      (!t.caps && f & T_STOP && (t.si || f & T_UPPER)) ||
      t.text.length === 0;
    if (!excluded && !(t.text.length === 1 && !t.caps)) {
      // A single capital letter is an initial only when followed by a dot ("George W. Bush").
      cur.push(t);
    } else {
      flush();
    }
    if (t.stop) flush();
  }
  flush();
  return chunks;
}

/** Heads of place names that go on with "of" (directions such as "north of" do not). */
const FEATURE_OF = new Set('gulf sea strait bay lake cape isle isles island islands mount port straits'.split(' '));

function connectorAllowed(cur: SegToken[], word: string): boolean {
  const last = cur[cur.length - 1].lower;
  if (word === 'the') return last === 'of' || last === 'for';
  if (word === 'and') return false;
  // Natural features named "X of Y": "Gulf of Aden", "Strait of Hormuz", "Sea of Galilee".
  if (word === 'of' && FEATURE_OF.has(last)) return true;
  return GROUP_HEADS.has(last) || TITLE_HEADS.has(last) || last === 'rights' || last === 'republic';
}

/** All-capital words that are common nouns or time zones, not names. */
const CAPS_STOP = new Set(['gmt', 'utc', 'ngo', 'ngos']);

/** Names ending in -ing that open sentences ("Beijing said…", "Fleming Smith"). */
const ING_NAMES = new Set([
  'beijing',
  'nanjing',
  'chongqing',
  'fleming',
  'manning',
  'channing',
  'browning',
  'sterling',
  'harding',
  'golding',
  'downing',
  'reading',
  'kipling',
  'redding',
  'gehring',
  'hemming',
  'pershing',
]);

/** Strip titles, stop words and adjectives; decide whether what is left is a mention. */
function finishChunk(toks: SegToken[], text: string, lowerWords: LowerWords): Chunk | null {
  let t = toks.slice();
  const si0 = t[0].si;
  // Ordinary words opening a sentence: "Offensive operations …", "Refugees from …".
  while (t.length && t[0].si && !t[0].caps) {
    const w = t[0].lower;
    // A gerund opening a sentence is no given name ("Choosing DeGeneres, known for…"), short ones aside ("Irving").
    const gerund = w.length >= 7 && w.endsWith('ing') && !ING_NAMES.has(w);
    if (
      t[0].info.flags & T_STOP ||
      lowerWords.has(w) ||
      w.endsWith('ly') ||
      gerund ||
      (t.length === 1 && (w.endsWith('ing') || w.endsWith('ed')))
    ) {
      t.shift();
      if (t.length) t[0] = { ...t[0], si: true };
    } else break;
  }
  // Leading stop words anywhere ("The Guardian" → "Guardian").
  while (t.length && (!t[0].caps || CAPS_STOP.has(t[0].lower)) && t[0].info.flags & T_STOP) t.shift();
  // Capitalised common nouns and time zones are no names ("NGO", "GMT"), at either end.
  while (t.length && CAPS_STOP.has(t[t.length - 1].lower)) t.pop();
  if (!t.length) return null;

  // Titles: [demonym|acronym]* [modifier|head|of]* ending in a head, then the name.
  let title: Chunk['title'];
  {
    // The title runs up to the last title word that still leaves a name after it, skipping modifiers and
    // "of" ("Senate Majority Leader Harry Reid", "Secretary of State John Kerry").
    let lastHead = -1;
    for (let k = 0; k < t.length - 1; k++) if (t[k].info.flags & T_TITLE_HEAD) lastHead = k;
    let i = lastHead + 1;
    while (lastHead >= 0 && i < t.length - 1) {
      if (t[i].info.flags & T_TITLE_MOD || t[i].lower === 'of') i++;
      else break;
    }
    const cut = i;
    const rest = t.slice(cut);
    if (lastHead >= 0 && rest.length > 0 && !(rest.length === 1 && rest[0].caps) && !(rest[0].info.flags & (T_GROUP_HEAD | T_PLACE_HEAD))) {
      // "UN Special Envoy for Syria": a role followed by what it is for, not a titled person.
      if (t[cut - 1].lower !== 'of' && rest[0].cap) {
        title = { text: text.slice(t[0].start, t[cut - 1].end), start: t[0].start, end: t[cut - 1].end };
      }
      t = rest;
      // Connectors or particles left at the front belong to no one.
      while (t.length && !t[0].cap) t.shift();
      if (!t.length) return null;
    }
  }
  // A bare title ("US President", "the Syrian Prime Minister") names no one by itself.
  if (t[t.length - 1].info.flags & T_TITLE_HEAD && t.every((x) => x.info.flags & (T_TITLE_HEAD | T_TITLE_MOD | T_DEMONYM) || x.caps))
    return null;
  // A demonym in front of an acronym: "Kurdish YPG" → "YPG".
  if (t.length === 2 && t[0].info.flags & T_DEMONYM && t[1].caps) t = t.slice(1);
  if (t.length === 1) {
    const w = t[0];
    const f = w.info.flags;
    if (!w.caps && f & (T_DEMONYM | T_STOP)) return null;
    if (w.caps && f & T_CAPS_NOT_ACRONYM) return null;
    if (w.info.letters < 2) return null;
  }
  // All words ordinary adjectives ("Islamist", "Western"): not a name.
  if (t.every((x) => x.info.flags & T_DEMONYM && !x.caps)) return null;
  void si0;
  return { toks: t, title };
}

/** Lower-case letters (\p{Ll}, by code point) from `i` up to `lim`: the end of the run. */
function skipLower(text: string, i: number, lim: number): number {
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

/** Kind cues of a mention from the words around it; `key` is the mention's name key. */
function cuesFor(text: string, toks: SegToken[], titled: boolean, key: string): number {
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  // The word and the punctuation just before the name, within 40 characters, scanned backwards.
  const floor = Math.max(0, start - 40);
  let k = start;
  while (k > floor && isSpaceCode(text.charCodeAt(k - 1))) k--;
  const spaced = k < start;
  const wordEnd = k;
  while (k > floor && isLetterCode(text.charCodeAt(k - 1))) k--;
  const prevWord = spaced ? text.slice(k, wordEnd) : '';
  const prevPunct = wordEnd > floor && !isLetterCode(text.charCodeAt(wordEnd - 1)) && !isSpaceCode(text.charCodeAt(wordEnd - 1));
  // The lower-case word after the name (within 40 characters), and for "air base" the one after it.
  const lim = Math.min(text.length, end + 40);
  let nextWord = '';
  let nextTwo = '';
  {
    let j = end;
    while (j < lim && isSpaceCode(text.charCodeAt(j))) j++;
    if (j > end) {
      const w1 = j;
      j = skipLower(text, w1, lim);
      if (j > w1) {
        nextWord = text.slice(w1, j);
        if (nextWord === 'air') {
          const s1 = j;
          while (j < lim && isSpaceCode(text.charCodeAt(j))) j++;
          if (j > s1) {
            const w2 = j;
            j = skipLower(text, w2, lim);
            if (j > w2) nextTwo = text.slice(w1, j);
          }
        }
      }
    }
  }
  const first = toks[0].lower;
  // A long word in capitals is a shouted headline word ("KLITSCHKO RETAINS"), not an acronym.
  const allCaps = toks.length === 1 && toks[0].caps && toks[0].text.length <= 6;
  const the = prevWord === 'the' && !prevPunct;
  let cue = 0;
  let strong = false;
  const set = (c: number, s: boolean): void => {
    if (cue === 0 || (s && !strong)) {
      cue = c;
      if (s) strong = true;
    }
  };
  if (titled) set(CUE_PERSON, true);
  if (COUNTRIES.has(key) || COUNTRY_PHRASES.has(key)) set(CUE_PLACE, true);
  if (toks.length === 1 && GROUP_NAMES.has(key)) set(CUE_GROUP, true);
  if (toks.length > 1 && GROUP_OPENERS.has(first)) set(CUE_GROUP, true);
  const lastFlags = toks[toks.length - 1].info.flags;
  if (toks.length > 1 && lastFlags & T_GROUP_HEAD) set(CUE_GROUP, true);
  if (toks.length > 1 && (lastFlags & T_PLACE_HEAD || PLACE_OPENERS.has(first))) set(CUE_PLACE, true);
  if (toks.length > 1 && (first === 'abu' || first === 'umm' || toks.some((x) => x.lower === 'bin' || x.lower === 'ibn'))) {
    set(CUE_PERSON, true);
  }
  if (nextTwo === 'air base' || NEXT_PLACE.has(nextWord)) set(CUE_PLACE, nextWord !== 'capital');
  else if (NEXT_GROUP.has(nextWord)) set(CUE_GROUP, false);
  // "Riva, who was struck", "Subryan, 26," are people; "in Cheeks's firing", "at Riva's door" are not places.
  const after = text.slice(end, end + 8);
  if (PERSON_AFTER.test(after)) set(CUE_PERSON, true);
  const possessive = POSSESSIVE_AFTER.test(after);
  if (!prevPunct && !possessive && PREV_PLACE.has(prevWord)) set(CUE_PLACE, PREV_PLACE_STRONG.has(prevWord) && !allCaps);
  // An organisation word anywhere ("Human Rights Watch Syria", "Coalition Forces Command") rules out a person.
  if (toks.length > 1 && toks.some((x) => x.info.flags & T_GROUP_HEAD)) set(CUE_GROUP, false);
  if (cue === 0 && toks.length >= 2 && !the && !/^(al|el)$/i.test(toks[0].text) && !/^(al|el)[-‐‑]/i.test(toks[0].text)) {
    if (toks.every((x) => x.cap && !x.caps && !(x.info.flags & T_DEMONYM)) && !GROUP_GENERIC.has(first)) set(CUE_PERSON, false);
  }
  return (allCaps ? CUES_ACR : 0) | (the ? CUES_THE : 0) | cue | (strong ? CUES_STRONG : 0);
}

/** ", who" or ", 38," (an age) after a name. */
const PERSON_AFTER = /^,\s+(?:who\b|\d{1,2},)/;
/** A possessive after a name: "Riva's", "Cheeks'". */
const POSSESSIVE_AFTER = /^['’]s?(?!\p{L})/u;

const ACR_TAIL = /^\s*(?:(?:group|militia|organi[sz]ation|movement|party|coalition|alliance)\s*)?[([]\s*$/;

/** ", known as the", "also known as", "better known as" between two names. */
const KNOWN_AS = /^\s*[,–—-]?\s*(?:(?:also|better|commonly|widely|locally|popularly)\s+)?known\s+as\s+(?:the\s+)?["“‘']?\s*$/i;

/**
 * Equivalences the text states between two names: "the Syrian Civil Defence, known as the White Helmets", and a
 * group's name with its translation in brackets, "Jaysh al-Islam (Army of Islam)" (a group word on either side,
 * so "Aleppo (Syria)" is no equivalence). Recorded with the acronyms: both join one entity.
 */
function findEquivalences(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  const taken = new Set(out.acronyms.flatMap((a) => [a.acr, a.exp]));
  const groupish = (m: RawMention): boolean => {
    const ws = m.key.split(' ');
    return ws.length >= 2 && (ws.some((w) => GROUP_HEADS.has(w)) || GROUP_GENERIC.has(ws[0]!));
  };
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (!a.key || !b.key || a.key === b.key || taken.has(i) || taken.has(i + 1)) continue;
    const gap = text.slice(a.end, b.start);
    if (gap.length > 40) continue;
    const knownAs = KNOWN_AS.test(gap);
    const bracketed =
      !knownAs &&
      /^\s*\(\s*(?:the\s+)?$/i.test(gap) &&
      /^\s*\)/.test(text.slice(b.end, b.end + 3)) &&
      !a.acr &&
      !b.acr &&
      (groupish(a) || groupish(b));
    if (!knownAs && !bracketed) continue;
    out.acronyms.push({ acr: i + 1, exp: i });
    taken.add(i);
    taken.add(i + 1);
  }
}

/** "Hayat Tahrir al-Sham (HTS)", "Islamic State group (IS)", "Daesh [IS]", and "JFS (Jabhat Fateh al-Sham)". */
function findAcronyms(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  const merged: RawMention[] = [];
  for (let i = 1; i < ms.length; i++) {
    const a = ms[i];
    if (!a.acr) continue;
    if (!/^\s*[)\]]/.test(text.slice(a.end, a.end + 3))) continue;
    let p = i - 1;
    const gap = text.slice(ms[p].end, a.start);
    if (!ACR_TAIL.test(gap)) continue;
    // Extend the expansion back over possessives and "of" ("People’s Protection Units").
    let first = p;
    while (first > 0) {
      const g = text.slice(ms[first - 1].end, ms[first].start);
      if (/^['’]s\s$/.test(g) || /^\s(?:of|for)(?:\s+the)?\s$/.test(g)) first--;
      else break;
    }
    const exp = ms[p];
    const expStart = ms[first].start;
    const expSurface = text.slice(expStart, exp.end);
    const expKey = nameKey(expSurface);
    const acrKey = a.key.replace(/ /g, '');
    const words = expKey.split(' ');
    const ok =
      isSubsequence(acrKey, initials(expKey)) ||
      (words.length >= 2 && GROUP_HEADS.has(words[words.length - 1])) ||
      (exp.acr !== true && /\[\s*$/.test(gap));
    if (!ok || expKey === a.key) continue;
    if (first < p) {
      // Replace the pieces by one mention of the whole expansion.
      const whole: RawMention = { ...ms[p], start: expStart, surface: expSurface, key: expKey, cue: 'group', strong: true };
      for (let k = first; k <= p; k++) merged.push(ms[k]);
      ms[first] = whole;
      for (let k = first + 1; k <= p; k++) ms[k] = { ...ms[k], key: '' };
      p = first;
    }
    const e = ms[p];
    if (!e.cue || !e.strong) ms[p] = { ...e, cue: e.acr ? e.cue : 'group' };
    out.acronyms.push({ acr: i, exp: p });
  }
  // Acronym first, expansion in brackets: "JFS (Jabhat Fateh al-Sham)".
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (!a.acr || b.acr || !a.key || !b.key) continue;
    if (!/^\s*\(\s*$/.test(text.slice(a.end, b.start))) continue;
    if (!/^\s*\)/.test(text.slice(b.end, b.end + 3))) continue;
    if (!isSubsequence(a.key.replace(/ /g, ''), initials(b.key))) continue;
    out.acronyms.push({ acr: i, exp: i + 1 });
  }
  // Drop the pieces replaced above (keep indices stable by filtering and remapping).
  if (ms.some((m) => !m.key)) {
    const remap = new Map<number, number>();
    const kept: RawMention[] = [];
    ms.forEach((m, i) => {
      if (m.key) {
        remap.set(i, kept.length);
        kept.push(m);
      }
    });
    out.mentions = kept;
    out.acronyms = out.acronyms
      .filter((x) => remap.has(x.acr) && remap.has(x.exp))
      .map((x) => ({ acr: remap.get(x.acr)!, exp: remap.get(x.exp)! }));
    out.definitions = out.definitions.filter((d) => remap.has(d.m)).map((d) => ({ ...d, m: remap.get(d.m)! }));
  }
  void merged;
}

function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length && needle.length > 0;
}

const AUX = /^(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|said|says|told)$/;

/**
 * An appositive describes the name; a comma after a fronted clause ("… in Syria, the Biden administration
 * approved …") or inside a list ("… the Middle East, the ongoing genocide in Gaza, and …") does not.
 */
function looksLikeDescription(desc: string, rest: string, ms: RawMention[], descStart: number): boolean {
  const words = desc.split(/\s+/);
  let relative = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k].toLowerCase();
    if (/^(?:who|which|that|whose|whom)$/.test(w)) relative = true;
    if (relative) continue;
    if (AUX.test(w)) return false;
    if (k >= 2 && /^\p{Ll}[\p{Ll}]+ed$/u.test(words[k])) return false;
  }
  if (/^\s*,\s*(?:and|or)\s/.test(rest)) return false;
  // An article and then a proper name closing the phrase is a new subject ("the Turkish-backed Syrian National Army").
  if (/^(?:the|a|an)\s/.test(desc)) {
    const last = ms.find((n) => n.start >= descStart && n.end === descStart + desc.length);
    const lead = last ? desc.slice(0, last.start - descStart).trim() : '';
    // … unless a preposition ties the name to the head noun: "the capital of Syria", "the leader of Hezbollah".
    if (last && lead.split(/\s+/).length <= 3 && !/\s(?:of|for|in|at|to|from)$/.test(lead)) return false;
  }
  return true;
}

const DAY_WORD = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WHEN_WORD =
  `(?:${DAY_WORD}|january|february|march|april|may|june|july|august|september|october|november|december|` +
  'morning|afternoon|evening|night|week|weekend|month|year|(?:1[89]|20)\\d\\ds?)';
/** "… on Sunday", "… in March 2015", "… last week", "… early on Monday": when something was said, not what the name is. */
const TIME_TAIL = new RegExp(
  `\\s+(?:on|in|at|since|until|during|by|from|early|late|earlier|later|last|this|next)\\s+(?:(?:the|this|last|next|early|late|on)\\s+)*${WHEN_WORD}(?:\\s+\\d{1,4})?$` +
    `|\\s+${DAY_WORD}$|\\s+(?:yesterday|today|tonight|tomorrow)$`,
  'i',
);

/** A description without the time phrases that close it ("the capital of Syria on Sunday" → "the capital of Syria"). */
function trimTimeTail(desc: string): string {
  let d = desc;
  for (let k = 0; k < 3; k++) {
    const m = TIME_TAIL.exec(d);
    if (!m || m.index === 0) break;
    const rest = d.slice(0, m.index);
    // Only when the description keeps a head of its own ("the capital of Syria", not "the").
    if (rest.split(/\s+/).length < 2) break;
    d = rest;
  }
  return d;
}

/** Words that open a fronted clause: the comma closing it is not an appositive's. */
const FRONTED =
  /^(?:while|although|though|if|when|whenever|after|before|as|because|since|whereas|unless|until|once|despite|with|without|in|on|at|by|for|from|during|following|amid|among|like|unlike|just|even|given|having|to|throughout|across|within|under|over|through)\b/i;

const APPOSITIVE_OPEN = /^(?:the|a|an|former|then|its|his|her|their|one|longtime|long-time|veteran|self-proclaimed)\b/;

/** The sentence's words before a position (at most a few hundred characters back: a fronted clause is short). */
function sentenceLead(text: string, pos: number): string {
  const floor = Math.max(0, pos - 400);
  let k = pos - 1;
  for (; k >= floor; k--) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 10 || c === 63 || c === 33) break; // . \n ? !
  }
  return text.slice(k + 1, pos).trim();
}

/** Same as /^\s+(\p{Ll}+)\s+$/u.exec(text.slice(from, to))?.[1] ?? null: one lower-case word between spaces. */
function lowerWordBetweenSpaces(text: string, from: number, to: number): string | null {
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === from) return null;
  const ws = i;
  i = skipLower(text, i, to);
  if (i === ws) return null;
  const we = i;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === we || i !== to) return null;
  return text.slice(ws, we);
}

/** Appositives ("Hadi al-Bahra, president of the Syrian National Coalition,") and "HTS leader X" roles. */
function findDescriptions(text: string, out: ArticleNames, passages: Passage[]): void {
  const ms = out.mentions;
  // Mentions are sorted by start, and so are passages: one pointer walks both (linear, however many passages).
  const bodyRanges = passages.filter((p) => p.kind === 'body').sort((a, b) => a.start - b.start);
  let bp = 0;
  const inBody = (o: number): boolean => {
    while (bp < bodyRanges.length && bodyRanges[bp].end <= o) bp++;
    return bp < bodyRanges.length && bodyRanges[bp].start <= o;
  };
  /** Index of the first mention starting at `pos` (mentions are sorted by start), or undefined. */
  const startsAt = (pos: number): number | undefined => {
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < ms.length && ms[lo].start === pos ? lo : undefined;
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.acr || !inBody(m.start)) continue;
    // Appositive after the name (only after a comma).
    const after = text.charCodeAt(m.end) === 44 ? text.slice(m.end, m.end + 200) : '';
    const am = after && /^,\s+([^,;.()\n–—]{3,140}?)(?=\s*(?:,|;|\.\s|\.$|\(|\)|\s[–—]\s))/.exec(after);
    if (am) {
      const desc = trimTimeTail(am[1].trim());
      const firstWord = /^[\p{L}-]+/u.exec(desc)?.[0] ?? '';
      const lowerStart = /^\p{Ll}/u.test(desc);
      const startsRole = ROLE_WORDS.has(firstWord) || TITLE_HEADS.has(firstWord.toLowerCase());
      const verbish =
        /^(?:who|which|that|where|when|while|and|but|or|as|said|says|told|is|was|has|had|in|on|at|for|with|from|to|by)\b/.test(desc);
      const descAt = m.end + am.index + am[0].indexOf(desc);
      let nameOnly = false;
      for (let k = startsAt(descAt); k !== undefined && k < ms.length && ms[k].start === descAt; k++) {
        if (ms[k].end >= m.end + am[0].length - 1) nameOnly = true;
      }
      const lead = sentenceLead(text, m.start);
      const fronted = FRONTED.test(lead) && !lead.includes(',');
      if (
        lowerStart &&
        !verbish &&
        !nameOnly &&
        !fronted &&
        (APPOSITIVE_OPEN.test(desc) || startsRole) &&
        desc.split(/\s+/).length >= 2 &&
        looksLikeDescription(desc, after.slice(am[0].length), ms, m.end + after.indexOf(desc))
      ) {
        const s = m.end + after.indexOf(desc);
        out.definitions.push({ m: i, text: desc, origin: 'appositive', start: m.start, end: s + desc.length });
      }
    }
    // "<Organisation> <role> <Name>": "HTS leader Abu Mohammed al-Julani", "Observatory chief Rami Abdel Rahman".
    if (i > 0 && m.start - ms[i - 1].end >= 3 && isSpaceCode(text.charCodeAt(ms[i - 1].end)) && isSpaceCode(text.charCodeAt(m.start - 1))) {
      const prev = ms[i - 1];
      const role = lowerWordBetweenSpaces(text, prev.end, m.start);
      if (role !== null && ROLE_WORDS.has(role) && !prev.si) {
        out.definitions.push({ m: i, text: intern(`${prev.surface} ${role}`), origin: 'role', start: prev.start, end: m.end });
        if (!ms[i].cue || !ms[i].strong) ms[i] = { ...ms[i], cue: 'person', strong: true };
      }
    }
  }
}

/** Renamings stated in the text: "X, the former Y", "X (formerly Y)", "X (now Y)", "X … later transformed into Y". */
function findRelations(text: string, out: ArticleNames): void {
  const ms = out.mentions;
  // Built on first need: most texts state no renaming.
  let byEnd: Map<number, number> | null = null;
  let byStart: Map<number, number> | null = null;
  const startIndex = (): Map<number, number> => {
    if (!byStart) {
      byStart = new Map<number, number>();
      for (let i = ms.length - 1; i >= 0; i--) byStart.set(ms[i].start, i);
    }
    return byStart;
  };
  const mentionEndingAt = (pos: number): number | undefined => {
    if (!byEnd) {
      byEnd = new Map<number, number>();
      for (let i = 0; i < ms.length; i++) byEnd.set(ms[i].end, i);
    }
    let e = pos;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    return byEnd.get(e);
  };
  for (let i = 0; i < ms.length; i++) {
    const x = ms[i];
    // The marker opens with a comma or a bracket, after spaces at most.
    let q = x.end;
    while (q < text.length && isSpaceCode(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) !== 44 && text.charCodeAt(q) !== 40) continue;
    const after = text.slice(x.end, x.end + 160);
    // Skip an acronym in brackets right after the name: "Jabhat Fateh Al Sham (JFS) (formerly …)".
    const marker =
      /^(?:\s*\([A-Z.]{2,8}\))?(?:,\s*|\s*\(\s*)(the\s+former|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|now(?:\s+known\s+as)?|later(?:\s+renamed)?)\s+(?:the\s+)?/.exec(
        after,
      );
    if (!marker) continue;
    const relation: RawRelation['relation'] = /^(now|later)/.test(marker[1]) ? 'later' : 'formerly';
    const restStart = x.end + marker[0].length;
    // Y is the name that closes the clause; only "-ed" adjectives may stand between (“the Al Qaeda aligned Jabhat Al Nusra”).
    for (let j = i + 1; j < ms.length && ms[j].start < restStart + 100; j++) {
      const y = ms[j];
      if (y.start < restStart) continue;
      const tail = text.slice(y.end, y.end + 2);
      if (!/^\s*(?:[,;.)]|$)/.test(tail)) continue;
      const between = text.slice(restStart, y.start);
      const words = between.match(/\p{Ll}[\p{Ll}-]*/gu) ?? [];
      if (words.every((w) => /ed$/.test(w) || w === 'the' || w === 'a' || PARTICLES.has(w)) && !/[,;()]/.test(between)) {
        out.relations.push({ from: i, to: j, relation });
      }
      break;
    }
  }
  // "… X, the former …, which later transformed into Y".
  const re =
    /\b(?:which|that|and)\s+(?:was\s+)?later\s+(?:transformed|turned|evolved|morphed|became|was\s+renamed|renamed|rebranded|merged)(?:\s+itself)?(?:\s+(?:into|as|to))?\s+(?:the\s+)?/g;
  let m: RegExpExecArray | null;
  // Every such clause has "later" in it: most texts need no scan at all.
  const mayRename = text.includes('later');
  while (mayRename && (m = re.exec(text))) {
    const yStart = m.index + m[0].length;
    const yi = startIndex().get(yStart);
    if (yi === undefined) continue;
    let beforeEnd = m.index;
    while (beforeEnd > 0 && /[\s,]/.test(text[beforeEnd - 1])) beforeEnd--;
    // Skip a descriptive appositive: ", the former Al-Qaeda affiliate in Syria".
    let lastComma = beforeEnd - 1;
    while (lastComma > m.index - 120 && lastComma >= 0 && text.charCodeAt(lastComma) !== 44) lastComma--;
    if (
      lastComma > m.index - 120 &&
      lastComma >= 0 &&
      text.charCodeAt(lastComma) === 44 &&
      /^,\s*(?:the|a|an)\s/.test(text.slice(lastComma, lastComma + 24))
    ) {
      beforeEnd = lastComma;
    }
    const xi = mentionEndingAt(beforeEnd);
    if (xi !== undefined && xi !== yi) out.relations.push({ from: xi, to: yi, relation: 'later' });
  }
}
