// The stretches of an article to scan: prose sentences, and headings and title-cased lines read in heading mode.
import type { NameArticleInput } from '../raw';
import { partitionPoint } from '../../kit/search';
import { isLetterCode, isSpaceCode, isUpperCode } from './chars';
import { isCreditSentence } from './credits';

const MINOR_WORDS = new Set('a an the of in on at to for and or but by with from as vs after over between into'.split(' '));

/** MINOR_WORDS by length, to compare in place. */
const MINOR_BY_LENGTH: readonly (readonly string[])[] = (() => {
  const by: string[][] = [];
  for (const w of MINOR_WORDS) (by[w.length] ??= []).push(w);
  for (let n = 0; n <= 7; n++) by[n] ??= [];
  return by;
})();

/** The length of the longest of MINOR_WORDS: a longer word is none of them. */
const MINOR_MAX_LENGTH = MINOR_BY_LENGTH.length - 1;

/** Whether text[ws, we) is one of MINOR_WORDS, compared in place (no substring). */
function isMinorWord(text: string, ws: number, we: number): boolean {
  const n = we - ws;
  if (n > MINOR_MAX_LENGTH) return false;
  const list = MINOR_BY_LENGTH[n];
  for (let k = 0; k < list.length; k++) if (text.startsWith(list[k], ws)) return true;
  return false;
}

/** What countWords counts: words, those with a capital, the others, and the others that are (or may be) minor. */
let wordCount = 0;
let capsCount = 0;
let otherCount = 0;
let minorCount = 0;

/**
 * Calls `visit` with the start and end of each word of text[from, to) (letters, apostrophes and hyphens) and whether
 * it opens with a capital, in order, until `visit` returns false.
 */
function eachWord(text: string, from: number, to: number, visit: (ws: number, we: number, upper: boolean) => boolean | void): void {
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
    if (visit(ws, i, isUpperCode(c)) === false) return;
  }
}

/**
 * Counts the words of text[from, to) into the counters above. Minor words are looked up when `exact`; otherwise every
 * other word short enough to be one is counted as minor (an upper bound).
 */
function countWords(text: string, from: number, to: number, exact: boolean): void {
  wordCount = capsCount = otherCount = minorCount = 0;
  eachWord(text, from, to, (ws, we, upper) => {
    wordCount++;
    if (upper) capsCount++;
    else {
      otherCount++;
      if (exact ? isMinorWord(text, ws, we) : we - ws <= MINOR_MAX_LENGTH) minorCount++;
    }
  });
}

/**
 * True when most words of text[from, to) are capitalised (headlines, captions, title-cased headings): at least 70%
 * of the words other than MINOR_WORDS. Most sentences are settled by counting capitalised words and short other words
 * (the only ones that can be minor): the minor words are looked up only when that leaves the answer open.
 */
export function looksTitleCased(text: string, from: number, to: number): boolean {
  countWords(text, from, to, false);
  const caps = capsCount;
  if (wordCount < 3) return wordCount > 0 && caps === wordCount;
  // caps / content >= 0.7 is 10 caps >= 7 content (whole numbers); content = caps + other words - minor words.
  if (10 * caps < 7 * (caps + otherCount - minorCount)) return false;
  if (caps > 0 && 10 * caps >= 7 * (caps + otherCount)) return true;
  countWords(text, from, to, true);
  const content = caps + otherCount - minorCount;
  return content > 0 && 10 * caps >= 7 * content;
}

/**
 * Whether text[from, to) reads as a prose sentence although most of its words are capitalised: a short sentence (at
 * most PROSE_MAX_WORDS words) that says what happened in lower case, two lower-case words in a row of which one is no
 * minor word ("The Kurdish Red Crescent Society (Heyva Sor) also confirmed the reports."). A headline capitalises its
 * verbs and nouns; a tag list or a "Related" sidebar has lower-case words only one at a time ("Tags Daesh airstrikes
 * War on Terror"), and sidebars glued to prose are long.
 */
