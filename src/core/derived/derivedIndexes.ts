// The one place that decides when each derived index (names, events, full-text search) is refreshed: what a change
// to an article or a glossary does to each, when persisted corpus-wide state is adopted, and how link() brings names
// and events up to date in slices. Each index keeps its own state (names.ts, events.ts, search.ts); this file only
// sequences them.
import type { RestoredEntry } from '../cache';
import { EventIndex, type BackgroundRarity } from '../events';
import { exportEntityIndexSteps, importEntityIndexSteps, type ArticleNames, type EntityIndex } from '../names';
import type { ArticleRecord } from '../record';
import { fingerprintOf, type ArticleStore } from '../store';
import { runInSlices, runToEnd } from '../kit/steps';
import { EventsIndex } from './events';
import { NamesIndex } from './names';
import { PassageSearch } from './search';
import type { DerivedState } from './state';

/** Corpus-wide state persisted beside the per-file entries (see cache.ts), as exported by `exportLinkedSteps`. */
export interface LinkedState {
  /** Fingerprint of the files (path and content hash) and glossaries the state was computed from. */
  fingerprint: string;
  /**
   * Every file's path and content hash, and the fingerprint of the glossaries and corrections, the state was computed
   * from: a warm start compares them file by file and adopts the state for a corpus that differs by a few files
   * (absent in caches written before: such a state is adopted for exactly the same corpus only).
   */
  files?: [string, string][];
  definitions?: string;
  /**
   * The entities had edits attached one by one since their last full resolution (an edit in the session, saved
   * before link() resolved again): adopted as approximate, and resolved in full by the next link(). Absent: exact.
   */
  approximate?: boolean;
  /** False when the event index was not yet re-fed against these entities: its signatures are then checked file by file. */
  eventsSynced?: boolean;
  entities: unknown;
  events: unknown;
  /** Per-file signature (hash and mention entity ids) of what the event index was fed. */
  signatures: [string, string][];
}

export class DerivedIndexes {
  readonly names: NamesIndex;
  readonly events = new EventsIndex();
  readonly search = new PassageSearch();
  /** Corpus-wide state from the persisted index, until the first query adopts (or discards) it. */
  private restoredLinked: LinkedState | null = null;
  /**
   * The workspace has been read in full (see loadFinished): a corpus that differs from the persisted state now
   * differs for good, not because files are still loading.
   */
  private loaded = false;

  constructor(private readonly store: ArticleStore) {
    this.names = new NamesIndex(store);
  }

  /** Where each derived index stands (see state.ts). */
  states(): { names: DerivedState; events: DerivedState; search: DerivedState } {
    const restored = this.restoredLinked !== null;
    const names = this.names.state(restored);
    return { names, events: this.events.state(names, this.names.current, restored), search: this.search.state() };
  }

  // ---------------------------------------------------------------- changes

  /**
   * One article changed (its record is already in the store) or was removed (null). `restored`: the persisted
   * extraction of its new text, when the cache holds one. Names are updated for this article alone (approximate
   * until the next link()), the event index re-feeds it at its next sync, the search index re-indexes it if built.
   */
  articleChanged(file: string, record: ArticleRecord | null, restored?: RestoredEntry<ArticleNames>): void {
    this.search.discard(file);
    this.names.forget(file);
    if (restored) this.names.restore(file, restored);
    this.attach(file, record);
    if (record) this.search.add(record);
  }

  /** The entity index is updated for this article alone (approximate); the event index re-feeds it at its next sync. */
  private attach(file: string, record: ArticleRecord | null): void {
    const outcome = this.names.attach(file, record);
    if (outcome === 'attached') this.events.articleAttached(file);
    else if (outcome === 'dropped') this.events.checkAll();
  }

  /**
   * The whole workspace has been read (the loader says so once, at the end of indexWorkspace): from now on the
   * persisted state may be adopted for a corpus that differs from it by a few files (see adoptLinkedSteps).
   */
  loadFinished(): void {
    this.loaded = true;
  }

  /** Glossaries or metadata corrections changed: entities are resolved again in full at the next query. */
  definitionsChanged(): void {
    this.names.drop();
    this.events.checkAll();
  }

  setBackground(background: BackgroundRarity | null): void {
    this.events.setBackground(background);
  }

  // ---------------------------------------------------------------- refreshes on demand

  /** The entity index: adopted from the persisted state when it fits this corpus exactly, else resolved now. */
  entities(): EntityIndex {
    if (!this.names.current) runToEnd(this.adoptLinkedSteps(this.loaded));
    if (!this.names.current) this.install(this.names.resolve());
    return this.names.current!;
  }

