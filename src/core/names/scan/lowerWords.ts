// The lower-case words of each article: across the corpus they tell ordinary words ("Activists") from names.
import { CONNECTORS, REGION_CONNECTOR, STOPWORDS } from '../lexicon';
import { isLetterCode, isLowerCode, isUrlPunctCode } from './chars';
import { ownCopy } from '../../kit/strings';
import { emptySlot, hashRange, probeKey, probeRange } from './strings';
import { JOIN_PARTICLES } from './tokenInfo';

/**
 * Adds the lower-case words in text[from, to) to `words`: runs of lower-case letters not glued to a letter,
 * apostrophe or hyphen before them ("well-known" gives "well", "don’t" gives "don").
 */
export function addLowerWords(text: string, from: number, to: number, words: LowerWords): void {
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
    const free = !(isLetterCode(prev) || prev === 0x2019 || prev === 39 || prev === 45 || isUrlPunctCode(prev));
    let j = i + 1;
    while (j < n && isLowerCode(text.charCodeAt(j))) j++;
    if (free && !isUrlPunctCode(text.charCodeAt(j))) words.add(text, i, j);
    i = j;
  }
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
export class WordTable {
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
    const slot = probeRange(this.keys, this.meta, 2, text, from, to, h);
    if (this.keys[slot] !== undefined) return slot;
    const w = ownCopy(text.slice(from, to));
    this.keys[slot] = w;
    this.meta[2 * slot] = h;
    this.meta[2 * slot + 1] =
      (w.length >= 3 && !STOPWORDS.has(w) ? W_LISTED : 0) |
      (JOIN_PARTICLES.has(w) || CONNECTORS.has(w) || w === REGION_CONNECTOR ? W_JOIN : 0);
    if (++this.count * 2 > this.cap) {
      this.grow();
      return this.find(w);
    }
    return slot;
  }

  /** Slot of a string, or -1. */
  find(s: string): number {
    const slot = probeKey(this.keys, this.meta, 2, s);
    return this.keys[slot] === undefined ? -1 : slot;
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
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      const slot = emptySlot(this.keys, meta[2 * i]);
      this.keys[slot] = k;
      this.meta[2 * slot] = meta[2 * i];
      this.meta[2 * slot + 1] = meta[2 * i + 1];
      this.count++;
    }
  }
}

export const words = new WordTable(400_000);

/** Article counter: a word marked with the current one was used by the article being extracted (wraps within 2^30). */
let currentArticle = 0;

/** Starts the lower-case words of the next article, listed into `list`. */
export function startArticleWords(list: string[]): LowerWords {
  words.trim();
  currentArticle = (currentArticle + 1) & 0x3fffffff || 1;
  return new LowerWords(list);
}

/** The lower-case words of the article being extracted: listed in first-seen order, each once. */
export class LowerWords {
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
