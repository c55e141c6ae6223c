// Cutting an article body into paragraphs and sentence groups, with exact offsets into the text, and
// recognising boilerplate (footers, comments, captions, page furniture). Everything here is a linear scan:
// a multi-megabyte single line must not stall the parser.
import { isSpaceCode } from './kit/chars';

export interface Para {
  /** Trimmed range of the paragraph (may span several lines, and blank lines when a broken sentence was joined). */
  start: number;
  end: number;
  /** Number of text lines in the paragraph. */
  lineCount: number;
}

/** Re-exported for metadata.ts; the definition is the kit's (one whitespace set for the core). */
export { isSpaceCode };

/** [start, end) of `text` narrowed to non-whitespace (start === end when it is all whitespace). */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

interface Line {
  start: number;
  end: number;
}

/** Trimmed non-blank lines from `from` on; a blank line is recorded as null so paragraphs can be found. */
function scanLines(text: string, from: number): (Line | null)[] {
  const lines: (Line | null)[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    const t = trimRange(text, i, j);
    lines.push(t.start < t.end ? t : null);
    if (j >= n) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  return lines;
}

const TERMINAL = new Set(['.', '!', '?', ':', '…', '"', '”', '’', "'", ')', ']', '»', ';']);

export function endsWithTerminal(text: string, end: number): boolean {
  return end > 0 && TERMINAL.has(text[end - 1]);
}

function startsLowercase(text: string, start: number): boolean {
  const ch = text[start];
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const BULLET_RE = /^(?:[•·▪‣◦*+-]|\d{1,3}[.)])\s/;

function isBullet(text: string, line: Line): boolean {
  return BULLET_RE.test(text.slice(line.start, Math.min(line.end, line.start + 6)));
}

/** A horizontal rule or fence ("---", "***", "==="): never part of a sentence. */
function isRuleLine(text: string, line: Line): boolean {
  return line.end - line.start <= 80 && /^[-*_=~]{3,}$/.test(text.slice(line.start, line.end).replace(/\s+/g, ''));
}

/**
 * Paragraphs: runs of non-blank lines. Inside a run, a line break is a paragraph break unless the line is
 * soft-wrapped prose (no closing punctuation and the next line continues in lowercase, or a long line running
 * on); files written one paragraph per line (no blank lines) therefore still get one paragraph per line.
 * Across a blank line, a paragraph that stops mid-sentence and a next one starting in lowercase are joined.
 */
export function findParagraphs(text: string, from: number): Para[] {
  const lines = scanLines(text, from);
  const paras: Para[] = [];
  let cur: Para | null = null;
  let prevLine: Line | null = null;
  for (const line of lines) {
    if (!line) {
      if (cur) paras.push(cur);
      cur = null;
      prevLine = null;
      continue;
    }
    if (cur && prevLine) {
      const softWrap =
        !endsWithTerminal(text, prevLine.end) &&
        !isRuleLine(text, prevLine) &&
        !isBullet(text, line) &&
        (startsLowercase(text, line.start) || (prevLine.end - prevLine.start >= 60 && line.end - line.start >= 30));
      if (softWrap) {
        cur.end = line.end;
        cur.lineCount++;
        prevLine = line;
        continue;
      }
      paras.push(cur);
    }
    cur = { start: line.start, end: line.end, lineCount: 1 };
    prevLine = line;
  }
  if (cur) paras.push(cur);
  return paras;
}

/** A paragraph cut off mid-sentence ("…into Syria to") and continued in the next one ("seize parts…"). */
export function isBrokenSentence(text: string, a: Para, b: Para): boolean {
  if (endsWithTerminal(text, a.end)) return false;
  if (!startsLowercase(text, b.start)) return false;
  // Headings and one-word lines are not sentence halves; a real break leaves a line of several words.
  const tail = text.slice(Math.max(a.start, a.end - 200), a.end);
  return /\s\S+\s\S+\s\S+$/.test(tail) && !/[.!?]["”’)]?\s*$/.test(tail);
}

// ---------------------------------------------------------------------------------------------------------
// Sentences

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof lt col gen sgt capt maj cpl pvt adm brig cmdr gov sen rep rev st jr sr no nos vs ' +
    'inc ltd co corp dept est fig approx mt ft jan feb mar apr jun jul aug sep sept oct nov dec mon tue ' +
    'wed thu fri sat sun pres sec amb min ave blvd etc al'
  ).split(' '),
);

/** Whether the period at `dot` ends an abbreviation or initial ("U.S.", "Lt.", "J.") rather than a sentence. */
function isAbbreviationDot(s: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && /[A-Za-z]/.test(s[k])) k--;
  const word = s.slice(k + 1, dot);
  if (!word) return false;
  // Initials and dotted acronyms: "J.", "U.S.", "U.N."
  if (word.length === 1 && word >= 'A' && word <= 'Z') return true;
  if (k >= 0 && s[k] === '.' && word.length <= 2) return true;
  // "etc." and "al." can end a sentence too, but the next word then starts a sentence: treat as abbreviation
  // only for titles and months, which are always followed by a name or a number.
  return ABBREVIATIONS.has(word.toLowerCase()) && word !== 'etc';
}

