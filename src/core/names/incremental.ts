// The entity index: its state (entities by id, each file's mentions by start, the hints of the full resolution it
// came from and the edit lookups derived from them), its lookups for hovers and views, and the one-article update
// (`withArticle`), which takes the article's old mentions out here and attaches its new ones through `attach.ts`
// without resolving the whole corpus again. The update is an approximation (see `attach.ts`): the corpus therefore
// resolves everything again when it next links (`Corpus.link()` after indexing settles), and the ids of existing
// entities stay stable in between.
import { runToEnd, workBudget } from '../kit/steps';
import { partitionPoint } from '../kit/search';
import type { ArticleMeta } from '../types';
import { attachArticle, emptyLookups, noteKeyIn, type EditContext, type Lookups } from './attach';
import type { ArticleNames } from './extract';
import { byFileStart, fileStart, isSorted, sortByStart } from './file-mentions';
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

/** `makeIndex` in steps of a few thousand entities or mentions (a warm start builds it from a million mentions). */
export function* makeIndexSteps(
  entities: Entity[],
  hints: ResolveHints,
  perFile?: Map<string, FileMentions>,
  sorted = false,
): Generator<void, EntityIndex, void> {
  const spent = workBudget(STEP);
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    byId.set(e.id, e);
    if (!sorted && !isSorted(e.mentions)) e.mentions.sort(byFileStart);
    if (spent(sorted ? 1 : e.mentions.length + 1)) yield;
  }
  if (!perFile) perFile = yield* perFileSteps(entities, spent);
  return new IndexState(byId, perFile, hints, { lookups: null, pending: null }, entities);
}

export class IndexState implements EntityIndex {
  private list: Entity[] | null;
  private recurringList: Entity[] | null = null;

  constructor(
    readonly ids: Map<string, Entity>,
    /** Mentions per file, by start; they name entities by id so an update replaces an entity in one place. */
    readonly perFile: Map<string, FileMentions>,
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
    if (!f || f.ms.length === 0) return null;
    const ms = f.ms;
    // The last mention starting at or before the offset.
    const found = partitionPoint(0, ms.length, (i) => ms[i].start <= offset) - 1;
    if (found < 0) return null;
    const hit = ms[found];
    // The end position counts too: VS Code asks for the hover just after the last character as well.
    if (offset > hit.end) return null;
    const entity = this.ids.get(f.ids[found]);
    return entity ? { entity, mention: hit } : null;
  }

  recurring(): Entity[] {
    if (!this.recurringList) this.recurringList = this.entities.filter((e) => e.mentions.length >= 2 || !!e.glossary);
    return this.recurringList;
  }

  mentionsIn(file: string): { start: number; end: number; entityId: string }[] {
    const f = this.perFile.get(file);
    if (!f) return [];
    const out: { start: number; end: number; entityId: string }[] = new Array(f.ms.length);
    for (let i = 0; i < f.ms.length; i++) out[i] = { start: f.ms[i].start, end: f.ms[i].end, entityId: f.ids[i] };
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
    const touched = new Map<string, Entity>();
    const edit = (id: string): Entity | undefined => {
      let e = touched.get(id);
      if (e) return e;
      const old = ids.get(id);
      if (!old) return undefined;
      e = { ...old, aliases: old.aliases.slice(), related: old.related.slice(), mentions: old.mentions };
      touched.set(id, e);
      ids.set(id, e);
      return e;
    };

    // Take the article's previous mentions out of the entities they belonged to.
    for (const id of this.perFile.get(file)?.ids ?? []) edit(id);
    for (const e of touched.values()) {
      // Mentions are sorted by file: cut the file's run out by binary search, without touching every mention (an
      // entity named in every article has a hundred thousand at 10k articles).
      const from = fileStart(e.mentions, file);
      let to = from;
      while (to < e.mentions.length && e.mentions[to].file === file) to++;
      if (to > from) e.mentions = e.mentions.slice(0, from).concat(e.mentions.slice(to));
      if (e.definition?.file === file) e.definition = null;
    }
    perFile.delete(file);

    if (input) attachArticle(file, input, ids, perFile, edit, this.edits);

    for (const [id, e] of touched) {
      if (e.mentions.length === 0 && !e.glossary) ids.delete(id);
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
        if (e) noteKeyIn(l, key, e, mentionCount(list));
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
        if (e) noteKeyIn(l, key, e, mentionCount(list));
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
const mentionCount = (list: { n: number }[]): number => list.reduce((n, c) => n + c.n, 0);
