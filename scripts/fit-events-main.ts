// Fits the weights of the event-linking model (src/core/events/score.ts) and writes src/core/events/weights.json.
//
// Honest split: the weights are fitted (logistic regression, L2, Newton steps) on ECB+ TRAIN topics and on the
// FIT half of the FA-KES labelled incidents (half chosen by a hash of the incident id, fixed before any result was
// seen); the cut-off and the CodeLens level are chosen on ECB+ DEV; nothing is fitted on dev, on the other FA-KES
// half, or on the sample corpus. Every candidate the index generates for a query is one row: 1 when it covers a
// gold line of the query's event (ECB+) or lies in an article of the same incident (FA-KES), else 0.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Corpus } from '../src/core/corpus';
import { loadWordTable } from '../src/node/wordTableFile';
import { EVENT_MODEL, FEATURES } from '../src/core/events/score';
import { LINE_FEATURES, lineSlots, linePreference, type LineChoiceModel } from '../src/core/events/lineChoice';
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
import { readStoryClusters, storyFigures, storyQueries, type StoryQuery } from './fit-events-stories';

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
  rows: { file: string; start: number; end: number; x: number[]; line: number[] }[];
}

const weightsFile = new URL('../src/core/events/weights.json', import.meta.url.replace(/test\/unit\/x\.ts$/, 'scripts/x.ts'));

