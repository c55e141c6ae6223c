// Shared test inputs: the bundled sample articles, a corpus built from them, and an article whose "names" are made
// of Markdown, HTML and link syntax (for checking that hovers escape article text).
import * as fs from 'node:fs';
import { Corpus } from '../../src/core/corpus';

export const SAMPLE_DIR = new URL('../../corpus/', import.meta.url);

/** The five sample articles (name and text), sorted by file name. */
export const SAMPLES: { name: string; text: string }[] = fs
  .readdirSync(SAMPLE_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(new URL(name, SAMPLE_DIR), 'utf8') }));

/** A fresh Corpus holding the five sample articles, keyed by file name. */
export function sampleCorpus(): Corpus {
  const corpus = new Corpus();
  for (const s of SAMPLES) corpus.setText(s.name, s.text);
  return corpus;
}

/** Recurring names next to Markdown links, HTML, images and a forged Parallax command link. */
export const HOSTILE_ARTICLE = [
  'Hostile Names',
  '',
  'By Jane Doe',
  '',
  'Bashar al-Assad met [Evil](command:workbench.action.terminal.new) in Damascus, where Bashar al-Assad spoke.',
  '',
  'Officials said <img src=x onerror=alert(1)> Bashar al-Assad had left; Rami Makhlouf <b>denied</b> it.',
  '',
  'A link [Rami Makhlouf](https://evil.example/x) and ![img](file:///etc/passwd) and *Rami Makhlouf* and `Rami Makhlouf`.',
  '',
  'Rami Makhlouf said [click](command:parallax.openMention?%5B%22x%22%5D) <script>alert(2)</script> to Bashar al-Assad.',
].join('\n');

/** The sample articles as one line of prose (whitespace folded). */
export const SAMPLE_PROSE = SAMPLES.map((s) => s.text.replace(/\s+/g, ' ')).join(' ');

/** A single 5 MB line made by repeating `unit`. */
export const fiveMegabyteLine = (unit: string) => unit.repeat(Math.ceil((5 << 20) / unit.length)).slice(0, 5 << 20);
