// The interface every extraction rule implements, and what the rules share while one article is extracted. The
// driver (`../extract.ts`) scans the article into chunks, then runs the rules in the order it lists them.
import type { ArticleNames, NameArticleInput, RawDefinition } from '../raw';
import type { Chunk } from '../scan/chunks';
import type { Seg } from '../scan/segments';
import type { SegToken } from '../scan/tokenize';

/** A chunk of capitalised tokens with the segment it was found in. */
export interface SegChunk {
  chunk: Chunk;
  seg: Seg;
}

/** A title found in front of a name in prose ("Russian Deputy Foreign Minister"), attached once mentions are in text order. */
export interface PendingTitle {
  mentionStart: number;
  text: string;
  origin: RawDefinition['origin'];
  start: number;
  end: number;
}

/** One article as the rules see it: its text, the chunks the scan found, and the output the rules fill in. */
export interface ExtractionContext {
  readonly input: NameArticleInput;
  readonly text: string;
  readonly out: ArticleNames;
  /** Every segment scanned, with its tokens (a run of ordinary lower-case words is one shared `ORDINARY` token). */
  readonly segments: { seg: Seg; toks: SegToken[] }[];
  /** Chunks of prose: every one that survives the chunk filters is a mention. */
  readonly proseChunks: SegChunk[];
  /** Chunks of headings and title-cased lines: their capitals prove nothing by themselves. */
  readonly headingChunks: SegChunk[];
  readonly titles: PendingTitle[];
}

/**
 * A rule of the scan, run before any token is read: which stretches of the article are read for names, and in which
 * mode (prose, or heading mode where capitals prove nothing). Gets the segments so far, returns the new ones.
 */
export interface SegmentRule {
  readonly name: string;
  run(input: NameArticleInput, segs: Seg[]): Seg[];
}

/** One rule of the extraction: adds mentions, definitions, equivalences or signatures to `ctx.out`. */
export interface ExtractionRule {
  /** What the rule finds, in a few words (tests and traces name rules by it). */
  readonly name: string;
  run(ctx: ExtractionContext): void;
}
