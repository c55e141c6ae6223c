// Rule: the capitalised stretches of headings, kept for resolution, which reads in them the longest names the whole
// corpus uses ("Lindsay Lohan Checks Into Rehab" above prose that only says "Lohan").
import type { HeadingRun } from '../raw';
import type { ExtractionRule } from './rule';
import { mentionSpans, spanKey } from './spans';
import type { Seg } from '../scan/segments';
import { intern } from '../scan/strings';
import type { SegToken } from '../scan/tokenize';

/**
 * The capitalised stretches of heading chunks, cut at lower-case words and at tokens that end a name (a
 * possessive): resolution reads in them the longest names of the whole corpus ("Lindsay Lohan Checks Into Rehab"
 * above prose that only says "Lohan").
 */
function capitalisedStretches(text: string, rest: { toks: SegToken[]; seg: Seg }[]): HeadingRun[] {
  const out: HeadingRun[] = [];
  for (const { toks, seg } of rest) {
    let from = -1;
    const flush = (to: number): void => {
      if (from >= 0 && to > from) {
        const start = toks[from].start;
        const end = toks[to - 1].end;
        out.push({ start, end, surface: intern(text.slice(start, end)), passage: seg.passage });
      }
      from = -1;
    };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.cap) {
        flush(k);
        continue;
      }
      if (from < 0) from = k;
      if (t.stop) flush(k + 1);
    }
    flush(toks.length);
  }
  return out;
}

export const headingStretches: ExtractionRule = {
  name: 'heading stretches',
  run(ctx) {
    const { out, headingChunks } = ctx;
    if (headingChunks.length === 0) return;
    const stretches = capitalisedStretches(
      ctx.text,
      headingChunks.map(({ chunk, seg }) => ({ toks: chunk.toks, seg })),
    );
    if (stretches.length === 0) return;
    // A stretch that is exactly a mention found already has nothing more to give. Spans are keyed by a number, not
    // a string made per mention: nearly every article has a heading, and this ran over all of its mentions.
    const spans = mentionSpans(out.mentions);
    const heads = stretches.filter((h) => !spans.has(spanKey(h.start, h.end)));
    if (heads.length) out.heads = heads;
  },
};
