// The part of the core index (src/core/corpus.ts) the VS Code layer calls, as a structural type. Features
// depend on this narrow surface rather than on the concrete class, so each can be read (and faked) alone.
import type { ArticleMeta, ParsedArticle, Passage } from '../core/types';
import type { LineMap } from '../core/text';

export interface ArticleRecordLike {
  file: string;
  text: string;
  hash: string;
  lines: LineMap;
  parsed: ParsedArticle;
  warnings: string[];
}

export interface MentionLike {
  file: string;
  start: number;
  end: number;
}

export interface EntityLike {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  /** The best description the corpus gives (shape owned by the core; `text` is what a glossary entry would say). */
  definition?: { text?: string } | string | null;
  mentions: MentionLike[];
}

export interface TreeArticleLike {
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  datePrecision?: string | null;
}

export interface TreeMonthLike {
  key: string;
  label: string;
  articles: TreeArticleLike[];
}

export interface TreeOutletLike {
  outlet: string;
  count: number;
  months: TreeMonthLike[];
}

export interface RelatedPassageLike {
  file: string;
  passage: number;
  start: number;
  end: number;
  score: number;
  reason: string;
  text: string;
  shared: string[];
}

import type { CacheHost } from './indexCache';

export interface CorpusApi extends CacheHost {
  accepts(relativePath: string): boolean;
  setBytes(file: string, bytes: Uint8Array): { ok: true; record: ArticleRecordLike } | { ok: false; reason: string };
  setText(file: string, text: string): ArticleRecordLike;
  remove(file: string): boolean;
  rename(from: string, to: string): void;
  get(file: string): ArticleRecordLike | undefined;
  all(): ArticleRecordLike[];
  files(): string[];
  glossaryFiles(): string[];
  position(file: string, offset: number): { line: number; character: number };
  readonly size: number;
  setGlossary(file: string, text: string): { errors: { message: string; start: number; end: number }[] };
  removeGlossary(file: string): void;
  tree(): TreeOutletLike[];
  searchArticles(
    q: string,
    limit?: number,
  ): { file: string; score: number; title: string | null; outlet: string | null; author: string | null; date: string | null }[];
  searchPassages(q: string, limit?: number): { file: string; passage: number; start: number; end: number; score: number; text: string }[];
  passageAt(file: string, offset: number): Passage | undefined;
  hover(file: string, offset: number): { entity: string | null; markdown: string; start: number; end: number } | null;
  definition(file: string, offset: number): { file: string; start: number; end: number } | null;
  references(file: string, offset: number): MentionLike[];
  recurringEntities(): EntityLike[];
  entities(): { byId(id: string): EntityLike | undefined };
  related(file: string, offset: number, limit?: number): RelatedPassageLike[];
  relatedArticles(file: string, limit?: number): { file: string; score: number }[];
  glossaryEntryFor(entityId: string): { file: string; start: number; end: number } | null;
}

export type { ArticleMeta };
