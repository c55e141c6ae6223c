// Reading dates out of article text. Hand-written patterns rather than chrono-node: measured on FA-KES,
// chrono reads day-first dashed dates ("6-09-2013") month-first, misses the fused "Apr 232017" form and
// costs ~0.3 ms per 700 characters, about ten times this single-pass scanner. Every pattern below is
// bounded (no nested quantifiers), so a multi-megabyte line is scanned in linear time.

export type ReadPrecision = 'day' | 'month' | 'year';

export interface FoundDate {
  start: number;
  end: number;
  iso: string;
  precision: ReadPrecision;
}

/** A found date plus how it was written, for callers that weigh the form (publication datelines). */
export interface FoundDateDetail extends FoundDate {
  form: 'weekday' | 'words' | 'numeric' | 'fused' | 'iso' | 'month-year' | 'partial' | 'relative' | 'year';
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';

// One alternation, tried left to right at each position: longer forms first so "8 December 2024" is not
// read as "December 2024". Group numbers are listed next to each branch.
const DATE_RE = new RegExp(
  [
    // 1 weekday, 2 day, 3 month, 4 year   — "Wed 05 Apr 2017", "Tuesday 4 April 2017", "13 December 2016"
    `(?:(${WEEKDAY}),?\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH}),?\\s+${YEAR}(?![\\d])`,
    // 5 weekday, 6 month, 7 day, 8 year   — "Wed Jun 1 2016", "April 19 2017", "December 8, 2024"
    `(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(\\d{1,2})${ORD}(?:,\\s*|\\s+)${YEAR}(?![\\d])`,
    // 9 month, 10 day, 11 year            — "Apr 232017": day and year run together
    `(${MONTH})\\s+(\\d{1,2})${YEAR}(?![\\d])`,
    // 12 year, 13 month, 14 day           — ISO "2017-04-05"
    `${YEAR}-(\\d{2})-(\\d{2})(?![\\d])`,
    // 15 day, 16 separator, 17 month, 18 year — "24.08.2013", "6-09-2013" (day first)
    `(\\d{1,2})([./-])(\\d{1,2})\\16${YEAR}(?![\\d])`,
    // 19 month, 20 second month, 21 year  — "February 2017", "February/March 2017"
    `(${MONTH})(?:\\s*[/–-]\\s*(${MONTH}))?,?\\s+${YEAR}(?![\\d])`,
    // 22 day, 23 month                    — "14 December" (year from the reference date)
    `(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})(?![\\w])`,
    // 24 month, 25 day                    — "December 5"
    `(${MONTH})\\s+(\\d{1,2})${ORD}(?![\\d\\w])`,
    // 26 relative phrase                  — "yesterday", "last night", "on Sunday", "last Tuesday"
    `((?:yesterday|today|tonight|(?:last|this)\\s+(?:night|morning|afternoon|evening)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?![\\w])`,
    // 27 year after a preposition         — "in 2011"
    `(?:in|since|during|until|by|from|early|late|mid-?)\\s+${YEAR}(?![\\d])`,
  ].join('|'),
  'gi',
);

function monthNumber(token: string): number {
  return MONTHS[token.slice(0, 3).toLowerCase()] ?? 0;
}

function isCapitalized(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayIso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

interface RefDay {
  year: number;
  month: number;
  day: number;
  /** Days since the epoch, for weekday arithmetic. */
  epochDay: number;
}

/**
 * The reference day. A month ("2017-02") or year ("2017") reference stands for its last day, flagged
 * `coarse`: it still places year-less dates ("on 14 December") but cannot resolve "yesterday" or "Sunday".
 */
function refDay(ref: { iso: string } | null | undefined): (RefDay & { coarse: boolean }) | null {
  const m = ref && typeof ref.iso === 'string' && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(ref.iso);
  if (!m) return null;
  const year = +m[1];
  const month = m[2] ? +m[2] : 12;
  if (month < 1 || month > 12 || year < 1900 || year > 2099) return null;
  const day = m[3] ? +m[3] : daysInMonth(year, month);
  if (!dayIso(year, month, day)) return null;
  return { year, month, day, epochDay: Math.floor(Date.UTC(year, month - 1, day) / 86400000), coarse: !m[3] };
}

function isoOfEpochDay(epochDay: number): string {
  return new Date(epochDay * 86400000).toISOString().slice(0, 10);
}

/** A day-and-month without a year: the reference year, or the year before when that would lie well ahead. */
function partialIso(month: number, day: number, ref: RefDay): string | null {
  let year = ref.year;
  let iso = dayIso(year, month, day);
  if (!iso) return null;
  // News reports look back: "on 14 December" in a January article means last December.
  if (Date.UTC(year, month - 1, day) / 86400000 > ref.epochDay + 31) {
    year -= 1;
    iso = dayIso(year, month, day);
  }
  return iso;
}

function relativeIso(phrase: string, ref: RefDay): string | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ');
  if (p === 'yesterday' || p === 'last night') return isoOfEpochDay(ref.epochDay - 1);
  if (p === 'today' || p === 'tonight' || /^this (night|morning|afternoon|evening)$/.test(p)) {
    return isoOfEpochDay(ref.epochDay);
  }
  const wd = /(mon|tue|wed|thu|fri|sat|sun)[a-z]*day$/.exec(p);
  if (!wd) return null;
  const target = WEEKDAYS[wd[1]];
  const refWeekday = (ref.epochDay + 4) % 7; // 1970-01-01 was a Thursday
  let back = (refWeekday - target + 7) % 7;
  if (p.startsWith('next ')) return isoOfEpochDay(ref.epochDay + ((target - refWeekday + 7) % 7 || 7));
  // "last Tuesday" written on a Tuesday means a week ago; a bare weekday means the most recent one.
  if (p.startsWith('last ') && back === 0) back = 7;
  return isoOfEpochDay(ref.epochDay - back);
}

/**
 * Every date in `s`, with its form. Relative and year-less dates are only returned when `ref` (the article's
 * publication date, "YYYY-MM-DD"; a "YYYY-MM" or "YYYY" reference places year-less dates only) resolves them.
 */
export function readDatesDetailed(s: string, ref?: { iso: string } | null): FoundDateDetail[] {
  const out: FoundDateDetail[] = [];
  if (typeof s !== 'string' || s.length === 0) return out;
  const r = refDay(ref);
  // One shared regex (this function never re-enters itself): building it per call cost a compile-cache lookup of its
  // 2 KB source for every passage.
  const re = DATE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // Dates begin at a word start: "305 December" must not read as "5 December".
    if (start > 0 && isWordChar(s.charCodeAt(start - 1))) {
      re.lastIndex = start + 1;
      continue;
    }
    let found: FoundDateDetail | null = null;
    if (m[2] !== undefined) {
      const iso = isCapitalized(m[3]) ? dayIso(+m[4], monthNumber(m[3]), +m[2]) : null;
      if (iso) found = { start, end, iso, precision: 'day', form: m[1] ? 'weekday' : 'words' };
    } else if (m[6] !== undefined) {
      const iso = isCapitalized(m[6]) ? dayIso(+m[8], monthNumber(m[6]), +m[7]) : null;
      if (iso) found = { start, end, iso, precision: 'day', form: m[5] ? 'weekday' : 'words' };
    } else if (m[9] !== undefined) {
      const iso = isCapitalized(m[9]) ? dayIso(+m[11], monthNumber(m[9]), +m[10]) : null;
      if (iso) found = { start, end, iso, precision: 'day', form: 'fused' };
    } else if (m[12] !== undefined) {
      const iso = dayIso(+m[12], +m[13], +m[14]);
      if (iso) found = { start, end, iso, precision: 'day', form: 'iso' };
    } else if (m[15] !== undefined) {
      let day = +m[15];
      let month = +m[17];
      // Day first, as the outlets write it; a middle number above 12 can only be a day ("04/23/2017").
      if (month > 12 && day <= 12) [day, month] = [month, day];
      const iso = dayIso(+m[18], month, day);
      if (iso) found = { start, end, iso, precision: 'day', form: 'numeric' };
    } else if (m[19] !== undefined) {
      const month = monthNumber(m[19]);
      const year = +m[21];
      // "May 2017" at a sentence start is the month; lowercase "may 2017" is a verb before a number.
      if (isCapitalized(m[19]) && month && year >= 1900) {
        found = { start, end, iso: `${year}-${pad(month)}`, precision: 'month', form: 'month-year' };
      }
    } else if (m[22] !== undefined) {
      if (r && isCapitalized(m[23])) {
        const iso = partialIso(monthNumber(m[23]), +m[22], r);
        if (iso) found = { start, end, iso, precision: 'day', form: 'partial' };
      }
    } else if (m[24] !== undefined) {
      // "May 5" is too often the verb: require a month that is not "May" to be unambiguous, or a capital M.
      if (r && isCapitalized(m[24])) {
        const iso = partialIso(monthNumber(m[24]), +m[25], r);
        if (iso) found = { start, end, iso, precision: 'day', form: 'partial' };
      }
    } else if (m[26] !== undefined) {
      if (r && !r.coarse) {
        // "last"/"next"/"this" before a weekday changes which one is meant; it is read from the text before.
        const modifier = /\b(last|next|this)\s+$/i.exec(s.slice(Math.max(0, start - 6), start));
        const iso = relativeIso(modifier ? `${modifier[1]} ${m[26]}` : m[26], r);
        if (iso) found = { start, end, iso, precision: 'day', form: 'relative' };
      }
    } else if (m[27] !== undefined) {
      const yearStart = end - 4;
      found = { start: yearStart, end, iso: m[27], precision: 'year', form: 'year' };
    }
    if (found) out.push(found);
    // A rejected match ("31 February 2016") may hide a valid shorter one starting inside it ("February 2016").
    else re.lastIndex = start + 1;
  }
  return out;
}

