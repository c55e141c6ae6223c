// Rule: per mention, a signature of the words right after it. A name followed by the same words in many articles
// of one outlet is page furniture ("Youtube Subscribe to our Youtube channel"); resolution counts the signatures.
import type { RawMention } from '../raw';
import type { ExtractionRule } from './rule';
import { hashRange, mixHash } from '../scan/strings';

/** How many characters after a mention make its furniture signature. */
const AFTER_CONTEXT = 32;

/** Digits of the furniture signatures: 64 characters JSON writes as they are. */
const SIG_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Per mention, an 18-bit hash of the mention and the text right after it, as three characters in one string
 * (see `ArticleNames.after`): cached with every extraction, so it is kept small.
 */
function afterContexts(text: string, mentions: RawMention[]): string {
  let out = '';
  for (const m of mentions) {
    const h = mixHash(hashRange(text, m.start, Math.min(text.length, m.end + AFTER_CONTEXT))) & 0x3ffff;
    out += SIG_DIGITS[h >> 12] + SIG_DIGITS[(h >> 6) & 63] + SIG_DIGITS[h & 63];
  }
  return out;
}

export const furnitureSignatures: ExtractionRule = {
  name: 'furniture signatures',
  run(ctx) {
    ctx.out.after = afterContexts(ctx.text, ctx.out.mentions);
  },
};
