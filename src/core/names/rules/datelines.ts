// Rule: a dateline in capitals names a place. Opening a paragraph ("WASHINGTON, DC, April 28, 2009", "ALASKA-Shortly
// after 3:30", "BEIRUT (Reuters) —"), or, where a page was flattened into one paragraph, run in after a photo
// caption, an update stamp or the lead sentence ("(AFP photo) BEIRUT Thirteen civilians", "Oct 082017 MOSCOW Some
// 120", "… said. MOSCOW (Sputnik) According to"). Words that long in capitals read as shouting elsewhere, so the
// scan drops them; here the stretch goes with the heading stretches, and resolution reads in it, case folded, only
// a name the rest of the corpus uses (`headings.ts`), at the capitals' own offsets. An outlet crediting itself
// ("HAVANA TIMES – ") is no name in the story, as a byline is not.
import { nameKey } from '../normalize';
import type { HeadingRun } from '../raw';
import { isUpperCode } from '../scan/chars';
import { DATELINE, RUN_IN_DATELINE } from '../scan/datelineShapes';
import { intern } from '../scan/strings';
import type { ExtractionRule } from './rule';
import { mentionSpans, spanKey } from './spans';

/**
 * Whether a UTF-16 code unit can be part of a capital: a capital (\p{Lu}) in the Basic Multilingual Plane, by the
 * scanner's table of classes, or either half of a surrogate pair (capitals beyond it are left to the pattern).
 */
const isCapitalUnit = (c: number): boolean => (c >= 0xd800 && c <= 0xdfff) || isUpperCode(c);

/**
 * The first index in [from, to) where three code units that can each be part of a capital follow one another, never
 * in the middle of a surrogate pair; -1 if none. Every match of RUN_IN_DATELINE starts at such an index.
 */
function nextThreeCapitals(s: string, from: number, to: number): number {
  let run = 0;
  for (let i = from; i < to; i++) {
    if (isCapitalUnit(s.charCodeAt(i))) {
      if (++run >= 3) {
        const start = i - 2;
        // The second half of a surrogate pair is inside a code point: the global scan never started there (and one
        // opening a passage is a lone half, no capital).
        const mid = start > 0 && isLowSurrogate(s.charCodeAt(start)) && isHighSurrogate(s.charCodeAt(start - 1));
        if (!mid) return start;
      }
    } else run = 0;
  }
  return -1;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export const datelines: ExtractionRule = {
  name: 'datelines',
  run(ctx) {
    const { out, text } = ctx;
    const found: HeadingRun[] = [];
    const outlet = ctx.input.meta.outlet ? nameKey(ctx.input.meta.outlet) : '';
    const add = (start: number, surface: string, passage: number): void => {
      if ((outlet && nameKey(surface) === outlet) || found.some((d) => d.start === start)) return;
      found.push({ start, end: start + surface.length, surface: intern(surface), passage });
    };
    for (const p of ctx.input.passages) {
      if (p.kind !== 'body') continue;
      const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
      if (m) add(p.start, m[0], p.index);
      // The global scan tried the pattern at every character; it can only match where three capitals begin, so it
      // is tried there alone (sticky, on the same body string), in order and after the last match as before. The
      // search for those reads the article's flat text; the body is cut once one needs the pattern.
      let body: string | undefined;
      for (let at = nextThreeCapitals(text, p.start, p.end); at >= 0;) {
        body ??= text.slice(p.start, p.end);
        RUN_IN_DATELINE.lastIndex = at - p.start;
        const r = RUN_IN_DATELINE.exec(body);
        if (r) add(p.start + r.index, r[0], p.index);
        at = nextThreeCapitals(text, r ? p.start + r.index + r[0].length : at + 1, p.end);
      }
    }
    if (found.length === 0) return;
    // A stretch that is exactly a mention found already, or one a heading stretch holds, has nothing more to give.
    const spans = mentionSpans(out.mentions);
    const heads = out.heads ?? [];
    const fresh = found.filter((d) => !spans.has(spanKey(d.start, d.end)) && !heads.some((h) => h.start <= d.start && d.end <= h.end));
    if (fresh.length) out.heads = heads.concat(fresh).sort((a, b) => a.start - b.start);
  },
};
