// Rule: a dateline in capitals names a place. Opening a paragraph ("WASHINGTON, DC, April 28, 2009", "ALASKA-Shortly
// after 3:30", "BEIRUT (Reuters) —"), or, where a page was flattened into one paragraph, run in after a photo
// caption, an update stamp or the lead sentence ("(AFP photo) BEIRUT Thirteen civilians", "Oct 082017 MOSCOW Some
// 120", "… said. MOSCOW (Sputnik) According to"). Words that long in capitals read as shouting elsewhere, so the
// scan drops them; here the stretch goes with the heading stretches, and resolution reads in it, case folded, only
// a name the rest of the corpus uses (`headings.ts`), at the capitals' own offsets. An outlet crediting itself
// ("HAVANA TIMES – ") is no name in the story, as a byline is not.
import { nameKey } from '../normalize';
import type { HeadingRun } from '../raw';
import { intern } from '../scan/strings';
import type { ExtractionRule } from './rule';

/** Words in capitals at the very start of a paragraph, closed by a comma, a bracket, a dash or a colon. */
const DATELINE = /^[\p{Lu}][\p{Lu}'’.-]*\p{Lu}(?: [\p{Lu}][\p{Lu}'’.-]*\p{Lu})*(?=\s*[,([:\-–—])/u;

/**
 * One to three words in capitals (the first of three letters or more, so no "US" or "UN") opening a paragraph or
 * inside one after a sentence's end, a closing bracket or a date's digits, and before an agency's credit in brackets, a comma or dash,
 * or the capitalised first word of the story's sentence ("A" included): the shapes a dateline keeps when a page is flattened.
 */
const RUN_IN_DATELINE =
  /(?<=^|(?:[.!?]["”’]?|\)|\d)[ \t]+)\p{Lu}{3}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*\p{Lu}){0,2}(?=[ \t]*\(\p{Lu}[\p{L} .]{0,30}\)|[ \t]*[,–—]|[ \t]+-[ \t]|[ \t]+(?:\p{Lu}\p{Ll}|A[ \t]))/gu;

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
      const body = text.slice(p.start, p.end);
      RUN_IN_DATELINE.lastIndex = 0;
      for (let r = RUN_IN_DATELINE.exec(body); r; r = RUN_IN_DATELINE.exec(body)) add(p.start + r.index, r[0], p.index);
    }
    if (found.length === 0) return;
    // A stretch that is exactly a mention found already, or one a heading stretch holds, has nothing more to give.
    const spans = new Set(out.mentions.map((m) => `${m.start}:${m.end}`));
    const heads = out.heads ?? [];
    const fresh = found.filter((d) => !spans.has(`${d.start}:${d.end}`) && !heads.some((h) => h.start <= d.start && d.end <= h.end));
    if (fresh.length) out.heads = heads.concat(fresh).sort((a, b) => a.start - b.start);
  },
};
