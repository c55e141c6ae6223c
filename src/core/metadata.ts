// Reading metadata lines: titles, bylines, names alone on a line, date lines, and the publication
// dateline that opens a single-paragraph body ("Wed 05 Apr 2017 …", "Published February 18 2015 …").
import { readDatesDetailed, type FoundDateDetail } from './dates';
import { isSpaceCode, splitSentences } from './passages';

/** A line without its Markdown decoration: "# Title", "**Title**", "_Title_". */
export function cleanMarkup(s: string): string {
  return s
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = isSpaceCode(s.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** A first line short enough to be a headline rather than the opening sentence of the body. */
export function isTitleLine(paragraph: string, lineCount: number): boolean {
  if (lineCount > 1 || paragraph.length > 300) return false;
  if (/^#{1,6}\s/.test(paragraph)) return true;
  const t = cleanMarkup(paragraph);
  if (t.length < 3 || t.length > 200 || !/\p{L}/u.test(t)) return false;
  const words = wordCount(t);
  const last = t[t.length - 1];
  // A headline may end with a full stop (wire titles do), but a long line ending in one is a sentence.
  if (last === '.' || last === ',' || last === ';') return words <= 14 && !/[.!?]\s+\S/.test(t.slice(0, -1));
  return words <= 25;
}

const TITLE_MAX_WORDS = 12;

/** A short title from the opening sentence of a body paragraph, cut at a word (or clause) boundary. */
export function titleFromSentence(paragraph: string): string | null {
  const head = paragraph.slice(0, 400);
  const sentences = splitSentences(head, 0, head.length);
  if (!sentences.length) return null;
  let sentence = head.slice(sentences[0].start, sentences[0].end).replace(/\s+/g, ' ').trim();
  sentence = cleanMarkup(sentence);
  const words = sentence.split(' ').filter(Boolean);
  if (!words.length) return null;
  if (words.length <= TITLE_MAX_WORDS && sentences.length > 1) return sentence.replace(/[.:;,]+$/, '');
  if (words.length <= TITLE_MAX_WORDS && head.length === paragraph.length) return sentence.replace(/[.:;,]+$/, '');
  const kept = words.slice(0, TITLE_MAX_WORDS);
  // Prefer ending at a clause ("…seized Damascus,") when that still leaves a meaningful title.
  for (let k = kept.length - 1; k >= 5; k--) {
    if (/[,;:–—]$/.test(kept[k]) || kept[k + 1] === '–' || kept[k + 1] === '—') {
      return (
        kept
          .slice(0, k + 1)
          .join(' ')
          .replace(/[,;:–—]+$/, '') + '…'
      );
    }
  }
  return kept.join(' ').replace(/[,;:.–—]+$/, '') + '…';
}

/** "By Marcus Halaby", "By EFE (Confidencial)", "BY JANE DOE | Reuters" → the person or agency. */
export function readByline(paragraph: string): string | null {
  if (paragraph.length > 120) return null;
  const m = /^(?:[*_]{0,2})(?:By|BY|Written by|Words by|Author:|Reporter:)[:\s]\s*(.+)$/.exec(paragraph.trim());
  if (!m) return null;
  let name = m[1]
    .replace(/[*_]+$/, '')
    .split(/\s[|•·]\s|\s[–—-]\s/)[0]
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/[.,;:\s]+$/, '')
    .trim();
  name = name.replace(/,\s*(?:in|for)\s.*$/, '');
  if (!name || !/^\p{Lu}/u.test(name) || wordCount(name) > 8) return null;
  return name;
}

const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'y',
]);
/** Capitalised words that make a line a heading or a place rather than a person's name. */
const NOT_NAME_WORDS = new Set(
  (
    'news update updates breaking live analysis opinion comment editorial government army war peace talks ' +
    'syria syrian russia russian iran turkey israel aleppo damascus middle east world international report ' +
    'transitional victory introduction conclusion background summary timeline video photos the and of in on ' +
    'for to a an with from by at after before against over under new latest more read share'
  ).split(' '),
);