  /** The event index, brought up to date with the current entity resolution (only changed articles are re-fed). */
  eventIndex(): EventIndex {
    const entities = this.entities();
    if (this.events.isSyncedWith(entities)) return this.events.current!;
    runToEnd(this.syncSteps(entities));
    return this.events.current!;
  }

  private syncSteps(entities: EntityIndex): Generator<void, boolean> {
    if (!this.events.current) this.adoptEvents(null);
    return this.events.syncSteps(entities, this.store.records, () => this.names.current === entities);
  }

  /**
   * Derives names and events for the whole corpus in time slices (see Corpus.link). Returns false when cancelled or
   * when the corpus changed meanwhile (queries then finish the remainder on demand). `onAnswering` is called once,
   * as soon as every feature answers without blocking: before the full resolution when an approximate index (edits
   * attached) answers meanwhile, else at the end.
   */
  async link(pause: () => Promise<boolean>, onAnswering?: () => void): Promise<boolean> {
    if (!(await runInSlices(this.adoptLinkedSteps(true), pause))) return false;
    // An index with edits attached one by one (after a warm start with files changed since, or edits in this
    // session) answers at once, approximately: events and the query structures are brought up to date with it
    // first, so every feature answers exactly for the untouched articles while the full resolution below runs in
    // the background (minutes of a shared CPU at 10k articles that no first hover should wait for).
    const approximate = this.names.current;
    const answersFirst = approximate !== null && this.names.needsResolution;
    if (answersFirst) {
      if (!(await this.syncAndPrepare(approximate, pause))) return false;
      onAnswering?.();
    }
    // Per-article extraction only when the corpus is to be resolved (a warm start of an unchanged corpus is not).
    const resolving = this.names.needsResolution;
    for (const record of resolving ? [...this.store.records.values()] : []) {
      if (this.store.records.get(record.file) !== record) continue;
      this.names.extractionOf(record);
      if (!(await pause())) return false;
    }
    // Resolution looks at the whole corpus at once (seconds at 10k articles): run in steps between pauses, while
    // the index as it is (approximate, or none) keeps answering. When an article or glossary changes meanwhile,
    // that resolution is stale: start again (a few times; after that, a corpus still changing is left approximate,
    // or to resolve on demand).
    for (let attempt = 0; attempt < 3 && this.names.needsResolution; attempt++) {
      const generation = this.store.generation;
      const before = this.names.current;
      const steps = this.names.resolveSteps();
      let step = steps.next();
      const unchanged = () => this.store.generation === generation && this.names.current === before;
      while (!step.done && unchanged()) {
        if (!(await pause())) return false;
        step = steps.next();
      }
      // (names.current set meanwhile: a query needed names and resolved them itself.)
      if (step.done && unchanged()) this.install(step.value);
    }
    if (!(await this.syncAndPrepare(this.entities(), pause))) return false;
    if (!answersFirst) onAnswering?.();
    // Names are resolved: until the next full resolution the extractions are only written to the cache.
    return (await runInSlices(this.names.packSteps(), pause)) !== null;
  }

