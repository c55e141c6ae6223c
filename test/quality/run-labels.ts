// Prints the names scores on a FA-KES labels file:
//   run-labels.ts test/fixtures/labels/fakes-names-tune.json [--entities] [--missed]
// --entities lists the entities not merged; --missed also shows each labelled occurrence no mention covers, in context.
import { readFileSync } from 'node:fs';
import { scoreLabels, type Labels } from './labels-eval';
import { fakesArticles, resolveArticles } from './names-eval';

const arts = fakesArticles();
const index = resolveArticles(arts);
const labels = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Labels;
const s = scoreLabels(index, new Map(arts.map((a) => [a.file, a.text])), labels);
console.log(
  `${process.argv[2]}: merged ${s.merged}/${s.entities} (${((100 * s.merged) / s.entities).toFixed(0)}%), coverage ${(100 * s.coverage).toFixed(1)}%, must-stay-apart merged ${s.apartMerged.length}/${s.apartPairs}`,
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
