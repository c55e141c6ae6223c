// The full-text passage index (MiniSearch, see search.ts) as a derived index: built on the first search, article by
// article (in slices before that search, or at once when the search comes first), kept current on edits.
import type { ArticleRecord } from '../record';
import { newPassageIndex, rankPassages, type PassageIndex } from '../search';
import type { DerivedState } from './state';

/** One ranked passage: where it lives and its score. */
export interface SearchHit {
  file: string;
  passage: number;
  score: number;
}

export class PassageSearch {
  /**
   * Built on the first search: it costs as much as the rest of indexing together, and neither the tree, hovers nor
   * a warm start need it.
   */
  private index: PassageIndex | null = null;
  /** Every article is in the index (while it is built in slices, some are not yet). */
  private complete = false;
  // Where each MiniSearch document id lives, as two columns indexed by id (a Map of small objects was 100k objects
  // at 10k articles). Ids start at 1 and are never reused while the index lives; a discarded id has no file.
  private readonly fileOfId: (string | undefined)[] = [undefined];
  private readonly passageOfId: number[] = [0];
  private readonly idsByFile = new Map<string, number[]>();

  get ready(): boolean {
    return this.index !== null && this.complete;
  }

  state(): DerivedState {
    return !this.index ? 'absent' : this.complete ? 'exact' : 'approximate';
  }

  /** An article changed or was added: indexed at once when the index exists (else the first search indexes it). */
  add(record: ArticleRecord): void {
    if (this.index) this.indexPassages(this.index, record);
  }

  /** An article's passages leave the index (its text changed, or it is gone). */
  discard(file: string): void {
    const ids = this.idsByFile.get(file);
    if (!ids) return;
    for (const id of ids) {
      this.index?.discard(id);
      this.fileOfId[id] = undefined;
    }
    this.idsByFile.delete(file);
  }

  /**
   * Builds the index article by article between pauses. It is installed at once so edits made meanwhile keep it
   * consistent; what is indexed stays when the build is cut short (the next build or search goes on from there).
   */
  async build(records: ReadonlyMap<string, ArticleRecord>, pause: () => Promise<boolean>): Promise<boolean> {
    if (!this.index) {
      this.index = newPassageIndex();
      this.complete = false;
    }
    const index = this.index;
    for (const record of [...records.values()]) {
      // Completed meanwhile by a synchronous search: this build is over.
      if (this.complete) return true;
      if (records.get(record.file) !== record || this.idsByFile.has(record.file)) continue;
      this.indexPassages(index, record);
      if (!(await pause())) return false;
    }
    this.complete = true;
    return true;
  }

  /** Passages for a query, best first (search.ts ranks them); the index is completed at once when it is not yet. */
  search(records: ReadonlyMap<string, ArticleRecord>, query: string, limit: number): SearchHit[] {
    const index = this.completed(records);
    const ranked = rankPassages(
      index,
      query,
      (id) => this.fileOfId[id],
      limit,
      (file) => records.get(file)?.meta.title,
    );
    const out: SearchHit[] = [];
    for (const r of ranked) {
      const file = this.fileOfId[r.id];
      if (file !== undefined) out.push({ file, passage: this.passageOfId[r.id], score: r.score });
    }
    return out;
  }

  private completed(records: ReadonlyMap<string, ArticleRecord>): PassageIndex {
    this.index ??= newPassageIndex();
    if (!this.complete) {
      for (const record of records.values()) if (!this.idsByFile.has(record.file)) this.indexPassages(this.index, record);
      this.complete = true;
    }
    return this.index;
  }

  private indexPassages(index: PassageIndex, record: ArticleRecord): void {
    const ids: number[] = [];
    const docs: { id: number; text: string }[] = [];
    for (const p of record.parsed.passages) {
      if (p.kind === 'boilerplate') continue;
      const id = this.fileOfId.length;
      this.fileOfId[id] = record.file;
      this.passageOfId[id] = p.index;
      ids.push(id);
      docs.push({ id, text: record.text.slice(p.start, p.end) });
    }
    index.addAll(docs);
    this.idsByFile.set(record.file, ids);
  }
}
