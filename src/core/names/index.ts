// Names and groups: finding mentions in one article, resolving them across the corpus, and hover text.
export type { NameArticleInput, ArticleNames, RawMention, RawDefinition, RawRelation, RawAcronym, KindCue } from './extract';
export { extractNames } from './extract';
export type { EntityKind, Mention, Definition, Entity, EntityIndex, ResolveInput } from './model';
export { resolveEntities, resolveEntitiesSteps } from './resolve';
export type { EntityFile } from './mention-columns';
export { filesOf, mentionCount } from './mention-columns';
export type { EntityIndexState } from './persist';
export { exportEntityIndex, exportEntityIndexSteps, importEntityIndex, importEntityIndexSteps } from './persist';
export type { HoverContext } from './hover';
export { hoverMarkdown, escapeMarkdown } from './hover';
export { nameKey, lightKey, skeletonKey, keysCompatible } from './normalize';
export type { GlossaryEntry } from '../glossary';
export { parseGlossary } from '../glossary';
