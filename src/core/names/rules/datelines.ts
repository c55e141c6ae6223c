// Rule: a dateline in capitals opening a paragraph ("WASHINGTON, DC, April 28, 2009", "ALASKA-Shortly after 3:30",
// "BEIRUT (Reuters) —") names a place. Words that long in capitals read as shouting elsewhere, so the scan drops them;
// here the stretch goes with the heading stretches, and resolution reads in it, case folded, only a name the rest
// of the corpus uses (`headings.ts`). An outlet crediting itself ("HAVANA TIMES – ") is no name in the story, as a
// byline is not.
import { nameKey } from '../normalize';
import type { HeadingRun } from '../raw';
import { intern } from '../scan/strings';
import type { ExtractionRule } from './rule';

/** Words in capitals at the very start of a paragraph, closed by a comma, a bracket, a dash or a colon. */
const DATELINE = /^[\p{Lu}][\p{Lu}'’.-]*\p{Lu}(?: [\p{Lu}][\p{Lu}'’.-]*\p{Lu})*(?=\s*[,([:\-–—])/u;

export const datelines: ExtractionRule = {
  name: 'datelines',
  run(ctx) {
    const { out, text } = ctx;
    const found: HeadingRun[] = [];
    const outlet = ctx.input.meta.outlet ? nameKey(ctx.input.meta.outlet) : '';
    for (const p of ctx.input.passages) {
      if (p.kind !== 'body') continue;
      const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
      if (!m || (outlet && nameKey(m[0]) === outlet)) continue;
      found.push({ start: p.start, end: p.start + m[0].length, surface: intern(m[0]), passage: p.index });
    }
    if (found.length === 0) return;
    // A stretch that is exactly a mention found already, or one a heading stretch holds, has nothing more to give.
    const spans = new Set(out.mentions.map((m) => `${m.start}:${m.end}`));
    const heads = out.heads ?? [];
    const fresh = found.filter((d) => !spans.has(`${d.start}:${d.end}`) && !heads.some((h) => h.start <= d.start && d.end <= h.end));
    if (fresh.length) out.heads = heads.concat(fresh).sort((a, b) => a.start - b.start);
  },
};
