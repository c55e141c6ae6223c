// Comparison keys for names. Three levels, each coarser than the last:
//   nameKey   — case, diacritics, apostrophes, hyphens and Arabic articles ("al-", "el-", "ez-") folded:
//               "Bashar al-Assad", "Bashar Al-Assad", "Bashar Assad" → "bashar assad"; in a name of several words,
//               British spellings of common English words as American ("Media Centre" → "media center").
//   lightWord — a transliteration-aware spelling of one key word (kh/h, g/j, q/k, ou/u, doubled letters):
//               "Golani"/"Jolani" → "jolani", "Raqqa"/"Raqa" → "raka".
//   skeleton  — consonants only, used to bucket candidate variants without comparing all pairs.
import { isSpaceCode } from '../kit/chars';
import { BRITISH_SPELLINGS, KEY_ARTICLES, PLACE_OPENERS } from './lexicon';

const APOSTROPHES = /['’‘ʼʻ`´]/g;

/** Lower-case, diacritics removed, apostrophes dropped, every other non-letter/digit a space. */
export function foldName(s: string): string {
  const ascii = foldAscii(s);
  if (ascii !== null) return ascii;
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/\.(?=\S)/g, '') // "U.N." → "un"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * foldName for plain ASCII (nearly every name in English news) without normalisation or regular expressions;
 * null when the string has other characters. Same result as the general path.
 */
function foldAscii(s: string): string | null {
  let out = '';
  let pendingSpace = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c > 127) return null;
    if (c === 39 || c === 96) continue; // apostrophes are dropped, not spaces
    if (c === 46 && i + 1 < n && !isSpaceCode(s.charCodeAt(i + 1))) continue; // "U.N." → "un"
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += String.fromCharCode(c);
    } else pendingSpace = true;
  }
  return out;
}

/** Words of a name key: folded, with Arabic articles dropped unless nothing else is left. */
export function keyWords(s: string): string[] {
  const words = foldName(s).split(' ').filter(Boolean);
  const kept = words.filter((w) => !KEY_ARTICLES.has(w));
  return kept.length > 0 ? kept : words;
}

/** The exact-comparison key of a name; idempotent (nameKey(nameKey(x)) === nameKey(x)). */
export function nameKey(s: string): string {
  const hit = keyMemo.get(s);
  if (hit !== undefined) return hit;
  const words = keyWords(s);
  // Inside a name of several words, a British spelling of a common English word is keyed as the American one
  // ("Media Centre"/"Media Center", "Kodak Theatre"/"Theater"): one name in two house styles. "Defence" is not in the
  // list: the transliteration folding already joins it to "Defense".
  const k = (words.length > 1 ? words.map((w) => BRITISH_SPELLINGS.get(w) ?? w) : words).join(' ');
  // Extraction and resolution ask for the same few thousand surfaces over and over; long strings are rare.
  if (s.length <= 200) {
    if (keyMemo.size >= 50_000) keyMemo.clear();
    keyMemo.set(s, k);
  }
  return k;
}

const keyMemo = new Map<string, string>();

const VOWELS = /[aeiouy]/;

/** Memo for lightWord: resolution asks for the same few thousand words many times. */
const lightMemo = new Map<string, string>();

/** Transliteration-folded spelling of one key word. */
export function lightWord(w: string): string {
  const hit = lightMemo.get(w);
  if (hit !== undefined) return hit;
  if (lightMemo.size > 100_000) lightMemo.clear();
  const s = lightWordUncached(w);
  lightMemo.set(w, s);
  return s;
}

function lightWordUncached(w: string): string {
  let s = w
    // "Abd al-" compounds: Abdul, Abdel, Abdal, Abdol.
    .replace(/^abd[aeiou]l/, 'abdl')
    // Sun-letter assimilation of the article: "Abdurrahman", "Abdussalam" are "Abd al-Rahman", "Abd al-Salam".
    .replace(/^abd[aeiou]([rsdtnz])\1/, 'abdl$1')
    // "Albu", "Abou", "Bou": the particle "Abu" as tribes, French and Kurdish spellings write it.
    .replace(/^(?:albu|abou|bou)$/, 'abu')
    // A soft c is an s: "Defence"/"Defense".
    .replace(/c(?=[eiy])/g, 's')
    // French "ch" is English "sh" ("Cheikh"/"Sheikh", "Chaddadi"/"Shaddadi"); Kurdish Latin "x" opening a word is "kh"
    // ("Xelil"/"Khalil").
    .replace(/ch/g, 'sh')
    .replace(/^x/, 'kh')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dj/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/g/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/y/g, 'i')
    .replace(/w/g, 'u')
    // A final -eh/-ah (Arabic tā marbūṭa) is often written -e/-a: "Hasakeh"/"Hasaka", "Hamah"/"Hama".
    .replace(/([aeiou])h$/, '$1');
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

