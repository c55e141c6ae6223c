// When a passage says its event happened: explicit dates ("14 December 2016", "April 4 2017", "26.11.2014",
// "December 2016", "in 2015") and relative ones ("on Sunday", "yesterday", "last night") resolved against
// the article's publication date. Spans are whole days counted from 1970-01-01 so comparing two passages
// is integer arithmetic; a month or a year is a span of many days, coarser than a day.

import { readDates } from '../dates';

export interface TimeSpan {
  /** First and last day (days since 1970-01-01, UTC), inclusive. */
  from: number;
  to: number;
  /** 'day' when the span is one day; coarser spans only show that the passage talks about that period. */
  precision: 'day' | 'month' | 'year';
}

// Bare years ("Russia’s 2015 intervention", "the 2013 attack") that the shared reader leaves out because it
// only takes years after a preposition; counts like "2000 people" are not years.
const BARE_YEAR_RE =
  /(?<![\p{L}\p{N}.,$£€-])((?:19|20)\d\d)(?![\p{N}]|\s*(?:[-–]\s*\d|people|civilians|persons|troops|soldiers|fighters|refugees|killed|dead|men|women|children|families|km|kilomet|meters|metres|tons|tonnes|dollars|euros|homes|buildings|houses|members|militants|rebels|terrorists)\b)/gu;

// Gates for the date reader (src/core/dates.ts), each matching wherever one of its forms can match.
const YEAR_RE = /(?:19|20)\d\d/;
/** A capitalised month (the reader takes no other) next to a day number, either order. */
const MONTH3 = '(?:J[aA][nN]|F[eE][bB]|M[aA][rRyY]|A[pP][rR]|J[uU][nNlL]|A[uU][gG]|S[eE][pP]|O[cC][tT]|N[oO][vV]|D[eE][cC])';
const MONTH_DAY_RE = new RegExp(`${MONTH3}[a-zA-Z]*\\.?\\s+\\d|\\d[a-zA-Z]{0,2}\\s+(?:[oO][fF]\\s+)?${MONTH3}`);
const RELATIVE_RE =
  /(?:yesterday|today|tonight|night|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!\w)/i;

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

export function isoOfDay(n: number): string {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

function daySpan(y: number, m: number, d: number): TimeSpan | null {
  if (!validDay(y, m, d)) return null;
  const n = dayNumber(y, m, d);
  return { from: n, to: n, precision: 'day' };
}

function monthSpan(y: number, m: number): TimeSpan {
  return { from: dayNumber(y, m, 1), to: dayNumber(y, m + 1, 1) - 1, precision: 'month' };
}

function yearSpan(y: number): TimeSpan {
  return { from: dayNumber(y, 1, 1), to: dayNumber(y + 1, 1, 1) - 1, precision: 'year' };
}

/** Reference for resolving relative dates: a publication day, or only a year when that is all we know. */
export interface TimeRef {
  /** Publication day (days since epoch), when known to the day. */
  day: number | null;
  /** Year the article was written in (from its date, or failing that the latest year it mentions). */
  year: number | null;
}

/**
 * All time references in text[start, end): explicit dates, relative ones resolved against the publication day
 * (skipped without one), and years.
 */
export function readEventDates(text: string, start: number, end: number, ref: TimeRef): TimeSpan[] {
  const seg = text.slice(start, end);
  const out: TimeSpan[] = [];
  // The date reader is the costliest step of indexing; most passages cannot hold a date it returns: every
  // form has a year but a day-and-month ("14 December") and a relative date ("on Sunday"), and those two only
  // resolve against a publication day.
  if (!YEAR_RE.test(seg) && (ref.day === null || (!MONTH_DAY_RE.test(seg) && !RELATIVE_RE.test(seg)))) return out;
  const covered: [number, number][] = [];
  for (const d of readDates(seg, ref.day !== null ? { iso: isoOfDay(ref.day) } : null)) {
    covered.push([d.start, d.end]);
    const [y, mo, da] = d.iso.split('-').map(Number);
    if (d.precision === 'day') {
      const sp = daySpan(y, mo, da);
      if (sp) out.push(sp);
    } else if (d.precision === 'month') out.push(monthSpan(y, mo));
    else out.push(yearSpan(y));
  }
  BARE_YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let c = 0; // both lists run left to right: one pass, not a search per year
  while ((m = BARE_YEAR_RE.exec(seg))) {
    const at = m.index;
    while (c < covered.length && covered[c][1] <= at) c++;
    if (c < covered.length && covered[c][0] <= at) continue;
    const y = +m[1];
    if (y >= 1940 && y <= 2040) out.push(yearSpan(y));
  }
  return out;
}

/** The time reference of an article: its publication day, or the latest year its text mentions. */
export function timeRefOf(date: { iso: string; precision: 'day' | 'month' } | null, text: string): TimeRef {
  if (date) {
    const [y, mo, d] = date.iso.split('-').map(Number);
    if (date.precision === 'day' && validDay(y, mo, d)) return { day: dayNumber(y, mo, d), year: y };
    return { day: null, year: y };
  }
  // Without a publication date, the latest explicit year is the best guess of when the text was written.
  let year: number | null = null;
  for (const sp of readEventDates(text, 0, text.length, { day: null, year: null })) {
    const y = new Date(sp.from * 86400000).getUTCFullYear();
    if (year === null || y > year) year = y;
  }
  return { day: null, year };
}
