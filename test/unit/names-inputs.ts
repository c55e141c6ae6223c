// Inputs for names tests: an article parsed and its names extracted as the corpus does it, FA-KES and the ECB+ train
// topics as such inputs, and their resolutions shared by the test files of a worker. Also how the stepwise forms
// (names and events alike) are run to their end in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { extractNames, resolveEntities, type ArticleNames, type EntityIndex } from '../../src/core/names';
import type { ArticleMeta } from '../../src/core/types';
import { ecbArticles, ECB_TRAIN } from '../quality/names-eval';
import { cachedFixture } from './fixture-cache';

export type NamesInput = { file: string; meta: ArticleMeta; names: ArticleNames; text: string };

const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

export function namesInput(file: string, text: string): NamesInput {
  const p = parseArticle(text);
  return { file, meta: p.meta, text, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
}

/** Freezes a plain value and everything in it (test inputs shared between test files). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Inputs computed once per run by the global setup and kept on disk (fixture-cache.ts: keyed by `sources`, repository
 * paths a change to which computes them again), read once per test worker (test files share one module graph, see
 * vitest.config.ts): each call a fresh array of the same inputs, frozen so that no test or index can change what the
 * next one reads.
 */
function keptInputs(name: string, sources: readonly string[], compute: () => NamesInput[]): () => NamesInput[] {
  let kept: readonly NamesInput[] | undefined;
  return () => [...(kept ??= deepFreeze(cachedFixture(name, sources, compute)))];
}

/** Every FA-KES article as a names input, in file order (kept, see keptInputs). */
export const fakesNamesInputs = keptInputs('fakes-names-inputs', ['test/fixtures/fa-kes', 'src/core', 'test/unit/names-inputs.ts'], () =>
  readdirSync(fakesDir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => namesInput(file, readFileSync(new URL(file, fakesDir), 'utf8'))),
);

/**
 * Every article of the ECB+ train topics as a names input, in file order (kept, see keptInputs: two test files resolve
 * them, and the extraction costs about a second per worker).
 */
export const ecbTrainNamesInputs = keptInputs(
  'ecb-train-names-inputs',
  ['test/fixtures/ecbplus/corpus', 'src/core', 'test/unit/names-inputs.ts', 'test/quality/names-eval.ts'],
  () => ecbArticles(ECB_TRAIN).map(({ file, text }) => namesInput(file, text)),
);

let fakesIndex: EntityIndex | undefined;
let ecbTrainIndex: EntityIndex | undefined;

/**
 * FA-KES resolved with no glossary (`resolveEntities(fakesNamesInputs(), [])`), once per test worker for the files that
 * only read it, and for one file that edits it (names-resolve-persist): `withArticle` returns a new index and leaves
 * this one as it was, but the edit lookups are shared by every index derived from one resolution and edits register
 * their new spellings there, so a second file editing it could see the first one's spellings: any other file that
 * edits, or that tests the resolution itself (steps, persistence against a fresh resolution), resolves its own.
 */
export function fakesResolved(): EntityIndex {
  return (fakesIndex ??= resolveEntities(fakesNamesInputs(), []));
}

/** The ECB+ train topics resolved with no glossary, once per test worker (as `fakesResolved`). */
export function ecbTrainResolved(): EntityIndex {
  return (ecbTrainIndex ??= resolveEntities(ecbTrainNamesInputs(), []));
}

/** Runs stepwise work to its end: its result and how many times it paused. */
export function drain<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
  }
}
