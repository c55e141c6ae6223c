// Which passage a cursor place stands for when the reader asks for other coverage. Every place in an article maps
// to one passage, so CodeLens, Show Other Coverage, Next/Previous, Peek and the Other Coverage view all answer from
// the same passage: the title line, a dateline, a byline or a headline run into the first body line (everything
// before the first body passage) belong to the lead, whose range therefore starts at the top of the body; a place
// between passages (a heading, a blank line) belongs to the passage that follows it. Boilerplate stays itself:
// it never links.

import { isSpaceCode } from './passages';
import type { Passage } from './types';

/**
 * The first body passage, with its range widened over the header zone above it (title, dateline, byline). An article
 * with no body passage at all (a headline alone, a title and a date line) speaks through its header: the header zone
 * is then a passage of its own, numbered after the parsed ones, so that it links and is linked to as the lead.
 */
export function leadPassage(text: string, passages: readonly Passage[], bodyStart: number): Passage | undefined {
  const i = passages.findIndex((p) => p.kind === 'body');
  if (i < 0) return headerPassage(text, passages, bodyStart);
  const lead = passages[i];
  // Boilerplate above the lead (a cookie banner, a menu) is not the lead's header: the zone starts after it.
  let start = i > 0 ? passages[i - 1].end : bodyStart;
  while (start < lead.start && isSpaceCode(text.charCodeAt(start))) start++;
  return start < lead.start ? { ...lead, start } : lead;
}

/**
 * The passage that a cursor at `offset` asks about: the passage holding it (the widened lead for any place above
 * the first body passage), else the next body passage, else the last one. Undefined only when the article has
 * no passage at all.
 */
export function coveragePassageAt(text: string, passages: readonly Passage[], bodyStart: number, offset: number): Passage | undefined {
  const lead = leadPassage(text, passages, bodyStart);
  if (!lead) return passages.find((p) => offset >= p.start && offset <= p.end);
  if (offset <= lead.end && offset >= 0 && (offset >= lead.start || isAbove(passages, lead, offset))) return lead;
  let lo = 0;
  let hi = passages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = passages[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.end) lo = mid + 1;
    else return p.index === lead.index ? lead : p;
  }
  // Between passages: the one that follows (a heading introduces it), else the last body passage.
  for (let k = lo; k < passages.length; k++) if (passages[k].kind === 'body') return passages[k].index === lead.index ? lead : passages[k];
  for (let k = passages.length - 1; k >= 0; k--)
    if (passages[k].kind === 'body') return passages[k].index === lead.index ? lead : passages[k];
  return lead; // the header passage of an article without body passages
}

/** A passage by its index: a parsed one, or the header passage of an article without body passages (leadPassage). */
export function coveragePassageByIndex(text: string, passages: readonly Passage[], bodyStart: number, index: number): Passage | undefined {
  if (index < passages.length) return passages[index];
  const lead = leadPassage(text, passages, bodyStart);
  return lead && lead.index === index ? lead : undefined;
}

/**
 * The header zone of an article without body passages as a passage: from the top of the body to the first boilerplate
 * passage, and before the first line holding a web address (a source credit or a link is no part of the headline).
 */
function headerPassage(text: string, passages: readonly Passage[], bodyStart: number): Passage | undefined {
  let start = bodyStart;
  let end = text.length;
  for (const p of passages) {
    if (p.end <= start) continue;
    if (p.start <= start) start = p.end;
    else {
      end = p.start;
      break;
    }
  }
  const link = /https?:\/\/|www\./i.exec(text.slice(start, end));
  if (link) end = Math.max(start, text.lastIndexOf('\n', start + link.index) + 1);
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end, index: passages.length, kind: 'body' } : undefined;
}

/** The range a passage is shown with: the widened lead for the lead, the passage itself otherwise. */
export function coverageRangeOf(text: string, passages: readonly Passage[], bodyStart: number, passage: Passage): Passage {
  const lead = leadPassage(text, passages, bodyStart);
  return lead && lead.index === passage.index ? lead : passage;
}

/** Above the lead and not inside a boilerplate passage there (a banner above the lead is not the lead). */
function isAbove(passages: readonly Passage[], lead: Passage, offset: number): boolean {
  if (offset >= lead.start) return false;
  for (const p of passages) {
    if (p.index >= lead.index) break;
    if (offset >= p.start && offset <= p.end) return false;
  }
  return true;
}
