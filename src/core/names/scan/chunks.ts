// Runs of capitalised tokens cut into name candidates: titles, sentence-opening ordinary words and adjectives
// stripped.
import {
  CONNECTORS,
  COUNTRIES,
  GROUP_HEADS,
  isNationalityWord,
  KEY_ARTICLES,
  NEXT_GROUP,
  REGION_CONNECTOR,
  STOPWORDS,
  TITLE_HEADS,
} from '../lexicon';
import { datelineShapedAt } from './datelineShapes';
import { LowerWords } from './lowerWords';
import {
  JOIN_PARTICLES,
  T_CALENDAR,
  T_CAPS_NOT_ACRONYM,
  T_DEMONYM,
  T_GROUP_HEAD,
  T_KEY_ARTICLE,
  T_PLACE_HEAD,
  T_STOP,
  T_TITLE_HEAD,
  T_TITLE_MOD,
  T_UPPER,
} from './tokenInfo';
import { isJoinGap, opensNickname, type SegToken } from './tokenize';

export interface Chunk {
  toks: SegToken[];
  /** Role phrase stripped from the front ("Russian Deputy Foreign Minister"). */
  title?: { text: string; start: number; end: number };
}

/** A run of tokens longer than this is a glued list or a title-cased line, not one name: it is cut here. */
const MAX_CHUNK_TOKENS = 24;

/** Letters from which a word in capitals may be shouting rather than an acronym ("URGENT"; "SANA" is short). */
export const SHOUTING_LETTERS = 5;

/** Name chunks of one segment's tokens. */
export function chunkTokens(toks: SegToken[], text: string, lowerWords: LowerWords): Chunk[] {
  const joinGap = (t: SegToken): boolean => isJoinGap(text, t.gapStart, t.gapEnd);
  // All-capitals runs of long words are headlines or shouting, not names ("THE SIEGE", "URGENT"). A long capitals
  // word alone that the article never writes in lower case, and not where a dateline stands, is an acronym ("UNICEF
  // said", "CENTCOM"): a name; an ordinary word there ("PEOPLE") the resolution drops. Datelines ("MOSCOW
  // (Sputnik)") are the datelines rule's: a place there only if the corpus names it.
  let shouting: boolean[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.caps) continue;
    shouting ??= new Array<boolean>(toks.length).fill(false);
    const letters = t.info.letters;
    let g = t.gapEnd;
    while (g > t.gapStart && /\s/.test(text[g - 1])) g--;
    const inParens = g > t.gapStart && text.charCodeAt(g - 1) === 40 && /^\s*\)/.test(text.slice(t.end, t.end + 2));
    const before = capsNeighbour(toks, i, i - 1, text);
    const after = capsNeighbour(toks, i, i + 1, text);
    if (
      letters >= SHOUTING_LETTERS &&
      !inParens &&
      !t.text.includes('.') &&
      (before || after || lowerWords.has(t.lower) || datelineShapedAt(text, t.start, t.end))
    ) {
      shouting[i] = true;
    }
    if ((before || after) && (letters >= 4 || (before && toks[i - 1].text.length >= 4) || (after && toks[i + 1].text.length >= 4))) {
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
      const also: SegToken[][] = [];
      const c = finishChunk(cur, text, lowerWords, also);
      if (c) chunks.push(c);
      for (const more of also) {
        const m = finishChunk(more, text, lowerWords, []);
        if (m) chunks.push(m);
      }
      cur.length = 0;
    }
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const surname = cur.length > 0 ? nicknameThenSurname(cur, toks, i, text) : -1;
    if (surname >= 0) {
      for (let k = i; k <= surname; k++) cur.push(toks[k]);
      i = surname;
      flush();
      continue;
    }
    const joinable = cur.length > 0 && cur.length < MAX_CHUNK_TOKENS && (joinGap(t) || afterMiddleInitial(cur, toks, i, text));
    if (!joinable) flush();
    if (!t.cap) {
      const take = t.text === 'and' && joinable ? andInName(cur, toks, i, joinGap, text) : 0;
      if (take) {
        for (let k = 0; k < take; k++) cur.push(toks[i + k]);
        i += take - 1;
        continue;
      }
      if (
        cur.length > 0 &&
        (JOIN_PARTICLES.has(t.text) ||
          (CONNECTORS.has(t.text) && connectorAllowed(cur, t.text)) ||
          (t.text === REGION_CONNECTOR && inTwoRegions(cur, toks, i, joinGap, text))) &&
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
      (!t.caps && f & T_STOP && (t.si || f & T_UPPER) && !newOpensName(toks, i)) ||
      t.text.length === 0;
    // A single capital letter is a name's word only as a middle initial, followed by a dot ("George W. Bush").
    const letter = t.text.length === 1 && !t.caps;
    if (!excluded && (!letter || (i + 1 < toks.length && joinable && afterMiddleInitial(cur.concat(t), toks, i + 1, text)))) {
      cur.push(t);
    } else {
      flush();
    }
    if (t.stop) flush();
  }
  flush();
  return chunks;
}

