// The event index derived from the articles and their resolved names, with what it was last brought up to date
// with: a per-file signature of what each article was fed with, the entity resolution it was synced against, and
// the files changed since (when only those need re-feeding).
import { EventIndex, type BackgroundRarity } from '../events';
import { contentHash } from '../kit/hash';
import type { EntityIndex } from '../names';
import type { ArticleRecord } from '../record';
import type { DerivedState } from './state';

export class EventsIndex {
  private index: EventIndex | null = null;
  private background: BackgroundRarity | null = null;
  /** Per-file signature of the entity ids its mentions resolved to when last fed to the event index. */
  private readonly signatures = new Map<string, string>();
  /** The entity resolution the index was last brought up to date with: queries in between cost nothing. */
  private syncedWith: EntityIndex | null = null;
  /** Files changed since the last sync, when only those need re-feeding; null: check every file. */
  private pending: Set<string> | null = null;

  get current(): EventIndex | null {
    return this.index;
  }

  /** Whether the index is up to date with this entity resolution (then a query costs nothing more). */
  isSyncedWith(entities: EntityIndex | null): boolean {
    return this.index !== null && this.syncedWith === entities;
  }

  /**
   * `names`: the names index's state and `entities` its current index; `restored`: persisted corpus-wide state is
   * waiting to be adopted.
   */
  state(names: DerivedState, entities: EntityIndex | null, restored: boolean): DerivedState {
    if (!this.index) return restored ? 'restored' : 'absent';
    if (this.syncedWith === null || this.syncedWith !== entities) return this.syncedWith === null && !entities ? 'restored' : 'approximate';
    return names === 'exact' ? 'exact' : 'approximate';
  }

  setBackground(background: BackgroundRarity | null): void {
    this.background = background;
    this.index?.setBackground(background);
  }

  /** The entities were resolved again or dropped: the next sync checks every file's signature. */
  checkAll(): void {
    this.pending = null;
  }

  /** One article was attached to the entity index: the next sync re-feeds it (alone, when nothing else changed). */
  articleAttached(file: string): void {
    this.pending?.add(file);
  }

  /** Drops the index (exact entities were adopted, and with them the event index computed from them). */
  clear(): void {
    this.index = null;
  }

  /**
   * Adopt a persisted event index with the signatures it was fed with; `entities`: the resolution it was computed
   * with, when that was adopted too (then nothing needs re-feeding).
   */
  adopt(index: EventIndex, signatures: readonly [string, string][], entities: EntityIndex | null): void {
    this.index = index;
    index.setBackground(this.background);
    this.signatures.clear();
    for (const [file, signature] of signatures) this.signatures.set(file, signature);
    this.syncedWith = entities;
    if (entities) this.pending = new Set();
  }

  /** The signatures the index was fed with, to persist beside it. */
  persistedSignatures(): [string, string][] {
    return [...this.signatures];
  }

  /**
   * Feeds the index article by article against `entities`, yielding after each one so link() can give the event
   * loop back. Returns false, leaving the rest for the next sync, once `stillCurrent` says the resolution was replaced.
   */
  *syncSteps(entities: EntityIndex, records: ReadonlyMap<string, ArticleRecord>, stillCurrent: () => boolean): Generator<void, boolean> {
    if (!this.index) {
      this.index = new EventIndex();
      this.index.setBackground(this.background);
      this.signatures.clear();
    }
    const events = this.index;
    const pending = this.pending;
    if (pending && this.syncedWith) {
      // Only these files changed since the last sync, and the other files' mentions were left as they were.
      for (const file of [...pending]) {
        if (!stillCurrent()) return false;
        const record = records.get(file);
        if (!record) {
          events.removeArticle(file);
          this.signatures.delete(file);
        } else {
          this.feed(events, record, entities.mentionsIn(file));
        }
        pending.delete(file);
        yield;
      }
      this.syncedWith = entities;
      return true;
    }
    for (const file of [...this.signatures.keys()]) {
      if (!records.has(file)) {
        events.removeArticle(file);
        this.signatures.delete(file);
      }
    }
    // Each article's mentions come from the entity index's per-file lists: collecting them from every entity first
    // was one block over every mention of the corpus (seconds at 50k articles).
    let unchanged = 0;
    for (const record of [...records.values()]) {
      // The corpus changed while we were paused: the next query re-syncs against the new resolution.
      if (!stillCurrent()) return false;
      if (records.get(record.file) !== record) continue;
      const mentions = entities.mentionsIn(record.file);
      const signature = eventSignature(record, mentions);
      if (this.signatures.get(record.file) === signature) {
        // Checking is cheap but not free: a warm start with a few changed articles checks all of them.
        if (++unchanged % 64 === 0) yield;
        continue;
      }
      this.feed(events, record, mentions, signature);
      yield;
    }
    this.syncedWith = entities;
    if (stillCurrent()) this.pending = new Set();
    return true;
  }

  private feed(
    events: EventIndex,
    record: ArticleRecord,
    mentions: ReturnType<EntityIndex['mentionsIn']>,
    signature = eventSignature(record, mentions),
  ): void {
    events.setArticle({
      file: record.file,
      text: record.text,
      passages: record.parsed.passages,
      bodyStart: record.parsed.bodyStart,
      meta: record.meta,
      mentions,
    });
    this.signatures.set(record.file, signature);
  }
}

/**
 * What an article was fed to the event index with: its text (by hash), its date when a reader corrected it, and the
 * entity of each of its mentions. Hashed: the ids of a long article's mentions run to kilobytes, and only equality
 * matters.
 */
function eventSignature(record: ArticleRecord, mentions: readonly { entityId: string }[]): string {
  let ids = '';
  for (const m of mentions) ids += m.entityId + ',';
  const date = record.meta.date === record.parsed.meta.date ? '' : '@' + (record.meta.date?.iso ?? '');
  return record.hash + date + '|' + contentHash(ids);
}