function saysInLowerCase(text: string, from: number, to: number): boolean {
  let words = 0;
  let prevLower = false;
  let prevMinor = false;
  let phrase = false;
  let lastStart = -1;
  let lastEnd = -1;
  eachWord(text, from, to, (ws, we, upper) => {
    if (++words > PROSE_MAX_WORDS) return (phrase = false);
    const minor = !upper && isMinorWord(text, ws, we);
    if (!upper && prevLower && !(minor && prevMinor)) phrase = true;
    prevLower = !upper;
    prevMinor = minor;
    lastStart = ws;
    lastEnd = we;
  });
  // An attribution closing the sentence ("… Levant Institute for Strategic Affairs (LISA) Sami Nader said."): a
  // headline says "says" and ends without a full stop.
  if (!phrase && words <= PROSE_MAX_WORDS && lastEnd > lastStart && text.slice(lastStart, lastEnd) === 'said') {
    let k = lastEnd;
    while (k < to && (text.charCodeAt(k) === 34 || text.charCodeAt(k) === 0x201d)) k++;
    phrase = text.charCodeAt(k) === 46;
  }
  return phrase;
}

/** The longest sentence that saysInLowerCase may read as prose. */
const PROSE_MAX_WORDS = 20;

/**
 * Whether the full stop at `i` closes a middle initial: one capital letter after a capitalised word of two letters
 * or more, and one space then a capitalised word after it ("George W. Bush", "Jack B. Weinstein").
 */
function isMiddleInitialStop(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 46 || i < 4) return false;
  const letter = text.charCodeAt(i - 1);
  if (letter < 65 || letter > 90 || text.charCodeAt(i - 2) !== 32 || !isLetterCode(text.charCodeAt(i - 3))) return false;
  if (!isLetterCode(text.charCodeAt(i - 4))) return false;
  let w = i - 3;
  while (w > 0 && isLetterCode(text.charCodeAt(w - 1))) w--;
  if (!isUpperCode(text.charCodeAt(w))) return false;
  const next = text.charCodeAt(i + 2);
  return text.charCodeAt(i + 1) === 32 && next >= 65 && next <= 90 && isLetterCode(text.charCodeAt(i + 3));
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