/** "1." or "12." opening a sentence is a list number, not a sentence of its own. */
function isListNumber(s: string, sentStart: number, dot: number): boolean {
  return dot - sentStart <= 6 && /^\s*\d{1,2}$/.test(s.slice(sentStart, dot));
}

function opensSentence(c: string | undefined): boolean {
  if (c === undefined) return false;
  return /[A-Z0-9"“‘'([«]/.test(c) || (c !== c.toLowerCase() && c === c.toUpperCase());
}

/** Photo credits that close a caption inside running text: "(Reuters Photo)", "(AFP photo)", "(TRT World and Agencies)". */
const CAPTION_CLOSE_RE = /\((?:[^()]{0,30}\bphotos?\b[^()]{0,30}|[^()]{0,30}\bAgencies)\)/gi;

/**
 * Sentence ranges within [start, end) of `s`. A boundary is terminal punctuation (and closing quotes or
 * brackets) followed by space and a sentence opener, unless the period belongs to an abbreviation, or a
 * photo credit in parentheses that closes a caption.
 */
export function splitSentences(s: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const captionEnds = new Set<number>();
  CAPTION_CLOSE_RE.lastIndex = 0;
  const region = s.slice(start, end);
  let cm: RegExpExecArray | null;
  while ((cm = CAPTION_CLOSE_RE.exec(region)) !== null) captionEnds.add(start + cm.index + cm[0].length);
  let sentStart = start;
  let i = start;
  while (i < end) {
    const c = s[i];
    let boundary = -1;
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < end && (s[j] === '.' || s[j] === '!' || s[j] === '?')) j++;
      while (j < end && /["”’')\]»]/.test(s[j])) j++;
      if (j < end && isSpaceCode(s.charCodeAt(j))) {
        let k = j;
        while (k < end && isSpaceCode(s.charCodeAt(k))) k++;
        if (k < end && opensSentence(s[k]) && !(c === '.' && j === i + 1 && (isAbbreviationDot(s, i) || isListNumber(s, sentStart, i)))) {
          boundary = j;
        }
      }
      i = j;
    } else if (c === ')' && captionEnds.has(i + 1)) {
      boundary = i + 1;
      i++;
    } else {
      i++;
    }
    if (boundary > 0) {
      const r = trimRange(s, sentStart, boundary);
      if (r.start < r.end) out.push(r);
      sentStart = boundary;
    }
  }
  const r = trimRange(s, sentStart, end);
  if (r.start < r.end) out.push(r);
  return splitTagRuns(s, out);
}

/**
 * FA-KES pages keep a "Tags Aleppo Syria United States Russia" list with no full stop before the next sentence.
 * The list ends before the capitalised word that starts the sentence (the last capitalised word before the
 * first lowercase one).
 */
function splitTagRuns(s: string, sentences: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const sen of sentences) {
    const head = s.slice(sen.start, Math.min(sen.end, sen.start + 300));
    const m = /^Tags?:?\s/.exec(head);
    if (!m) {
      out.push(sen);
      continue;
    }
    const wordRe = /\S+/g;
    wordRe.lastIndex = m[0].length;
    let lastCapStart = -1;
    let cut = -1;
    let w: RegExpExecArray | null;
    while ((w = wordRe.exec(head)) !== null) {
      if (/^[a-z]/.test(w[0])) {
        cut = lastCapStart;
        break;
      }
      if (/^[A-Z]/.test(w[0])) lastCapStart = w.index;
    }
    if (cut > m[0].length) {
      const a = trimRange(s, sen.start, sen.start + cut);
      const b = trimRange(s, sen.start + cut, sen.end);
      out.push(a);
      if (b.start < b.end) out.push(b);
    } else {
      out.push(sen);
    }
  }
  return out;
}

/** Groups of a few sentences (2–4, at most ~600 characters) for long single-paragraph bodies. */
export function groupSentences(
  sentences: { start: number; end: number }[],
  maxChars = 600,
  maxSentences = 4,
): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  let gStart = -1;
  let gEnd = -1;
  let count = 0;
  for (let k = 0; k < sentences.length; k++) {
    const sen = sentences[k];
    if (count > 0 && (count >= maxSentences || sen.end - gStart > maxChars) && !(count < 2 && gEnd - gStart < 120)) {
      groups.push({ start: gStart, end: gEnd });
      count = 0;
    }
    if (count === 0) gStart = sen.start;
    gEnd = sen.end;
    count++;
  }
  if (count > 0) groups.push({ start: gStart, end: gEnd });
  return groups;
}

// ---------------------------------------------------------------------------------------------------------
// Boilerplate

interface Rule {
  re: RegExp;
  reason: string;
  /** Only for short paragraphs (characters); anchored rules can run on any length. */
  maxLength?: number;
}