  /** Feeds the event index what changed against `entities`, then builds what the first edit and query need. */
  private async syncAndPrepare(entities: EntityIndex, pause: () => Promise<boolean>): Promise<boolean> {
    if (!(await pause())) return false;
    const steps = this.syncSteps(entities);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (!(await pause())) return false;
    }
    // The sync gave up because the corpus changed under it: queries finish the remainder on demand.
    if (!this.events.isSyncedWith(entities)) return false;
    // What the first edit and the first query would otherwise build in one block (~0.1-0.2 s each at 10k).
    if (!(await runInSlices(entities.prepareEditsSteps(), pause))) return false;
    if (!(await runInSlices(this.events.current!.prepareQueriesSteps(), pause))) return false;
    return true;
  }

  private install(index: EntityIndex): void {
    this.names.install(index);
    this.events.checkAll();
  }

  // ---------------------------------------------------------------- persistence

  /** The corpus-wide state of a persisted index, to be adopted by the first query or link() when it fits. */
  restore(linked: unknown): void {
    this.restoredLinked = isLinkedState(linked) ? linked : null;
  }

  /**
   * The entities and the event index in steps, as they are: exact, or approximate after edits in the session (a
   * reader who edits a file and restarts at once must not wait for a full resolution either), and the event index
   * with the signatures of what it was fed, synced with these entities or not. Null when either is absent, or when
   * the corpus changed in between (the next start then rebuilds).
   */
  *exportLinkedSteps(): Generator<void, LinkedState | null, void> {
    const entities = this.names.current;
    const events = this.events.current;
    if (!entities || !events) return null;
    const approximate = this.names.needsResolution;
    const eventsSynced = this.events.isSyncedWith(entities);
    const generation = this.store.generation;
    // The fingerprint from the same files and definitions that are saved beside it (each read once).
    const files = this.store.fileHashes();
    const definitions = this.store.definitionsFingerprint();
    const fingerprint = fingerprintOf(files, definitions);
    const signatures = this.events.persistedSignatures();
    try {
      const entityState = yield* exportEntityIndexSteps(entities);
      const eventState = yield* events.exportStateSteps();
      if (this.store.generation !== generation || this.names.current !== entities || this.events.current !== events) return null;
      return {
        fingerprint,
        files,
        definitions,
        ...(approximate ? { approximate } : {}),
        ...(eventsSynced ? {} : { eventsSynced }),
        entities: entityState,
        events: eventState,
        signatures,
      };
    } catch {
      // The event index refuses to be exported while it is edited: this cache simply has no corpus-wide state.
      return null;
    }
  }

  /**
   * Adopt the persisted corpus-wide state: the entity index when the corpus is exactly the one it was computed from,
   * and with it the event index. Once the corpus is `settled` (loaded), a corpus that differs by a few files (edited,
   * added or removed since: see editsSince) adopts both too, and those files are attached one by one as an edit in
   * the session is (approximate until link() resolves in full); one that differs more adopts the event index alone
   * (see adoptEvents). Before that (a hover while files are still loading) a mismatch keeps the state for the settled
   * attempt. In steps (at 10k articles each index is a few tenths of a second to decode); articles changed in between
   * mean the entities no longer fit: only the events are adopted.
   */
  private *adoptLinkedSteps(settled: boolean): Generator<void, void, void> {
    const linked = this.restoredLinked;
    if (!linked) return;
    const exact = linked.fingerprint === this.store.fingerprint();
    if (!exact && !settled) return;
    const edits = exact ? [] : this.editsSince(linked);
    const generation = this.store.generation;
    let entities = edits ? yield* importEntityIndexSteps(linked.entities) : null;
    // Only decoded when it can be adopted (an event index built meanwhile stays, unless exact entities replace it).
    const events = entities || !this.events.current ? yield* EventIndex.fromStateSteps(linked.events) : null;
    // A query adopted it in between (synchronously).
    if (this.restoredLinked !== linked) return;
    if (this.store.generation !== generation) entities = null;
    if (entities) {
      this.install(entities);
      if (linked.approximate) this.names.markApproximate();
      // Whatever was linked while files were loading is superseded by the state of exactly this corpus.
      this.events.clear();
    }
    // Events not synced with these entities are checked file by file, as with entities resolved here.
    this.adoptEvents(linked.eventsSynced === false ? null : entities, events);
    if (entities) for (const file of edits!) this.attach(file, this.store.records.get(file) ?? null);
  }

  /**
   * The files whose content differs from what the persisted state was computed from (edited, added or removed
   * since), when the glossaries and corrections are the same and the files are few enough to attach one by one
   * (NamesIndex.attachLimit, the rule an edit in the session follows); null otherwise.
   */
  private editsSince(linked: LinkedState): string[] | null {
    if (!linked.files || linked.definitions !== this.store.definitionsFingerprint()) return null;
    const limit = this.names.attachLimit();
    const before = new Map(linked.files);
    const edits: string[] = [];
    for (const record of this.store.records.values()) {
      if (before.get(record.file) !== record.hash && edits.push(record.file) > limit) return null;
      before.delete(record.file);
    }
    for (const file of before.keys()) if (edits.push(file) > limit) return null;
    return edits;
  }

  /**
   * Adopt the persisted event index, whatever the entities: it is checked per article, by a signature of the
   * article's hash and its mentions' entities, and the next sync re-feeds the articles that differ, one by one.
   * `entities`: the resolution it was computed with, when that was adopted too (then nothing needs re-feeding).
   */
  private adoptEvents(entities: EntityIndex | null, restored?: EventIndex | null): void {
    const linked = this.restoredLinked;
    this.restoredLinked = null;
    if (!linked || this.events.current) return;
    const events = restored !== undefined ? restored : EventIndex.fromState(linked.events);
    if (events) this.events.adopt(events, linked.signatures, entities);
  }
}

function isLinkedState(v: unknown): v is LinkedState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.fingerprint === 'string' &&
    isPairs(o.signatures) &&
    (o.files === undefined || isPairs(o.files)) &&
    (o.definitions === undefined || typeof o.definitions === 'string') &&
    (o.approximate === undefined || typeof o.approximate === 'boolean') &&
    (o.eventsSynced === undefined || typeof o.eventsSynced === 'boolean')
  );
}

function isPairs(v: unknown): v is [string, string][] {
  return Array.isArray(v) && v.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string');
}