export type Seg = {
  start: number;
  end: number;
  passage: number;
  heading: boolean;
  body: boolean;
  /** The article's title, or a sentence repeating it ("One thought on “<title>”"), read as prose (written as a sentence). */
  title?: boolean;
};

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
  // The title's words: in heading mode when title-cased, else as a sentence, marked as the title.
  const pushTitle = (start: number, end: number, passage: number, body: boolean): void => {
    const heading = looksTitleCased(text, start, end);
    segs.push({ start, end, passage, heading, body, title: !heading });
  };
  // A title line above the first passage ("# US, Israel launch … after fall of Assad") is read in heading mode,
  // counted with the first passage: a reader sees the names in it.
  const first = input.passages[0];
  if (first && titleFold) {
    const at = text.lastIndexOf(titleFold, first.start - titleFold.length);
    // A title written as a sentence ("Mark Felt, who was known as 'Deep Throat', died") has capitals that mean
    // what they mean in prose, so it is read as prose.
    const end = at + titleFold.length;
    // Above the first passage only: an article of one paragraph takes its title from it, and reading that again
    // would count each of its names twice.
    if (at >= 0 && end <= first.start) {
      // The front matter's title line, when the page repeats its title above the story (FA-KES: "title: "…"" then
      // "Sunday 25 August 2013 <title>."), is a second place a reader sees those names.
      const fm = text.indexOf(titleFold);
      if (fm >= 0 && fm + titleFold.length <= at) pushTitle(fm, fm + titleFold.length, first.index, first.kind === 'body');
      pushTitle(at, end, first.index, first.kind === 'body');
    }
  } else if (titleFold) {
    // An article that is only its title ("Vincent 'The Chin' Gigante died while in prison custody …" above a
    // source line) still shows the reader the names in it.
    const at = text.indexOf(titleFold);
    const end = at + titleFold.length;
    if (at >= 0) segs.push({ start: at, end, passage: -1, heading: looksTitleCased(text, at, end), body: false });
  }
  // A name alone on its own line under the title (read as the byline: "Deputy Sheriff / Jerry Ortiz" on a memorial
  // page) is a name the reader sees; read in heading mode, it gives the names the prose gives.
  const author = input.meta.provenance.author === 'name line' ? input.meta.author : null;
  if (author) {
    const at = text.indexOf(author);
    if (at >= 0 && (!first || at + author.length <= first.start))
      segs.push({ start: at, end: at + author.length, passage: -1, heading: true, body: false });
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
      // A wire credit on a line of its own is read as prose, as it is inside a paragraph (see scan/credits.ts).
      if (shortLine && looksTitleCased(text, lineStart, le) && !isCreditSentence(text, lineStart, le)) {
        segs.push({ start: lineStart, end: le, passage: p.index, heading: true, body });
        continue;
      }
      // Sentences inside the line: a run without . ! ? … then that punctuation and closing quotes or brackets.
      // Consecutive prose sentences are one segment, pushed when a heading or the title interrupts them.
      let runStart = -1;
      let runEnd = -1;
      const pushProse = (): void => {
        if (runStart >= 0) segs.push({ start: runStart, end: runEnd, passage: p.index, heading: false, body });
        runStart = -1;
      };
      let i = lineStart;
      while (i < le) {
        if (isSentencePunct(text.charCodeAt(i))) {
          i++;
          continue;
        }
        const ss = i;
        i = Math.min(le, stops[0].at(text, i), stops[1].at(text, i), stops[2].at(text, i), stops[3].at(text, i));
        // A middle initial's full stop ends no sentence ("George W. Bush").
        while (i < le && isMiddleInitialStop(text, i))
          i = Math.min(le, stops[0].at(text, i + 1), stops[1].at(text, i + 1), stops[2].at(text, i + 1), stops[3].at(text, i + 1));
        if (i < le) {
          while (i < le && isSentencePunct(text.charCodeAt(i))) i++;
          while (i < le && isSentenceCloser(text.charCodeAt(i))) i++;
        }
        const se = i;
        const repeatsTitle = titleWithin(ss, se);
        const isTitle =
          (repeatsTitle || (countPieces(text, ss, se, 4) >= 4 && !saysInLowerCase(text, ss, se))) &&
          looksTitleCased(text, ss, se) &&
          !isCreditSentence(text, ss, se);
        if (repeatsTitle && !isTitle) {
          // The title's own words are a segment of their own; what the sentence says before and after it ("One
          // thought on “", a first body sentence glued to the title) is prose.
          const te = titleAt + titleFold.length;
          if (titleAt > ss) {
            if (runStart < 0) runStart = ss;
            runEnd = titleAt;
          }
          pushProse();
          pushTitle(titleAt, te, p.index, body);
          if (te < se) {
            runStart = te;
            runEnd = se;
          }
        } else if (isTitle) {
          pushProse();
          segs.push({ start: ss, end: se, passage: p.index, heading: true, body });
        } else {
          if (runStart < 0) runStart = ss;
          runEnd = se;
        }
      }
      pushProse();
    }
  }
  return segs;
}

/** The segments of an article: those of its passages, and headings that lie in none of them (read in heading mode). */
export function articleSegments(input: NameArticleInput): Seg[] {
  const segs = splitSegments(input);
  // Segments are disjoint and in text order: a binary search finds the one a heading may lie in.
  const segCount = segs.length;
  const sortedSegs = segs.slice().sort((a, b) => a.start - b.start);
  for (const h of input.headings) {
    const at = partitionPoint(0, segCount, (i) => sortedSegs[i].start <= h.start) - 1;
    if (!(at >= 0 && h.end <= sortedSegs[at].end)) {
      segs.push({ start: h.start, end: h.end, passage: -1, heading: true, body: false });
    }
  }
  return segs;
}
