// The entity index: its state (entities by id, each file's mentions by start, the hints of the full resolution it
// came from and the edit lookups derived from them), its lookups for hovers and views, and the one-article update
// (`withArticle`), which takes the article's old mentions out here and attaches its new ones through `attach.ts`
// without resolving the whole corpus again. The update is an approximation (see `attach.ts`): the corpus therefore
// resolves everything again when it next links (`Corpus.link()` after indexing settles), and the ids of existing
// entities stay stable in between.
import { runToEnd, workBudget } from '../kit/steps';
import type { ArticleMeta } from '../types';
import { attachArticle, emptyLookups, noteKeyIn, type EditContext, type Lookups } from './attach';
import type { ArticleNames } from './extract';
import { byFileStart, isSorted, sortByStart } from './file-mentions';
import { columnsOf, FileMentionColumns, IndexedEntity, mentionCount } from './mention-columns';
import type { Entity, EntityIndex, FileMentions, Mention, ResolveHints } from './model';

export type { FileMentions, ResolveHints } from './model';

/** The lookups of every index derived from one resolution: built once, or being built by `prepareEditsSteps`. */
interface SharedLookups {
  lookups: Lookups | null;
  pending: Lookups | null;
}

/**
 * The index over resolved entities. `perFile`, when given, must hold exactly the entities' mentions, each file's by
 * start; `sorted` says every entity's mentions already are in file-then-start order.
 */
export function makeIndex(entities: Entity[], hints: ResolveHints, perFile?: Map<string, FileMentions>, sorted = false): EntityIndex {
  return runToEnd(makeIndexSteps(entities, hints, perFile, sorted));
}

/** Units of work (about one entity or mention handled) between two yields of `makeIndexSteps`: well under 1 ms. */
const STEP = 8192;
/** Hint keys registered in the edit lookups between two yields of `prepareEditsSteps` (each costs a few µs). */
const KEYS_PER_STEP = 256;

/** Each file's mentions (by start) with their entity ids, from the entities' mention lists, in steps. */
export function* perFileSteps(
  entities: Iterable<Entity>,
  spent: (units: number) => boolean,
): Generator<void, Map<string, FileMentions>, void> {
  const perFile = new Map<string, FileMentions>();
  for (const e of entities) {
    for (const m of e.mentions) {
      let f = perFile.get(m.file);
      if (!f) perFile.set(m.file, (f = { ms: [], ids: [] }));
      f.ms.push(m);
      f.ids.push(e.id);
    }
    if (spent(e.mentions.length + 1)) yield;
  }
  for (const f of perFile.values()) {
    sortByStart(f);
    if (spent(f.ms.length + 1)) yield;
  }
  return perFile;
}

/**
 * `makeIndex` in steps of a few thousand entities or mentions (a warm start builds it from a million mentions). The
 * mention objects given become the index's columns (`mention-columns.ts`); the index keeps none of them.
 */
export function* makeIndexSteps(
  entities: Entity[],
  hints: ResolveHints,
  perFile?: Map<string, FileMentions>,
  sorted = false,
): Generator<void, EntityIndex, void> {
  const spent = workBudget(STEP);
  for (const e of entities) {
    if (!sorted && !isSorted(e.mentions)) e.mentions.sort(byFileStart);
    if (spent(sorted ? 1 : e.mentions.length + 1)) yield;
  }
  if (!perFile) perFile = yield* perFileSteps(entities, spent);
  let mentions = 0;
  for (const f of perFile.values()) mentions += f.ms.length;
  if (spent(perFile.size)) yield;
  const { list, files } = columnsOf(entities, perFile);
  if (spent(mentions + entities.length)) yield;
  return indexOver(list, files, hints);
}

/** The index over entities whose mentions are `files`' columns (see `columnsOf`). */
export function indexOver(list: IndexedEntity[], files: Map<string, FileMentionColumns>, hints: ResolveHints): EntityIndex {
  const byId = new Map<string, Entity>();
  for (const e of list) byId.set(e.id, e);
  return new IndexState(byId, files, hints, { lookups: null, pending: null }, list);
}

export class IndexState implements EntityIndex {
  private list: Entity[] | null;
  private recurringList: Entity[] | null = null;

  constructor(
    /** Entities by id: `IndexedEntity`, or (made by an edit and given no mention) a plain one. */
    readonly ids: Map<string, Entity>,
    /** Mentions per file, by start, as columns; they name entities by id so an update replaces an entity in one place. */
    readonly perFile: Map<string, FileMentionColumns>,
    /** Shared by every index derived from one full resolution; keys only ever get added. */
    readonly hints: ResolveHints,
    private readonly shared: SharedLookups,
    list: Entity[] | null,
  ) {
    this.list = list;
    this.edits = { hints, lookups: () => this.lookups(), noteKey: (key, e, n) => this.noteKey(key, e, n) };
  }

  /** What the attach step reads of this index. */
  private readonly edits: EditContext;