/** A person's name alone on a short line: "Alex Lantier", "Abu Mohammed al-Julani", "J. R. Smith". */
export function isPersonNameLine(paragraph: string): boolean {
  if (paragraph.length > 60) return false;
  const t = cleanMarkup(paragraph);
  if (t.length < 5 || t.length > 40 || /\d/.test(t)) return false;
  const words = t.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  let capitalised = 0;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (NAME_PARTICLES.has(lw) || /^(?:al|el)-\p{Lu}/u.test(w)) continue;
    if (NOT_NAME_WORDS.has(lw)) return false;
    if (/^\p{Lu}\.$/u.test(w)) {
      capitalised++;
      continue;
    }
    if (!/^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u.test(w) && !/^\p{Lu}[\p{Ll}]*-\p{Lu}[\p{Ll}]+$/u.test(w)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

const PERSON = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:al-|el-|bin\\s+|de\\s+|van\\s+)?\\p{Lu}[\\p{L}'’.-]+){1,3}";
const REPORTS_RE = new RegExp(`(?:^|[.!?]["”’]?\\s+)(${PERSON})\\s+reports\\.\\s*$`, 'u');
const REPORTING_BY_RE = new RegExp(`\\b(?:Reporting|Reported|Written) by (${PERSON})`, 'u');

/** "… Toby Harbertson reports." closing a standfirst paragraph. */
export function readReportsLine(paragraph: string): string | null {
  const tail = paragraph.slice(-250);
  const m = REPORTS_RE.exec(tail);
  return m ? m[1] : null;
}

/** "Reporting by Tom Perry; Editing by …" in a wire footer. */
export function readReportingBy(paragraph: string): string | null {
  if (paragraph.length > 400) return null;
  const m = REPORTING_BY_RE.exec(paragraph);
  return m ? m[1] : null;
}

const DATE_LINE_PREFIX =
  /^(?:(?:Published|Updated|Last updated|Posted|Date(?: of publication)?|Dated|Created)(?:\s+(?:on|at))?\s*:?\s*)?$/i;
const DATE_LINE_SUFFIX =
  /^[\s,.|–-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?[\s.]*$/;

/** A paragraph that is just a date ("13 December 2016", "Published: 5 July 2016 10:42"). */
export function readDateLine(paragraph: string): FoundDateDetail | null {
  if (paragraph.length > 80) return null;
  const found = readDatesDetailed(paragraph).filter((d) => d.precision !== 'year');
  if (found.length !== 1) return null;
  const d = found[0];
  if (d.form === 'relative' || d.form === 'partial') return null;
  if (!DATE_LINE_PREFIX.test(paragraph.slice(0, d.start).trim())) return null;
  if (!DATE_LINE_SUFFIX.test(paragraph.slice(d.end))) return null;
  return d;
}

const LEAD_PREFIX =
  /^(?:Published|Posted(?: on)?|Date of publication|Last updated(?: at| on)?|Updated(?: at| on)?|Print this page|Dated?)\s*:?$/i;
const EVENT_CUE = /\b(?:on|since|from|until|till|by|of|in|last|before|after|between|and|to)\s*$/i;
const AGENCY_AFTER = /^\s*\(?(?:AFP|AP|Reuters|REUTERS|SANA|Anadolu|DPA|Xinhua|UPI|EFE|IRNA|TASS|Sputnik)\b/;
const AGENCY_BEFORE =
  /(?:\b(?:AFP|AP|Reuters|REUTERS|SANA|Anadolu|DPA|Xinhua|UPI|EFE|IRNA)|\bMiddle East(?: [A-Z]\w+){0,2}(?: \d{3,4})?)\s*$/;

/** How far into a single-paragraph body a publication dateline may sit (after a repeated headline). */
const LEAD_WINDOW = 320;

export interface LeadDate {
  date: FoundDateDetail;
  /** End of the dateline furniture (date, time, "Get short URL", repeated headline) when it opens the paragraph. */
  leadEnd: number | null;
}

function normWord(w: string): string {
  return w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The publication date written as a dateline at the start of a body paragraph, in the forms news sites use:
 * at the very start ("Wed 05 Apr 2017", "24.08.2013", "Last updated at Apr 232017"), after a label
 * ("Published", "Date of publication", "Posted on"), or after a repeated headline and agency ("… Monitor AFP
 * Thursday 24 Apr 2014", "… in Raqqa 21 November 2016 SANA"). A date introduced as an event ("On 14 December
 * 2016, the army …") is not a dateline.
 */
export function readLeadDate(paragraph: string, title: string | null): LeadDate | null {
  const window = paragraph.slice(0, LEAD_WINDOW);
  const dates = readDatesDetailed(window).filter((d) => d.precision === 'day' && d.form !== 'relative' && d.form !== 'partial');
  const d = dates[0];
  if (!d) return null;
  const before = window.slice(0, d.start).trim();
  const after = window.slice(d.end, d.end + 20);
  let atStart = false;
  let ok = false;
  if (before === '' || LEAD_PREFIX.test(before)) {
    atStart = true;
    ok = true;
  } else if (!EVENT_CUE.test(before)) {
    if (d.form === 'weekday' || d.form === 'numeric' || d.form === 'fused') ok = true;
    else if (AGENCY_AFTER.test(after) || AGENCY_BEFORE.test(before)) ok = true;
    else if (title) {
      // The date follows a repeat of the headline.
      const tw = title.split(/\s+/).map(normWord).filter(Boolean);
      const bw = before.split(/\s+/).map(normWord).filter(Boolean);
      ok = tw.length > 0 && bw.length >= tw.length && tw.every((w, k) => bw[k] === w);
    }
  }
  if (!ok) return null;
  return { date: d, leadEnd: atStart ? skipLeadFurniture(paragraph, d.end, title) : null };
}

const FURNITURE_RES: RegExp[] = [
  /^\s*\)/y, // a stray ")" left after "23.04.2017(updated …" was cut by the source
  /^\s*\((?:updated|upd\.?)[^()]{0,40}\)/iy,
  /^\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s*(?:UTC|GMT)(?:[+-]\d{1,2})?)?/y,
  /^\s*(?:at\s+)?\d{3,6}(?:\s*(?:[AaPp][Mm]|(?:UTC|GMT)(?:[+-]\d{1,2})?))?(?=\s)/y,
  /^\s*(?:UTC|GMT)(?:[+-]\d{1,2})?(?=\s)/y,
  /^\s*Get short URL(?:\s+\d+)*(?=\s|$)/iy,
  /^\s*SEND\s+\S+/y,
  /^\s*Print this page/iy,
  /^\s*Print Tweet Views\s+\d+/iy,
];

function matchAt(re: RegExp, s: string, pos: number): number {
  // The patterns carry ^ for readability; sticky matching at `pos` needs it removed.
  const sticky = new RegExp(re.source.replace(/^\^/, ''), re.flags);
  sticky.lastIndex = pos;
  const m = sticky.exec(s);
  return m ? pos + m[0].length : -1;
}

/** Skips the time, share widgets and repeated headline that follow a dateline; returns the body start. */
function skipLeadFurniture(paragraph: string, from: number, title: string | null): number {
  let pos = from;
  const limit = Math.min(paragraph.length, from + 400);
  for (let guard = 0; guard < 8 && pos < limit; guard++) {
    let moved = false;
    for (const re of FURNITURE_RES) {
      const e = matchAt(re, paragraph, pos);
      if (e > pos) {
        pos = e;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  if (title) {
    const tw = title.split(/\s+/).map(normWord).filter(Boolean);
    const wordRe = /\S+/g;
    wordRe.lastIndex = pos;
    let k = 0;
    let end = pos;
    let w: RegExpExecArray | null;
    while (k < tw.length && (w = wordRe.exec(paragraph)) !== null) {
      const nw = normWord(w[0]);
      if (!nw) continue;
      if (nw !== tw[k]) break;
      k++;
      end = w.index + w[0].length;
    }
    if (tw.length >= 3 && k === tw.length) {
      pos = end;
      const dot = /^\s*\.(?=\s|$)/.exec(paragraph.slice(pos, pos + 4));
      if (dot) pos += dot[0].length;
      const agency = /^\s*(?:AFP|AP|Reuters|REUTERS)(?=\s)/.exec(paragraph.slice(pos, pos + 12));
      if (agency) pos += agency[0].length;
    }
  }
  return pos;
}