/**
 * `compute(s)` remembered per string: the resolution rules ask for the same few thousand keys' folded spellings and
 * skeletons over and over (each costs splitting, several regular expressions and joining). Cleared when it grows past
 * `limit`, so memory stays bounded on any corpus.
 */
function memoized(compute: (s: string) => string, limit = 100_000): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    if (memo.size >= limit) memo.clear();
    const v = compute(s);
    memo.set(s, v);
    return v;
  };
}

/** Consonant skeleton of a light word: "jolani" → "jln". */
export const skeletonWord = memoized((light) => light.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1'));

export const lightKey = memoized((key) => key.split(' ').map(lightWord).join(' '));

export const skeletonKey = memoized((key) =>
  key
    .split(' ')
    .map((w, i) => skeletonWord(lightWord(i > 0 ? (FUSED_ARTICLE.exec(w)?.[1] ?? w) : w)))
    .join(' '),
);

/**
 * A name's spelling with its word breaks removed, transliteration-folded: "Abdel Rahman", "Abdulrahman" and
 * "Abdurrahman" give one; "Nour al-Din" and "Noureddin" give near ones (see `joinedCompatible`).
 */
export const joinedLightKey = memoized((key) =>
  key
    .split(' ')
    .map((w, i) => lightWord(i > 0 ? (FUSED_ARTICLE.exec(w)?.[1] ?? w) : w))
    .join('')
    // "Abu" joined to the next word loses its vowel as often as not: "Abukamal", "Boukamal".
    .replace(/^abu(?=[^aeiou])/, 'bu'),
);

/**
 * Whether two keys with different word breaks spell one name: the same joined spelling, or (for long names)
 * the same joined consonants with the same first letter and at most one letter more.
 */
export function joinedCompatible(a: string, b: string): { ok: boolean; exact: boolean; near: boolean } {
  const ja = joinedLightKey(a);
  const jb = joinedLightKey(b);
  if (ja === jb) return { ok: true, exact: true, near: false };
  if (
    ja[0] === jb[0] &&
    Math.min(ja.length, jb.length) >= 7 &&
    Math.abs(ja.length - jb.length) <= 1 &&
    skeletonWord(ja) === skeletonWord(jb)
  ) {
    return { ok: true, exact: false, near: true };
  }
  return { ok: false, exact: false, near: false };
}

export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

const isVowel = (c: string): boolean => VOWELS.test(c);

/**
 * Whether two key words can be spellings of the same word. Transliteration changes vowels and doubles letters;
 * it rarely adds a final vowel ("Golan" vs "Golani" are different words) or changes the first consonant
 * beyond kh/h, g/j/q. An assimilated article fused to the word ("Ezzor" for "ez-Zor") is also accepted.
 */
/** Vowels that transliterations swap: a/e ("Mohammad"/"Mohammed") in one view, e/i ("Idlib"/"Idleb") in the other. */
const vowelView1 = (x: string): string =>
  x
    .replace(/[ae]/g, 'a')
    .replace(/[iy]/g, 'i')
    .replace(/[ou]/g, 'o')
    .replace(/(.)\1+/g, '$1');
const vowelView2 = (x: string): string =>
  x
    .replace(/[ei]/g, 'i')
    .replace(/[ou]/g, 'o')
    .replace(/(.)\1+/g, '$1');
/** Consonants one transliteration may render differently ("Hmeimim"/"Hmeimin", Persian "Alishvandi"/"Alishbandi"). */
const NEAR_CONSONANTS = new Set(['mn', 'nm', 'dt', 'td', 'sz', 'zs', 'bp', 'pb', 'fv', 'vf', 'bv', 'vb']);

export function wordsCompatible(
  a: string,
  b: string,
  allowAssimilated = true,
  inName = false,
  firstWord = true,
): { ok: boolean; exact: boolean; near: boolean } {
  const no = { ok: false, exact: false, near: false };
  if (a === b) return { ok: true, exact: true, near: false };
  const la = lightWord(a);
  const lb = lightWord(b);
  if (la === lb) return { ok: true, exact: true, near: false };
  const assimilated = (x: string, y: string): boolean =>
    x.length >= 4 && isVowel(x[0]) && x[1] === x[2] && !isVowel(x[1]) && x.slice(2) === y;
  if (allowAssimilated && (assimilated(a, b) || assimilated(b, a) || assimilated(la, lb) || assimilated(lb, la))) {
    return { ok: true, exact: false, near: false };
  }
  // An opening vowel dropped after the article (a glottal stop not written): "al-Ashrafiyeh"/"al-Shrafiyeh". Long
  // words only, and as written ("Assyrians" is not "Syrians", though they fold alike).
  if (Math.min(la.length, lb.length) >= 7 && (a === b.slice(1) || b === a.slice(1)) && isVowel((a.length > b.length ? a : b)[0])) {
    return { ok: true, exact: false, near: true };
  }
  const fa = la[0];
  const fb = lb[0];
  // An opening vowel varies in long words and inside names ("Urum"/"Orum al-Kubra").
  const firstOk = fa === fb || (((la.length > 4 && lb.length > 4) || inName) && isVowel(fa) && isVowel(fb));
  if (!firstOk) return no;
  // A later word of a place's name ending in -eh/-ah (Arabic tā marbūṭa) is as often written without it: "Khan
  // Arnabeh"/"Khan-Arnab". Written with the h only, so "Hama" does not lose its vowel.
  if (!firstWord && la.length >= 5 && (taMarbutaDropped(a, la, lb) || taMarbutaDropped(b, lb, la)))
    return { ok: true, exact: false, near: true };
  if (isVowel(la[la.length - 1]) !== isVowel(lb[lb.length - 1])) return no;
  const len = Math.max(la.length, lb.length);
  // Short words alone ("Read"/"Reid", "Hass"/"Hes") are too easy to confuse: only identical folded spellings. The
  // length counts as written: folding doubled letters and a final -eh makes "Mazzeh" as short as "Maze".
  if (Math.max(len, a.length, b.length) <= 4 && !inName) return no;
  // Long words, and words after the first of a name ("Jisr al-Shughour"/"al-Shaghour", "Bustan al-Qasr"/"al-Qaser",
  // "Hezbollah"/"Hizballah", "Hamdaniyeh"/"Hamadaniyeh"), keep their consonants while transliterations change
  // and insert vowels: the same skeleton is a near variant, which still needs an agreeing kind or context. Given
  // names (first words) keep the stricter rule below: "Bashar" is not "Bashir".
  // The same last letter too: "George" is not "Georgia".
  const sameEnd = la[la.length - 1] === lb[lb.length - 1];
  if (
    (len >= 7 || (!firstWord && len >= 4)) &&
    sameEnd &&
    Math.abs(la.length - lb.length) <= 1 &&
    skeletonWord(la) === skeletonWord(lb) &&
    // Inside a name the opening vowel of a long word varies too ("Jadid Ekeidat"/"Jadid Akidat"; "Omar" is not "Amer").
    (fa === fb || (!firstWord && len >= 6 && isVowel(fa) && isVowel(fb)))
  ) {
    return { ok: true, exact: false, near: true };
  }
  // Transliterations keep the syllables: "Homs" and "Hamas" share a skeleton but not a vowel count.
  const syllables = (x: string): number => (x.match(/[aeiou]+/g) ?? []).length;
  if (syllables(la) !== syllables(lb)) return no;
  if (skeletonWord(la) === skeletonWord(lb)) {
    // Vowels may only move between neighbours (a/e, e/i, o/u): "Bashar" and "Bashir" are different names.
    const ok = vowelView1(la) === vowelView1(lb) || vowelView2(la) === vowelView2(lb);
    return { ok, exact: false, near: false };
  }
  // One consonant apart ("Hmeimim"/"Hmeimin"): long words, same length, a look-alike consonant pair; the caller
  // must still find context.
  if (len >= 6 && la.length === lb.length) {
    let diff = -1;
    for (let i = 0; i < la.length; i++) {
      if (la[i] !== lb[i]) {
        if (diff >= 0) return no;
        diff = i;
      }
    }
    if (diff >= 0 && NEAR_CONSONANTS.has(la[diff] + lb[diff])) return { ok: true, exact: false, near: true };
  }
  return no;
}

/** Whether `written` ends in -eh/-ah and its folded form `light` is `other` with that ending dropped. */
function taMarbutaDropped(written: string, light: string, other: string): boolean {
  return /[ae]h$/.test(written) && light.length === other.length + 1 && light.startsWith(other);
}

/** A word with the Arabic article fused to its front ("alkobra"): the word after it. */
const FUSED_ARTICLE = /^(?:al|el)([^aeiou\s]\w{2,})$/;

/** Word-by-word compatibility of two keys with the same number of words. */
export function keysCompatible(a: string, b: string): { ok: boolean; exact: boolean; near: boolean } {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return { ok: false, exact: false, near: false };
  let exact = true;
  let near = false;
  for (let i = 0; i < wa.length; i++) {
    // An article fused to a word ("Ezzor" for "ez-Zor") only happens inside a name, never at its start.
    let c = wordsCompatible(wa[i], wb[i], i > 0, wa.length > 1, i === 0);
    // The Arabic word opening a place's name, written with or without a vowel between its consonants: "Kafr" /
    // "Kafar" / "Kfar Hamra", "Deir" / "Dair", "Tal" / "Tell". A near match: the rest must match and the kind agree.
    if (!c.ok && i === 0 && wa.length > 1 && placeOpenerVariants(wa[0], wb[0])) c = { ok: true, exact: false, near: true };
    // An article fused to a later word: "Urum Alkobra" for "Urum al-Kubra".
    if (!c.ok && i > 0) {
      const x = FUSED_ARTICLE.exec(wa[i])?.[1];
      const y = FUSED_ARTICLE.exec(wb[i])?.[1];
      if (x || y) c = wordsCompatible(x ?? wa[i], y ?? wb[i], true, true, false);
      if (c.ok) c = { ok: true, exact: false, near: true };
    }
    if (!c.ok) return { ok: false, exact: false, near: false };
    exact = exact && c.exact;
    near = near || c.near;
  }
  return { ok: true, exact, near };
}

/** Whether two first words are spellings of one Arabic place opener (one of them as `PLACE_OPENERS` lists it), a
 * vowel apart at most ("Toloul", hills, is not "Tal"). */
function placeOpenerVariants(a: string, b: string): boolean {
  if (!PLACE_OPENERS.has(a) && !PLACE_OPENERS.has(b)) return false;
  const la = lightWord(a);
  const lb = lightWord(b);
  return la[0] === lb[0] && Math.abs(la.length - lb.length) <= 1 && skeletonWord(la) === skeletonWord(lb);
}

/** Look-alike consonants folded to one letter (see NEAR_CONSONANTS). */
const NEAR_FOLD: Record<string, string> = { m: 'n', d: 't', z: 's', p: 'b', v: 'b', f: 'b' };

/** Skeleton key with look-alike consonants folded: spellings one such consonant apart share it. */
export function nearSkeletonKey(key: string): string {
  return key
    .split(' ')
    .map((w) => skeletonWord(lightWord(w).replace(/[mdzpvf]/g, (c) => NEAR_FOLD[c])))
    .join(' ');
}

/** Single-deletion variants of a string (with the string itself), for blocking near-identical skeletons. */
export function deletionVariants(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) if (s[i] !== ' ') out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** Initials of a multi-word name key, ignoring connectors: "syrian observatory for human rights" → "sohr". */
export function initials(key: string): string {
  return key
    .split(' ')
    .filter((w) => w && !['of', 'for', 'the', 'and', 'in', 'on', 'de', 'bin', 'ibn'].includes(w))
    .map((w) => w[0])
    .join('');
}

/** A readable, stable slug for entity ids. */
export function slug(s: string): string {
  const f = foldName(s).replace(/ /g, '-');
  return f || 'name';
}
