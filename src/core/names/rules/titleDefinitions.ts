// Rule: a title in front of a name in prose ("Russian Deputy Foreign Minister Mikhail Bogdanov") defines it.
import type { ExtractionRule } from './rule';

export const titleDefinitions: ExtractionRule = {
  name: 'title definitions',
  run(ctx) {
    const { out } = ctx;
    const idxAt = new Map<number, number>();
    out.mentions.forEach((m, i) => idxAt.set(m.start, i));
    for (const d of ctx.titles) {
      const i = idxAt.get(d.mentionStart);
      if (i !== undefined) out.definitions.push({ m: i, text: d.text, origin: d.origin, start: d.start, end: d.end });
    }
  },
};