function ecbQueries(corpus: Corpus, data: EcbData): Query[] {
  return data.queries.map((q) => {
    const offset = corpus.offsetAt(q.file, q.line - 1, q.column - 1);
    return {
      rows: corpus
        .coverageCandidates(q.file, offset)
        .map((c) => ({ file: c.file, start: c.start, end: c.end, x: c.features, line: c.line })),
    };
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
  const w = conditionalLogit(groups, 1, l2, iterations, rate);
  const platt = fitLogistic(
    groups.flatMap((gr) => gr.rows.map((r) => ({ x: [1, dot(w, r.x)], y: r.y }))),
    0,
  );
  return w.map((wk, k) => (k === 0 ? platt[0] : platt[1] * wk));
}

/**
 * Conditional logit by Adam: per group, the softmax over its rows should put its mass on the true ones. Weights before
 * `from` stay 0 (a bias cancels in a softmax).
 */
function conditionalLogit(groups: Group[], from: number, l2: number, iterations: number, rate: number): number[] {
  const d = groups[0].rows[0].x.length;
  const w = new Array(d).fill(0);
  const m = new Array(d).fill(0);
  const v = new Array(d).fill(0);
  const used = groups.filter((g) => g.rows.some((r) => r.y) && g.rows.some((r) => !r.y));
  // The rows flattened into typed columns once (the same sums in the same order as over the row objects, without an
  // allocation per group and iteration: a fit over ~100k rows ran minutes).
  const start = new Int32Array(used.length + 1);
  used.forEach((gr, j) => (start[j + 1] = start[j] + gr.rows.length));
  const X = new Float64Array(start[used.length] * d);
  const Y = new Uint8Array(start[used.length]);
  used.forEach((gr, j) =>
    gr.rows.forEach((r, i) => {
      Y[start[j] + i] = r.y ? 1 : 0;
      for (let k = 0; k < d; k++) X[(start[j] + i) * d + k] = r.x[k];
    }),
  );
  const maxRows = Math.max(0, ...used.map((gr) => gr.rows.length));
  const e = new Float64Array(maxRows);
  for (let it = 1; it <= iterations; it++) {
    const g = new Array(d).fill(0);
    let total = 0;
    for (let j = 0; j < used.length; j++) {
      const weight = used[j].weight;
      total += weight;
      const n = start[j + 1] - start[j];
      let mx = -Infinity;
      for (let i = 0; i < n; i++) {
        let z = 0;
        const o = (start[j] + i) * d;
        for (let k = 0; k < d; k++) z += w[k] * X[o + k];
        e[i] = z;
        if (z > mx) mx = z;
      }
      let all = 0;
      let pos = 0;
      for (let i = 0; i < n; i++) {
        e[i] = Math.exp(e[i] - mx);
        all += e[i];
        pos += Y[start[j] + i] ? e[i] : 0;
      }
      for (let i = 0; i < n; i++) {
        const coef = weight * ((Y[start[j] + i] ? e[i] / pos : 0) - e[i] / all);
        if (coef === 0) continue;
        const o = (start[j] + i) * d;
        for (let k = from; k < d; k++) g[k] += coef * X[o + k];
      }
    }
    for (let k = from; k < d; k++) {
      const grad = g[k] / total - l2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * grad;
      v[k] = 0.999 * v[k] + 0.001 * grad * grad;
      w[k] += (rate * (m[k] / (1 - 0.9 ** it))) / (Math.sqrt(v[k] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return w;
}

/** A query's candidate rows labelled for the line choice: `y` 1 when the row tells the query's event or story. */
interface LineQuery {
  rows: { file: string; x: number[]; line: number[]; y: number }[];
}

/** The line-choice variants compared by FIT_CV, each named by what it fits on and which line features it keeps. */
interface LineVariant {
  name: string;
  /** 'ecb': ECB+ train groups alone; 'both': ECB+ train and FA-KES tune story groups, each source weighing half. */
  sources: 'ecb' | 'both';
  /** Line features left out (their weights stay 0). */
  drop: string[];
}
const NEW_LINE_FEATURES = ['leadLong', 'leadAskedLate', 'lineRetold'];
const LINE_VARIANTS: LineVariant[] = [
  { name: 'ECB+ alone: logit, lead, leadAhead (twelfth session)', sources: 'ecb', drop: ['leadRetold', ...NEW_LINE_FEATURES] },
  { name: 'logit, lead, leadAhead', sources: 'both', drop: ['leadRetold', ...NEW_LINE_FEATURES] },
  { name: 'logit, lead, leadRetold, leadAhead', sources: 'both', drop: NEW_LINE_FEATURES },
  { name: 'all seven', sources: 'both', drop: [] },
  ...NEW_LINE_FEATURES.map((f): LineVariant => ({ name: `all but ${f}`, sources: 'both', drop: [f] })),
];

/** How many line features a variant keeps (no line choice: 0). */
const lineFeatureCount = (v: LineVariant) => LINE_FEATURES.filter((f) => !v.drop.includes(f)).length;

/**
 * The choice rule, fixed before the table was read: among no line choice and the variants whose FA-KES tune story
 * hit@3 (as listed) is not below no line choice's, the best ECB+ train hit@3 (as listed); a tie within 0.1 goes to
 * fewer line features (no line choice: 0), then the higher FA-KES tune hit@3, then the higher ECB+ hit@1. Null: none.
 */
function chooseLineVariant(
  none: { ecb: { hit1: number; hit3: number }; stories: { hit3: number } },
  variants: { variant: LineVariant; ecb: { hit1: number; hit3: number }; stories: { hit3: number } }[],
): LineVariant | null {
  const eligible = [{ ...none, variant: null as LineVariant | null }, ...variants.filter((v) => v.stories.hit3 >= none.stories.hit3)];
  const best = Math.max(...eligible.map((e) => e.ecb.hit3));
  const tied = eligible.filter((e) => best - e.ecb.hit3 <= 0.1 + 1e-9);
  const count = (e: (typeof eligible)[number]) => (e.variant ? lineFeatureCount(e.variant) : 0);
  tied.sort((a, b) => count(a) - count(b) || b.stories.hit3 - a.stories.hit3 || b.ecb.hit1 - a.ecb.hit1);
  return tied[0].variant;
}

/**
 * The line choice (lineChoice.ts): one group per query and candidate article holding both a line of the query's event
 * (or story) and another line; the rows are that article's candidate lines, their features the pair logit under `w`
 * and the line features. Each source (ECB+ train; FA-KES tune stories) weighs the same in total, however many groups
 * it has.
 */
/** The group count of each source in the last line-choice fit (for the report). */
let lineGroupCounts: number[] = [];
function fitLineChoice(sources: LineQuery[][], w: number[], dropped: readonly string[] = []): LineChoiceModel {
  const keep = LINE_FEATURES.map((f) => (dropped.includes(f) ? 0 : 1));
  const groups: Group[] = [];
  const groupCounts: number[] = [];
  for (const queries of sources) {
    const own: Group[] = [];
    for (const q of queries) {
      const byFile = new Map<string, Row[]>();
      for (const r of q.rows) {
        const rowsOf = byFile.get(r.file) ?? [];
        rowsOf.push({ x: [dot(w, r.x), ...r.line].map((v, k) => v * keep[k]), y: r.y });
        byFile.set(r.file, rowsOf);
      }
      for (const rowsOf of byFile.values()) if (rowsOf.some((r) => r.y) && rowsOf.some((r) => !r.y)) own.push({ rows: rowsOf, weight: 1 });
    }
    for (const g of own) g.weight = 1 / own.length;
    groups.push(...own);
    groupCounts.push(own.length);
  }
  lineGroupCounts = groupCounts;
  const lw = conditionalLogit(groups, 0, 0.001, 1500, 0.05);
  return { features: [...LINE_FEATURES], weights: lw.map((x) => Math.round(x * 10000) / 10000) };
}

/** Where a list stops: a first row at or above `cutoff` (else nothing), then the rows at or above `continuation`. */
interface Levels {
  cutoff: number;
  continuation: number;
  /** A row under the cut-off must also score this share of the first row's score (0: no such condition). */
  continuationShare?: number;
}

/**
 * One query's list as Corpus.related gives it: best first, at most `perArticle` per article, top `limit`; with `line`,
 * each article's places show its lines in order of the line preference (EventIndex.related), keeping the places' scores.
 */
function listed<R extends { file: string; x: number[]; line?: number[] }>(
  rows: R[],
  w: number[],
  levels: Levels,
  limit = 5,
  perArticle = 2,
  line?: LineChoiceModel,
) {
  const scored = rows.map((r) => ({ r, z: dot(w, r.x), s: sigmoid(dot(w, r.x)) })).sort((a, b) => b.s - a.s);
  const out: { r: R; s: number }[] = [];
  if (!scored.length || scored[0].s < levels.cutoff) return { top: scored[0]?.s ?? 0, out };
  const shown = line
    ? lineSlots(
        scored.map((x) => x.r.file),
        scored.map((x) => linePreference(line, x.z, x.r.line ?? [])),
      )
    : scored.map((_, k) => k);
  const per = new Map<string, number>();
  for (let k = 0; k < scored.length; k++) {
    const x = scored[k];
    if (x.s < levels.cutoff && (x.s < levels.continuation || x.s < (levels.continuationShare ?? 0) * scored[0].s)) break;
    const n = per.get(x.r.file) ?? 0;
    if (n >= perArticle) continue;
    per.set(x.r.file, n + 1);
    out.push({ r: scored[shown[k]].r, s: x.s });
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
  line?: LineChoiceModel,
): { lines: RankedLine[][]; top: number[] } {
  const lv = typeof levels === 'number' ? { cutoff: levels, continuation: levels } : levels;
  const top: number[] = [];
  const lines = queries.map((q) => {
    const l = listed(q.rows, w, lv, limit, perArticle, line);
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

/** FA-KES indexed as a whole, as the FA-KES tests index it. */
function fakesCorpus(): Corpus {
  const fakesDir = new URL('../fixtures/fa-kes/', import.meta.url);
  const fakes = new Corpus();
  if (!process.env.PARALLAX_NO_WORDS) fakes.setWordTable(loadWordTable());
  for (const f of readdirSync(fakesDir).sort())
    if (f.endsWith('.md') && f !== 'README.md') fakes.setText(f, readFileSync(new URL(f, fakesDir), 'utf8'));
  return fakes;
}

// ---- FA-KES story spans (fit-events-stories.ts): the line choice's queries in multi-story news. FIT_STORIES names the
// label file (default the tune half, which may be missing: then the line choice has ECB+ alone). FIT_STORIES_SCORE=FILE
// instead scores that file's story queries under the shipped model, as listed without and with its line choice, and
// stops before anything is fitted: how the held half is scored, once.
const shippedLevels: Levels = {
  cutoff: EVENT_MODEL.cutoff,
  continuation: EVENT_MODEL.continuation,
  continuationShare: EVENT_MODEL.continuationShare,
};
const storyLists = (queries: StoryQuery[], wq: number[], lv: Levels | number, line?: LineChoiceModel) =>
  queries.map((q) => listed(q.rows, wq, typeof lv === 'number' ? { cutoff: lv, continuation: lv } : lv, 5, 2, line).out.map((x) => x.r));
if (process.env.FIT_STORIES_SCORE) {
  const queries = storyQueries(fakesCorpus(), readStoryClusters(process.env.FIT_STORIES_SCORE));
  console.log(
    JSON.stringify({
      stories: process.env.FIT_STORIES_SCORE,
      model: EVENT_MODEL.version,
      lineChoice: EVENT_MODEL.lineChoice ?? null,
      asListed: {
        none: storyFigures(storyLists(queries, EVENT_MODEL.weights, shippedLevels)),
        withLineChoice: storyFigures(storyLists(queries, EVENT_MODEL.weights, shippedLevels, EVENT_MODEL.lineChoice)),
      },
    }),
  );
  process.exit(0);
}
/** Progress on stderr with the CPU seconds spent so far (a fit takes minutes on a shared machine). */
const progress = (what: string) => {
  const c = process.cpuUsage();
  console.error(`[${((c.user + c.system) / 1e6).toFixed(1)} s CPU] ${what}`);
};
// ---- data
const train = loadEcbplus(ECB_TRAIN);
const trainCorpus = ecbCorpus(train);
const trainQueries = ecbQueries(trainCorpus, train);
progress('ECB+ train candidates');
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
const fakes = fakesCorpus();
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

const storiesFile = process.env.FIT_STORIES ?? fileURLToPath(new URL('../fixtures/labels/fakes-stories-tune.json', import.meta.url));
const storyClusters = existsSync(storiesFile) ? readStoryClusters(storiesFile) : [];
const stories = storyQueries(fakes, storyClusters);
progress('FA-KES fit half and story queries');
console.error(`FA-KES story spans ${storiesFile}: ${storyClusters.length} clusters, ${stories.length} story queries`);
/** ECB+ train queries labelled for the line choice: a row is right when it covers a line of the query's event. */
const trainLabelled: LineQuery[] = trainQueries.map((q, i) => ({
  rows: q.rows.map((r) => ({ file: r.file, x: r.x, line: r.line, y: covers(lineRange(trainCorpus, r), train.targets[i]) ? 1 : 0 })),
}));

// ---- fit (FIT_DROP=a,b zeroes those features: an ablation, to measure what each one brings on dev)
const dropped = new Set((process.env.FIT_DROP ?? '').split(',').filter(Boolean));
const dropIdx = FEATURES.map((f, i) => (dropped.has(f) ? i : -1)).filter((i) => i >= 0);
const zero = (x: number[]) => {
  for (const i of dropIdx) x[i] = 0;
};
for (const r of rows) zero(r.x);
for (const q of trainQueries) for (const r of q.rows) zero(r.x);
for (const q of stories) for (const r of q.rows) zero(r.x);
const method = process.env.FIT_METHOD === 'pointwise' ? 'pointwise' : 'listwise';
// FIT_KEEP_PAIR=1 keeps the shipped pair model (weights, cut-off, continuation, share, CodeLens level) and fits the
// line choice alone under it: a change to which line an article is listed by, with the articles ranked as before.
const keepPair = process.env.FIT_KEEP_PAIR === '1';
const w = keepPair ? [...EVENT_MODEL.weights] : method === 'pointwise' ? fitLogistic(rows) : fitListwise(groups);

// ---- FIT_CV=k: cross-validation by topic on ECB+ train, to choose between feature sets on train alone. Topic t is
// held out in fold (index of t) mod k; each fold's weights are fitted on the other topics' queries and the FA-KES fit
// half, and its held topics' queries are ranked by them. Reported: the ranking alone, and as listed with the shipped
// model's cut-off and continuation (each fold's score is Platt-scaled, so it reads on the same scale). Then the
// script stops, before anything is read of dev.
const folds = Number(process.env.FIT_CV ?? 0);
/** With FIT_CV and FIT_CV_CHOOSE=1 (and FIT_KEEP_PAIR=1): the variant the choice rule picks, null for none. */
let cvChoice: LineVariant | null | undefined;
if (folds > 1) {
  const topicFold = new Map(ECB_TRAIN.map((t, k) => [t, k % folds]));
  const alone: RankedLine[][] = new Array(trainQueries.length);
  const asListed: RankedLine[][] = new Array(trainQueries.length);
  // Line choice variants (LINE_VARIANTS), each fitted per fold on the other topics' ECB+ queries and the other
  // clusters' FA-KES story queries; FA-KES tune clusters take fold (index of the cluster) mod k.
  const clusterFold = new Map(storyClusters.map((c, k) => [c.id, k % folds]));
  const aloneLines = LINE_VARIANTS.map(() => new Array<RankedLine[]>(trainQueries.length));
  const asListedLines = LINE_VARIANTS.map(() => new Array<RankedLine[]>(trainQueries.length));
  const lineWeights: number[][][] = LINE_VARIANTS.map(() => []);
  const storyListed: { y: number }[][] = new Array(stories.length);
  const storyAlone: { y: number }[][] = new Array(stories.length);
  const storyListedLines = LINE_VARIANTS.map(() => new Array<{ y: number }[]>(stories.length));
  const storyAloneLines = LINE_VARIANTS.map(() => new Array<{ y: number }[]>(stories.length));
  const shipped: Levels = {
    cutoff: EVENT_MODEL.cutoff,
    continuation: EVENT_MODEL.continuation,
    continuationShare: EVENT_MODEL.continuationShare,
  };
  for (let k = 0; k < folds; k++) {
    // With FIT_KEEP_PAIR=1 the pair weights are the shipped ones in every fold (only the line choice is fitted per fold:
    // what would ship); without it each fold refits them on its other topics, as the twelfth session measured.
    const wk = keepPair ? w : fitListwise(groups.filter((g) => topicFold.get(groupTopic.get(g) ?? -1) !== k));
    const held = trainQueries.map((_, i) => i).filter((i) => topicFold.get(train.docs[train.queries[i].file].topic) === k);
    const heldQueries = held.map((i) => trainQueries[i]);
    const a = rank(trainCorpus, heldQueries, wk, 0).lines;
    const l = rank(trainCorpus, heldQueries, wk, shipped).lines;
    const fitted = trainQueries.map((_, i) => i).filter((i) => topicFold.get(train.docs[train.queries[i].file].topic) !== k);
    held.forEach((i, j) => {
      alone[i] = a[j];
      asListed[i] = l[j];
    });
    const heldStories = stories.map((_, i) => i).filter((i) => clusterFold.get(stories[i].cluster) === k);
    const fittedStories = stories.map((_, i) => i).filter((i) => clusterFold.get(stories[i].cluster) !== k);
    const sq = heldStories.map((i) => stories[i]);
    const sl = storyLists(sq, wk, shipped);
    const sa = storyLists(sq, wk, 0);
    heldStories.forEach((i, j) => {
      storyListed[i] = sl[j];
      storyAlone[i] = sa[j];
    });
    progress(`fold ${k}: pair weights and lists without line choice`);
    LINE_VARIANTS.forEach((variant, v) => {
      const ecb = fitted.map((i) => trainLabelled[i]);
      const lk = fitLineChoice(variant.sources === 'both' ? [ecb, fittedStories.map((i) => stories[i])] : [ecb], wk, variant.drop);
      lineWeights[v].push(lk.weights);
      const al = rank(trainCorpus, heldQueries, wk, 0, 5, 2, lk).lines;
      const ll = rank(trainCorpus, heldQueries, wk, shipped, 5, 2, lk).lines;
      held.forEach((i, j) => {
        aloneLines[v][i] = al[j];
        asListedLines[v][i] = ll[j];
      });
      const ssl = storyLists(sq, wk, shipped, lk);
      const ssa = storyLists(sq, wk, 0, lk);
      heldStories.forEach((i, j) => {
        storyListedLines[v][i] = ssl[j];
        storyAloneLines[v][i] = ssa[j];
      });
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
      storiesFile,
      storyClusters: storyClusters.length,
      storyRankingAlone: storyFigures(storyAlone),
      storyAsListed: storyFigures(storyListed),
      withLineChoice: LINE_VARIANTS.map((variant, v) => ({
        variant: variant.name,
        features: lineFeatureCount(variant),
        rankingAlone: f(aloneLines[v]),
        asListed: f(asListedLines[v]),
        storyRankingAlone: storyFigures(storyAloneLines[v]),
        storyAsListed: storyFigures(storyListedLines[v]),
        lineFeatures: LINE_FEATURES,
        lineWeights: lineWeights[v],
      })),
      levels: shipped,
    }),
  );
  if (process.env.FIT_CV_CHOOSE !== '1' || !keepPair) process.exit(0);
  cvChoice = chooseLineVariant(
    { ecb: f(asListed), stories: storyFigures(storyListed) },
    LINE_VARIANTS.map((variant, v) => ({ variant, ecb: f(asListedLines[v]), stories: storyFigures(storyListedLines[v]) })),
  );
  console.error(`choice rule: ${cvChoice ? cvChoice.name : 'no line choice'}`);
  if (!cvChoice) process.exit(0);
}

// The line choice (which of an article's lines fill its places), fitted on ECB+ train and the FA-KES tune story
// queries under the pair weights just fitted. FIT_LINE_VARIANT=name picks one of LINE_VARIANTS; FIT_LINE=0 leaves it
// out (the lines in score order).
const lineVariant = cvChoice ?? LINE_VARIANTS.find((v) => v.name === process.env.FIT_LINE_VARIANT);
if (process.env.FIT_LINE !== '0' && !lineVariant)
  throw new Error(`FIT_LINE_VARIANT must name one of: ${LINE_VARIANTS.map((v) => v.name).join(' | ')}`);
const lineChoice =
  process.env.FIT_LINE === '0' || !lineVariant
    ? undefined
    : fitLineChoice(lineVariant.sources === 'both' ? [trainLabelled, stories] : [trainLabelled], w, lineVariant.drop);
console.error(
  `line choice ${lineVariant?.name ?? 'none'}: ${JSON.stringify(lineChoice)}, groups per source ${JSON.stringify(lineGroupCounts)}`,
);
console.error(
  `FA-KES story queries (${storiesFile}, in sample) as listed at the shipped levels: no line choice ${JSON.stringify(storyFigures(storyLists(stories, w, shippedLevels)))}, line choice ${JSON.stringify(storyFigures(storyLists(stories, w, shippedLevels, lineChoice)))}`,
);
const trainRank = rank(trainCorpus, trainQueries, w, 0, 5, 2, lineChoice);
const trainFigures = scoreRankings(train, trainRank.lines);

// ---- choose on dev: the cut-off is the highest score that leaves at most 2% of dev queries (each of which has
// true coverage) without an answer; the CodeLens level is the lowest top score at which 90% of dev top answers
// are right.
// With FIT_KEEP_PAIR=1 the cut-off and the CodeLens level are the shipped ones and dev is not read at all.
const devData = keepPair
  ? undefined
  : (() => {
      const dev = loadEcbplus(ECB_DEV);
      const devCorpus = ecbCorpus(dev);
      const devQueries = ecbQueries(devCorpus, dev);
      for (const q of devQueries) for (const r of q.rows) zero(r.x);
      return { dev, devCorpus, devQueries, devAll: rank(devCorpus, devQueries, w, 0) };
    })();
const tops = devData ? [...devData.devAll.top].sort((a, b) => a - b) : [];
const cutoff = devData ? Math.floor(tops[Math.floor(0.02 * tops.length)] * 1000) / 1000 : EVENT_MODEL.cutoff;
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
if (keepPair) {
  continuation = EVENT_MODEL.continuation;
  continuationShare = EVENT_MODEL.continuationShare;
}
const levels: Levels = { cutoff, continuation, continuationShare };

/** Train as listed: the figures, and per answered list its rows and wrong rows (line level; document level). */
function listedFigures(lv: Levels) {
  let answered = 0;
  let shown = 0;
  let wrong = 0;
  let wrongDoc = 0;
  trainQueries.forEach((q, i) => {
    const l = listed(q.rows, w, lv, 5, 2, lineChoice).out;
    if (!l.length) return;
    answered++;
    shown += l.length;
    for (const x of l) {
      if (!covers(lineRange(trainCorpus, x.r), train.targets[i])) wrong++;
      if (!train.targets[i].has(x.r.file)) wrongDoc++;
    }
  });
  const f = scoreRankings(train, rank(trainCorpus, trainQueries, w, lv, 5, 2, lineChoice).lines);
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
/** Dev figures and the CodeLens level chosen on dev (not with FIT_KEEP_PAIR=1). */
function devReport(devData: { dev: EcbData; devCorpus: Corpus; devQueries: Query[]; devAll: { top: number[] } }) {
  const { dev, devCorpus, devQueries } = devData;
  const devRank = rank(devCorpus, devQueries, w, levels, 5, 2, lineChoice);
  const devFigures = scoreRankings(dev, devRank.lines);
  const base = baselineRankings(dev);
  const ms = scoreRankings(dev, base.minisearch);
  const sw = scoreRankings(dev, base.sharedWords);
  const right = devRank.lines.map((ls, i) => (ls[0] ? covers(ls[0], dev.targets[i]) : false));
  const order = devData.devAll.top.map((s, i) => ({ s, ok: right[i] })).sort((a, b) => b.s - a.s);
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
    return { d, lines: rank(c, ecbQueries(c, d), w, levels, 5, 2, lineChoice).lines };
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
  const perArticle1 = scoreRankings(dev, rank(devCorpus, devQueries, w, levels, 5, 1, lineChoice).lines);
  console.error(
    `dev candidate recall ${pct(devRecall)}%; with one passage per article: hit@1 ${pct(perArticle1.hit1)} hit@3 ${pct(perArticle1.hit3)}`,
  );
  return {
    strong,
    figures: {
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
  };
}
const devPart = devData ? devReport(devData) : undefined;
const strong = devPart?.strong ?? EVENT_MODEL.strong;

const model = {
  // Names the model: the features and the fitted values (a cached event state of another model is rebuilt).
  version: `fit-${FEATURES.length}f-${fnv(JSON.stringify([FEATURES, w.map((x) => Math.round(x * 10000)), cutoff, continuation, continuationShare, ...(lineChoice ? [lineChoice] : [])]))}`,
  data:
    `fitted on ECB+ train topics ${ECB_TRAIN.join(',')} (${train.queries.length} queries, ${ecbRows} candidate rows) and the FA-KES ` +
    `fit half of the labelled incidents (${fit.length} incidents, ${fakesRows} rows); cut-off and CodeLens level chosen on ECB+ dev ` +
    `topics ${ECB_DEV.join(',')}; continuation level (the list's length) fitted on the train rows above; ${method === 'pointwise' ? 'logistic regression, L2 1, Newton' : `listwise conditional logit (Adam, L2 0.001, FA-KES groups weighted ${FAKES_WEIGHT}) then Platt scaling on the training rows`}${keepPair ? ` (the pair weights and levels of ${EVENT_MODEL.version} kept as they were)` : ''}${lineChoice && lineVariant ? `; line choice within an article (${lineVariant.name}): conditional logit over the lines of the right ECB+ train articles${lineVariant.sources === 'both' ? ` and of the right FA-KES articles of ${stories.length} story queries (${storyClusters.length} tune clusters), each source weighing half` : ''} (Adam, L2 0.001)` : ''}`,
  figures: {
    // The ranking alone (no cut-off), then as listed (cut-off chosen on dev, continuation on train), then with every row
    // at the cut-off, as before the continuation level.
    ecbTrain: { n: trainFigures.n, hit1: pct(trainFigures.hit1), hit3: pct(trainFigures.hit3), empty: pct(trainFigures.empty) },
    ecbTrainListed: trainListed,
    ecbTrainListedCutoffAlone: trainListedCutoffOnly,
    ecbTrainListedWithoutShare: trainListedNoShare,
    continuationBands: { parity: pct(parity), bands, shares: shareBands },
    ...(devPart?.figures ?? { ecbDev: 'not measured: FIT_KEEP_PAIR=1 keeps the pair model, cut-off and CodeLens level; dev is not read' }),
  },
  features: [...FEATURES],
  weights: w.map((x) => Math.round(x * 10000) / 10000),
  cutoff,
  continuation,
  continuationShare,
  strong,
  ...(lineChoice ? { lineChoice } : {}),
};
if (!process.env.FIT_DRY) writeFileSync(weightsFile, JSON.stringify(model, null, 2) + '\n');
console.log(JSON.stringify(model, null, 2));
