// Kind cues of a mention (person, group, place) from the words around it, packed in one number.
import {
  GROUP_GENERIC,
  GROUP_NAMES,
  GROUP_OPENERS,
  isCountryKey,
  NEXT_GROUP,
  NEXT_PLACE,
  PLACE_OPENERS,
  PREV_PLACE,
  PREV_PLACE_STRONG,
} from '../lexicon';
import type { KindCue } from '../raw';
import { isLetterCode, isSpaceCode, skipLower } from './chars';
import { T_DEMONYM, T_GROUP_HEAD, T_PLACE_HEAD } from './tokenInfo';
import type { SegToken } from './tokenize';

/** Kind cues packed in a number: the cue in the low bits, then the flags. */
const CUE_PERSON = 1;
const CUE_GROUP = 2;
const CUE_PLACE = 3;
export const CUES_ACR = 4;
export const CUES_THE = 8;
export const CUES_STRONG = 16;
export const CUE_NAMES: readonly (KindCue | undefined)[] = [undefined, 'person', 'group', 'place'];

/** Kind cues of a mention from the words around it; `key` is the mention's name key. */
export function cuesFor(text: string, toks: SegToken[], titled: boolean, key: string): number {
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  // The word and the punctuation just before the name, within 40 characters, scanned backwards.
  const floor = Math.max(0, start - 40);
  let k = start;
  while (k > floor && isSpaceCode(text.charCodeAt(k - 1))) k--;
  const spaced = k < start;
  const wordEnd = k;
  while (k > floor && isLetterCode(text.charCodeAt(k - 1))) k--;
  const prevWord = spaced ? text.slice(k, wordEnd) : '';
  const prevPunct = wordEnd > floor && !isLetterCode(text.charCodeAt(wordEnd - 1)) && !isSpaceCode(text.charCodeAt(wordEnd - 1));
  // The lower-case word after the name (within 40 characters), and for "air base" the one after it.
  const lim = Math.min(text.length, end + 40);
  let nextWord = '';
  let nextTwo = '';
  {
    let j = end;
    while (j < lim && isSpaceCode(text.charCodeAt(j))) j++;
    if (j > end) {
      const w1 = j;
      j = skipLower(text, w1, lim);
      if (j > w1) {
        nextWord = text.slice(w1, j);
        if (nextWord === 'air') {
          const s1 = j;
          while (j < lim && isSpaceCode(text.charCodeAt(j))) j++;
          if (j > s1) {
            const w2 = j;
            j = skipLower(text, w2, lim);
            if (j > w2) nextTwo = text.slice(w1, j);
          }
        }
      }
    }
  }
  const first = toks[0].lower;
  // A long word in capitals is a shouted headline word ("KLITSCHKO RETAINS"), not an acronym.
  const allCaps = toks.length === 1 && toks[0].caps && toks[0].text.length <= 6;
  const the = prevWord === 'the' && !prevPunct;
  // The cue and whether it is strong, as one number (setCue): no closure over two variables made per mention.
  let cs = 0;
  // A place noun after the name outweighs a title before it: "Sheikh Maqsoud area", "Sheikh Najjar district"
  // name places, as "the town of Abu Kamal" does.
  if (nextTwo !== 'air base' && NEXT_PLACE.has(nextWord) && nextWord !== 'capital') cs = setCue(cs, CUE_PLACE, true);
  if (prevWord === 'of' && !prevPunct && PLACE_OF.test(text.slice(Math.max(0, k - 16), k))) cs = setCue(cs, CUE_PLACE, true);
  if (titled) cs = setCue(cs, CUE_PERSON, true);
  if (isCountryKey(key)) cs = setCue(cs, CUE_PLACE, true);
  if (toks.length === 1 && GROUP_NAMES.has(key)) cs = setCue(cs, CUE_GROUP, true);
  if (toks.length > 1 && GROUP_OPENERS.has(first)) cs = setCue(cs, CUE_GROUP, true);
  const lastFlags = toks[toks.length - 1].info.flags;
  if (toks.length > 1 && lastFlags & T_GROUP_HEAD) cs = setCue(cs, CUE_GROUP, true);
  if (toks.length > 1 && (lastFlags & T_PLACE_HEAD || PLACE_OPENERS.has(first))) cs = setCue(cs, CUE_PLACE, true);
  if (toks.length > 1 && (first === 'abu' || first === 'umm' || hasPatronymic(toks))) {
    cs = setCue(cs, CUE_PERSON, true);
  }
  if (nextTwo === 'air base' || NEXT_PLACE.has(nextWord)) cs = setCue(cs, CUE_PLACE, nextWord !== 'capital');
  else if (NEXT_GROUP.has(nextWord)) cs = setCue(cs, CUE_GROUP, ORGANISATION_AFTER.has(nextWord));
  // "Riva, who was struck", "Subryan, 26," are people; "in Cheeks's firing", "at Riva's door" are not places.
  // Both patterns open with one character: most names are followed by neither, and cut nothing out.
  const a0 = end < text.length ? text.charCodeAt(end) : -1;
  if (a0 === 44 && PERSON_AFTER.test(text.slice(end, end + 8))) cs = setCue(cs, CUE_PERSON, true);
  const possessive = (a0 === 39 || a0 === 0x2019) && POSSESSIVE_AFTER.test(text.slice(end, end + 8));
  if (!prevPunct && !possessive && PREV_PLACE.has(prevWord)) cs = setCue(cs, CUE_PLACE, PREV_PLACE_STRONG.has(prevWord) && !allCaps);
  // An organisation word anywhere ("Human Rights Watch Syria", "Coalition Forces Command") rules out a person.
  if (toks.length > 1 && someFlag(toks, T_GROUP_HEAD)) cs = setCue(cs, CUE_GROUP, false);
  // Capitalised words are a person's name by default, but nobody is named "New X" ("New York", "New Moon"); longer
  // names opening with "New" ("New Orleans Saints") keep the default, as they had it when "New" was cut off.
  if (
    (cs & 3) === 0 &&
    toks.length >= 2 &&
    !the &&
    !(first === 'new' && toks.length === 2) &&
    !/^(al|el)$/i.test(toks[0].text) &&
    !/^(al|el)[-‐‑]/i.test(toks[0].text)
  ) {
    if (allPlainCapitals(toks) && !GROUP_GENERIC.has(first)) cs = setCue(cs, CUE_PERSON, false);
  }
  return (allCaps ? CUES_ACR : 0) | (the ? CUES_THE : 0) | cs;
}

