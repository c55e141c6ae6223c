// Prints the names scores on FA-KES labels files (FA-KES resolved once for all of them):
//   run-labels.ts test/fixtures/labels/fakes-names-tune.json [more files…] [--entities] [--missed]
// --entities lists the entities not merged; --missed also shows each labelled occurrence no mention covers, in context.
import { readFileSync } from 'node:fs';
import { scoreLabels, type Labels } from './labels-eval';
import { fakesArticles, resolveArticles } from './names-eval';

const arts = fakesArticles();
const index = resolveArticles(arts);
const texts = new Map(arts.map((a) => [a.file, a.text]));
let merged = 0;
let entities = 0;
let apart = 0;
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const file of files) {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as Labels;
  const s = scoreLabels(index, texts, labels);
  merged += s.merged;
  entities += s.entities;
  apart += s.apartMerged.length;
  console.log(
    `${file}: merged ${s.merged}/${s.entities} (${((100 * s.merged) / s.entities).toFixed(0)}%), coverage ${(100 * s.coverage).toFixed(1)}%, must-stay-apart merged ${s.apartMerged.length}/${s.apartPairs}`,
  );
  if (process.argv.includes('--entities')) {
    for (const e of s.perEntity)
      if (!(e.found === e.total && e.ids.length === 1)) {
        console.log(`  ${e.name}: ${e.found}/${e.total} -> ${e.ids.join(', ')}`);
        if (process.argv.includes('--missed'))
          for (const m of e.missed) {
            const text = arts.find((a) => a.file === m.file)!.text;
            const around = (from: number, to: number): string => text.slice(from, to).replace(/\s+/g, ' ');
            console.log(
              `      missed ${m.file}: …${around(m.start - 70, m.start)}[[${text.slice(m.start, m.end)}]]${around(m.end, m.end + 50)}…`,
            );
          }
      }
    for (const p of s.apartMerged) console.log(`  APART MERGED ${p.a} + ${p.b}: ${p.ids.join(', ')}`);
  }
}
if (files.length > 1) console.log(`all ${files.length} files: merged ${merged}/${entities}, must-stay-apart merged ${apart}`);
