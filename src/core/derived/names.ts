// The names derived from the articles: each article's extraction (kept per file, restored from the persisted index
// or extracted from the text on first need, and packed again once the corpus is resolved) and the corpus-wide entity
// resolution over them, with its state.
import { packExtraction, type PackedNames, type RestoredEntry } from '../cache';
import { extractNames, resolveEntities, resolveEntitiesSteps, type ArticleNames, type EntityIndex } from '../names';
import type { ArticleRecord } from '../record';
import type { ArticleStore } from '../store';
import type { DerivedState } from './state';

interface Extraction {
  names?: ArticleNames;
  /**
   * The extraction packed as the cache holds it: restored from the persisted index, or packed after a full
   * resolution (packSteps); unpacked only when a resolution needs it again (most sessions never do).
   */
  packed?: PackedNames<ArticleNames>;
}

/** What attaching one changed article did to the entity index. */
export type AttachOutcome = 'none' | 'attached' | 'dropped';

export class NamesIndex {
  private readonly extractions = new Map<string, Extraction>();
  private index: EntityIndex | null = null;
  /**
   * The index was updated article by article since the last full resolution (fast, but can miss merges only
   * whole-corpus statistics find): the next link() resolves everything again.
   */
  private approximate = false;
  /** Articles attached one by one since the last full resolution: past a few, one full resolution is cheaper. */
  private attachedSinceResolution = 0;

  constructor(private readonly store: ArticleStore) {}

  /** The entity index as it is (null: absent); entities() in DerivedIndexes builds it when needed. */
  get current(): EntityIndex | null {
    return this.index;
  }

  /** Whether link() must resolve the corpus: absent, or approximate after edits. */
  get needsResolution(): boolean {
    return !this.index || this.approximate;
  }

  /** `restored`: persisted corpus-wide state is waiting to be adopted. */
  state(restored: boolean): DerivedState {
    if (this.index) return this.approximate ? 'approximate' : 'exact';
    return restored ? 'restored' : 'absent';
  }

  /** One article's extraction: restored from the persisted index when it holds one, else extracted now. */
  extractionOf(record: ArticleRecord): ArticleNames {
    let e = this.extractions.get(record.file);
    if (!e) this.extractions.set(record.file, (e = {}));
    if (!e.names && e.packed) {
      e.names = e.packed.names(record.text, record.file);
      e.packed = undefined;
    }
    e.names ??= extractNames({
      file: record.file,
      text: record.text,
      passages: record.parsed.passages,
      headings: record.parsed.headings,
      meta: record.parsed.meta,
    });
    return e.names;
  }

  /** The extraction to persist for a file: unpacked, or still in its packed form (written back as it is). */
  persisted(file: string): { names?: ArticleNames; packedNames?: string | null } {
    const e = this.extractions.get(file);
    return { names: e?.names, packedNames: e?.names ? undefined : e?.packed?.packedNames() };
  }

  /**
   * Packs every article's extraction (as the cache holds it), one article a step, once the corpus is resolved: until
   * the next full resolution only the cache export reads them, and it writes the packed form as it is. An edited
   * article's new extraction is unpacked (the one-article update reads it) until the next full resolution packs it.
   */
  *packSteps(): Generator<void, void, void> {
    for (const record of [...this.store.records.values()]) {
      const e = this.extractions.get(record.file);
      // Gone or changed since (its extraction was forgotten with its old text), or packed already.
      if (!e?.names || this.store.records.get(record.file) !== record) continue;
      e.packed = packExtraction(e.names, record.text);
      e.names = undefined;
      yield;
    }
  }

  /** A file's text changed or it is gone: its extraction is of another text. */
  forget(file: string): void {
    this.extractions.delete(file);
  }

  /** The persisted extraction of a file's (new) text, unpacked when first needed. */
  restore(file: string, entry: RestoredEntry<ArticleNames>): void {
    this.extractions.set(file, { packed: entry });
  }

  resolveInputs(): { file: string; meta: ArticleRecord['meta']; names: ArticleNames }[] {
    return [...this.store.records.values()].map((r) => ({ file: r.file, meta: r.meta, names: this.extractionOf(r) }));
  }

  /** A full resolution at once. */
  resolve(): EntityIndex {
    return resolveEntities(this.resolveInputs(), this.store.glossaryEntries());
  }

  /** A full resolution in steps (seconds at 10k articles), for link() to run between pauses. */
  resolveSteps(): Generator<void, EntityIndex, void> {
    return resolveEntitiesSteps(this.resolveInputs(), this.store.glossaryEntries());
  }

  /** A full resolution of exactly this corpus (resolved or adopted from the persisted index). */
  install(index: EntityIndex): void {
    this.index = index;
    this.approximate = false;
    this.attachedSinceResolution = 0;
  }

  /** The index just installed had edits attached since its last full resolution (restored as it was saved). */
  markApproximate(): void {
    if (this.index) this.approximate = true;
  }

  /** Glossaries or corrections changed (or an update failed): the next query resolves the corpus in full. */
  drop(): void {
    this.index = null;
    this.approximate = false;
  }

  /**
   * How many articles may be attached one by one after a full resolution before one full resolution is cheaper:
   * each update copies the index's id and file tables, so past a twentieth of the corpus (and at least 50, where a
   * resolution is quick anyway) a bulk change (a branch switch, files changed while the editor was closed) is
   * resolved once instead.
   */
  attachLimit(): number {
    return Math.max(50, this.store.records.size / 20);
  }

  /**
   * One article changed (null: removed). An existing index is updated for that article alone: resolving the whole
   * corpus again costs seconds at 10k articles, and link() does it once indexing settles.
   */
  attach(file: string, record: ArticleRecord | null): AttachOutcome {
    if (!this.index) return 'none';
    // Each update copies the id and file tables; a bulk change (a branch switch) is cheaper resolved once.
    if (++this.attachedSinceResolution > this.attachLimit()) {
      this.drop();
      return 'dropped';
    }
    try {
      const input = record ? { meta: record.meta, names: this.extractionOf(record) } : null;
      this.index = this.index.withArticle(file, input);
      this.approximate = true;
      return 'attached';
    } catch {
      // A bug in the update must not leave a wrong index: the next query resolves the corpus in full.
      this.drop();
      return 'dropped';
    }
  }
}