/** Whether token j, next to token i in capitals, is in capitals too and only a space or two apart from it. */
function capsNeighbour(toks: SegToken[], i: number, j: number, text: string): boolean {
  if (j < 0 || j >= toks.length || !toks[j].caps) return false;
  const later = toks[j > i ? j : i];
  return isJoinGap(text, later.gapStart, later.gapEnd);
}

/**
 * Whether token i is a capitalised "New" that opens the name after it ("in New York", "the New Aleppo neighbourhood"):
 * inside a sentence before any capitalised word; opening one, before a capitalised word that is no demonym and no
 * acronym ("New York police said", not "New Russian strikes", "New US sanctions").
 */
function newOpensName(toks: readonly SegToken[], i: number): boolean {
  const next = toks[i + 1];
  if (toks[i]!.lower !== 'new' || !next?.cap) return false;
  return !toks[i]!.si || (!next.caps && !(next.info.flags & T_DEMONYM));
}

/**
 * Whether token i goes on after a middle initial and its full stop: "George W. Bush", "Jack B. Weinstein". The
 * stop closes no sentence there: a given name stands before the initial and a capitalised word follows it.
 */
function afterMiddleInitial(cur: SegToken[], toks: SegToken[], i: number, text: string): boolean {
  const initial = toks[i - 1];
  const t = toks[i];
  if (cur.length < 2 || cur[cur.length - 1] !== initial || !t.cap || t.caps) return false;
  const c = initial.text.charCodeAt(0);
  if (initial.text.length !== 1 || c < 65 || c > 90 || cur[cur.length - 2].text.length < 2) return false;
  return text.charCodeAt(t.gapStart) === 46 && isJoinGap(text, t.gapStart + 1, t.gapEnd);
}

