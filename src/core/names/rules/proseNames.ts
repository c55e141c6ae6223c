// Rule: every chunk of prose that survives the chunk filters is a mention; a title in front of it ("Secretary of
// State John Kerry") is kept to become its definition once mentions are in text order.
import type { ExtractionRule } from './rule';
import { creditListNames } from '../scan/credits';
import { pushMention } from '../scan/mention';

export const proseNames: ExtractionRule = {
  name: 'prose names',
  run(ctx) {
    for (const { chunk, seg } of ctx.proseChunks) {
      // A credit's list of journalists glued where commas were lost: each journalist a mention.
      const credited = chunk.title ? null : creditListNames(ctx.text, chunk.toks);
      if (credited) {
        for (const toks of credited) pushMention(ctx.text, ctx.out, toks, seg.passage, false);
        continue;
      }
      const m = pushMention(ctx.text, ctx.out, chunk.toks, seg.passage, !!chunk.title);
      if (!m) continue;
      if (chunk.title && seg.body) {
        ctx.titles.push({ mentionStart: m.start, text: chunk.title.text, origin: 'title', start: chunk.title.start, end: m.end });
      }
    }
  },
};
