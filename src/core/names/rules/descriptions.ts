// Rule: descriptions next to a name: appositives ("Hadi al-Bahra, president of the Syrian National Coalition,")
// and roles ("HTS leader Abu Mohammed al-Julani").
import type { Passage } from '../../types';
import { ROLE_WORDS, TITLE_HEADS } from '../lexicon';
import type { ArticleNames, RawMention } from '../raw';
import type { ExtractionRule } from './rule';
import { isSpaceCode, skipLower } from '../scan/chars';
import { partitionPoint } from '../../kit/search';
import { intern } from '../scan/strings';

const AUX = /^(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|said|says|told)$/;

/**
 * An appositive describes the name; a comma after a fronted clause ("… in Syria, the Biden administration
 * approved …") or inside a list ("… the Middle East, the ongoing genocide in Gaza, and …") does not.
 */
function looksLikeDescription(desc: string, rest: string, ms: RawMention[], descStart: number): boolean {
  const words = desc.split(/\s+/);
  let relative = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k].toLowerCase();
    if (/^(?:who|which|that|whose|whom)$/.test(w)) relative = true;
    if (relative) continue;
    if (AUX.test(w)) return false;
    if (k >= 2 && /^\p{Ll}[\p{Ll}]+ed$/u.test(words[k])) return false;
  }
  if (/^\s*,\s*(?:and|or)\s/.test(rest)) return false;
  // An article and then a proper name closing the phrase is a new subject ("the Turkish-backed Syrian National Army").
  if (/^(?:the|a|an)\s/.test(desc)) {
    const last = mentionEndingAt(ms, descStart, descStart + desc.length);
    const lead = last ? desc.slice(0, last.start - descStart).trim() : '';
    // … unless a preposition ties the name to the head noun: "the capital of Syria", "the leader of Hezbollah".
    if (last && lead.split(/\s+/).length <= 3 && !/\s(?:of|for|in|at|to|from)$/.test(lead)) return false;
  }
  return true;
}

/**
 * The first mention (sorted by start) starting at or after `from` and ending at `end`: ms.find of that, without
 * walking every mention of the article before `from` (a 5 MB line holds tens of thousands, one walk per appositive).
 */
function mentionEndingAt(ms: RawMention[], from: number, end: number): RawMention | undefined {
  for (let k = partitionPoint(0, ms.length, (i) => ms[i].start < from); k < ms.length && ms[k].start <= end; k++)
    if (ms[k].end === end) return ms[k];
  return undefined;
}

const DAY_WORD = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WHEN_WORD =
  `(?:${DAY_WORD}|january|february|march|april|may|june|july|august|september|october|november|december|` +
  'morning|afternoon|evening|night|week|weekend|month|year|(?:1[89]|20)\\d\\ds?)';
/** "… on Sunday", "… in March 2015", "… last week", "… early on Monday": when something was said, not what the name is. */
const TIME_TAIL = new RegExp(
  `\\s+(?:on|in|at|since|until|during|by|from|early|late|earlier|later|last|this|next)\\s+(?:(?:the|this|last|next|early|late|on)\\s+)*${WHEN_WORD}(?:\\s+\\d{1,4})?$` +
    `|\\s+${DAY_WORD}$|\\s+(?:yesterday|today|tonight|tomorrow)$`,
  'i',
);

/** A description without the time phrases that close it ("the capital of Syria on Sunday" → "the capital of Syria"). */
function trimTimeTail(desc: string): string {
  let d = desc;
  for (let k = 0; k < 3; k++) {
    const m = TIME_TAIL.exec(d);
    if (!m || m.index === 0) break;
    const rest = d.slice(0, m.index);
    // Only when the description keeps a head of its own ("the capital of Syria", not "the").
    if (rest.split(/\s+/).length < 2) break;
    d = rest;
  }
  return d;
}

/** Words that open a fronted clause: the comma closing it is not an appositive's. */
const FRONTED =
  /^(?:while|although|though|if|when|whenever|after|before|as|because|since|whereas|unless|until|once|despite|with|without|in|on|at|by|for|from|during|following|amid|among|like|unlike|just|even|given|having|to|throughout|across|within|under|over|through)\b/i;

const APPOSITIVE_OPEN = /^(?:the|a|an|former|then|its|his|her|their|one|longtime|long-time|veteran|self-proclaimed)\b/;

