// FA-KES story spans (test/fixtures/labels/fakes-stories-*.json, labelled by reading) as queries of the line choice:
// which of an article's lines tells the asked line's story, in multi-story news. A query is the passage holding a
// span's quote (the cursor at the quote's middle) in FA-KES indexed as a whole; its stories are every story of the
// cluster with a span in that passage. A candidate row "holds" a story when the middle of one of that story's quotes
// lies in the row's passage range, in another article.
import { readFileSync } from 'node:fs';
import type { Corpus } from '../src/core/corpus';

export interface StorySpan {
  file: string;
  quote: string;
}
export interface StoryCluster {
  id: string;
  files: string[];
  stories: { id: string; description: string; spans: StorySpan[] }[];
}

/** A candidate row of a story query: `y` 1 when its passage holds a span of one of the query's stories. */
export interface StoryRow {
  file: string;
  start: number;
  end: number;
  x: number[];
  line: number[];
  y: number;
}
export interface StoryQuery {
  cluster: string;
  file: string;
  rows: StoryRow[];
}

export function readStoryClusters(path: string): StoryCluster[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { clusters: StoryCluster[] }).clusters;
}

/**
 * Every passage holding a span, once, as a query, with its candidates labelled; a passage whose stories have no span
 * in another article is left out (nothing to find). Throws on a quote that is not exactly once in its file.
 */
export function storyQueries(corpus: Corpus, clusters: StoryCluster[]): StoryQuery[] {
  const out: StoryQuery[] = [];
  for (const cluster of clusters) {
    const middles: { file: string; story: string; mid: number }[] = [];
    for (const story of cluster.stories)
      for (const span of story.spans) {
        const text = corpus.get(span.file)?.text;
        const at = text?.indexOf(span.quote) ?? -1;
        if (!text || at < 0 || text.indexOf(span.quote, at + 1) >= 0)
          throw new Error(`${cluster.id}: quote not once in ${span.file}: ${span.quote}`);
        middles.push({ file: span.file, story: story.id, mid: at + Math.floor(span.quote.length / 2) });
      }
    const asked = new Map<string, { file: string; offset: number; stories: Set<string> }>();
    for (const m of middles) {
      const passage = corpus.coveragePassageAt(m.file, m.mid);
      if (!passage || passage.kind === 'boilerplate') continue;
      const key = `${m.file}#${passage.index}`;
      const q = asked.get(key) ?? { file: m.file, offset: m.mid, stories: new Set<string>() };
      q.stories.add(m.story);
      asked.set(key, q);
    }
    for (const q of asked.values()) {
      const targets = middles.filter((m) => q.stories.has(m.story) && m.file !== q.file);
      if (!targets.length) continue;
      const holds = (r: { file: string; start: number; end: number }) =>
        targets.some((t) => t.file === r.file && t.mid >= r.start && t.mid < r.end);
      const rows = corpus
        .coverageCandidates(q.file, q.offset)
        .map((c) => ({ file: c.file, start: c.start, end: c.end, x: c.features, line: c.line, y: holds(c) ? 1 : 0 }));
      out.push({ cluster: cluster.id, file: q.file, rows });
    }
  }
  return out;
}

/** hit@1 / hit@3 of story queries' lists (rows shown, best first): a hit is a row holding a span of the query's story. */
export function storyFigures(lists: { y: number }[][]): { n: number; hit1: number; hit3: number; empty: number } {
  const n = lists.length;
  const hit1 = lists.filter((l) => l[0]?.y === 1).length;
  const hit3 = lists.filter((l) => l.slice(0, 3).some((r) => r.y === 1)).length;
  const empty = lists.filter((l) => !l.length).length;
  const pct = (x: number) => Math.round((1000 * x) / Math.max(1, n)) / 10;
  return { n, hit1: pct(hit1), hit3: pct(hit3), empty: pct(empty) };
}
