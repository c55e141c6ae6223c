// Inputs for names tests: an article parsed and its names extracted as the corpus does it, and FA-KES as such
// inputs. Also how the stepwise forms (names and events alike) are run to their end in tests.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle } from '../../src/core/article';
import { extractNames, type ArticleNames } from '../../src/core/names';
import type { ArticleMeta } from '../../src/core/types';

export type NamesInput = { file: string; meta: ArticleMeta; names: ArticleNames; text: string };

const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);

export function namesInput(file: string, text: string): NamesInput {
  const p = parseArticle(text);
  return { file, meta: p.meta, text, names: extractNames({ file, text, passages: p.passages, headings: p.headings, meta: p.meta }) };
}

/** Every FA-KES article as a names input, in file order. */
export function fakesNamesInputs(): NamesInput[] {
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
