// Full-text passage search: how passages and queries become terms, and how hits are ranked. The index's life
// (built on the first search, in slices; kept current on edits) is the Corpus's; this file decides what matches.
//
// Terms are Porter2 stems (wink-porter2-stemmer), so "evacuation", "evacuated" and "evacuees" or "bombed",
// "bombing" and "bombs" meet. Ranking is by how many of the query's words an article holds (in any passage),
// then by each passage's own share of them, then by BM25: an article with every word comes before one with most,
// and when none has all of them the ones with most still come first. Fuzzy and prefix matches (typos, the word
// still being typed) add to the score but never count as holding a word.
import MiniSearch, { type SearchResult } from 'minisearch';
import { ownCopy } from './kit/strings';
import { MAX_STEMMED_LENGTH, stem as stemWord } from './words/stem';

export interface PassageDoc {
  id: number;
  text: string;
}

export type PassageIndex = MiniSearch<PassageDoc>;

/** A ranked hit: the MiniSearch document id, its score, and how many of the query's words it and its article hold. */
export interface RankedPassage {
  id: number;
  score: number;
  /** Query words (stems) found in this passage. */
  words: string[];
  /** How many of the query's words the passage's article holds, over all its passages. */
  articleWords: number;
}

/**
 * Words too common to tell passages apart. Left out of the index and of queries: "hospitals bombed in Idlib" is
 * about hospitals, bombing and Idlib, and every article has "in". ("us" stays: it is also the US.)
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so ' +
    'than that the their them then there these they this those to was we were what when which who will with would you'
  ).split(' '),
);

/** At most this many passages of one article before every other article of the same rank has had one. */
const PASSAGES_PER_ARTICLE_FIRST = 1;

/**
 * MiniSearch's own tokens, matched instead of split: its split regex overflows the stack on megabytes of punctuation.
 */
export function tokenizeWords(s: string): string[] {
  return s.match(/[^\n\r\p{Z}\p{P}]+/gu) ?? [];
}

/**
 * A token as indexed and queried: lower-cased, stemmed, or null for stopwords and single letters (the "s" left of
 * "Assad’s"). Porter2 keeps a final "e" after a short syllable ("buses" → "buse" but "bus" → "bus"; "evacuees" →
 * "evacue" but "evacuation" → "evacu"): dropping it from stems of four letters or more lets them meet.
 */
export function searchTerm(token: string): string | null {
  // No word is this long; the stemmer's cost grows faster than a token's length (a 5 MB "word" would hang it).
  if (token.length > MAX_STEMMED_LENGTH) return token.toLowerCase();
  const known = TERMS.get(token);
  if (known !== undefined) return known;
  // Copies of a long token and its term: as views cut out of the article's text they would keep all of it alive,
  // in this memo and in the index, after the article's record let it go (record.ts).
  const own = ownCopy(token);
  const computed = computeTerm(own);
  const term = computed === null ? null : ownCopy(computed);
  // Text repeats its words: stemming each distinct token once is most of the indexing time saved.
  if (TERMS.size >= MAX_REMEMBERED) TERMS.clear();
  TERMS.set(own, term);
  return term;
}

/** Terms of recently seen tokens (bounded: cleared when full). */
const TERMS = new Map<string, string | null>();
const MAX_REMEMBERED = 100_000;

function computeTerm(token: string): string | null {
  const t = token.toLowerCase();
  if (t.length < 2 || STOPWORDS.has(t)) return null;
  if (/^\d/.test(t)) return t;
  const stem = stemWord(t);
  return stem.length >= 4 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

/** The query's distinct terms, as the index sees them. */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const token of tokenizeWords(query)) {
    const term = searchTerm(token);
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

export function newPassageIndex(): PassageIndex {
  // Discarded documents are vacuumed in the background by MiniSearch itself.
  return new MiniSearch<PassageDoc>({ fields: ['text'], storeFields: [], tokenize: tokenizeWords, processTerm: searchTerm });
}

/**
 * Passages for a query, best first (see the file comment). `articleOf` maps a document id to its article (undefined:
 * a document no longer indexed, skipped); `titleOf` gives an article's title, whose words the article holds too
 * (a front-matter title is no passage, yet "bomb" in the headline is the article's word).
 */
export function rankPassages(
  index: PassageIndex,
  query: string,
  articleOf: (id: number) => string | undefined,
  limit: number,
  titleOf: (file: string) => string | null | undefined = () => null,
): RankedPassage[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const results: SearchResult[] = index.search(terms.join(' '), {
    combineWith: 'OR',
    // Only the last word can be one still being typed; a typo is forgiven in words long enough to have one.
    prefix: (_term, i, all) => i === all.length - 1,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    // The query is already stemmed: stemming it again would stem the stems.
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t,
  });
  const wordsByArticle = new Map<string, Set<string>>();
  const hits: (RankedPassage & { file: string })[] = [];
  for (const r of results) {
    const file = articleOf(r.id as number);
    if (file === undefined) continue;
    // A query word is held when the passage has exactly its stem (not a fuzzy or prefix neighbour).
    const words = terms.filter((t) => t in r.match);
    let held = wordsByArticle.get(file);
    if (!held) {
      const title = queryTerms(titleOf(file) ?? '');
      wordsByArticle.set(file, (held = new Set(terms.filter((t) => title.includes(t)))));
    }
    for (const w of words) held.add(w);
    hits.push({ id: r.id as number, score: r.score, words, articleWords: 0, file });
  }
  for (const h of hits) h.articleWords = wordsByArticle.get(h.file)!.size;
  hits.sort((a, b) => b.articleWords - a.articleWords || b.words.length - a.words.length || b.score - a.score);
  // Within one rank, each article's best passage before any article's next one: the list is of articles' passages
  // to compare, and one long article would otherwise fill it with its own paragraphs.
  const out: RankedPassage[] = [];
  for (let i = 0; i < hits.length && out.length < limit;) {
    let j = i;
    while (j < hits.length && hits[j].articleWords === hits[i].articleWords) j++;
    const seen = new Map<string, number>();
    const later: (RankedPassage & { file: string })[] = [];
    for (const h of hits.slice(i, j)) {
      const n = seen.get(h.file) ?? 0;
      seen.set(h.file, n + 1);
      (n < PASSAGES_PER_ARTICLE_FIRST ? out : later).push(h);
    }
    out.push(...later);
    i = j;
  }
  return out.slice(0, limit).map(({ id, score, words, articleWords }) => ({ id, score, words, articleWords }));
}
