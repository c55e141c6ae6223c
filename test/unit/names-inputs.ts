// Inputs for names tests: an article parsed and its names extracted as the corpus does it, and FA-KES as such
// inputs. Also how the stepwise forms (names and events alike) are run to their end in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { extractNames, type ArticleNames } from '../../src/core/names';
import type { ArticleMeta } from '../../src/core/types';
import { cachedFixture } from './fixture-cache';

export type NamesInput = { file: string; meta: ArticleMeta; names: ArticleNames; text: string };

const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

export function namesInput(file: string, text: string): NamesInput {
  const p = parseArticle(text);
  return { file, meta: p.meta, text, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
}

let fakesInputs: readonly NamesInput[] | undefined;

/**
 * Every FA-KES article as a names input, in file order. Parsed and extracted once per run by the global setup and kept
 * on disk (fixture-cache.ts: keyed by the fixture, the core and this file), read once per test worker (test files share
 * one module graph, see vitest.config.ts): a fresh array of the same inputs, frozen so that no test or index can change
 * what the next one reads.
 */
export function fakesNamesInputs(): NamesInput[] {
  fakesInputs ??= deepFreeze(cachedFixture('fakes-names-inputs', FAKES_NAMES_SOURCES, readFakesNamesInputs));
  return [...fakesInputs];
}

/** What fakesNamesInputs is computed from (repository paths): a change to any of them computes it again. */
const FAKES_NAMES_SOURCES = ['test/fixtures/fa-kes', 'src/core', 'test/unit/names-inputs.ts'];

/** Freezes a plain value and everything in it (test inputs shared between test files). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function readFakesNamesInputs(): NamesInput[] {
  const files = readdirSync(fakesDir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort();
  return files.map((file) => namesInput(file, readFileSync(new URL(file, fakesDir), 'utf8')));
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
