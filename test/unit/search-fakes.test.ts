// Search quality on FA-KES (issue 14): a query should find the articles that hold all its words in any inflection.
// The relevance judgement is written here by reading, one regular expression per word family (inflections only:
// "bombed" covers bomb/bombs/bombed/bombing/bombings, not "bomber"), independently of the search code. Floors
// (issue): among the first 50 results, at least 80% of the relevant articles (up to 25); at least 80% of the first
// 10 results from relevant articles (with fewer than ten relevant articles: all of them among the first 10). Dev queries are the three; the held-out queries were written before
// any result was looked at and are never tuned on. The baseline, measured in the same run, is the search before
// this issue: MiniSearch on the same passages without stemming, all words (fuzzy, prefix) first, else any word.
import * as fs from 'node:fs';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/core/corpus';

const DIR = new URL('../fixtures/fa-kes/', import.meta.url);

interface Query {
  query: string;
  split: 'dev' | 'held-out';
  /** One pattern per content word of the query: the inflections of that word. */
  words: RegExp[];
}

const QUERIES: Query[] = [
  {
    query: 'Aleppo evacuation buses',
    split: 'dev',
    words: [/\baleppo\b/i, /\bevacu(?:ate|ates|ated|ating|ation|ations|ee|ees)\b/i, /\bbus(?:es|ses)?\b/i],
  },
  {
    query: 'chemical attack Khan Sheikhoun',
    split: 'dev',
    words: [/\bchemicals?\b/i, /\battack(?:s|ed|ing)?\b/i, /\bkhan\b/i, /\bsheikhoun\b/i],
  },
  { query: 'hospitals bombed in Idlib', split: 'dev', words: [/\bhospitals?\b/i, /\bbomb(?:s|ed|ing|ings)?\b/i, /\bidlib\b/i] },
  { query: 'Russian airstrikes Douma', split: 'held-out', words: [/\brussians?\b/i, /\bairstrikes?\b/i, /\bdouma\b/i] },
  { query: 'Turkish troops Afrin', split: 'held-out', words: [/\bturkish\b/i, /\btroops?\b/i, /\bafrin\b/i] },
  { query: 'ceasefire talks Geneva', split: 'held-out', words: [/\bceasefires?\b/i, /\btalk(?:s|ed|ing)?\b/i, /\bgeneva\b/i] },
  {
    query: 'barrel bombs dropped Daraa',
    split: 'held-out',
    words: [/\bbarrels?\b/i, /\bbomb(?:s|ed|ing|ings)?\b/i, /\bdrop(?:s|ped|ping)?\b/i, /\bdaraa\b/i],
  },
  {
    query: 'civilians killed airstrike Raqqa',
    split: 'held-out',
    words: [/\bcivilians?\b/i, /\bkill(?:s|ed|ing)?\b/i, /\bairstrikes?\b/i, /\braqqa\b/i],
  },
];

const RELEVANT_CAP = 25;

let corpus: Corpus;
/** Article text as the reader sees it (front matter title included). */
const texts = new Map<string, string>();
let baseline: (q: string, limit: number) => string[];

beforeAll(() => {
  corpus = new Corpus();
  for (const name of fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = fs.readFileSync(new URL(name, DIR), 'utf8');
    texts.set(name, text);
    corpus.setText(name, text);
  }
  // The search before issue 14, over the same passages.
  const docs: { id: number; text: string; file: string }[] = [];
  for (const r of corpus.all())
    for (const p of r.parsed.passages)
      if (p.kind !== 'boilerplate') docs.push({ id: docs.length, text: r.text.slice(p.start, p.end), file: r.file });
  const old = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: [],
    tokenize: (s) => s.match(/[^\n\r\p{Z}\p{P}]+/gu) ?? [],
  });
  old.addAll(docs);
  baseline = (q, limit) => {
    for (const combineWith of ['AND', 'OR'] as const) {
      const hits = old.search(q, { prefix: true, fuzzy: 0.2, combineWith }).slice(0, limit);
      if (hits.length > 0) return hits.map((h) => docs[h.id as number].file);
    }
    return [];
  };
}, 120_000);

function measure(q: Query, resultFiles: string[]) {
  const relevant = new Set([...texts].filter(([, t]) => q.words.every((w) => w.test(t))).map(([f]) => f));
  const top50 = new Set(resultFiles.slice(0, 50));
  const found = [...relevant].filter((f) => top50.has(f)).length;
  const top10 = resultFiles.slice(0, 10);
  return {
    relevant: relevant.size,
    recall: Math.min(found, RELEVANT_CAP) / Math.min(RELEVANT_CAP, relevant.size),
    // Of the first 10 results, the share from relevant articles; with fewer than 10 relevant articles (which cannot
    // fill ten rows), the share of them among the first 10.
    precision10:
      relevant.size >= 10
        ? top10.filter((f) => relevant.has(f)).length / 10
        : new Set(top10.filter((f) => relevant.has(f))).size / Math.max(1, relevant.size),
  };
}

describe('Search Passages on FA-KES', () => {
  const rows: string[] = [];
  for (const q of QUERIES) {
    it(`${q.split}: "${q.query}" finds the articles holding all its words`, () => {
      const ours = measure(
        q,
        corpus.searchPassages(q.query, 50).map((h) => h.file),
      );
      const base = measure(q, baseline(q.query, 50));
      rows.push(
        `${q.split.padEnd(8)} ${JSON.stringify(q.query).padEnd(34)} relevant ${String(ours.relevant).padStart(3)}  ` +
          `found@50 ${pct(ours.recall)} (baseline ${pct(base.recall)})  relevant@10 ${pct(ours.precision10)} (baseline ${pct(base.precision10)})`,
      );
      expect(ours.relevant).toBeGreaterThan(0);
      expect(ours.recall).toBeGreaterThanOrEqual(0.8);
      expect(ours.precision10).toBeGreaterThanOrEqual(0.8);
    });
  }
  it('prints the figures', () => {
    console.log(['FA-KES (805 articles), Search Passages, first 50 results:', ...rows].join('\n'));
  });
});

function pct(x: number): string {
  return `${Math.round(100 * x)}%`.padStart(4);
}
