// The core types the VS Code features use, under one import. They are the core's own types (no structural copies),
// so a change to the core's API is a type error here rather than a silent mismatch.
export type { Corpus as CorpusApi, ArticleRecord as ArticleRecordLike, RelatedPassage as RelatedPassageLike } from '../core/corpus';
export type { Entity as EntityLike, Mention as MentionLike } from '../core/names';
export type { TreeArticle as TreeArticleLike, TreeMonth as TreeMonthLike, TreeOutlet as TreeOutletLike } from '../core/tree';
export type { ArticleMeta } from '../core/types';
