// Finding name mentions in one article: the driver. It scans the article (segments → tokens → chunks of
// capitalised words), then runs the extraction rules in the order listed below, each in its own file under
// `rules/` behind the `ExtractionRule` interface (compromise's tagger, which lists its steps in one file, is the
// model). A new rule is a new file and one line in `RULES`. The output (`raw.ts`) is cached by content hash: a
// change to what a rule finds is a new `NAMES_RULES_VERSION` (`version.ts`).
import type { ArticleNames, NameArticleInput } from './raw';
import { acronyms } from './rules/acronyms';
import { capsHeadlines } from './rules/capsHeadlines';
import { creditRoles } from './rules/creditRoles';
import { datelines } from './rules/datelines';
import { descriptions } from './rules/descriptions';
import { equivalences } from './rules/equivalences';
import { furnitureSignatures } from './rules/furniture';
import { headingNames } from './rules/headingNames';
import { headingStretches } from './rules/headingStretches';
import { ownOutlet } from './rules/ownOutlet';
import { proseNames } from './rules/proseNames';
import { relations } from './rules/relations';
import { locations } from './rules/locations';
import { runInHeadlines } from './rules/runInHeadlines';
import type { ExtractionContext, ExtractionRule, SegChunk, SegmentRule } from './rules/rule';
import { textOrder } from './rules/textOrder';
import { titleDefinitions } from './rules/titleDefinitions';
import { hasPossessive } from './scan/chars';
import { chunkTokens, type Chunk } from './scan/chunks';
import { addLowerWords, startArticleWords, type LowerWords } from './scan/lowerWords';
import { articleSegments } from './scan/segments';
import { surfaces } from './scan/strings';
import { tokenInfos } from './scan/tokenInfo';
import { tokenize } from './scan/tokenize';

export type { ArticleNames, HeadingRun, KindCue, NameArticleInput, RawAcronym, RawDefinition, RawMention, RawRelation } from './raw';

/** The rules of the scan, in the order they run: which stretches of the article are read, and how. */
export const SEGMENT_RULES: readonly SegmentRule[] = [runInHeadlines];

/** The rules, in the order they run: mentions first, then (in text order) what the text says about them. */
export const RULES: readonly ExtractionRule[] = [
  proseNames,
  headingNames,
  headingStretches,
  capsHeadlines,
  datelines,
  ownOutlet,
  textOrder,
  titleDefinitions,
  acronyms,
  equivalences,
  descriptions,
  creditRoles,
  relations,
  locations,
  furnitureSignatures,
];

export function extractNames(input: NameArticleInput): ArticleNames {
  const ctx = scan(input);
  for (const rule of RULES) rule.run(ctx);
  const { out } = ctx;
  // Arrays grown by push keep up to half their length again as spare capacity; the result is kept for the
  // whole session, so keep exact-length copies instead.
  if (out.lower.length > 16) out.lower = out.lower.slice();
  if (out.mentions.length > 16) out.mentions = out.mentions.slice();
  if (out.definitions.length > 16) out.definitions = out.definitions.slice();
  return out;
}

/** The article's chunks of capitalised words, in prose and in headings, and its lower-case words. */
function scan(input: NameArticleInput): ExtractionContext {
  const { text, file } = input;
  const noApostrophes = text.length > 100 && !hasPossessive(text);
  const out: ArticleNames = { v: 1, file, noApostrophes, mentions: [], definitions: [], acronyms: [], relations: [], lower: [] };
  let segs = articleSegments(input);
  for (const rule of SEGMENT_RULES) segs = rule.run(input, segs);

  const proseChunks: SegChunk[] = [];
  const headingChunks: SegChunk[] = [];
  // Two passes: tokenising every segment first also collects the article's lower-case words, which telling
  // a name from a capitalised ordinary word at a sentence start needs before any chunk is finished.
  tokenInfos.trim();
  surfaces.trim();
  const lowerWords = startArticleWords(out.lower);
  const segToks = segs.map((seg) => tokenize(text, seg.start, seg.end, lowerWords));
  // Words outside every segment (front matter, a title there) count as ordinary words too.
  let cursor = 0;
  for (const seg of segs.slice().sort((a, b) => a.start - b.start)) {
    if (seg.start > cursor) addLowerWords(text, cursor, seg.start, lowerWords);
    cursor = Math.max(cursor, seg.end);
  }
  addLowerWords(text, cursor, text.length, lowerWords);
  segs.forEach((seg, k) => {
    for (const chunk of chunkTokens(segToks[k], text, lowerWords)) {
      (seg.heading || (seg.title && ordinaryWordsOnly(chunk, lowerWords)) ? headingChunks : proseChunks).push({ chunk, seg });
    }
  });
  return { input, text, out, segments: segs.map((seg, k) => ({ seg, toks: segToks[k] })), proseChunks, headingChunks, titles: [] };
}

/**
 * Whether every word of a chunk is one the article also writes in lower case (or without a closing "s"): in a title
 * written as a sentence, "Dictatorship Falls" is a headline's capitals, not a name ("… as his Dictatorship Falls"),
 * and is read as a heading's words are (a name only if the corpus names it elsewhere).
 */
function ordinaryWordsOnly(chunk: Chunk, lowerWords: LowerWords): boolean {
  for (const t of chunk.toks) {
    const w = t.lower;
    if (t.caps || w.length < 3 || !(lowerWords.has(w) || (w.length > 3 && w.endsWith('s') && lowerWords.has(w.slice(0, -1))))) return false;
  }
  return true;
}