  get entities(): Entity[] {
    if (!this.list) this.list = [...this.ids.values()];
    return this.list;
  }

  byId(id: string): Entity | undefined {
    return this.ids.get(id);
  }

  at(file: string, offset: number): { entity: Entity; mention: Mention } | null {
    const f = this.perFile.get(file);
    if (!f) return null;
    // The last mention starting at or before the offset.
    const found = f.lastAtOrBefore(offset);
    if (found < 0) return null;
    // The end position counts too: VS Code asks for the hover just after the last character as well.
    if (offset > f.end(found)) return null;
    const entity = this.ids.get(f.ids[found]);
    return entity ? { entity, mention: f.mention(found) } : null;
  }

  recurring(): Entity[] {
    if (!this.recurringList) this.recurringList = this.entities.filter((e) => mentionCount(e) >= 2 || !!e.glossary);
    return this.recurringList;
  }

  mentionsIn(file: string): { start: number; end: number; entityId: string }[] {
    const f = this.perFile.get(file);
    if (!f) return [];
    const out: { start: number; end: number; entityId: string }[] = new Array(f.length);
    for (let i = 0; i < f.length; i++) out[i] = { start: f.start(i), end: f.end(i), entityId: f.ids[i] };
    return out;
  }

  /**
   * This index with one article changed or removed (`input` null). Costs the article's own mentions plus copying
   * the id and file tables, never a pass over every mention. See the file comment for how the result can differ
   * from a full resolution.
   */
  withArticle(file: string, input: { meta: ArticleMeta; names: ArticleNames } | null): EntityIndex {
    const ids = new Map(this.ids);
    const perFile = new Map(this.perFile);
    /** Entities changed by this update: copies, so earlier indexes stay as they were. */
    const touched = new Map<string, IndexedEntity>();
    const edit = (id: string): Entity | undefined => {
      let e = touched.get(id);
      if (e) return e;
      const old = ids.get(id);
      if (!old) return undefined;
      e = IndexedEntity.copyOf(old);
      touched.set(id, e);
      ids.set(id, e);
      return e;
    };

    // The entities the article's previous mentions belonged to lose them (their run of this file, below).
    for (const id of this.perFile.get(file)?.ids ?? []) edit(id);
    for (const e of touched.values()) if (e.definition?.file === file) e.definition = null;
    perFile.delete(file);

    const added = input ? attachArticle(file, input, ids, edit, this.edits) : null;
    const cols = added && added.ms.length ? FileMentionColumns.of(file, added) : null;
    if (cols) perFile.set(file, cols);
    const counts = cols?.countsById() ?? new Map<string, number>();
    for (const id of counts.keys()) edit(id);
    for (const [id, e] of touched) {
      e.setRun(file, cols, counts.get(id) ?? 0);
      if (e.mentionCount === 0 && !e.glossary) ids.delete(id);
    }
    return new IndexState(ids, perFile, this.hints, this.shared, null);
  }

  /**
   * Builds the lookups edits need in steps of a few hundred hint keys (about a millisecond each), so that the first
   * `withArticle` after a full resolution or a warm start costs no more than later ones (at 10k articles it otherwise
   * pays 0.1-0.2 s for them). Optional: without it the first edit builds them at once. Shared by every index derived from the same
   * resolution; edits made meanwhile are fine (an edit that needs the lookups before this is done builds them itself).
   */
  *prepareEditsSteps(): Generator<void, void, void> {
    const shared = this.shared;
    if (shared.lookups || shared.pending) return;
    const l = emptyLookups();
    // Keys an edit adds meanwhile are registered by the edit itself (`noteKey`) or met later by this iteration (a
    // map's iterator visits entries added during iteration); registering one twice changes nothing.
    shared.pending = l;
    let budget = KEYS_PER_STEP;
    try {
      for (const [key, list] of this.hints.byKey) {
        if (shared.lookups) return;
        const e = this.ids.get(list[0].id);
        if (e) noteKeyIn(l, key, e, keyMentions(list));
        if (--budget <= 0) {
          budget = KEYS_PER_STEP;
          yield;
        }
      }
      if (!shared.lookups) shared.lookups = l;
    } finally {
      if (shared.pending === l) shared.pending = null;
    }
  }

  private lookups(): Lookups {
    if (!this.shared.lookups) {
      const l = emptyLookups();
      for (const [key, list] of this.hints.byKey) {
        const e = this.ids.get(list[0].id);
        if (e) noteKeyIn(l, key, e, keyMentions(list));
      }
      this.shared.lookups = l;
      this.shared.pending = null;
    }
    return this.shared.lookups;
  }

  /** Registers a key in the suffix and skeleton lookups (no-op until they are first needed or being prepared). */
  private noteKey(key: string, e: Entity, n: number): void {
    const l = this.shared.lookups ?? this.shared.pending;
    if (l) noteKeyIn(l, key, e, n);
  }
}

/** The mentions a key resolved to, over all its entities. */
const keyMentions = (list: { n: number }[]): number => list.reduce((n, c) => n + c.n, 0);
