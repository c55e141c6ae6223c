// The entity index's mentions as columns: one file's mentions in a few flat arrays (`FileMentionColumns`), and the
// index's entities (`IndexedEntity`), which name the files their mentions are in instead of holding one object per
// mention. At 10k articles there are about a million mentions: as objects (with the three arrays holding them) they
// cost ~60 bytes each, as columns ~20. `Entity.mentions` is made from the columns when asked for (hovers, the
// Names view, the CLI) and kept only while something holds it.
import { partitionPoint } from '../kit/search';
import { ownCopy } from '../kit/strings';
import type { Entity, EntityKind, FileMentions, Mention } from './model';

/** Fields of a mention in `FileMentionColumns.spans`, per mention. */
const SPAN = 3;

/** One file's mentions, by start: their spans (start, end, passage), spellings, and the ids of their entities. */
export class FileMentionColumns {
  constructor(
    readonly file: string,
    /** Per mention: start, end, passage. */
    readonly spans: Int32Array<ArrayBuffer>,
    readonly surfaces: readonly string[],
    readonly ids: readonly string[],
  ) {}

  /** The columns of a file's mentions given as objects (`ms` by start, `ids` parallel). */
  static of(file: string, f: FileMentions): FileMentionColumns {
    const n = f.ms.length;
    const spans = new Int32Array(n * SPAN);
    const surfaces: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const m = f.ms[i];
      spans[i * SPAN] = m.start;
      spans[i * SPAN + 1] = m.end;
      spans[i * SPAN + 2] = m.passage;
      surfaces[i] = m.surface;
    }
    return new FileMentionColumns(file, spans, surfaces, f.ids.slice());
  }

  get length(): number {
    return this.ids.length;
  }

  start(i: number): number {
    return this.spans[i * SPAN];
  }

  end(i: number): number {
    return this.spans[i * SPAN + 1];
  }

  passage(i: number): number {
    return this.spans[i * SPAN + 2];
  }

  mention(i: number): Mention {
    const s = i * SPAN;
    return { file: this.file, start: this.spans[s], end: this.spans[s + 1], surface: this.surfaces[i], passage: this.spans[s + 2] };
  }

  /** The last mention starting at or before `offset`, or -1. */
  lastAtOrBefore(offset: number): number {
    return partitionPoint(0, this.length, (i) => this.spans[i * SPAN] <= offset) - 1;
  }

  /** How many of the file's mentions belong to each entity. */
  countsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const id of this.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  /** Appends the mentions of entity `id`, by start. */
  collect(id: string, out: Mention[]): void {
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) if (ids[i] === id) out.push(this.mention(i));
  }
}

/**
 * The columns of every file from mentions given as objects, and the index's entities over them, in `entities`'
 * order. Every mention must belong to one of `entities`, and each entity's mentions must be exactly its mentions
 * in `perFile`.
 */
export function columnsOf(
  entities: readonly Entity[],
  perFile: Map<string, FileMentions>,
): { list: IndexedEntity[]; files: Map<string, FileMentionColumns> } {
  const files = new Map<string, FileMentionColumns>();
  const byId = new Map<string, IndexedEntity>();
  const list = entities.map((e) => {
    const x = new IndexedEntity(e, [], 0);
    byId.set(e.id, x);
    return x;
  });
  // Runs in path order, as the entities' mentions sort (file, then start).
  const paths = [...perFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const file of paths) {
    const cols = FileMentionColumns.of(file, perFile.get(file)!);
    files.set(file, cols);
    for (const [id, n] of cols.countsById()) {
      const e = byId.get(id);
      if (!e) throw new Error(`mention of unknown entity ${id}`);
      e.addRun(cols, n);
    }
  }
  return { list, files };
}

/** What an `IndexedEntity` keeps instead of its mention objects. */
interface MentionRuns {
  /** The columns of the files holding its mentions, in path order. */
  runs: FileMentionColumns[];
  count: number;
  /** The mention objects last made for `Entity.mentions`, while something else holds them. */
  made: WeakRef<Mention[]> | null;
}

/**
 * The lists of mentions made last for entities with many of them, held so that hovering the names mentioned most
 * (tens of thousands of times) again after a garbage collection does not make them again: a few MB at most, and
 * nothing until such a list is read.
 */
const KEPT_FROM = 2000;
const KEPT_LISTS = 4;
const kept: Mention[][] = [];

function keepMade(list: Mention[]): void {
  kept.push(list);
  if (kept.length > KEPT_LISTS) kept.shift();
}

