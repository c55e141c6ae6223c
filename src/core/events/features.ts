// What one passage says that can tie it to the same event elsewhere: content terms (with names replaced by
// entity ids so spellings do not matter), the names themselves, figures and death tolls, and quotations.

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
 * Words, lowercased, apostrophes dropped (the FA-KES texts lost theirs: "Syrias"), common suffixes stripped
 * and the stem cut to 7 letters, so "intervened"/"intervention" and "killed"/"killing" meet.
 */
export function normWord(w: string): string {
  let t = w.toLowerCase().replace(/['’‘`]/g, '');
  if (t.length > 5) t = t.replace(/(?:ations?|itions?|tions?|ments?|ings?|ness|ed|es|ly)$/, '');
  if (t.length > 4 && t.endsWith('ies')) t = t.slice(0, -3) + 'y';
  else if (t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  return t.length > 7 ? t.slice(0, 7) : t;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

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
      if (t.length < 2 || STOP.has(t) || /^\d+$/.test(t)) continue;
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

const CAP_RUN_RE =
  /\b(?:[A-Z][\p{L}’'-]*|al|el|bin|ibn|de)(?:\s+(?:[A-Z][\p{L}’'-]*|al-[\p{L}]+|al|el|bin|ibn|of|de))*\b/gu;

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
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const CASUALTY_AFTER =
  /^(?:\s+(?:[\p{L}-]+\s+){0,3}?)(?:people|persons|civilians|children|women|men|soldiers|troops|fighters|militants|terrorists|rebels|jihadists|members|victims|killed|dead|died|deaths|wounded|injured|casualties|bodies|lives|refugees)\b/iu;
const CASUALTY_BEFORE =
  /(?:killing|killed|kills|toll|dead|deaths|wounding|wounded|injuring|injured)\s+(?:\w+\s+){0,3}$/i;
const MONTH_NEAR =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^\d{4}$/i;

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

export function readFigures(text: string, start: number, end: number): Figures {
  const seg = text.slice(start, end);
  const tolls = new Set<number>();
  const numbers = new Set<number>();
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUM_RE.exec(seg))) {
    const raw = m[1];
    let value: number;
    let isWord = false;
    if (/^\d/.test(raw)) value = Number(raw.replace(/,/g, ''));
    else {
      const w = NUMBER_WORDS[raw.toLowerCase()];
      if (w === undefined) continue;
      value = w;
      isWord = true;
    }
    if (!Number.isFinite(value) || value < 2) continue;
    const after = seg.slice(m.index + raw.length, m.index + raw.length + 60);
    const before = seg.slice(Math.max(0, m.index - 50), m.index);
    const nextWord = /^\s*([\p{L}\p{N}]+)/u.exec(after)?.[1] ?? '';
    const prevWord = /([\p{L}\p{N}]+)\s*$/u.exec(before)?.[1] ?? '';
    if (!isWord && value <= 31 && (MONTH_NEAR.test(nextWord) || MONTH_NEAR.test(prevWord))) continue; // a date
    if (after.startsWith('%') || /^\s*(?:percent|per cent)/i.test(after)) continue;
    const yearLike = !isWord && value >= 1940 && value <= 2040 && !raw.includes(',');
    if (yearLike && (MONTH_NEAR.test(prevWord) || !/^\s+(?:people|civilians|persons|dead|killed)\b/i.test(after))) continue; // a year
    const casualty = CASUALTY_AFTER.test(after) || CASUALTY_BEFORE.test(before);
    if (casualty) tolls.add(value);
    else if (!isWord && value >= 3) numbers.add(value);
  }
  return { tolls: [...tolls], numbers: [...numbers] };
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

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
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
    const words = (q.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map((w) =>
      w.toLowerCase().replace(/['’‘`]/g, ''),
    );
    if (words.length < SHINGLE) continue;
    const shingles: number[] = [];
    for (let i = 0; i + SHINGLE <= words.length; i++) {
      const gram = words.slice(i, i + SHINGLE);
      // A shingle of only stop words ("it is in the") says nothing about the quote.
      if (gram.every((w) => STOP.has(w))) continue;
      shingles.push(fnv(gram.join(' ')));
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
