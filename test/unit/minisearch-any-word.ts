// The evaluations' plain-search baseline: a MiniSearch index of whole texts asked with a long text (a whole article),
// any of its words (`combineWith: 'OR'`). MiniSearch answers such a query in time quadratic in the number of words
// (its OR merge keeps each document's matched terms in an array and looks every new term up in it): asked with each
// FA-KES article, that was about 30 s of CPU per test run. This asks MiniSearch once per distinct word for its
// BM25 score in each document, then adds the scores as its OR merge does — in the query's word order, one document at
// a time, starting from the first word that matches it — multiplies by the number of distinct words matched, and sorts
// as its search does (by score, stable, documents in the order the merge first met them). The result is MiniSearch's
// ranking with its scores to the last bit (checked against `index.search` when this was written, on every query of
// events-fakes), in a fraction of the time.
import MiniSearch from 'minisearch';

type Tokenize = (text: string) => string[];
type ProcessTerm = (term: string) => string | string[] | null | undefined | false;

/** One word's BM25 score in each document holding it, in the order MiniSearch lists the word's documents. */
interface Postings {
  docs: Int32Array;
  scores: Float64Array;
}

export class AnyWordSearch {
  private readonly tokenize = MiniSearch.getDefault('tokenize') as Tokenize;
  private readonly processTerm = MiniSearch.getDefault('processTerm') as ProcessTerm;
  private readonly postings = new Map<string, Postings>();
  private readonly addIndex: Map<string, number>;
  // Per query: each document's running score, distinct words matched, and the order the merge first met it.
  private readonly score: Float64Array;
  private readonly matched: Int32Array;
  private readonly stamp: Int32Array;
  private query = 0;

  /**
   * `index` holds one field and was filled with `ids`, in this order, with default tokenizing, processing and search
   * options (no prefix, fuzzy or boosts) and nothing removed: MiniSearch then lists a word's documents in that order.
   */
  constructor(
    private readonly index: MiniSearch,
    private readonly ids: readonly string[],
  ) {
    this.addIndex = new Map(ids.map((id, i) => [id, i]));
    this.score = new Float64Array(ids.length);
    this.matched = new Int32Array(ids.length);
    this.stamp = new Int32Array(ids.length);
  }

  /** The words MiniSearch's search reads from a query string. */
  private terms(text: string): string[] {
    return this.tokenize(text)
      .flatMap((t) => this.processTerm(t))
      .filter((t): t is string => !!t);
  }

  private postingsOf(term: string): Postings {
    let p = this.postings.get(term);
    if (p) return p;
    const asked = this.terms(term);
    if (asked.length !== 1 || asked[0] !== term) throw new Error(`AnyWordSearch: MiniSearch reads '${term}' as ${JSON.stringify(asked)}`);
    // A one-word search's score is that word's BM25 score (times one matched word).
    const hits = this.index.search(term).map((r) => ({ doc: this.addIndex.get(String(r.id))!, score: r.score }));
    hits.sort((a, b) => a.doc - b.doc);
    p = { docs: Int32Array.from(hits, (h) => h.doc), scores: Float64Array.from(hits, (h) => h.score) };
    this.postings.set(term, p);
    return p;
  }

  /** `index.search(text)` with default options (any word; a repeated word counts once per repetition). Best first. */
  search(text: string): { id: string; score: number }[] {
    return this.merge(this.terms(text), () => 1);
  }

  /**
   * `index.search(text, { combineWith: 'OR', boostTerm })` where boostTerm(word) is how often `text` holds the word:
   * each distinct word of `text` asked once, boosted by its count (MiniSearch adds a repeated word's score once per
   * repetition, so these are the same sums). Ids and scores, best first.
   */
  searchDistinctWords(text: string): { id: string; score: number }[] {
    const counts = new Map<string, number>();
    for (const term of this.terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return this.merge(this.terms([...counts.keys()].join(' ')), (term) => counts.get(term) ?? 1);
  }

  /** MiniSearch's OR merge of the query words `terms` (in query order, each boosted by `boost`), then its sort. */
  private merge(terms: readonly string[], boost: (term: string) => number): { id: string; score: number }[] {
    const stamp = ++this.query;
    const met: number[] = [];
    const seen = new Set<string>();
    for (const term of terms) {
      // MiniSearch's weighted score: 1 (word weight) * boost * 1 (field) * 1 (document) * BM25, the same double.
      const termBoost = boost(term);
      const distinct = !seen.has(term);
      seen.add(term);
      const { docs, scores } = this.postingsOf(term);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        const weighted = termBoost * scores[i];
        if (this.stamp[d] !== stamp) {
          this.stamp[d] = stamp;
          this.score[d] = weighted;
          this.matched[d] = 1;
          met.push(d);
        } else {
          this.score[d] = this.score[d] + weighted;
          if (distinct) this.matched[d]++;
        }
      }
    }
    const out = met.map((d) => ({ id: this.ids[d], score: this.score[d] * this.matched[d] }));
    return out.sort((a, b) => b.score - a.score);
  }
}
