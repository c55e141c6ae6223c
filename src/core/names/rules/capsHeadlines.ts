// Rule: a line in capitals ("WLADIMIR KLITSCHKO RETAINS WORLD HEAVYWEIGHT BELTS", "REPORT: RED SOX MAKE HUGE OFFER
// TO TEIXEIRA") gives the names in it. Its capitals prove nothing and tell a name from a verb no better, so nothing
// is guessed here: its stretches of capitalised words (cut at small words, dates and punctuation) go with the
// article's heading stretches, and resolution reads in them, case folded, only the names the rest of the corpus
// uses (`headings.ts`, as for a title-cased headline).
import type { HeadingRun } from '../raw';
import { HAS_LOWER } from '../scan/chars';
import { intern } from '../scan/strings';
import { T_CALENDAR, T_STOP } from '../scan/tokenInfo';
import { isJoinGap, type SegToken } from '../scan/tokenize';
import type { ExtractionRule } from './rule';

/** Whether every word of the segment is in capitals (at least two words of letters; no lower-case letter anywhere). */
function inCapitals(toks: SegToken[]): boolean {
  let words = 0;
  for (const t of toks) {
    // A run of ordinary lower-case words is one shared token with no text.
    if (t.text.length === 0 || HAS_LOWER.test(t.text)) return false;
    if (t.caps) words++;
  }
  return words >= 2;
}

/** The stretches of capitalised words of a line in capitals, each word joined to the next by a space. */
function capitalStretches(text: string, toks: SegToken[], passage: number): HeadingRun[] {
  const out: HeadingRun[] = [];
  let from = -1;
  const flush = (to: number): void => {
    if (from >= 0 && to > from) {
      const start = toks[from].start;
      const end = toks[to - 1].end;
      out.push({ start, end, surface: intern(text.slice(start, end)), passage });
    }
    from = -1;
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    // Small words ("TO", "OF", "IS") and dates are no part of a name; neither are numbers.
    if (!t.caps || t.info.flags & (T_STOP | T_CALENDAR)) {
      flush(k);
      continue;
    }
    if (from >= 0 && !isJoinGap(text, t.gapStart, t.gapEnd)) flush(k);
    if (from < 0) from = k;
    if (t.stop) flush(k + 1);
  }
  flush(toks.length);
  return out;
}

export const capsHeadlines: ExtractionRule = {
  name: 'headlines in capitals',
  run(ctx) {
    const { out, text } = ctx;
    const found: HeadingRun[] = [];
    for (const { seg, toks } of ctx.segments) if (inCapitals(toks)) found.push(...capitalStretches(text, toks, seg.passage));
    if (found.length === 0) return;
    // A stretch that is exactly a mention found already has nothing more to give.
    const spans = new Set(out.mentions.map((m) => `${m.start}:${m.end}`));
    const heads = (out.heads ?? []).concat(found.filter((h) => !spans.has(`${h.start}:${h.end}`)));
    if (heads.length) out.heads = heads.sort((a, b) => a.start - b.start);
  },
};
