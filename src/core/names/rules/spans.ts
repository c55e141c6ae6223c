// Spans of mentions found already, for the rules that keep only stretches no mention covers exactly. Keyed by one
// number per span rather than a string made per mention: nearly every article runs these over all its mentions.
import type { RawMention } from '../raw';

/** One number for a span of a text: offsets are below 2^32 (a string's length is far less), so it is exact. */
export const spanKey = (start: number, end: number): number => start * 0x1_0000_0000 + end;

/** The spans of `mentions`, by spanKey. */
export function mentionSpans(mentions: readonly RawMention[]): Set<number> {
  const spans = new Set<number>();
  for (const m of mentions) spans.add(spanKey(m.start, m.end));
  return spans;
}
