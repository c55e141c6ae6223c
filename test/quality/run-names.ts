// Prints the names scores on ECB+ (train or dev topics): `npx tsx test/quality/run-names.ts train|dev [--chains]`.
import { ecbArticles, ecbChains, ECB_DEV, ECB_TRAIN, lastWordBaseline, resolveArticles, scoreNames } from './names-eval';

const split = process.argv[2] === 'dev' ? 'dev' : 'train';
const topics = split === 'dev' ? ECB_DEV : ECB_TRAIN;
const arts = ecbArticles(topics);
const chains = ecbChains(topics);
const t = Date.now();
const index = resolveArticles(arts);
const ms = Date.now() - t;
const s = scoreNames(index, arts, chains);
console.log(
  `ECB+ ${split}: ${arts.length} articles, ${chains.length} chains; merged ${s.fullyMerged}/${s.chains}, wrong ${s.wrongPairs.length}, coverage ${(100 * s.mentionCoverage).toFixed(1)}% (last-word baseline ${lastWordBaseline(chains)}/${chains.length}); ${ms} ms`,
);
if (process.argv.includes('--chains')) {
  for (const c of s.perChain)
    if (!(c.found === c.mentions && c.ids.length === 1))
      console.log(`  ${c.descriptor}: ${c.found}/${c.mentions} -> ${c.ids.map((i) => `${i.name}×${i.n}`).join(', ')}`);
  if (process.argv.includes('--missed')) {
    const text = new Map(arts.map((a) => [a.file, a.text.split('\n')]));
    for (const c of s.perChain)
      for (const m of c.missed) {
        const line = text.get(m.file)![m.line - 1]!;
        console.log(`    MISSED ${m.form} in ${m.file}:${m.line}: …${line.slice(Math.max(0, m.column - 40), m.column + m.length + 30)}…`);
      }
  }
  for (const w of s.wrongPairs) console.log(`  WRONG "${w.name}": ${w.a} + ${w.b}`);
}
