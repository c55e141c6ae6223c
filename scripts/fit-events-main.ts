// Fits the weights of the event-linking model (src/core/events/score.ts) and writes src/core/events/weights.json.
//
// Honest split: the weights are fitted (logistic regression, L2, Newton steps) on ECB+ TRAIN topics and on the
// FIT half of the FA-KES labelled incidents (half chosen by a hash of the incident id, fixed before any result was
// seen); the cut-off and the CodeLens level are chosen on ECB+ DEV; nothing is fitted on dev, on the other FA-KES
// half, or on the sample corpus. Every candidate the index generates for a query is one row: 1 when it covers a
// gold line of the query's event (ECB+) or lies in an article of the same incident (FA-KES), else 0.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Corpus } from '../src/core/corpus';
import { loadWordTable } from '../src/node/wordTableFile';
import { EVENT_MODEL, FEATURES } from '../src/core/events/score';
import {
  ECB_DEV,
  ECB_TRAIN,
  covers,
  ecbCorpus,
  loadEcbplus,
  scoreRankings,
  baselineRankings,
  type EcbData,
  type RankedLine,
} from '../test/unit/events-ecbplus';
import { fakesHalf } from '../test/unit/events-fakes-split';

interface Row {
  x: number[];
  y: number;
}
interface Group {
  rows: Row[];
  /** Weight of the group in the listwise fit. */
  weight: number;
}
interface Query {
  rows: { file: string; start: number; end: number; x: number[] }[];
}

const weightsFile = new URL('../src/core/events/weights.json', import.meta.url.replace(/test\/unit\/x\.ts$/, 'scripts/x.ts'));

function ecbQueries(corpus: Corpus, data: EcbData): Query[] {
  return data.queries.map((q) => {
    const offset = corpus.offsetAt(q.file, q.line - 1, q.column - 1);
    return { rows: corpus.coverageCandidates(q.file, offset).map((c) => ({ file: c.file, start: c.start, end: c.end, x: c.features })) };
  });
}

function lineRange(corpus: Corpus, r: { file: string; start: number; end: number }): RankedLine {
  return { file: r.file, line: corpus.position(r.file, r.start).line + 1, endLine: corpus.position(r.file, r.end).line + 1 };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: number[], x: number[]) => w.reduce((s, wi, i) => s + wi * x[i], 0);

