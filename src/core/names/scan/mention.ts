// Mentions as the extraction outputs them.
import type { ArticleNames, RawMention } from '../raw';
import { CUE_NAMES, CUES_ACR, CUES_STRONG, CUES_THE, cuesFor, placeCues } from './cues';
import { surfaceAt } from './strings';
import type { SegToken } from './tokenize';

/**
 * A mention with exactly the properties it has, in the order acr, the, cue, strong, si, ps (the order the output
 * has always had). The common combinations are written as literals so the object holds its fields in place;
 * properties added one by one afterwards go to a separate, larger backing store.
 */
function makeMention(
  start: number,
  end: number,
  surface: string,
  passage: number,
  key: string,
  cues: number,
  si: boolean,
  ps: boolean,
): RawMention {
  const cue = CUE_NAMES[cues & 3];
  const acr = (cues & CUES_ACR) !== 0;
  const the = (cues & CUES_THE) !== 0;
  const strong = (cues & CUES_STRONG) !== 0;
  if (!acr && !the) {
    if (cue === undefined) {
      if (!si && !ps) return { start, end, surface, passage, key };
      if (!si) return { start, end, surface, passage, key, ps: true };
      if (!ps) return { start, end, surface, passage, key, si: true };
      return { start, end, surface, passage, key, si: true, ps: true };
    }
    if (strong) {
      if (!si && !ps) return { start, end, surface, passage, key, cue, strong: true };
      if (!si) return { start, end, surface, passage, key, cue, strong: true, ps: true };
      if (!ps) return { start, end, surface, passage, key, cue, strong: true, si: true };
      return { start, end, surface, passage, key, cue, strong: true, si: true, ps: true };
    }
    if (!si && !ps) return { start, end, surface, passage, key, cue };
    if (!si) return { start, end, surface, passage, key, cue, ps: true };
    if (!ps) return { start, end, surface, passage, key, cue, si: true };
    return { start, end, surface, passage, key, cue, si: true, ps: true };
  }
  if (!si && !ps && cue === undefined) {
    if (acr && !the) return { start, end, surface, passage, key, acr: true };
    if (!acr && the) return { start, end, surface, passage, key, the: true };
    if (acr && the) return { start, end, surface, passage, key, acr: true, the: true };
  }
  if (!acr && the && !si && cue !== undefined) {
    if (strong) {
      if (!ps) return { start, end, surface, passage, key, the: true, cue, strong: true };
      return { start, end, surface, passage, key, the: true, cue, strong: true, ps: true };
    }
    if (!ps) return { start, end, surface, passage, key, the: true, cue };
    return { start, end, surface, passage, key, the: true, cue, ps: true };
  }
  // Rarer combinations: built property by property, in the same order.
  const m: RawMention = { start, end, surface, passage, key };
  if (acr) m.acr = true;
  if (the) m.the = true;
  if (cue !== undefined) m.cue = cue;
  if (strong) m.strong = true;
  if (si) m.si = true;
  if (ps) m.ps = true;
  return m;
}

/** A speech verb right after a name, in the past or present: "White said", "Heller told", "Reid says". */
const SPEECH_AFTER = /^[ \t]+(?:said|says|told|tells|added|stated|testified|explained|insisted)(?![\p{L}\p{N}])/u;

/**
 * "al-Rai mountain": a mountain or hill called by the name before it, another place than the town of that name
 * (a town and the height beside it often share one). Singular only: "the Qalamoun mountains" are the region; not
 * "mount", more often a verb ("Casualties mount").
 */
const FEATURE_AFTER = /^[ \t]+(?:mountain|hill)(?![\p{L}\p{N}-])/u;
/** Names that already say mountain or hill ("Jabal al-Turkmen", "Tal al-Jabiyeh hill"): the noun after adds nothing. */
const FEATURE_OPENER = new Set(['jabal', 'jebel', 'jabel', 'tal', 'tel', 'tell', 'mount', 'mt']);

/** First letters of the words SPEECH_AFTER and FEATURE_AFTER look for (s t a e i; m h). */
const SPEECH_FIRST = [115, 116, 97, 101, 105];
const FEATURE_FIRST = [109, 104];

/**
 * Whether text[at, at + span) opens with spaces or tabs then one of `firsts`: what `^[ \t]+(?:word|…)` needs to
 * match in that window, tested without cutting it out. Most names are followed by neither, and skip the regular
 * expression and its substring.
 */
function blankThen(text: string, at: number, span: number, firsts: readonly number[]): boolean {
  const lim = Math.min(text.length, at + span);
  let j = at;
  while (j < lim && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j > at && j < lim && firsts.includes(text.charCodeAt(j));
}

/** Adds to `out` a mention of the tokens, with its kind cues; null when the name folds to nothing. */
export function pushMention(text: string, out: ArticleNames, toks: SegToken[], passage: number, titled: boolean): RawMention | null {
  if (toks.length === 0) return null;
  const start = toks[0].start;
  let end = toks[toks.length - 1].end;
  const feature =
    !titled &&
    !FEATURE_OPENER.has(toks[0].lower) &&
    blankThen(text, end, 12, FEATURE_FIRST) &&
    FEATURE_AFTER.exec(text.slice(end, end + 12));
  if (feature) end += feature[0].length;
  const { surface, key } = surfaceAt(text, start, end);
  if (!key) return null;
  const cues = feature ? placeCues(cuesFor(text, toks, titled, key)) : cuesFor(text, toks, titled, key);
  const ps = (!feature && toks[toks.length - 1].sPoss) || (out.noApostrophes && surface.charCodeAt(surface.length - 1) === 115);
  const m = makeMention(start, end, surface, passage, key, cues, toks[0].si, ps);
  if (toks.length === 1 && blankThen(text, end, 14, SPEECH_FIRST) && SPEECH_AFTER.test(text.slice(end, end + 14))) m.spoke = true;
  out.mentions.push(m);
  return m;
}
