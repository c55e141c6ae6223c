// Small workspaces drawn from ECB+ train topics, for `npm run fit:events`: a reader's folder of five articles on one
// story or two, where a passage's coverage may not be there at all (its event's other documents were not drawn). The
// fit reads them to choose a cut-off that is right at every workspace size, not only in one big workspace where every
// query has an answer.
import { Corpus } from '../src/core/corpus';
import { loadWordTable } from '../src/node/wordTableFile';
import { covers, type EcbData, type RankedLine } from '../test/unit/events-ecbplus';
// The benchmark's seeded generator (mulberry32): the draws are the same on every run.
import { prng } from '../test/bench/generate.mjs';

/** One query asked in a small workspace: its candidates and what is right among them. */
export interface SmallQuery {
  /** The query's index in the full train data. */
  query: number;
  /** Some other document of its event is in the workspace. */
  covered: boolean;
  rows: { file: string; start: number; x: number[]; line: RankedLine; right: boolean; rightArticle: boolean }[];
}

function pick<T>(xs: T[], n: number, rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

/**
 * `draws` workspaces per train topic and shape: five documents of the topic (either subtopic), and three of it with
 * two of another topic. Every annotated sentence of a drawn document is asked, at the place the scorer asks it.
 */
export function smallWorkspaces(data: EcbData, draws: number, seed = 12): SmallQuery[] {
  const rnd: () => number = prng(seed);
  const table = process.env.PARALLAX_NO_WORDS ? null : loadWordTable();
  const byTopic = new Map<number, string[]>();
  for (const f of data.files) {
    const t = Number(data.docs[f].topic);
    byTopic.set(t, [...(byTopic.get(t) ?? []), f]);
  }
  const topics = [...byTopic.keys()].sort((a, b) => a - b);
  const out: SmallQuery[] = [];
  for (const topic of topics)
    for (let d = 0; d < draws; d++)
      for (const shape of ['one story', 'two stories'] as const) {
        let files: string[];
        if (shape === 'one story') files = pick(byTopic.get(topic)!, 5, rnd);
        else {
          const other = pick(
            topics.filter((t) => t !== topic),
            1,
            rnd,
          )[0];
          files = [...pick(byTopic.get(topic)!, 3, rnd), ...pick(byTopic.get(other)!, 2, rnd)];
        }
        out.push(...askAll(data, files, table));
      }
  return out;
}

function askAll(data: EcbData, files: string[], table: ReturnType<typeof loadWordTable> | null): SmallQuery[] {
  const corpus = new Corpus();
  if (table) corpus.setWordTable(table);
  const here = new Set(files);
  for (const f of [...files].sort()) corpus.setText(f, data.texts.get(f)!);
  const out: SmallQuery[] = [];
  data.queries.forEach((q, i) => {
    if (!here.has(q.file)) return;
    const targets = new Map([...data.targets[i]].filter(([f]) => here.has(f)));
    const offset = corpus.offsetAt(q.file, q.line - 1, q.column - 1);
    const rows = corpus.coverageCandidates(q.file, offset).map((c) => {
      const line = { file: c.file, line: corpus.position(c.file, c.start).line + 1, endLine: corpus.position(c.file, c.end).line + 1 };
      return { file: c.file, start: c.start, x: c.features, line, right: covers(line, targets), rightArticle: targets.has(c.file) };
    });
    out.push({ query: i, covered: targets.size > 0, rows });
  });
  return out;
}