/** Logistic regression by Newton's method with an L2 penalty (not on the bias). */
function fitLogistic(rows: Row[], l2 = 1, iterations = 30): number[] {
  const d = rows[0].x.length;
  let w = new Array(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(d).fill(0);
    const H = Array.from({ length: d }, () => new Array(d).fill(0));
    for (const { x, y } of rows) {
      const p = sigmoid(dot(w, x));
      const r = p - y;
      const s = p * (1 - p);
      for (let i = 0; i < d; i++) {
        g[i] += r * x[i];
        for (let j = 0; j < d; j++) H[i][j] += s * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      g[i] += l2 * w[i];
      H[i][i] += l2;
    }
    H[0][0] += 1e-6;
    const step = solve(H, g);
    w = w.map((wi, i) => wi - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c][c] === 0) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/**
 * Listwise fit (conditional logit): per query, the softmax over its candidates should put its mass on the true
 * ones; this ranks rather than classifies. Plain gradient ascent with Adam, L2 on every weight; no bias (it
 * cancels in a softmax). Then Platt scaling (a logistic fit of the ranking score) on the same training rows turns
 * the score into a probability, so the cut-off reads as one.
 */
function fitListwise(groups: Group[], l2 = 0.001, iterations = 1500, rate = 0.1): number[] {
  const d = groups[0].rows[0].x.length;
  const w = new Array(d).fill(0);
  const m = new Array(d).fill(0);
  const v = new Array(d).fill(0);
  const used = groups.filter((g) => g.rows.some((r) => r.y) && g.rows.some((r) => !r.y));
  for (let it = 1; it <= iterations; it++) {
    const g = new Array(d).fill(0);
    let total = 0;
    for (const { rows, weight } of used) {
      total += weight;
      const z = rows.map((r) => dot(w, r.x));
      const mx = Math.max(...z);
      const e = z.map((x) => Math.exp(x - mx));
      const all = e.reduce((a, b) => a + b, 0);
      const pos = e.reduce((a, b, i) => a + (rows[i].y ? b : 0), 0);
      for (let i = 0; i < rows.length; i++) {
        const coef = weight * ((rows[i].y ? e[i] / pos : 0) - e[i] / all);
        if (coef === 0) continue;
        for (let k = 1; k < d; k++) g[k] += coef * rows[i].x[k];
      }
    }
    for (let k = 1; k < d; k++) {
      const grad = g[k] / total - l2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * grad;
      v[k] = 0.999 * v[k] + 0.001 * grad * grad;
      w[k] += (rate * (m[k] / (1 - 0.9 ** it))) / (Math.sqrt(v[k] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  const platt = fitLogistic(
    groups.flatMap((gr) => gr.rows.map((r) => ({ x: [1, dot(w, r.x)], y: r.y }))),
    0,
  );
  return w.map((wk, k) => (k === 0 ? platt[0] : platt[1] * wk));
}

/** Where a list stops: a first row at or above `cutoff` (else nothing), then the rows at or above `continuation`. */
interface Levels {
  cutoff: number;
  continuation: number;
  /** A row under the cut-off must also score this share of the first row's score (0: no such condition). */
  continuationShare?: number;
}

/** One query's list as Corpus.related gives it: best first, at most `perArticle` per article, top `limit`. */
function listed<R extends { file: string; x: number[] }>(rows: R[], w: number[], levels: Levels, limit = 5, perArticle = 2) {
  const scored = rows.map((r) => ({ r, s: sigmoid(dot(w, r.x)) })).sort((a, b) => b.s - a.s);
  const out: { r: R; s: number }[] = [];
  if (!scored.length || scored[0].s < levels.cutoff) return { top: scored[0]?.s ?? 0, out };
  const per = new Map<string, number>();
  for (const x of scored) {
    if (x.s < levels.cutoff && (x.s < levels.continuation || x.s < (levels.continuationShare ?? 0) * scored[0].s)) break;
    const n = per.get(x.r.file) ?? 0;
    if (n >= perArticle) continue;
    per.set(x.r.file, n + 1);
    out.push(x);
    if (out.length >= limit) break;
  }
  return { top: scored[0].s, out };
}

/** Rankings as Corpus.related gives them (line ranges), and each query's top score. */
function rank(
  corpus: Corpus,
  queries: Query[],
  w: number[],
  levels: Levels | number,
  limit = 5,
  perArticle = 2,
): { lines: RankedLine[][]; top: number[] } {
  const lv = typeof levels === 'number' ? { cutoff: levels, continuation: levels } : levels;
  const top: number[] = [];
  const lines = queries.map((q) => {
    const l = listed(q.rows, w, lv, limit, perArticle);
    top.push(l.top);
    return l.out.map((x) => lineRange(corpus, x.r));
  });
  return { lines, top };
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const pct = (x: number) => Math.round(1000 * x) / 10;

// ---- data
const train = loadEcbplus(ECB_TRAIN);
const trainCorpus = ecbCorpus(train);
const trainQueries = ecbQueries(trainCorpus, train);
const rows: Row[] = [];
const groups: Group[] = [];
/** Each ECB+ train group's topic (FA-KES groups have none): the folds of the cross-validation below. */
const groupTopic = new Map<Group, number>();
trainQueries.forEach((q, i) => {
  const g: Group = { rows: q.rows.map((r) => ({ x: r.x, y: covers(lineRange(trainCorpus, r), train.targets[i]) ? 1 : 0 })), weight: 1 };
  if (g.rows.length) groups.push(g);
  groupTopic.set(g, train.docs[train.queries[i].file].topic);
  rows.push(...g.rows);
});
const ecbRows = rows.length;

// FA-KES fit half: each labelled article's lead against candidates in labelled articles. Its ~80 groups weigh
// FAKES_WEIGHT each against ECB+'s ~1,000, so that whole-article news (not only ECB+'s sentence-per-line texts)
// shapes the ranking.
const FAKES_WEIGHT = Number(process.env.FIT_FAKES_WEIGHT ?? 1);
const fit = fakesHalf('fit');
const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);
const fakes = new Corpus();
if (!process.env.PARALLAX_NO_WORDS) fakes.setWordTable(loadWordTable());
for (const f of readdirSync(fakesDir).sort())
  if (f.endsWith('.md') && f !== 'README.md') fakes.setText(f, readFileSync(new URL(f, fakesDir), 'utf8'));
const incidentOf = new Map<string, string>();
for (const inc of fakesHalf('all')) for (const f of inc.files) incidentOf.set(f, inc.id);
let fakesRows = 0;
/** The fit half's leads with their labelled candidates (`right`: same incident), for the list's length. */
const fakesLists: { rows: { file: string; x: number[]; right: boolean }[] }[] = [];
for (const inc of fit) {
  for (const f of inc.files) {
    const rec = fakes.get(f);
    if (!rec) continue;
    const g: Group = { rows: [], weight: FAKES_WEIGHT };
    const list: (typeof fakesLists)[number] = { rows: [] };
    for (const c of fakes.coverageCandidates(f, rec.parsed.bodyStart)) {
      const other = incidentOf.get(c.file);
      if (other === undefined) continue; // unlabelled: unknown, neither positive nor negative
      g.rows.push({ x: c.features, y: other === inc.id ? 1 : 0 });
      list.rows.push({ file: c.file, x: c.features, right: other === inc.id });
    }
    if (g.rows.length) groups.push(g);
    if (list.rows.length) fakesLists.push(list);
    rows.push(...g.rows);
    fakesRows += g.rows.length;
  }
}

// ---- fit (FIT_DROP=a,b zeroes those features: an ablation, to measure what each one brings on dev)
const dropped = new Set((process.env.FIT_DROP ?? '').split(',').filter(Boolean));
const dropIdx = FEATURES.map((f, i) => (dropped.has(f) ? i : -1)).filter((i) => i >= 0);
const zero = (x: number[]) => {
  for (const i of dropIdx) x[i] = 0;
};
for (const r of rows) zero(r.x);
for (const q of trainQueries) for (const r of q.rows) zero(r.x);
const method = process.env.FIT_METHOD === 'pointwise' ? 'pointwise' : 'listwise';
const w = method === 'pointwise' ? fitLogistic(rows) : fitListwise(groups);

// ---- FIT_CV=k: cross-validation by topic on ECB+ train, to choose between feature sets on train alone. Topic t is
// held out in fold (index of t) mod k; each fold's weights are fitted on the other topics' queries and the FA-KES fit
// half, and its held topics' queries are ranked by them. Reported: the ranking alone, and as listed with the shipped
// model's cut-off and continuation (each fold's score is Platt-scaled, so it reads on the same scale). Then the
// script stops, before anything is read of dev.
const folds = Number(process.env.FIT_CV ?? 0);
if (folds > 1) {
  const topicFold = new Map(ECB_TRAIN.map((t, k) => [t, k % folds]));
  const alone: RankedLine[][] = new Array(trainQueries.length);
  const asListed: RankedLine[][] = new Array(trainQueries.length);
  const shipped: Levels = {
    cutoff: EVENT_MODEL.cutoff,
    continuation: EVENT_MODEL.continuation,
    continuationShare: EVENT_MODEL.continuationShare,
  };
  for (let k = 0; k < folds; k++) {
    const wk = fitListwise(groups.filter((g) => topicFold.get(groupTopic.get(g) ?? -1) !== k));
    const held = trainQueries.map((_, i) => i).filter((i) => topicFold.get(train.docs[train.queries[i].file].topic) === k);
    const heldQueries = held.map((i) => trainQueries[i]);
    const a = rank(trainCorpus, heldQueries, wk, 0).lines;
    const l = rank(trainCorpus, heldQueries, wk, shipped).lines;
    held.forEach((i, j) => {
      alone[i] = a[j];
      asListed[i] = l[j];
    });
  }
  const f = (r: RankedLine[][]) => {
    const x = scoreRankings(train, r);
    return { hit1: pct(x.hit1), hit3: pct(x.hit3), lookalike1: pct(x.lookalike1), empty: pct(x.empty) };
  };
  console.log(
    JSON.stringify({
      cv: folds,
      features: FEATURES.filter((_, i) => !dropIdx.includes(i)),
      rankingAlone: f(alone),
      asListed: f(asListed),
      levels: shipped,
    }),
  );
  process.exit(0);
}

const trainRank = rank(trainCorpus, trainQueries, w, 0);
const trainFigures = scoreRankings(train, trainRank.lines);

// ---- choose on dev: the cut-off is the highest score that leaves at most 2% of dev queries (each of which has
// true coverage) without an answer; the CodeLens level is the lowest top score at which 90% of dev top answers
// are right.
const dev = loadEcbplus(ECB_DEV);
const devCorpus = ecbCorpus(dev);
const devQueries = ecbQueries(devCorpus, dev);
for (const q of devQueries) for (const r of q.rows) zero(r.x);
const devAll = rank(devCorpus, devQueries, w, 0);
const tops = [...devAll.top].sort((a, b) => a - b);
const cutoff = Math.floor(tops[Math.floor(0.02 * tops.length)] * 1000) / 1000;
// ---- the list's length, fitted on train: once the first row passes the cut-off, the rows after it are listed down
// to the continuation level. Going down from the cut-off in bands of 0.05, a band is listed when its rows after the
// first are in an article of the event (ECB+ train: a document of one of the query's chains; FA-KES fit half: an
// article of the same incident, unlabelled candidates left out) at least as often as the rows after the first
// listed above the cut-off are; the level is the bottom of the last band in a row that is, a band needing at least
// MIN_BAND rows to be judged. Objective: hit@3 from the rows a reader would also be shown, at no loss of precision
// in them; the wrong rows per answered list are recorded beside it. Then the same for a row's score as a share of the
// first row's, over the rows under the cut-off and at the continuation level: the share is the lowest of 0, 0.1, …, 0.9
// at which the rows from it up are right at least as often as that, the band just above it holding MIN_BAND rows
// (after a first row far above the cut-off, a weak one may tell another story in the same words).
const BAND = 0.05;
const MIN_BAND = 20;
const afterFirst: { s: number; ofFirst: number; right: boolean }[] = [];
trainQueries.forEach((q, i) => {
  const l = listed(q.rows, w, { cutoff, continuation: 0 });
  for (const x of l.out.slice(1)) afterFirst.push({ s: x.s, ofFirst: x.s / l.top, right: train.targets[i].has(x.r.file) });
});
for (const q of fakesLists) {
  const l = listed(q.rows, w, { cutoff, continuation: 0 });
  for (const x of l.out.slice(1)) afterFirst.push({ s: x.s, ofFirst: x.s / l.top, right: x.r.right });
}
const share = (xs: { right: boolean }[]) => xs.filter((x) => x.right).length / Math.max(1, xs.length);
const parity = share(afterFirst.filter((x) => x.s >= cutoff));
let continuation = cutoff;
const bands: { from: number; rows: number; right: number }[] = [];
for (let top = cutoff; top > 0; top -= BAND) {
  const from = Math.max(0, top - BAND);
  const band = afterFirst.filter((x) => x.s >= from && x.s < top);
  bands.push({ from: Math.round(from * 1000) / 1000, rows: band.length, right: pct(share(band)) });
  if (band.length < MIN_BAND || share(band) < parity) break;
  continuation = Math.floor(from * 1000) / 1000;
}
const underCutoff = afterFirst.filter((x) => x.s < cutoff && x.s >= continuation);
const shareBands: { from: number; rows: number; rightFromHere: number }[] = [];
let continuationShare = 1;
for (let k = 9; k >= 0; k--) {
  const from = k / 10;
  const band = underCutoff.filter((x) => x.ofFirst >= from && x.ofFirst < from + 0.1);
  const fromHere = underCutoff.filter((x) => x.ofFirst >= from);
  shareBands.push({ from, rows: band.length, rightFromHere: pct(share(fromHere)) });
  if (band.length >= MIN_BAND && share(fromHere) >= parity) continuationShare = from;
}
const levels: Levels = { cutoff, continuation, continuationShare };

/** Train as listed: the figures, and per answered list its rows and wrong rows (line level; document level). */
function listedFigures(lv: Levels) {
  let answered = 0;
  let shown = 0;
  let wrong = 0;
  let wrongDoc = 0;
  trainQueries.forEach((q, i) => {
    const l = listed(q.rows, w, lv).out;
    if (!l.length) return;
    answered++;
    shown += l.length;
    for (const x of l) {
      if (!covers(lineRange(trainCorpus, x.r), train.targets[i])) wrong++;
      if (!train.targets[i].has(x.r.file)) wrongDoc++;
    }
  });
  const f = scoreRankings(train, rank(trainCorpus, trainQueries, w, lv).lines);
  const r2 = (x: number) => Math.round(100 * x) / 100;
  return {
    hit1: pct(f.hit1),
    hit3: pct(f.hit3),
    empty: pct(f.empty),
    rowsPerAnswer: r2(shown / answered),
    wrongRowsPerAnswer: r2(wrong / answered),
    wrongArticleRowsPerAnswer: r2(wrongDoc / answered),
  };
}
const trainListed = listedFigures(levels);
const trainListedCutoffOnly = listedFigures({ cutoff, continuation: cutoff });
const trainListedNoShare = listedFigures({ cutoff, continuation });
console.error(
  `continuation ${continuation} share ${continuationShare} (parity ${pct(parity)}% right, bands ${JSON.stringify(bands)}, shares ${JSON.stringify(shareBands)}); train as listed ${JSON.stringify(trainListed)}; cut-off alone ${JSON.stringify(trainListedCutoffOnly)}`,
);
const devRank = rank(devCorpus, devQueries, w, levels);
const devFigures = scoreRankings(dev, devRank.lines);
const base = baselineRankings(dev);
const ms = scoreRankings(dev, base.minisearch);
const sw = scoreRankings(dev, base.sharedWords);
const right = devRank.lines.map((ls, i) => (ls[0] ? covers(ls[0], dev.targets[i]) : false));
const order = devAll.top.map((s, i) => ({ s, ok: right[i] })).sort((a, b) => b.s - a.s);
let strong = 1;
let ok = 0;
order.forEach((o, k) => {
  if (o.ok) ok++;
  if (ok / (k + 1) >= 0.9) strong = o.s;
});
strong = Math.max(cutoff, Math.floor(strong * 1000) / 1000);

// Small workspaces: each dev topic indexed alone (~25 articles), as a reader with one story's folder would: where
// the word table's background rarity is meant to help.
const small = ECB_DEV.map((t) => {
  const d = loadEcbplus([t]);
  const c = ecbCorpus(d);
  return { d, lines: rank(c, ecbQueries(c, d), w, levels).lines };
});
const smallN = small.reduce((a, x) => a + x.d.queries.length, 0);
const smallFig = small.map((x) => ({ f: scoreRankings(x.d, x.lines), n: x.d.queries.length }));
const smallHit1 = smallFig.reduce((a, x) => a + x.f.hit1 * x.n, 0) / smallN;
const smallHit3 = smallFig.reduce((a, x) => a + x.f.hit3 * x.n, 0) / smallN;
const smallEmpty = smallFig.reduce((a, x) => a + x.f.empty * x.n, 0) / smallN;
console.error(`dev topics one at a time (${smallN} queries): hit@1 ${pct(smallHit1)} hit@3 ${pct(smallHit3)} empty ${pct(smallEmpty)}`);

// Candidate recall on dev: how often any candidate at all covers the event (ranking cannot do better than this).
const devRecall =
  devQueries.filter((q, i) => q.rows.some((r) => covers(lineRange(devCorpus, r), dev.targets[i]))).length / devQueries.length;
const perArticle1 = scoreRankings(dev, rank(devCorpus, devQueries, w, levels, 5, 1).lines);
console.error(
  `dev candidate recall ${pct(devRecall)}%; with one passage per article: hit@1 ${pct(perArticle1.hit1)} hit@3 ${pct(perArticle1.hit3)}`,
);

const model = {
  // Names the model: the features and the fitted values (a cached event state of another model is rebuilt).
  version: `fit-${FEATURES.length}f-${fnv(JSON.stringify([FEATURES, w.map((x) => Math.round(x * 10000)), cutoff, continuation, continuationShare]))}`,
  data:
    `fitted on ECB+ train topics ${ECB_TRAIN.join(',')} (${train.queries.length} queries, ${ecbRows} candidate rows) and the FA-KES ` +
    `fit half of the labelled incidents (${fit.length} incidents, ${fakesRows} rows); cut-off and CodeLens level chosen on ECB+ dev ` +
    `topics ${ECB_DEV.join(',')}; continuation level (the list's length) fitted on the train rows above; ${method === 'pointwise' ? 'logistic regression, L2 1, Newton' : `listwise conditional logit (Adam, L2 0.001, FA-KES groups weighted ${FAKES_WEIGHT}) then Platt scaling on the training rows`}`,
  figures: {
    // The ranking alone (no cut-off), then as listed (cut-off chosen on dev, continuation on train), then with every row
    // at the cut-off, as before the continuation level.
    ecbTrain: { n: trainFigures.n, hit1: pct(trainFigures.hit1), hit3: pct(trainFigures.hit3), empty: pct(trainFigures.empty) },
    ecbTrainListed: trainListed,
    ecbTrainListedCutoffAlone: trainListedCutoffOnly,
    ecbTrainListedWithoutShare: trainListedNoShare,
    continuationBands: { parity: pct(parity), bands, shares: shareBands },
    ecbDevTopicsAlone: { n: smallN, hit1: pct(smallHit1), hit3: pct(smallHit3), empty: pct(smallEmpty) },
    ecbDev: {
      n: devFigures.n,
      product: {
        hit1: pct(devFigures.hit1),
        hit3: pct(devFigures.hit3),
        lookalike1: pct(devFigures.lookalike1),
        empty: pct(devFigures.empty),
      },
      minisearch: { hit1: pct(ms.hit1), hit3: pct(ms.hit3), lookalike1: pct(ms.lookalike1), empty: pct(ms.empty) },
      sharedWords: { hit1: pct(sw.hit1), hit3: pct(sw.hit3), lookalike1: pct(sw.lookalike1), empty: pct(sw.empty) },
    },
  },
  features: [...FEATURES],
  weights: w.map((x) => Math.round(x * 10000) / 10000),
  cutoff,
  continuation,
  continuationShare,
  strong,
};
if (!process.env.FIT_DRY) writeFileSync(weightsFile, JSON.stringify(model, null, 2) + '\n');
console.log(JSON.stringify(model, null, 2));