/** Explicit dates in `s`, and relative ones ("on Sunday", "yesterday", "on 14 December") resolved against `ref`. */
export function readDates(
  s: string,
  ref?: { iso: string } | null,
): { start: number; end: number; iso: string; precision: 'day' | 'month' | 'year' }[] {
  return readDatesDetailed(s, ref).map(({ start, end, iso, precision }) => ({ start, end, iso, precision }));
}

/**
 * A date value from front matter: ISO ("2017-04-05", "2017-04-05T10:00:00Z", "2017-04"), a Date object, or
 * any written form readDates understands.
 */
export function parseDateValue(value: unknown): { iso: string; precision: 'day' | 'month' } | null {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return null;
    return { iso: value.toISOString().slice(0, 10), precision: 'day' };
  }
  if (typeof value === 'number' && value >= 1900 && value <= 2099) return null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = /^((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const iso = dayIso(+m[1], +m[2], +m[3]);
    return iso ? { iso, precision: 'day' } : null;
  }
  m = /^((?:19|20)\d\d)-(\d{1,2})$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { iso: `${m[1]}-${pad(+m[2])}`, precision: 'month' };
  const found = readDatesDetailed(s.slice(0, 200)).find((d) => d.precision !== 'year');
  if (!found || found.precision === 'year') return null;
  return { iso: found.iso, precision: found.precision };
}
