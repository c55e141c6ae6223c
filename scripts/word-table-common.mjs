// Shared by the word-table scripts (build-word-table.mjs, measure-word-table.mjs): the core's table code bundled on
// the fly with esbuild (so the scripts write and read with exactly the code the extension ships), the training text,
// and the tokeniser.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

/** The core's word-table modules, bundled from TypeScript into an in-memory ES module. */
export async function loadCore(repo) {
  const entry = `export * from './src/core/words/wordTableFormat';
export * from './src/core/words/backgroundIdf';
export * from './src/core/words/wordTable';`;
  const out = await build({
    stdin: { contents: entry, resolveDir: repo, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** ECB+ topics by split, as in test/fixtures/ecbplus/README.md. */
export const ECB_TRAIN = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33];
export const ECB_DEV = [2, 5, 12, 18, 21, 23, 34, 35];

function ecbTopicOf(file) {
  const m = /^t(\d+)-/.exec(file);
  return m ? Number(m[1]) : -1;
}

/** Texts of ECB+ documents of the given topics. */
export function ecbTexts(repo, topics) {
  const dir = path.join(repo, 'test', 'fixtures', 'ecbplus', 'corpus');
  return fs
    .readdirSync(dir)
    .filter((f) => topics.includes(ecbTopicOf(f)))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Texts of the FA-KES articles (front matter dropped). */
export function fakesTexts(repo) {
  const dir = path.join(repo, 'test', 'fixtures', 'fa-kes');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
}

/** The text the table's choices are fitted on: ECB+ train topics and FA-KES. Never the ECB+ dev topics. */
export function trainingTexts(repo) {
  return [...ecbTexts(repo, ECB_TRAIN), ...fakesTexts(repo)];
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Alphabetic word tokens, lower-cased, possessive dropped (the table's lookup key); numbers skipped. */
export function* tokenise(text) {
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0].toLowerCase().replace(/['’]s?$/, '');
    if (/^\p{L}+$/u.test(w)) yield w;
  }
}

/** --name value options over defaults (numbers parsed). */
export function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
    const v = argv[++i];
    out[m[1]] = Number.isFinite(Number(v)) && v !== '' ? Number(v) : v;
  }
  return out;
}
