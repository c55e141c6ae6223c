// What a token's characters alone decide (its name part, capitals, possessive, word classes), computed once per
// distinct token text.
import {
  ARTICLE_OPENS,
  CAPS_NOT_ACRONYM,
  DAYS,
  DEMONYMS,
  GROUP_HEADS,
  KEY_ARTICLES,
  MONTHS,
  PARTICLES,
  PLACE_HEADS,
  STOPWORDS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from '../lexicon';
import { C_LETTER, C_WIDE, cpClass, HAS_LOWER, isCapWord, isLetterCode, isLowerCode, LOWER, startsWithDigit, UPPER } from './chars';
import { RangeMap } from './strings';

/** Lower-case particles that may stand as separate words inside a name (English look-alikes such as "as", "at" excluded). */
export const JOIN_PARTICLES = new Set('al el ez az ash bin ibn bint de del della di da dos das du van von der den ul ud'.split(' '));

/** Months and days, and days in the plural ("Fridays"). */
const CALENDAR = new Set([...MONTHS, ...DAYS, ...[...DAYS].map((d) => `${d}s`)]);

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

/**
 * A hyphenated word with a demonym among its parts ("Syrian-Iranian", "pro-Russian"); not after an Arabic article
 * ("al-Meridian"). A last part in "-ic" that is no listed adjective, after a capitalised part, is a Slavic surname
 * in a double-barrelled name ("Whitfield-Miocic"), not an adjective ("Arabic", "Islamic" are listed).
 */
function isDemonymCompound(word: string): boolean {
  const parts = word.split('-');
  return parts.some(
    (x, i) =>
      isDemonym(x) &&
      !(i > 0 && /^(?:al|el)$/i.test(parts[i - 1]!)) &&
      !(i > 0 && i === parts.length - 1 && /ic$/i.test(x) && !DEMONYMS.has(x.toLowerCase()) && /^\p{Lu}/u.test(parts[i - 1]!)),
  );
}

/**
 * isDemonym of a word already in lower case. English "-ish" nationality adjectives are a closed set, listed
 * ("Kurdish", "Turkish", "Swedish"); any other word in "-ish" is a name's transliteration ("Binnish", "Asayish",
 * "Jaish").
 */
function isDemonymLower(w: string): boolean {
  if (DEMONYMS.has(w)) return true;
  // Two glued where a text lost its hyphen: "ArabKurdish".
  if (w.endsWith('ish') && ISH_DEMONYMS.some((d) => w.length > d.length && w.endsWith(d))) return true;
  return isDemonymBySuffix(w);
}

const ISH_DEMONYMS = [...DEMONYMS].filter((d) => d.endsWith('ish'));

/**
 * A word the lexicon does not list, read as a demonym or adjective by its ending ("Iranian", "Lebanese", "Islamist").
 * Not a word after an Arabic article ("al-Meridian", "al-Iraqi": Arabic names), nor a long one in -vic, a Slavic
 * surname's ending ("Milosevic", "Djokovic"; "civic" is short).
 */
function isDemonymBySuffix(w: string): boolean {
  return (
    w.length > 4 &&
    !ARTICLE_OPENS.test(w) &&
    !(w.length >= 7 && w.endsWith('vic')) &&
    (w.endsWith('ian') || w.endsWith('ean') || w.endsWith('ese') || w.endsWith('ic') || w.endsWith('ist'))
  );
}

/** Everything about a token that its characters alone decide. */
export interface TokenInfo {
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
  /** Words of nameKey(text) other than Arabic articles, filled on first need (see contentWords in rules/headingNames.ts). */
  keyWords?: string[];
}

export const T_CALENDAR = 1;
export const T_STOP = 2;
/** `text` opens with a capital (\p{Lu}). */
export const T_UPPER = 4;
export const T_DEMONYM = 8;
export const T_TITLE_HEAD = 16;
export const T_TITLE_MOD = 32;
export const T_GROUP_HEAD = 64;
export const T_PLACE_HEAD = 128;
export const T_KEY_ARTICLE = 256;
export const T_CAPS_NOT_ACRONYM = 512;

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

export const tokenInfos = new RangeMap<TokenInfo>(tokenInfo, 200_000);

export function tokenInfo(raw: string): TokenInfo {
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
    cap: t.length > 0 && isCapToken(t) && !startsWithDigit(t) && !(t.includes('-') && isDemonymCompound(t)),
    caps: isAllCaps(t),
    stop,
    sPoss,
    lowerRuns: runs,
  };
}
