// The inputs of the speed targets: each one is the input of a unit test that checks what Parallax answers on it, and
// the benchmark `npm run bench:targets` (test/bench/targets.ts) times the same call on it. The project guide: "Speed
// and memory targets are checked by benchmarks (a script that prints figures), not by timed unit tests." Written once
// here so that the test and the benchmark cannot drift onto different inputs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { extractNames, type ResolveInput } from '../../src/core/names';
import type { NamesInput } from './names-inputs';
import { fiveMegabyteLine, SAMPLE_PROSE, SAMPLES } from './samples';

/** A fresh temporary folder holding these files (relative paths with `/`), for tests and benchmarks that need a disk. */
export function tempTree(files: Record<string, string | Uint8Array>, prefix = 'parallax-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/** The sample articles as files of a folder (name → text). */
export const sampleFiles = (): Record<string, string> => Object.fromEntries(SAMPLES.map((s) => [s.name, s.text]));

/** robustness-text: one 5 MB line of prose, for the line map. */
export const lineMapText = (): string => 'The Syrian army withdrew from Aleppo on Friday. '.repeat(110_000);

/**
 * robustness-loader and robustness-cli: the 5 MB lines an article file may be, each a shape that once went quadratic,
 * ran out of memory or overflowed the stack somewhere in indexing. Built on each call (40 MB of strings).
 */
export function fiveMegabyteShapes(): Record<string, string> {
  const fill = fiveMegabyteLine;
  return {
    'prose without line breaks': fill(SAMPLE_PROSE),
    'one 5 MB word': fill('a'),
    // One 5 MB run of separators: regex tokenizers that recurse per character overflow the stack on it.
    punctuation: fill('.-,;"”“—'),
    'hyphen-joined names': fill('Al-Assad-'),
    // Title-cased words are name candidates everywhere: the shape most likely to go quadratic.
    'title-cased words': fill('Al Assad Bin Ali '),
    // Ending in a full stop, the same words are one sentence of prose (a name candidate five million characters
    // long, once out of memory) or, spaced, a title-cased sentence read in heading mode.
    'hyphen-joined names ending in a full stop': `${fill('Al-Assad-').slice(0, -1)}.`,
    'hyphen-joined names with spaces ending in a full stop': `${fill('Al-Assad ').slice(0, -1)}.`,
    'title-cased words ending in a full stop': `${fill('Al Assad Bin Ali ').slice(0, -1)}.`,
  };
}

/** The shapes over which robustness-loader asks search, names, hover and related in the test process. */
export const QUERIED_SHAPES = ['one 5 MB word', 'punctuation', 'hyphen-joined names'];

/** The shapes robustness-cli indexes and queries in a child process (core-session.ts), beside the sample articles. */
export const SESSION_SHAPES = ['prose without line breaks', 'title-cased words', 'punctuation'];

/** The question core-session.ts asks about a 5 MB line: search for Aleppo, hover and related at its first 'Assad'. */
export const sessionQuestion = (line: string) => ({
  file: 'one-line.txt',
  query: 'Aleppo',
  line: 1,
  column: Math.max(1, line.indexOf('Assad') + 2),
});

/** robustness-fsworkspace: one article beside 3000 files under node_modules (60 packages of 50). */
export function nodeModulesBesideOneArticle(): Record<string, string> {
  const files: Record<string, string> = { 'story.txt': 'An article.\n' };
  for (let p = 0; p < 60; p++) for (let f = 0; f < 50; f++) files[`node_modules/pkg${p}/docs/readme${f}.md`] = '# readme\n';
  return files;
}

/** robustness-cli: 4000 Markdown files under node_modules (100 packages of 40), to put beside the sample articles. */
export function nodeModulesNotes(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let p = 0; p < 100; p++)
    for (let f = 0; f < 40; f++) files[`node_modules/pkg${p}/docs/note${f}.md`] = `# Package ${p}\n\nBy Someone Else\n\nText ${f}.\n`;
  return files;
}

/** robustness-cli: a 50 MB file of the sample articles over and over, over the default 10 MB size cap. */
export function fiftyMegabyteFile(): Buffer {
  const chunk = SAMPLES.map((s) => s.text).join('\n\n');
  return Buffer.from(chunk.repeat(Math.ceil((50 << 20) / Buffer.byteLength(chunk)))).subarray(0, 50 << 20);
}

/** robustness-cli: two sample articles under news/, and news/up a link to the folder itself (a loop). */
export function symlinkLoopTree(): string {
  const root = tempTree(Object.fromEntries(SAMPLES.slice(0, 2).map((s) => [`news/${s.name}`, s.text])), 'parallax-robust-');
  fs.symlinkSync('..', path.join(root, 'news', 'up'), 'dir');
  return root;
}

/** article-properties: 5 MB single lines and blank runs the article parser must read in linear time. */
export const hugeLineForParser = (): string => {
  const unit = 'word after word, 12 December with Sunday and U.S. words and dots... ';
  return unit.repeat(Math.ceil(5_000_000 / unit.length));
};
export const degenerateTextsForParser = (): Record<string, string> => ({
  "'a' × 5,000,000": 'a'.repeat(5_000_000),
  'line break × 2,000,000': '\n'.repeat(2_000_000),
  "an unclosed front matter of 'x: y' × 200,000": '---\n' + 'x: y\n'.repeat(200_000),
});
/** article-properties: a million digits and then 100,000 month names, for the date reader. */
export const digitsThenMonths = (): string => '1'.repeat(1_000_000) + ' December '.repeat(100_000);

/** words-stem: a 4 MB token made of a suffix the stemmer's regexes backtrack on. */
export const overlongToken = (): string => 'sses'.repeat(1_000_000);

/** names-scale: the sample articles' prose repeated into one line of `chars` characters. */
export const oneLineOfProse = (chars: number): string => SAMPLE_PROSE.repeat(Math.ceil(chars / SAMPLE_PROSE.length)).slice(0, chars);

/** names-scale: that line as the names module's input, names extracted. */
export function oneLineNames(text: string): ResolveInput {
  const p = parseArticle(text);
  return {
    file: 'long.txt',
    meta: p.meta,
    names: extractNames({ file: 'long.txt', text, passages: p.passages, headings: p.headings, meta: p.meta }),
  };
}

/** names-incremental: FA-KES `copies` times over (copy k in folder k/), as resolution inputs. */
export function fakesCopies(articles: readonly NamesInput[], copies: number): ResolveInput[] {
  const inputs: ResolveInput[] = [];
  for (let k = 0; k < copies; k++) for (const a of articles) inputs.push({ file: `${k}/${a.file}`, meta: a.meta, names: a.names });
  return inputs;
}

/**
 * names-incremental: the one edit, to FA-KES's eighth article in copy 0: `names(false)` is the article with a sentence
 * naming a new person added at its end, `names(true)` the article as it was (headings and metadata are the edited
 * text's either way). Both texts are parsed here, once: `names` only extracts, as an editor's change does.
 */
export function fakesEdit(articles: readonly NamesInput[]): { file: string; text: string; names: (back: boolean) => ResolveInput } {
  const a = articles[7];
  const text = `${a.text}\nBashar al-Assad met Zorvath Quillane in Aleppo. Zorvath Quillane left.\n`;
  const edited = parseArticle(text);
  const before = parseArticle(a.text).passages;
  const file = `0/${a.file}`;
  const names = (back: boolean): ResolveInput => ({
    file,
    meta: edited.meta,
    names: extractNames({
      file,
      text: back ? a.text : text,
      passages: back ? before : edited.passages,
      headings: edited.headings,
      meta: edited.meta,
    }),
  });
  return { file, text, names };
}