const PARAGRAPH_RULES: Rule[] = [
  { re: /^To contact (?:the |us)/i, reason: 'contact footer' },
  { re: /^(?:Contact us|Get in touch)\b/i, reason: 'contact footer', maxLength: 200 },
  { re: /\bnewsletter\b/i, reason: 'newsletter footer', maxLength: 200 },
  { re: /^(?:Subscribe|Sign up|Follow us|Join us|Donate|Support (?:us|our))\b/i, reason: 'newsletter footer', maxLength: 300 },
  { re: /^Read more\b/i, reason: 'read more link' },
  { re: /^(?:Related|See also|Also read|Recommended)\s*(?:articles?|stories|reading)?\s*:/i, reason: 'related links' },
  { re: /^(?:First|Originally) (?:published|appeared|posted)\b/i, reason: 'republication note' },
  { re: /\boriginal (?:print )?version of this article\b/i, reason: 'republication note', maxLength: 300 },
  { re: /^(?:This article (?:was|is) (?:first |originally )?(?:published|republished))\b/i, reason: 'republication note', maxLength: 300 },
  {
    re: /^(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) (?:thoughts?|comments?|responses?|replies|reactions?) (?:on|to)\b/i,
    reason: 'reader comments',
  },
  { re: /^Comments? (?:are|is) (?:closed|disabled)/i, reason: 'reader comments' },
  { re: /^(?:Leave a (?:Reply|comment)|Post a comment|Add a comment)\b/i, reason: 'reader comments', maxLength: 200 },
  { re: /\/\/\s*(?:Photo|Foto|Image)\b/i, reason: 'photo credit', maxLength: 600 },
  { re: /^(?:Photo|Photograph|Image|Picture|Foto|Credit)s?(?:\s+credit)?\s*[:©]/i, reason: 'photo credit', maxLength: 400 },
  { re: /\((?:[^()]{0,30}\bphotos?\b[^()]{0,30})\)\s*$/i, reason: 'photo credit', maxLength: 400 },
  { re: /^(?:©|Copyright\b|All rights reserved)/i, reason: 'copyright notice', maxLength: 300 },
  { re: /^(?:Share (?:this|on)|Print this page|Print Tweet|Tweet\b|Share\s*$)/i, reason: 'page furniture', maxLength: 300 },
  { re: /^Tags?:?\s/, reason: 'tags', maxLength: 400 },
  { re: /^SEND\s+\S+$/, reason: 'share link', maxLength: 80 },
  { re: /^Get short URL\b/i, reason: 'page furniture', maxLength: 200 },
  { re: /^Advertisement$/i, reason: 'advertisement' },
];

/** The reason a paragraph is boilerplate, or null for body text. */
export function boilerplateReason(paragraph: string): string | null {
  const head = paragraph.length > 400 ? paragraph.slice(0, 400) : paragraph;
  for (const rule of PARAGRAPH_RULES) {
    if (rule.maxLength !== undefined && paragraph.length > rule.maxLength) continue;
    if (rule.re.test(rule.maxLength !== undefined ? paragraph : head)) return rule.reason;
  }
  return null;
}

/** Page leftovers inside single-paragraph bodies (FA-KES): share links, tag lists, captions with a photo credit. */
export function sentenceBoilerplateReason(sentence: string): string | null {
  if (sentence.length > 600) return null;
  if (/^SEND\s+\S+/.test(sentence) && sentence.length < 60) return 'share link';
  if (/^Tags?:?\s/.test(sentence)) return 'tags';
  if (/Get short URL/i.test(sentence) && sentence.length < 200) return 'page furniture';
  if (/^Print(?: this page| Tweet)/i.test(sentence)) return 'page furniture';
  if (sentence.length < 40 && /^(?:Read (?:also|more)|Related|See also)\b/i.test(sentence)) return 'read more link';
  if (sentence.length < 60 && /^\(?Source:?\s[^.]*\)?(?:\s+Twitter)?$/i.test(sentence)) return 'source credit';
  // Editors' initials or codes left at the end of a page ("SH/SH", "218-11"): no word in lowercase at all.
  if (sentence.length <= 16 && !/\p{Ll}/u.test(sentence)) return 'page furniture';
  if (/\((?:[^()]{0,30}\bphotos?\b[^()]{0,30}|[^()]{0,30}\bAgencies)\)$/i.test(sentence)) return 'photo credit';
  return null;
}

/** A line that is only a link or markup ("**[wsws.org/contact](https://…)**"), with no prose. */
export function isLinkOnly(paragraph: string): boolean {
  if (paragraph.length > 300) return false;
  const stripped = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]/g, '')
    .trim();
  return /^(?:https?:\/\/|www\.)\S+$/i.test(stripped) || /^[\w.-]+\.(?:org|com|net|info|co\.uk|org\.uk)(?:\/\S*)?$/i.test(stripped);
}