/** Shared by every `IndexedEntity`: an own, enumerable `mentions` (as a plain entity has) read from the columns. */
const MENTIONS: PropertyDescriptor = {
  enumerable: true,
  get(this: IndexedEntity): Mention[] {
    return this.mentionList();
  },
};

/**
 * An entity of the index: the fields of `Entity`, and its mentions as runs of file columns. `mentions` is made from
 * the columns when read (a few milliseconds for a name mentioned in every article) and the same array is returned
 * while it is alive; it must not be changed in place.
 */
export class IndexedEntity implements Entity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  definition: Entity['definition'];
  related: Entity['related'];
  declare readonly mentions: Mention[];
  glossary?: Entity['glossary'];
  readonly #m: MentionRuns;

  /** `from`'s fields (its `mentions` not read) over the given runs; aliases and links are copied. */
  constructor(from: Entity, runs: FileMentionColumns[], count: number) {
    this.id = from.id;
    this.name = ownCopy(from.name);
    this.kind = from.kind;
    this.aliases = from.aliases.map(ownCopy);
    const d = from.definition;
    // Names and definitions as copies: the index outlives the texts they were cut from (kit/strings.ts). The
    // definition is copied whole: a copy equals its original as a string (`!==` cannot tell them apart), and keeping
    // the original object where the texts compared equal kept every definition a view of its article's decoded text
    // (18 MB of texts at 10k articles).
    this.definition = d && { ...d, text: ownCopy(d.text) };
    this.related = from.related.slice();
    Object.defineProperty(this, 'mentions', MENTIONS);
    if (from.glossary) this.glossary = from.glossary;
    this.#m = { runs, count, made: null };
  }

  /** A copy to change (its runs copied too), so indexes that share this entity keep it as it was. */
  static copyOf(e: Entity): IndexedEntity {
    if (e instanceof IndexedEntity) return new IndexedEntity(e, e.#m.runs.slice(), e.#m.count);
    // A new entity of the one-article update: its mentions come with its file's columns.
    if (e.mentions.length) throw new Error(`entity ${e.id} has mentions outside the index's columns`);
    return new IndexedEntity(e, [], 0);
  }

  get mentionCount(): number {
    return this.#m.count;
  }

  /** The columns of the files it is mentioned in, in path order. */
  get runs(): readonly FileMentionColumns[] {
    return this.#m.runs;
  }

  mentionList(): Mention[] {
    const m = this.#m;
    let list = m.made?.deref();
    if (!list) {
      list = [];
      for (const run of m.runs) run.collect(this.id, list);
      m.made = new WeakRef(list);
      if (list.length >= KEPT_FROM) keepMade(list);
    }
    return list;
  }

  /** Appends the run of a file after every run it has (building in path order). */
  addRun(cols: FileMentionColumns, n: number): void {
    this.#m.runs.push(cols);
    this.#m.count += n;
  }

  /** Replaces its run of `file` (if any) by `cols` holding `n` of its mentions (none: no run). Only on a copy. */
  setRun(file: string, cols: FileMentionColumns | null, n: number): void {
    const m = this.#m;
    const at = partitionPoint(0, m.runs.length, (i) => m.runs[i].file < file);
    if (at < m.runs.length && m.runs[at].file === file) {
      m.count -= m.runs[at].countsById().get(this.id) ?? 0;
      m.runs.splice(at, 1);
    }
    if (cols && n > 0) {
      m.runs.splice(at, 0, cols);
      m.count += n;
    }
    m.made = null;
  }
}

/** One file an entity is named in: its first mention there, and all of them (by start), each made when asked for. */
export interface EntityFile {
  file: string;
  first(): Mention;
  all(): Mention[];
}

/**
 * The files an entity is named in, in the order of its mentions (path order), without making the mention objects of
 * the others: a hover reads the first mention of a few thousand files at most, of a name mentioned 100k times.
 */
export function* filesOf(e: Entity): Generator<EntityFile, void, void> {
  if (!(e instanceof IndexedEntity)) {
    const ms = e.mentions;
    for (let i = 0; i < ms.length;) {
      let j = i + 1;
      while (j < ms.length && ms[j].file === ms[i].file) j++;
      const run = ms.slice(i, j);
      yield { file: run[0].file, first: () => run[0], all: () => run };
      i = j;
    }
    return;
  }
  const id = e.id;
  for (const cols of e.runs) {
    yield {
      file: cols.file,
      first: () => cols.mention(cols.ids.indexOf(id)),
      all: () => {
        const out: Mention[] = [];
        cols.collect(id, out);
        return out;
      },
    };
  }
}

/** An entity's number of mentions, without making its mention objects. */
export function mentionCount(e: Entity): number {
  return e instanceof IndexedEntity ? e.mentionCount : e.mentions.length;
}
