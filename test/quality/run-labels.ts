// Prints the names scores on a FA-KES labels file: run-labels.ts test/fixtures/labels/fakes-names-tune.json [--entities]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scoreLabels, type Labels } from './labels-eval';
import { resolveArticles } from './names-eval';

const dir = 'test/fixtures/fa-kes';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const arts = files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
const index = resolveArticles(arts);
const labels = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Labels;
const s = scoreLabels(index, new Map(arts.map((a) => [a.file, a.text])), labels);
console.log(
  `${process.argv[2]}: merged ${s.merged}/${s.entities} (${((100 * s.merged) / s.entities).toFixed(0)}%), coverage ${(100 * s.coverage).toFixed(1)}%, must-stay-apart merged ${s.apartMerged.length}/${s.apartPairs}`,
);
if (process.argv.includes('--entities')) {
  for (const e of s.perEntity)
    if (!(e.found === e.total && e.ids.length === 1)) console.log(`  ${e.name}: ${e.found}/${e.total} -> ${e.ids.join(', ')}`);
  for (const p of s.apartMerged) console.log(`  APART MERGED ${p.a} + ${p.b}: ${p.ids.join(', ')}`);
}
