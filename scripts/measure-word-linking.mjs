#!/usr/bin/env node
// Does the word table pay for linking passages? A plain retrieval experiment on ECB+ gold, outside the product's
// event scoring (which weighs names, dates, figures and more): for each gold query sentence, rank the sentences of the
// other documents by the cosine of their binary stem vectors, weighted by
//   ws     IDF of the workspace (document frequency among the documents searched)
//   bg     the table's background IDF (StemView.backgroundIdf)
//   blend  the mean of the two
// then the same reranked (top 30 of the plain ranking) with soft matches: two different stems count as matching to the
// degree of their vectors' cosine when it is above a threshold t, either as soft cosine (Sidorov et al. 2014: +soft)
// or as each unmatched query stem's best match (+best). t and the variant are chosen on ECB+ train and reported on
// dev; the plain rankings are the baselines of the same run.
// Workspaces: the whole split (all topics together), and each topic alone (a small workspace of 20–50 articles).
// Hit@1: the best other-document sentence is a gold member of one of the query's chains.
//
//   node scripts/measure-word-linking.mjs [--split dev|train] [--threshold T]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECB_DEV, ECB_TRAIN, loadCore, parseArgs, tokenise } from './word-table-common.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --table FILE: a table with vectors (the shipped one has none: build one with npm run build:words -- --vectors 25000 --out FILE).
const args = parseArgs(process.argv.slice(2), { split: 'both', threshold: NaN, table: path.join(repo, 'media', 'words.bin') });
const stem = createRequire(import.meta.url)('wink-porter2-stemmer');
const { WordTable } = await loadCore(repo);
const table = WordTable.fromBytes(fs.readFileSync(args.table));
const view = table.byStem(stem);
const gold = JSON.parse(fs.readFileSync(path.join(repo, 'test', 'fixtures', 'ecbplus', 'gold', 'passages.json'), 'utf8'));
const corpusDir = path.join(repo, 'test', 'fixtures', 'ecbplus', 'corpus');
const topicOf = (file) => Number(/^t(\d+)-/.exec(file)[1]);
const THRESHOLDS = [0.5, 0.6, 0.7];

function sentencesOf(topics) {
  const out = [];
  for (const file of fs.readdirSync(corpusDir).sort()) {
    if (!topics.includes(topicOf(file))) continue;
    const lines = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (/^Source:/.test(text)) return;
      const stems = [...new Set([...tokenise(text)].map((w) => stem(w)))];
      if (stems.length) out.push({ file, line: i + 1, stems });
    });
  }
  return out;
}

function evaluate(topics, workspaces, thresholds) {
  const all = sentencesOf(topics);
  const chainLines = new Map(gold.chains.map((c) => [c.id, new Set(c.members.map((m) => `${m.file}:${m.line}`))]));
  const queries = gold.queries.filter((q) => topics.includes(topicOf(q.file)));
  const variants = [
    'ws',
    'bg',
    'blend',
    ...thresholds.flatMap((t) => ['ws', 'bg', 'blend'].flatMap((n) => [`${n}+soft${t}`, `${n}+best${t}`])),
  ];
  const hits = Object.fromEntries(variants.map((v) => [v, 0]));
  let counted = 0;
  for (const group of workspaces(topics)) {
    const sentences = all.filter((s) => group.includes(topicOf(s.file)));
    const docs = new Set(sentences.map((s) => s.file));
    const df = new Map();
    for (const file of docs)
      for (const s of new Set(sentences.filter((x) => x.file === file).flatMap((x) => x.stems))) df.set(s, (df.get(s) ?? 0) + 1);
    const N = docs.size;
    const cached = (f) => {
      const m = new Map();
      return (s) => {
        let v = m.get(s);
        if (v === undefined) m.set(s, (v = f(s)));
        return v;
      };
    };
    const weights = {
      ws: cached((s) => Math.log((N + 1) / ((df.get(s) ?? 0) + 1))),
      bg: cached((s) => view.backgroundIdf(s)),
    };
    weights.blend = cached((s) => (weights.ws(s) + weights.bg(s)) / 2);
    const selfCaches = new Map();
    for (const q of queries.filter((q) => group.includes(topicOf(q.file)))) {
      const query = sentences.find((s) => s.file === q.file && s.line === q.line);
      if (!query) continue;
      counted++;
      const isHit = (s) => q.chains.some((c) => chainLines.get(c).has(`${s.file}:${s.line}`));
      const others = sentences.filter((s) => s.file !== q.file);
      for (const [name, w] of Object.entries(weights)) {
        const qw = new Map(query.stems.map((s) => [s, w(s)]));
        const qn = Math.hypot(...qw.values()) || 1;
        const scored = others.map((s) => {
          let dot = 0;
          let n = 0;
          for (const t of s.stems) {
            const x = w(t);
            n += x * x;
            if (qw.has(t)) dot += x * qw.get(t);
          }
          return { s, score: dot / (qn * (Math.sqrt(n) || 1)) };
        });
        scored.sort((a, b) => b.score - a.score);
        if (isHit(scored[0].s)) hits[name]++;
        const pool = scored.slice(0, 30);
        for (const t of thresholds) {
          const key = `${name} ${t}`;
          if (!selfCaches.has(key)) selfCaches.set(key, new Map());
          const soft = pool.map(({ s }) => ({ s, score: softCosine(query.stems, s.stems, w, t, selfCaches.get(key)) }));
          soft.sort((a, b) => b.score - a.score);
          if (isHit(soft[0].s)) hits[`${name}+soft${t}`]++;
          const best = pool.map(({ s }) => ({ s, score: bestMatchCosine(query.stems, s.stems, w, t) }));
          best.sort((a, b) => b.score - a.score);
          if (isHit(best[0].s)) hits[`${name}+best${t}`]++;
        }
      }
    }
  }
  return { counted, hits };
}

