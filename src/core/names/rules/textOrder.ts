// Rule: mentions in text order. Every later rule refers to mentions by their index and looks at neighbours.
import type { ExtractionRule } from './rule';

export const textOrder: ExtractionRule = {
  name: 'text order',
  run(ctx) {
    ctx.out.mentions.sort((a, b) => a.start - b.start);
  },
};
