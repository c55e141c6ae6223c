// Rule: an outlet named in its own stories ("a resident told The New Arab", "The New Arab's correspondent") is a
// mention of the outlet, though its words are ordinary ones ("New", "Arab") the scan would not read as a name. Only
// the outlet's exact name as the article's metadata gives it (an opening "The" may be written "the"), whole words,
// in the body, after a lower-case word or with a possessive (an outlet crediting itself, "(TRT World and Agencies)",
// is no mention, as a byline is not).
import { nameKey } from '../normalize';
import { intern } from '../scan/strings';
import type { ExtractionRule } from './rule';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const ownOutlet: ExtractionRule = {
  name: 'an outlet named in its own stories',
  run(ctx) {
    const outlet = ctx.input.meta.outlet?.trim();
    if (!outlet || outlet.length < 3) return;
    const { text, out } = ctx;
    const pattern = /^The /.test(outlet) ? `[Tt]he ${escape(outlet.slice(4))}` : escape(outlet);
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}]|s\\b|['’]s\\b)|(?<![\\p{L}\\p{N}])${pattern}(?=s\\b|['’]s\\b)`,
      'gu',
    );
    const key = nameKey(outlet);
    for (const p of ctx.input.passages) {
      if (p.kind !== 'body') continue;
      const body = text.slice(p.start, p.end);
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const start = p.start + m.index;
        const end = start + m[0].length;
        // Referred to in a sentence ("told The New Arab", "The New Arab's correspondent"), not crediting itself
        // ("(TRT World and Agencies)", a byline): after a lower-case word, or with a possessive.
        const possessive = /^['’]?s\b/.test(text.slice(end, end + 3));
        if (!possessive && !/\p{Ll}[ \t]+$/u.test(text.slice(Math.max(p.start, start - 20), start))) continue;
        // A mention the scan found inside the name ("New Arabs", its possessive glued on) gives way to it; one
        // reaching beyond it, or the name itself found already, keeps its place.
        const over = out.mentions.filter((x) => x.start < end && start < x.end);
        if (over.some((x) => x.start < start || x.end > end + 2 || (x.start === start && x.end === end))) continue;
        if (over.length) out.mentions = out.mentions.filter((x) => !over.includes(x));
        out.mentions.push({ start, end, surface: intern(m[0]), passage: p.index, key, cue: 'group' });
      }
    }
  },
};