// Cosines between stems, cached: the same pairs come up again and again.
const pairCosine = new Map();
function stemCosine(x, y) {
  if (x === y) return 1;
  const key = x < y ? `${x} ${y}` : `${y} ${x}`;
  let c = pairCosine.get(key);
  if (c === undefined) pairCosine.set(key, (c = view.similarity(x, y) ?? 0));
  return c;
}

/** Soft cosine of two stem sets with weights w: S(i, j) = cos(i, j) when ≥ t (1 for the same stem), else 0. */
function softCosine(a, b, w, t, selfCache) {
  const form = (x, y) => {
    let sum = 0;
    for (const i of x) {
      const wi = w(i);
      if (!wi) continue;
      for (const j of y) {
        const c = stemCosine(i, j);
        if (c >= t) sum += wi * w(j) * c;
      }
    }
    return sum;
  };
  const self = (x) => {
    let v = selfCache.get(x);
    if (v === undefined) selfCache.set(x, (v = form(x, x)));
    return v;
  };
  return form(a, b) / (Math.sqrt(self(a) * self(b)) || 1);
}

/**
 * The plain weighted cosine, with each query stem that the other sentence lacks matched instead to its closest stem
 * there when their cosine is ≥ t (counted at that cosine): soft matches add to the overlap, without soft cosine's
 * normalisation by each sentence's similarity to itself.
 */
function bestMatchCosine(a, b, w, t) {
  const inB = new Set(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const j of b) nb += w(j) ** 2;
  for (const i of a) {
    const wi = w(i);
    na += wi * wi;
    if (inB.has(i)) {
      dot += wi * wi;
      continue;
    }
    let best = 0;
    let bestJ = null;
    for (const j of b) {
      const c = stemCosine(i, j);
      if (c >= t && c > best) [best, bestJ] = [c, j];
    }
    if (bestJ !== null) dot += wi * w(bestJ) * best;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

const scenarios = {
  'whole split': (topics) => [topics],
  'one topic': (topics) => topics.map((t) => [t]),
};
const pct = (x, n) => `${((100 * x) / n).toFixed(1)}%`;
let threshold = args.threshold;
if (args.split !== 'dev') {
  console.log('## ECB+ train (choosing the soft-match threshold)');
  let best = -1;
  for (const [name, ws] of Object.entries(scenarios)) {
    const r = evaluate(ECB_TRAIN, ws, THRESHOLDS);
    console.log(
      `${name}: ${r.counted} queries; hit@1 ` +
        Object.entries(r.hits)
          .map(([v, h]) => `${v} ${pct(h, r.counted)}`)
          .join(', '),
    );
    if (name === 'whole split' && Number.isNaN(args.threshold)) {
      for (const t of THRESHOLDS) {
        for (const kind of ['soft', 'best']) if (r.hits[`blend+${kind}${t}`] > best) [best, threshold] = [r.hits[`blend+${kind}${t}`], t];
      }
    }
  }
  console.log(`threshold chosen on train (best of blend+soft / blend+best, whole split): ${threshold}`);
}
if (args.split !== 'train') {
  if (Number.isNaN(threshold)) throw new Error('give --threshold (chosen on train) to measure dev alone');
  console.log(`## ECB+ dev (threshold ${threshold})`);
  for (const [name, ws] of Object.entries(scenarios)) {
    const r = evaluate(ECB_DEV, ws, [threshold]);
    console.log(
      `${name}: ${r.counted} queries; hit@1 ` +
        Object.entries(r.hits)
          .map(([v, h]) => `${v} ${pct(h, r.counted)}`)
          .join(', '),
    );
  }
}
