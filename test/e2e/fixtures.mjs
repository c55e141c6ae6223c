// Extra files for the extension-host suite's workspace, made from the sample at run time so the sample itself
// stays byte for byte: a CRLF copy of a sample article and a Markdown article with YAML front matter.
import fs from 'node:fs';
import path from 'node:path';

export const CRLF_FILE = 'variants/crlf-copy.txt';
export const MD_FILE = 'variants/front-matter.md';

export const MD_TEXT = [
  '---',
  'title: Rebel alliance takes Damascus as Assad flees',
  'outlet: Parallax Test Wire',
  'author: Test Desk',
  'date: 2024-12-08',
  '---',
  '',
  'Abu Mohammad al-Golani, the HTS leader, told supporters in Damascus that the country now belonged to all',
  'Syrians. Hayat Tahrir al-Sham (HTS) fighters had entered the capital on Sunday.',
  '',
  '## Golan Heights',
  '',
  'Israeli troops moved into the buffer zone on the Golan Heights, and Israeli warplanes struck',
  'military sites across Syria after the fall of Bashar al-Assad.',
  '',
].join('\n');

/**
 * Adds the variant files to `ws`. The CRLF copy is made from the LF sample with the most "HTS" mentions (the
 * name the suite looks up there), so that its hovers and references can be compared with the original's.
 */
export function addHostFixtures(ws) {
  const samples = fs
    .readdirSync(ws)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ f, text: fs.readFileSync(path.join(ws, f), 'utf8') }))
    .filter(({ text }) => !text.includes('\r\n'))
    .map((s) => ({ ...s, n: (s.text.match(/\bHTS\b/g) ?? []).length }))
    .sort((a, b) => b.n - a.n);
  if (samples.length === 0 || samples[0].n === 0) throw new Error(`no LF .txt sample mentioning HTS in ${ws}`);
  fs.mkdirSync(path.join(ws, 'variants'), { recursive: true });
  fs.writeFileSync(path.join(ws, CRLF_FILE), samples[0].text.replace(/\n/g, '\r\n'));
  fs.writeFileSync(path.join(ws, MD_FILE), MD_TEXT);
  return { crlfOf: samples[0].f };
}