/** The sentence's words before a position (at most a few hundred characters back: a fronted clause is short). */
function sentenceLead(text: string, pos: number): string {
  const floor = Math.max(0, pos - 400);
  let k = pos - 1;
  for (; k >= floor; k--) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 10 || c === 63 || c === 33) break; // . \n ? !
  }
  return text.slice(k + 1, pos).trim();
}

/** Same as /^\s+(\p{Ll}+)\s+$/u.exec(text.slice(from, to))?.[1] ?? null: one lower-case word between spaces. */
function lowerWordBetweenSpaces(text: string, from: number, to: number): string | null {
  let i = from;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === from) return null;
  const ws = i;
  i = skipLower(text, i, to);
  if (i === ws) return null;
  const we = i;
  while (i < to && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === we || i !== to) return null;
  return text.slice(ws, we);
}

/** Appositives ("Hadi al-Bahra, president of the Syrian National Coalition,") and "HTS leader X" roles. */
function findDescriptions(text: string, out: ArticleNames, passages: Passage[]): void {
  const ms = out.mentions;
  // Mentions are sorted by start, and so are passages: one pointer walks both (linear, however many passages).
  const bodyRanges = passages.filter((p) => p.kind === 'body').sort((a, b) => a.start - b.start);
  let bp = 0;
  const inBody = (o: number): boolean => {
    while (bp < bodyRanges.length && bodyRanges[bp].end <= o) bp++;
    return bp < bodyRanges.length && bodyRanges[bp].start <= o;
  };
  /** Index of the first mention starting at `pos` (mentions are sorted by start), or undefined. */
  const startsAt = (pos: number): number | undefined => {
    const lo = partitionPoint(0, ms.length, (i) => ms[i].start < pos);
    return lo < ms.length && ms[lo].start === pos ? lo : undefined;
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.acr || !inBody(m.start)) continue;
    // Appositive after the name (only after a comma).
    const after = text.charCodeAt(m.end) === 44 ? text.slice(m.end, m.end + 200) : '';
    const am = after && /^,\s+([^,;.()\n–—]{3,140}?)(?=\s*(?:,|;|\.\s|\.$|\(|\)|\s[–—]\s))/.exec(after);
    if (am) {
      const desc = trimTimeTail(am[1].trim());
      const firstWord = /^[\p{L}-]+/u.exec(desc)?.[0] ?? '';
      const lowerStart = /^\p{Ll}/u.test(desc);
      const startsRole = ROLE_WORDS.has(firstWord) || TITLE_HEADS.has(firstWord.toLowerCase());
      const verbish =
        /^(?:who|which|that|where|when|while|and|but|or|as|said|says|told|is|was|has|had|in|on|at|for|with|from|to|by)\b/.test(desc);
      const descAt = m.end + am.index + am[0].indexOf(desc);
      let nameOnly = false;
      for (let k = startsAt(descAt); k !== undefined && k < ms.length && ms[k].start === descAt; k++) {
        if (ms[k].end >= m.end + am[0].length - 1) nameOnly = true;
      }
      const lead = sentenceLead(text, m.start);
      const fronted = FRONTED.test(lead) && !lead.includes(',');
      if (
        lowerStart &&
        !verbish &&
        !nameOnly &&
        !fronted &&
        (APPOSITIVE_OPEN.test(desc) || startsRole) &&
        desc.split(/\s+/).length >= 2 &&
        looksLikeDescription(desc, after.slice(am[0].length), ms, m.end + after.indexOf(desc))
      ) {
        const s = m.end + after.indexOf(desc);
        out.definitions.push({ m: i, text: desc, origin: 'appositive', start: m.start, end: s + desc.length });
      }
    }
    // "<Organisation> <role> <Name>": "HTS leader Abu Mohammed al-Julani", "Observatory chief Rami Abdel Rahman".
    if (i > 0 && m.start - ms[i - 1].end >= 3 && isSpaceCode(text.charCodeAt(ms[i - 1].end)) && isSpaceCode(text.charCodeAt(m.start - 1))) {
      const prev = ms[i - 1];
      const role = lowerWordBetweenSpaces(text, prev.end, m.start);
      if (role !== null && ROLE_WORDS.has(role) && !prev.si) {
        out.definitions.push({ m: i, text: intern(`${prev.surface} ${role}`), origin: 'role', start: prev.start, end: m.end });
        if (!ms[i].cue || !ms[i].strong) ms[i] = { ...ms[i], cue: 'person', strong: true };
      }
    }
  }
}

export const descriptions: ExtractionRule = {
  name: 'descriptions',
  run(ctx) {
    findDescriptions(ctx.text, ctx.out, ctx.input.passages);
  },
};
