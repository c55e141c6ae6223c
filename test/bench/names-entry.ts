// What test/bench/names-ab.mjs loads from each build it compares: the parse and the two halves of the names phase.
export { parseArticle } from '../../src/core/article';
export { extractNames, resolveEntities } from '../../src/core/names';
