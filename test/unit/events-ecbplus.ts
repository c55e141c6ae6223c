// The ECB+ passage evaluation run through the core (not the shell): the passage part of the shared scorer
// (../shared/corpora/ecbplus/score.mjs), over the fixture copy in test/fixtures/ecbplus (CC BY 3.0, Cybulska and
// Vossen 2014; see its README), with the scorer's two baselines computed in the same run. Used by the quality test
// (dev topics) and by `npm run fit:events` (train topics for fitting, dev for the cut-off).
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { Corpus } from '../../src/core/corpus';
import { loadWordTable } from '../../src/node/wordTableFile';
import { AnyWordSearch } from './minisearch-any-word';

export const ECB_TRAIN = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33];
export const ECB_DEV = [2, 5, 12, 18, 21, 23, 34, 35];

const FIXTURE = new URL('../fixtures/ecbplus/', import.meta.url);

interface Doc {
  topic: number;
  subtopic: string;
  lines: Record<string, number>;
}
interface Chain {
  id: string;
  members: { file: string; line: number }[];
}
export interface EcbQuery {
  file: string;
  line: number;
  column: number;
  text: string;
  chains: string[];
  lookalike: string[];
}

export interface EcbData {
  files: string[];
  texts: Map<string, string>;
  docs: Record<string, Doc>;
  queries: EcbQuery[];
  /** Per query: file → lines of one of its chains there (other documents only). */
  targets: Map<string, Set<number>>[];
}

/** The fixture's documents and queries of these topics (the scorer's --topics). */
export function loadEcbplus(topics: number[]): EcbData {
  const set = new Set(topics);
  const docs = JSON.parse(readFileSync(new URL('gold/docs.json', FIXTURE), 'utf8')) as Record<string, Doc>;
  const gold = JSON.parse(readFileSync(new URL('gold/passages.json', FIXTURE), 'utf8')) as { chains: Chain[]; queries: EcbQuery[] };
  const inTopics = (f: string) => docs[f] !== undefined && set.has(Number(docs[f].topic));
  const files = Object.keys(docs).filter(inTopics).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(new URL('corpus/' + f, FIXTURE), 'utf8')]));
  const chains = new Map(gold.chains.filter((c) => c.members.every((m) => inTopics(m.file))).map((c) => [c.id, c]));
  const queries = gold.queries.filter((q) => inTopics(q.file));
  const targets = queries.map((q) => {
    const t = new Map<string, Set<number>>();
    for (const id of q.chains) {
      for (const m of chains.get(id)?.members ?? []) {
        if (m.file === q.file) continue;
        if (!t.has(m.file)) t.set(m.file, new Set());
        t.get(m.file)!.add(m.line);
      }
    }
    return t;
  });
  return { files, texts, docs, queries, targets };
}

/** The corpus as the CLI builds it (with the shipped word table unless PARALLAX_NO_WORDS is set: for measuring). */
export function ecbCorpus(data: EcbData): Corpus {
  const corpus = new Corpus();
  if (!process.env.PARALLAX_NO_WORDS) corpus.setWordTable(loadWordTable());
  for (const f of data.files) corpus.setText(f, data.texts.get(f)!);
  return corpus;
}

export interface RankedLine {
  file: string;
  line: number;
  endLine: number;
}

export interface PassageFigures {
  n: number;
  hit1: number;
  hit3: number;
  lookalike1: number;
  empty: number;
}

/** A result covers a target when it is in a target document and its line range holds a target line. */
export function covers(r: RankedLine, t: Map<string, Set<number>>): boolean {
  const ls = t.get(r.file);
  if (!ls) return false;
  for (const l of ls) if (l >= r.line && l <= r.endLine) return true;
  return false;
}

