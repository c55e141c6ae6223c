// Rule: in headings and title-cased lines, where a capital proves nothing, the longest runs of words whose key is a
// name this article's prose gives.
import { KEY_ARTICLES } from '../lexicon';
import { nameKey } from '../normalize';
import type { RawMention } from '../raw';
import type { ExtractionRule } from './rule';
import type { Chunk } from '../scan/chunks';
import { pushMention } from '../scan/mention';
import type { Seg } from '../scan/segments';
import { surfaceAt } from '../scan/strings';
import type { TokenInfo } from '../scan/tokenInfo';
import type { SegToken } from '../scan/tokenize';

/**
 * Whether a token's name key has a word that is neither an Arabic article nor in `known`. The key of a run of
 * tokens is the words of their keys in order (articles dropped unless nothing else is left), so such a token
 * rules out every run holding it.
 */
function hasUnknownWord(info: TokenInfo, known: ReadonlySet<string>): boolean {
  const kw = (info.keyWords ??= nameKey(info.text)
    .split(' ')
    .filter((w) => w.length > 0 && !KEY_ARTICLES.has(w)));
  for (let k = 0; k < kw.length; k++) if (!known.has(kw[k])) return true;
  return false;
}

/** In heading chunks, the longest runs of tokens whose key is a name found in prose (`mentions`), in order. */
function headingRuns(text: string, mentions: RawMention[], headingChunks: { chunk: Chunk; seg: Seg }[]): { toks: SegToken[]; seg: Seg }[] {
  const runs: { toks: SegToken[]; seg: Seg }[] = [];
  const known = new Set<string>();
  /** Every word of a known key: a run holding any other word cannot have a known key. */
  const knownWordSet = new Set<string>();
  let knownWords = 0;
  for (const m of mentions) {
    if (known.has(m.key)) continue;
    known.add(m.key);
    let words = 1;
    let ws = 0;
    for (let k = 0; k <= m.key.length; k++) {
      if (k === m.key.length || m.key.charCodeAt(k) === 32) {
        knownWordSet.add(m.key.slice(ws, k));
        ws = k + 1;
        if (k < m.key.length) words++;
      }
    }
    if (words > knownWords) knownWords = words;
  }
  for (const { chunk, seg } of headingChunks) {
    const toks = chunk.toks;
    // A token with a word (other than an article) that no known key has ends every run that could match.
    const unknownAt = toks.map((t) => hasUnknownWord(t.info, knownWordSet));
    let i = 0;
    while (i < toks.length) {
      let found = -1;
      // No known name has more words than the longest in prose (particles and connectors included, so a bound).
      let top = Math.min(toks.length, i + 2 * knownWords + 2);
      for (let u = i; u < top; u++) {
        if (unknownAt[u]) {
          top = u;
          break;
        }
      }
      for (let j = top; j > i; j--) {
        const k = surfaceAt(text, toks[i].start, toks[j - 1].end).key;
        if (known.has(k)) {
          found = j;
          break;
        }
      }
      if (found > 0) {
        runs.push({ toks: toks.slice(i, found), seg });
        i = found;
      } else i++;
    }
  }
  return runs;
}

export const headingNames: ExtractionRule = {
  name: 'heading names',
  run(ctx) {
    if (ctx.headingChunks.length === 0) return;
    for (const { toks, seg } of headingRuns(ctx.text, ctx.out.mentions, ctx.headingChunks))
      pushMention(ctx.text, ctx.out, toks, seg.passage, false);
  },
};