/**
 * Sets the cue `c` (strong when `s`) in `cs` (a cue in the low bits, CUES_STRONG) unless one is set already; a strong
 * cue replaces a weak one.
 */
function setCue(cs: number, c: number, s: boolean): number {
  if ((cs & 3) === 0 || (s && !(cs & CUES_STRONG))) return c | (s ? CUES_STRONG : cs & CUES_STRONG);
  return cs;
}

/** A "bin" or "ibn" among the words ("Hamza bin Laden"). */
function hasPatronymic(toks: readonly SegToken[]): boolean {
  for (const x of toks) if (x.lower === 'bin' || x.lower === 'ibn') return true;
  return false;
}

function someFlag(toks: readonly SegToken[], flag: number): boolean {
  for (const x of toks) if (x.info.flags & flag) return true;
  return false;
}

/** Every word capitalised, none in capitals or a demonym ("Hadi Bahra", not "Syrian Kurds" or "HTS Leader"). */
function allPlainCapitals(toks: readonly SegToken[]): boolean {
  for (const x of toks) if (!(x.cap && !x.caps && !(x.info.flags & T_DEMONYM))) return false;
  return true;
}

/**
 * Nouns after a name that say it names an organisation, as "city" says a place ("the ruling Baath party"); not
 * "rebels" or "militants" ("Aleppo rebels" are rebels from a place) nor "group" ("the IS group" is a member's word).
 */
const ORGANISATION_AFTER = new Set(['party', 'movement', 'organisation', 'organization']);

/** The cues with the kind set to a place, as a head noun says (its other flags kept). */
export function placeCues(cues: number): number {
  return (cues & ~3) | CUE_PLACE | CUES_STRONG;
}

/** The place noun of "the town of", "the city of", "the province of" … ending just before "of". */
const PLACE_OF =
  /(?:^|[^\p{L}])(?:town|city|village|province|governorate|region|district|neighbou?rhood|suburb|countryside|outskirts)\s+$/u;

/** ", who" or ", 38," (an age) after a name. */
const PERSON_AFTER = /^,\s+(?:who\b|\d{1,2},)/;
/** A possessive after a name: "Riva's", "Cheeks'". */
const POSSESSIVE_AFTER = /^['’]s?(?!\p{L})/u;