const CLOSES_NICKNAME = /^["”'’)] {1,2}$/;

/**
 * A nickname in quotes or brackets between a given name and a surname ('Vincent "The Chin" Gigante', "Luis
 * Gerardo (Jerry) Ortiz"): the index of the surname when token i opens such a nickname after the given names in
 * `cur`, else -1. The name is read whole, nickname included, so that it is one person's full name.
 */
function nicknameThenSurname(cur: SegToken[], toks: SegToken[], i: number, text: string): number {
  const t = toks[i];
  if (cur.length > 3 || !opensNickname(text, t.gapStart, t.gapEnd)) return -1;
  if (cur.some((x) => !x.cap || x.caps || x.info.flags & (T_GROUP_HEAD | T_PLACE_HEAD))) return -1;
  for (let j = i; j < i + 3 && j + 1 < toks.length; j++) {
    const w = toks[j];
    if (!w.cap || w.caps || (j > i && !isJoinGap(text, w.gapStart, w.gapEnd))) return -1;
    const next = toks[j + 1];
    const gap = text.slice(next.gapStart, next.gapEnd);
    // The closing single quote may sit inside the token, or right after it outside the gap (the tokenizer sets a
    // trailing apostrophe aside as a possible possessive: "'Chin' Gigante").
    const after = next.gapStart === w.end + 1 ? text.charCodeAt(w.end) : 0;
    const closedInside =
      /['’]$/.test(w.text) ||
      text.charCodeAt(w.end - 1) === 39 ||
      text.charCodeAt(w.end - 1) === 0x2019 ||
      after === 39 ||
      after === 0x2019;
    if (CLOSES_NICKNAME.test(gap) || (closedInside && isJoinGap(text, next.gapStart, next.gapEnd))) {
      if (!next.cap || next.caps || next.info.flags & (T_GROUP_HEAD | T_PLACE_HEAD)) return -1;
      // A full name after the quotes ("Watergate 'Bagman' Fred LaRue") is a name of its own behind a label.
      const then = toks[j + 2];
      if (then && then.cap && isJoinGap(text, then.gapStart, then.gapEnd)) return -1;
      return j + 1;
    }
  }
  return -1;
}

/**
 * How many tokens from i ("and", or "and the") go on inside an organisation named after two countries or a
 * country and a region: "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria" (or "in Iraq").
 * Only after "<head> of <country>" (or "in") and before one last word (a country, an "al-" name, a word after "the",
 * or a word the name visibly closes on: a closing quote or bracket, or an organisation noun after it, as in
 * '"Islamic State in Iraq and Levant"' and "the Islamic State in Iraq and Levant organization"); 0 otherwise, so
 * that "and" keeps two names apart everywhere else.
 */
function andInName(cur: SegToken[], toks: SegToken[], i: number, joinGap: (t: SegToken) => boolean, text: string): number {
  const n = cur.length;
  if (
    n < 3 ||
    (cur[n - 2].lower !== 'of' && cur[n - 2].lower !== 'in') ||
    !(cur[n - 3].info.flags & T_GROUP_HEAD) ||
    !COUNTRIES.has(cur[n - 1].lower)
  )
    return 0;
  let j = i + 1;
  const the = j < toks.length && toks[j].text === 'the' && joinGap(toks[j]);
  if (the) j++;
  const w = toks[j];
  if (!w || !w.cap || w.caps || !joinGap(w)) return 0;
  if (j + 1 < toks.length && toks[j + 1].cap && joinGap(toks[j + 1])) return 0;
  if (!the && !COUNTRIES.has(w.lower) && !(w.info.flags & T_KEY_ARTICLE) && !/^(?:al|el)-/.test(w.lower) && !nameClosesAt(text, w.end))
    return 0;
  return j - i;
}

/** Whether a name visibly ends at `end`: a closing quote or bracket, or an organisation noun ("organization") after it. */
function nameClosesAt(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return /^["”’')]/.test(after) || NEXT_GROUP.has(/^ (\p{Ll}+)/u.exec(after)?.[1] ?? '');
}

/**
 * Whether "in" (token i) goes on inside an organisation named after the two regions it is in: "Islamic State in
 * Iraq and the Levant". Elsewhere "in" after a name says where it is ("the Syrian Army in Aleppo"), so it joins only
 * between an organisation's head and a country that "and" and a last region follow, as `andInName` takes them.
 */
function inTwoRegions(cur: SegToken[], toks: SegToken[], i: number, joinGap: (t: SegToken) => boolean, text: string): boolean {
  const country = toks[i + 1];
  const and = toks[i + 2];
  if (!(cur[cur.length - 1].info.flags & T_GROUP_HEAD) || !country || !and) return false;
  if (!country.cap || !COUNTRIES.has(country.lower) || !joinGap(country) || and.text !== 'and' || !joinGap(and)) return false;
  return andInName([...cur, toks[i], country], toks, i + 2, joinGap, text) > 0;
}

/** Heads of place names that go on with "of" (directions such as "north of" do not). */
const FEATURE_OF = new Set('gulf sea strait bay lake cape isle isles island islands mount port straits'.split(' '));

function connectorAllowed(cur: SegToken[], word: string): boolean {
  const last = cur[cur.length - 1].lower;
  if (word === 'the') return last === 'of' || last === 'for';
  if (word === 'and') return false;
  // Natural features named "X of Y": "Gulf of Aden", "Strait of Hormuz", "Sea of Galilee".
  if (word === 'of' && FEATURE_OF.has(last)) return true;
  if (word === 'of' && insideOrganisation(cur)) return true;
  return GROUP_HEADS.has(last) || TITLE_HEADS.has(last) || last === 'rights' || last === 'republic';
}

/**
 * An organisation's name opened by its head noun and "for" goes on through an "of" after it: "Organisation for the
 * Prohibition of Chemical Weapons", "Office for the Coordination of Humanitarian Affairs" (they were cut before
 * "of", leaving "Organisation for the Prohibition").
 */
function insideOrganisation(cur: SegToken[]): boolean {
  for (let k = 0; k + 2 < cur.length; k++) if (cur[k].info.flags & T_GROUP_HEAD && cur[k + 1].lower === 'for') return true;
  return false;
}

/** A word, a hyphen and a lower-case word after it. */
const DASHED_WORD = /^(.*\p{L})-(\p{Ll}+)$/u;

/** Words no person's name is made of: nationalities, the head nouns of groups and places, stop words. */
const NOT_A_PERSONS_WORD = T_DEMONYM | T_GROUP_HEAD | T_PLACE_HEAD | T_STOP;

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

/** "AM" and "PM", as tokens read them (the dotted forms keep their letters only). */
const MERIDIEM = new Set(['am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.']);

/**
 * Whether a chunk is only the words of the clock time before it: "AM"/"PM" after an hour, a time zone (a capitals
 * word of up to five letters) after a time with its minutes or its "am"/"pm" or "hrs" ("9:00 PM PDT", "1 p.m. PDT",
 * "11am IST", "1100 hrs IST"). After four digits alone, as often a year ("in 2014 ISIS …"), only a zone's usual shape
 * counts ("1900 GMT"). A chunk that goes on ("2016 (TRT World") is a name.
 */
function isClockWords(text: string, t: SegToken[]): boolean {
  if (t.length > 2) return false;
  let i = t[0].start;
  let bracket = false;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 40)) {
    i--;
    if (text.charCodeAt(i) === 40) bracket = true;
  }
  if (i === t[0].start || i === 0) return false;
  const c = text.charCodeAt(i - 1) | 32;
  // Cheap test first: a digit, or the last letter of "am", "pm", "hrs", "h", or a dot of "p.m.".
  if (!((c >= 48 && c <= 57) || c === 109 || c === 115 || c === 104 || c === 46)) return false;
  const before = text.slice(Math.max(0, i - 12), i);
  const zone = (tok: SegToken | undefined): boolean => !!tok && tok.caps && tok.info.letters <= 5;
  // A zone's usual shape ("GMT", "UTC"): what a capitals word in brackets after a time must have, to be told from an
  // agency's credit ("02:00 pm (CNA)").
  const zoneShaped = t[0].lower.endsWith('t') || t[0].lower === 'utc';
  const zoneOnly = t.length === 1 && zone(t[0]) && (zoneShaped || !bracket);
  if (/\d[:.]\s?\d{2}$|\d\s?[ap]\.?\s?m\.?$|\d\s?hrs?\.?$/i.test(before))
    return zoneOnly || (MERIDIEM.has(t[0].lower) && (t.length === 1 || zone(t[1])));
  if (/(?:^|[^\d])\d{1,2}$/.test(before)) return MERIDIEM.has(t[0].lower) && (t.length === 1 || zone(t[1]));
  return /(?:^|[^\d])\d{4}$/.test(before) && zoneOnly && zoneShaped;
}

/**
 * Strip titles, stop words and adjectives; decide whether what is left is a mention. A run holding two names (a
 * person and the organisation of the role glued after it) leaves the second in `also`, to be finished in turn.
 */
function finishChunk(toks: SegToken[], text: string, lowerWords: LowerWords, also: SegToken[][]): Chunk | null {
  let t = toks.slice();
  // A clock time's "AM"/"PM" and time zone ("9:00 PM PDT", "8 AM", "1900 GMT") are no name.
  if (isClockWords(text, t)) return null;
  const si0 = t[0].si;
  // Ordinary words opening a sentence: "Offensive operations …", "Refugees from …".
  while (t.length && t[0].si && !t[0].caps) {
    const w = t[0].lower;
    // A gerund opening a sentence is no given name ("Choosing DeGeneres, known for…"), short ones aside ("Irving").
    const gerund = w.length >= 7 && w.endsWith('ing') && !ING_NAMES.has(w);
    if (newOpensName(t, 0)) break;
    if (
      t[0].info.flags & T_STOP ||
      lowerWords.has(w) ||
      w.endsWith('ly') ||
      gerund ||
      (t.length === 1 && ((w.endsWith('ing') && !ING_NAMES.has(w)) || w.endsWith('ed')))
    ) {
      t.shift();
      if (t.length) t[0] = { ...t[0], si: true };
    } else break;
  }
  // Leading stop words anywhere ("The Guardian" → "Guardian"), but not the "New" of a name.
  while (t.length && (!t[0].caps || CAPS_STOP.has(t[0].lower)) && t[0].info.flags & T_STOP && !newOpensName(t, 0)) t.shift();
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
        // A nationality (or a country's initials) opens the role it qualifies: what stands before it was glued on
        // where a text lost its punctuation ("… talks in Geneva US Secretary of State John Kerry", "Top Tweet Iranian
        // Foreign Minister"). Office words before a role stay ("Senate Majority Leader", "Homs Governor").
        let from = 0;
        while (from < cut - 1 && !(t[from].caps || isNationalityWord(t[from].text))) from++;
        if (from === cut - 1) from = 0;
        title = { text: text.slice(t[from].start, t[cut - 1].end), start: t[from].start, end: t[cut - 1].end };
      }
      // A name, then its role of an organisation, where a text lost the comma between them: "Peter Salama Executive
      // Director of the WHO Health Emergencies Programme said". The role is the name's title. Only "of the …": a
      // named chair is no person ("Doris Duke Professor of Conservation Ecology").
      const roleOfThe = t[cut - 1].lower === 'of' && rest[0].lower === 'the';
      const first = roleOfThe ? t.findIndex((x) => x.info.flags & (T_TITLE_HEAD | T_TITLE_MOD)) : -1;
      if (first >= 2 && t.slice(0, first).every((x) => x.cap && !x.caps && !(x.info.flags & NOT_A_PERSONS_WORD))) {
        title = { text: text.slice(t[first].start, t[t.length - 1].end), start: t[first].start, end: t[t.length - 1].end };
        // The organisation of the role is a name of its own too ("WHO Health Emergencies Programme").
        const opens = rest.findIndex((x) => x.cap);
        if (opens >= 0) also.push(rest.slice(opens));
        t = t.slice(0, first);
      } else {
        t = rest;
        // Connectors or particles left at the front belong to no one.
        while (t.length && !t[0].cap) t.shift();
        if (!t.length) return null;
      }
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
  // A hyphen before a function word is a dash the text lost its spaces around: "Zurana Horton-who was a mother",
  // "Springfield-the same facility". The name ends at it.
  const last = t[t.length - 1];
  const dash = last.text.includes('-') ? DASHED_WORD.exec(last.text) : null;
  if (dash && STOPWORDS.has(dash[2]!) && !KEY_ARTICLES.has(dash[2]!)) {
    const text0 = dash[1]!;
    t = t.slice(0, -1);
    t.push({ ...last, text: text0, lower: text0.toLowerCase(), end: last.start + text0.length, stop: true });
  }
  void si0;
  return { toks: t, title };
}
