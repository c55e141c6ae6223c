// Segment rule: a headline run into the first line of the body ("16 dead in heavy bombardment on Syrias Idlib
// Monitor AFP Sunday 8 Oct 2017 At least …", as pages flattened to text give it) is a stretch of its own. A name
// does not run on across its end ("Syrias Idlib Monitor AFP" was one glued name), and a title-cased headline is read
// in heading mode, where capitals prove nothing, as a headline on its own line is.
import { looksTitleCased, type Seg } from '../scan/segments';
import type { SegmentRule } from './rule';

/** How far into the body a run-in headline may start (after a date or a place line such as "Wed Jun 1 2016"). */
const RUN_IN_REACH = 80;

export const runInHeadlines: SegmentRule = {
  name: 'headline run into the body',
  run(input, segs) {
    const title = input.meta.title?.trim() ?? '';
    // Short titles ("Syria") say too little to be found by their text alone.
    if (title.length <= 12) return segs;
    const first = input.passages.find((p) => p.kind === 'body');
    if (!first) return segs;
    const { text } = input;
    const at = text.indexOf(title, first.start);
    if (at < 0 || at >= first.start + RUN_IN_REACH) return segs;
    const end = at + title.length;
    const k = segs.findIndex((s) => s.start <= at && end <= s.end);
    if (k < 0) return segs;
    const s = segs[k];
    // A headline already read on its own, or inside a stretch read in heading mode, is left as it is.
    if (s.heading || (s.start === at && s.end === end)) return segs;
    const parts: Seg[] = [];
    if (at > s.start) parts.push({ ...s, end: at });
    parts.push({ ...s, start: at, end, heading: looksTitleCased(text, at, end) });
    if (end < s.end) parts.push({ ...s, start: end });
    return [...segs.slice(0, k), ...parts, ...segs.slice(k + 1)];
  },
};
