// Rule: in headings and title-cased lines, where a capital proves nothing, the longest runs of words whose key is a
// name this article's prose gives.
import { KEY_ARTICLES } from '../lexicon';
import { nameKey } from '../normalize';
import type { RawMention } from '../raw';
import type { ExtractionRule } from './rule';
import type { Chunk } from '../scan/chunks';
import { pushMention } from '../scan/mention';
import type { Seg } from '../scan/segments';
import type { TokenInfo } from '../scan/tokenInfo';
import { opensNickname, type SegToken } from '../scan/tokenize';

/** Words of a token's name key other than Arabic articles, computed once per distinct token. */
function contentWords(info: TokenInfo): string[] {
  return (info.keyWords ??= nameKey(info.text)
    .split(' ')
    .filter((w) => w.length > 0 && !KEY_ARTICLES.has(w)));
}

/** Known keys as a tree of their words: a run of words can still grow into a known key only along a branch. */
interface KeyTrie {
  next: Map<string, KeyTrie>;
  /** The words down to here are a whole known key. */
  key: boolean;
}

const newTrie = (): KeyTrie => ({ next: new Map(), key: false });

/**
 * The words of a name key, split once per distinct key (keys are shared strings that recur from article to article);
 * emptied past KEY_WORDS_MAX keys: at most about a megabyte and a half kept between articles (the names phase's
 * retained heap is a benchmark bar), while the keys that recur most are back in it soon after each emptying.
 */
const keyWordsMemo = new Map<string, readonly string[]>();
const KEY_WORDS_MAX = 10_000;

function keyWords(key: string): readonly string[] {
  let words = keyWordsMemo.get(key);
  if (words === undefined) {
    if (keyWordsMemo.size >= KEY_WORDS_MAX) keyWordsMemo.clear();
    keyWordsMemo.set(key, (words = key.split(' ')));
  }
  return words;
}

function addKey(trie: KeyTrie, key: string): void {
  let node = trie;
  for (const w of keyWords(key)) {
    let child = node.next.get(w);
    if (!child) node.next.set(w, (child = newTrie()));
    node = child;
  }
  node.key = true;
}

/**
 * Follows the words of a token's key from a node of the trie: null once they leave every known key (no longer
 * run can come back to one).
 */
function follow(node: KeyTrie | null, words: readonly string[]): KeyTrie | null {
  for (let k = 0; k < words.length && node !== null; k++) node = node.next.get(words[k]) ?? null;
  return node;
}

/**
 * In heading chunks, the longest runs of tokens whose key is a name found in prose (`mentions`), in order.
 *
 * The key of a run of tokens is the words of their keys in order, Arabic articles dropped unless nothing else is
 * left. So the runs from one token are read by walking the words of the known keys as a tree, token by token, and
 * stop where no known key goes on: a few steps per token. Cutting and folding the text of every run up to the
 * longest known name instead costs the square of that length per token, which a title-cased line of a million
 * words made of a prose name's words turns into minutes.
 */
function headingRuns(text: string, mentions: RawMention[], headingChunks: { chunk: Chunk; seg: Seg }[]): { toks: SegToken[]; seg: Seg }[] {
  const runs: { toks: SegToken[]; seg: Seg }[] = [];
  const known = new Set<string>();
  const trie = newTrie();
  let knownWords = 0;
  for (const m of mentions) {
    if (known.has(m.key)) continue;
    known.add(m.key);
    addKey(trie, m.key);
    let words = 1;
    for (let k = 0; k < m.key.length; k++) if (m.key.charCodeAt(k) === 32) words++;
    if (words > knownWords) knownWords = words;
  }
  // Known full names by their first and last words, for a heading's "Vincent 'Chin' Gigante": made only for an
  // article with a heading that has quotes or brackets where a nickname would open.
  let ends: Set<string> | null = null;
  const fullNameEnds = (): ReadonlySet<string> => {
    if (ends) return ends;
    ends = new Set<string>();
    for (const key of known) {
      const sp = key.indexOf(' ');
      if (sp > 0) ends.add(`${key.slice(0, sp)} ${key.slice(key.lastIndexOf(' ') + 1)}`);
    }
    return ends;
  };
  for (const { chunk, seg } of headingChunks) {
    const toks = chunk.toks;
    if (nicknamedFullName(text, toks, fullNameEnds)) {
      runs.push({ toks, seg });
      continue;
    }
    let i = 0;
    while (i < toks.length) {
      let found = -1;
      // No known name has more words than the longest in prose (particles and connectors included, so a bound).
      const top = Math.min(toks.length, i + 2 * knownWords + 2);
      // Two walks: by the words other than articles, and, while the run has none, by the articles themselves.
      let content: KeyTrie | null = trie;
      let articles: KeyTrie | null = trie;
      let hasContent = false;
      for (let j = i; j < top; j++) {
        const words = contentWords(toks[j].info);
        if (words.length > 0) {
          hasContent = true;
          content = follow(content, words);
          if (content === null) break;
          if (content.key) found = j + 1;
        } else if (!hasContent) {
          const key = nameKey(toks[j].info.text);
          articles = key ? follow(articles, key.split(' ')) : articles;
          if (articles !== null && articles.key) found = j + 1;
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

/**
 * A heading chunk written "given name, quoted nickname, surname" ("Vincent 'Chin' Gigante") whose given name and
 * surname open and end a full name this article's prose gives: the quotes mark the nickname of that person, so the
 * chunk is one name though the heading's capitals prove nothing.
 */
function nicknamedFullName(text: string, toks: SegToken[], ends: () => ReadonlySet<string>): boolean {
  if (toks.length < 3 || !toks.some((t, k) => k > 0 && opensNickname(text, t.gapStart, t.gapEnd))) return false;
  const first = contentWords(toks[0].info);
  const last = contentWords(toks[toks.length - 1].info);
  return first.length === 1 && last.length > 0 && ends().has(`${first[0]} ${last[last.length - 1]}`);
}

export const headingNames: ExtractionRule = {
  name: 'heading names',
  run(ctx) {
    if (ctx.headingChunks.length === 0) return;
    for (const { toks, seg } of headingRuns(ctx.text, ctx.out.mentions, ctx.headingChunks))
      pushMention(ctx.text, ctx.out, toks, seg.passage, false);
  },
};
