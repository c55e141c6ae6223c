#!/usr/bin/env node
// Measures a word table (default media/words.bin): size, load time, lookups per second, coverage of ECB+ and FA-KES
// word tokens, and how well its vectors tell paraphrases apart on ECB+ gold (per split).
//
//   node scripts/measure-word-table.mjs [--table FILE] [--reference FILE] [--split train|dev|both]
//
// Paraphrase test: the event triggers of each ECB+ cross-document chain (gold/passages.json) that are single words
// with different stems ("seized" / "captured": same event, different words) are the positive pairs; each is set
// against a trigger of a chain from another topic of the same split (a negative pair, picked deterministically).
// Reported: ROC AUC of the cosine (a pair without vectors scores 0, so coverage counts), and the share of positive
// pairs above the 95th percentile of the negatives (what a soft match at a 5% false-match rate would find). Exact
// word matching scores every such pair 0: its AUC is 0.5 and it finds none of them; that is the baseline.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECB_DEV, ECB_TRAIN, ecbTexts, fakesTexts, loadCore, parseArgs, tokenise } from './word-table-common.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2), { table: path.join(repo, 'media', 'words.bin'), split: 'both' });
const stem = createRequire(import.meta.url)('wink-porter2-stemmer');
const { WordTable } = await loadCore(repo);

const tables = [['table', args.table], ...(args.reference ? [['reference', args.reference]] : [])];
for (const [label, file] of tables) {
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const table = WordTable.fromBytes(bytes);
  const loadMs = performance.now() - t0;
  console.log(`\n## ${label}: ${path.relative(repo, path.resolve(file))}`);
  console.log(
    `file ${bytes.length} bytes; ${table.vectorCount} vectors × ${table.dimensions} dims, ${table.wordCount} ranked words; load ${loadMs.toFixed(1)} ms`,
  );
  lookups(table);
  coverage(table);
  const splits = args.split === 'both' ? ['train', 'dev'] : [args.split];
  for (const split of splits) paraphrase(table, split);
}

function lookups(table) {
  const words = [...tokenise(ecbTexts(repo, ECB_DEV).join('\n'))].slice(0, 20000);
  const time = (f) => {
    const t0 = performance.now();
    let n = 0;
    let sink = 0; // keeps the looked-up values alive so the loop is not optimised away
    while (performance.now() - t0 < 300)
      for (const w of words) {
        sink += Number(Boolean(f(w)));
        n++;
      }
    if (sink < 0) console.log(sink);
    return (n / (performance.now() - t0)) * 1000;
  };
  const v0 = performance.now();
  const view = table.byStem(stem);
  const viewMs = performance.now() - v0;
  const stems = words.map((w) => stem(w));
  const t0 = performance.now();
  for (const s of new Set(stems)) view.rank(s);
  const firstStems = performance.now() - t0;
  let k = 0;
  const fmt = (x) => `${(x / 1e6).toFixed(2)} M/s`;
  console.log(
    `lookups: rank ${fmt(time((w) => table.rank(w)))}, backgroundIdf ${fmt(time((w) => table.backgroundIdf(w)))}, ` +
      `similarity ${fmt(time((w) => table.similarity(w, words[k++ % words.length])))}; ` +
      `stems: view built in ${viewMs.toFixed(0)} ms, first sight of ${new Set(stems).size} stems ${firstStems.toFixed(0)} ms, then similarity ${fmt(time(() => view.similarity(stems[k++ % stems.length], stems[(k * 7) % stems.length])))}`,
  );
  const n0 = performance.now();
  for (const w of ['seized', 'rebels', 'earthquake', 'resigned', 'hospital']) table.neighbours(w, 10);
  console.log(`neighbours(word, 10): ${((performance.now() - n0) / 5).toFixed(1)} ms each`);
}

function coverage(table) {
  const parts = { 'ECB+ train': ecbTexts(repo, ECB_TRAIN), 'ECB+ dev': ecbTexts(repo, ECB_DEV), 'FA-KES': fakesTexts(repo) };
  const rows = [];
  for (const [name, texts] of Object.entries(parts)) {
    let tokens = 0;
    let ranked = 0;
    let vectors = 0;
    for (const t of texts) {
      for (const w of tokenise(t)) {
        tokens++;
        const i = table.indexOf(w);
        if (i >= 0) ranked++;
        if (i >= 0 && i < table.vectorCount) vectors++;
      }
    }
    rows.push(`${name}: ${tokens} tokens, ranked ${pct(ranked / tokens)}, with vector ${pct(vectors / tokens)}`);
  }
  console.log('coverage of alphabetic word tokens: ' + rows.join('; '));
}

function paraphrase(table, split) {
  const gold = JSON.parse(fs.readFileSync(path.join(repo, 'test', 'fixtures', 'ecbplus', 'gold', 'passages.json'), 'utf8'));
  const topics = split === 'train' ? ECB_TRAIN : ECB_DEV;
  const chains = gold.chains
    .filter((c) => topics.includes(c.topic))
    .map((c) => ({
      topic: c.topic,
      words: [
        ...new Map(
          c.triggers
            .map((t) => t.toLowerCase())
            .filter((t) => /^\p{L}+$/u.test(t))
            .map((t) => [stem(t), t]),
        ).values(),
      ],
    }));
  const positives = [];
  for (const c of chains)
    for (let i = 0; i < c.words.length; i++) for (let j = i + 1; j < c.words.length; j++) positives.push([c.words[i], c.words[j], c.topic]);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const negatives = positives.map(([a, , topic]) => {
    const others = chains.filter((c) => c.topic !== topic && c.words.length);
    const c = others[Math.floor(random() * others.length)];
    return [a, c.words[Math.floor(random() * c.words.length)]];
  });
  const sim = ([a, b]) => table.similarity(a, b) ?? 0;
  const pos = positives.map(sim);
  const neg = negatives.map(sim);
  const covered = positives.filter(([a, b]) => table.similarity(a, b) !== undefined).length;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  const sortedNeg = [...neg].sort((x, y) => x - y);
  const cut = sortedNeg[Math.floor(0.95 * (sortedNeg.length - 1))];
  const found = pos.filter((p) => p > cut).length;
  console.log(
    `paraphrase, ECB+ ${split} (${topics.length} topics): ${positives.length} different-word trigger pairs, both with vectors ${pct(covered / positives.length)}; ` +
      `AUC ${(wins / (pos.length * neg.length)).toFixed(3)} (exact words 0.500); above the 95th percentile of unrelated pairs (cos > ${cut.toFixed(2)}): ${pct(found / pos.length)} (exact words 0%)`,
  );
}

function pct(x) {
  return `${(100 * x).toFixed(1)}%`;
}