export function scoreRankings(data: EcbData, rankings: RankedLine[][]): PassageFigures {
  let h1 = 0;
  let h3 = 0;
  let la = 0;
  let empty = 0;
  data.queries.forEach((q, i) => {
    const res = rankings[i];
    if (!res.length) empty++;
    const rank = res.slice(0, 5).findIndex((r) => covers(r, data.targets[i]));
    if (rank === 0) h1++;
    if (rank >= 0 && rank < 3) h3++;
    if (res[0] && q.lookalike.includes(res[0].file)) la++;
  });
  const n = data.queries.length;
  return { n, hit1: h1 / n, hit3: h3 / n, lookalike1: la / n, empty: empty / n };
}

/** Parallax's `related` at each query's cursor place, as the CLI answers it (1-based line ranges). */
export function productRankings(corpus: Corpus, data: EcbData, limit = 5): RankedLine[][] {
  return data.queries.map((q) => {
    const offset = corpus.offsetAt(q.file, q.line - 1, q.column - 1);
    return corpus.related(q.file, offset, limit).map((r) => ({
      file: r.file,
      line: corpus.position(r.file, r.start).line + 1,
      endLine: corpus.position(r.file, r.end).line + 1,
    }));
  });
}

const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too
under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say will just one two new its s t also`.split(
    /\s+/,
  ),
);
const words = (s: string) =>
  (s.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) || [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 1 && !STOP.has(w));

/** The scorer's baselines, one passage per annotated sentence: plain MiniSearch, and the shared-word count. */
export function baselineRankings(data: EcbData, limit = 5): { minisearch: RankedLine[][]; sharedWords: RankedLine[][] } {
  const lines = (f: string) => data.texts.get(f)!.split('\n');
  const passages = data.files.flatMap((f) => {
    const ls = lines(f);
    return Object.values(data.docs[f].lines)
      .sort((a, b) => a - b)
      .map((l) => ({ id: `${f}:${l}`, file: f, line: l, text: ls[l - 1] }));
  });
  const ms = new MiniSearch<{ id: string; file: string; line: number; text: string }>({ fields: ['text'] });
  ms.addAll(passages);
  // `ms.search(q.text)`, its ranking and scores, without MiniSearch's per-result objects (minisearch-any-word.ts).
  const anyWord = new AnyWordSearch(
    ms,
    passages.map((p) => p.id),
  );
  const byId = new Map(passages.map((p) => [p.id, p]));
  const minisearch = data.queries.map((q) =>
    anyWord
      .search(q.text)
      .map((r) => byId.get(r.id)!)
      .filter((p) => p.file !== q.file)
      .slice(0, limit)
      .map((p) => ({ file: p.file, line: p.line, endLine: p.line })),
  );
  const pw = passages.map((p) => new Set(words(p.text)));
  const inv = new Map<string, number[]>();
  pw.forEach((s, i) => {
    for (const w of s) {
      if (!inv.has(w)) inv.set(w, []);
      inv.get(w)!.push(i);
    }
  });
  // The first `limit` passages by shared words, fewer words in the passage, then passage order: a total order, so
  // keeping the best `limit` while counting gives what sorting every candidate and slicing gave.
  const before = (a: [number, number], b: [number, number]) => b[1] - a[1] || pw[a[0]].size - pw[b[0]].size || a[0] - b[0];
  const sharedWords = data.queries.map((q) => {
    const cnt = new Map<number, number>();
    for (const w of new Set(words(q.text)))
      for (const i of inv.get(w) || []) if (passages[i].file !== q.file) cnt.set(i, (cnt.get(i) || 0) + 1);
    const best: [number, number][] = [];
    for (const e of cnt.entries()) {
      if (best.length === limit && (limit === 0 || before(e, best[limit - 1]) >= 0)) continue;
      let at = best.length;
      while (at > 0 && before(e, best[at - 1]) < 0) at--;
      best.splice(at, 0, e);
      if (best.length > limit) best.pop();
    }
    return best.map(([i]) => ({ file: passages[i].file, line: passages[i].line, endLine: passages[i].line }));
  });
  return { minisearch, sharedWords };
}
