// The names model: what resolution produces and every consumer reads (hover, CLI, events, the extension).
// Kept apart from the rules so that glossary, votes and the incremental update depend on data, not on resolve.ts.
import type { ArticleMeta } from '../types';
import type { ArticleNames } from './extract';

export type EntityKind = 'person' | 'group' | 'place' | 'other';

export interface Mention {
  file: string;
  start: number;
  end: number;
  surface: string;
  passage: number;
}

export interface Definition {
  text: string;
  origin: 'glossary' | 'appositive' | 'title' | 'acronym' | 'role';
  file: string | null;
  start?: number;
  end?: number;
  outlet: string | null;
  date: string | null;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  definition: Definition | null;
  /** Renamings stated in the text ("formerly", "later") and glossary links ("see also"): linked, not merged. */
  related: { id: string; relation: string }[];
  mentions: Mention[];
  glossary?: { file: string; start: number; end: number };
}

export interface EntityIndex {
  entities: Entity[];
  byId(id: string): Entity | undefined;
  /** The mention under an offset (binary search), or null. */
  at(file: string, offset: number): { entity: Entity; mention: Mention } | null;
  /** Entities with at least two mentions in the corpus, or in a glossary. */
  recurring(): Entity[];
  /** The mentions found in one file, sorted by start (for re-feeding the event index one file at a time). */
  mentionsIn(file: string): { start: number; end: number; entityId: string }[];
  /**
   * This index with one article changed (`null`: removed), without resolving the corpus again. The result is an
   * approximation of a full resolution; see `withArticle` in incremental.ts for what can differ.
   */
  withArticle(file: string, input: { meta: ArticleMeta; names: ArticleNames } | null): EntityIndex;
  /**
   * Builds, in steps of about a millisecond, what `withArticle` needs from the last full resolution, so that the
   * first edit costs no more than later ones (at 10k articles it otherwise pays 0.1-0.2 s for it). Optional: `withArticle` builds it itself
   * otherwise. Shared with every index derived from the same resolution or import.
   */
  prepareEditsSteps(): Generator<void, void, void>;
}

export interface ResolveInput {
  file: string;
  meta: ArticleMeta;
  names: ArticleNames;
}

/** What a full resolution leaves behind so that one article can be attached later without redoing it. */
export interface ResolveHints {
  /** Normalised key → the entities its mentions resolved to, commonest first (a surname can go to several people). */
  byKey: Map<string, { id: string; n: number }[]>;
  /** Keys read as ordinary words ("Activists", a sentence-opening "Refugees"), not as names. */
  dropped: Set<string>;
  /**
   * One-word keys the corpus also uses as ordinary words, kept only where an exception of the glued-runs rule holds
   * (`ordinaryWordKept`: a speaker's surname, a plural after "the"), with which exceptions hold. Persisted with the index (`persist.ts`), so
   * an edit after a warm start decides such a word as one after a full resolution does.
   */
  ordinary?: Map<string, number>;
}

/**
 * The mentions of one file, by start, as a resolution or an edit makes them: the mention objects and, in a parallel
 * array, the id of the entity each belongs to. The index keeps neither: it turns them into columns
 * (`mention-columns.ts`; at 10k articles a million mention objects cost ~60 MB).
 */
export interface FileMentions {
  ms: Mention[];
  ids: string[];
}
