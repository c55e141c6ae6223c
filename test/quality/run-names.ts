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
console.log(`ECB+ ${split}: ${arts.length} articles, ${chains.length} chains; merged ${s.fullyMerged}/${s.chains}, wrong ${s.wrongPairs.length}, coverage ${(100 * s.mentionCoverage).toFixed(1)}% (last-word baseline ${lastWordBaseline(chains)}/${chains.length}); ${ms} ms`);
if (process.argv.includes('--chains')) {
  for (const c of s.perChain) if (!(c.found === c.mentions && c.ids.length === 1))
    console.log(`  ${c.descriptor}: ${c.found}/${c.mentions} -> ${c.ids.map((i) => `${i.name}×${i.n}`).join(', ')}`);
  for (const w of s.wrongPairs) console.log(`  WRONG "${w.name}": ${w.a} + ${w.b}`);
}
