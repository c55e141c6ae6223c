// A resolved entity index as plain JSON data, so a warm start with no changed file skips resolution (seconds at
// 10k articles). Mentions are a million at that size: they are stored column by column in one compact string of
// variable-length numbers (files as indexes into a file table, offsets as deltas, surfaces as indexes into the
// entity's own spellings), not one object each, so that encoding, JSON and decoding each take tens of milliseconds.
import type { Definition, Entity, EntityIndex, EntityKind } from './model';
import { runToEnd, workBudget } from '../kit/steps';
import { IndexState, indexOver, perFileSteps, type ResolveHints } from './incremental';
import { columnsOf, FileMentionColumns, IndexedEntity, mentionCount } from './mention-columns';
import { NAMES_RULES_VERSION } from './version';
import { PackedIntReader, PackedIntWriter } from '../kit/packedInts';

const FORMAT = 'parallax-entity-index';
/** Entity indexes resolved under other rules are resolved again. */
const VERSION = NAMES_RULES_VERSION;

/** The persisted form of an `EntityIndex`: JSON-serializable; read back with `importEntityIndex`. */
export interface EntityIndexState {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** Every file with mentions, in the order mentions sort by (`<` on the path). */
  files: string[];
  entities: EntityRow[];
  /**
   * Per file of `files`: the number of mentions, then per mention by start: entity (index into `entities`), start
   * (delta from the previous mention's start in the file), length, passage (zigzag delta from the previous
   * mention's), surface (index into the entity's name, aliases, then `extra` spellings).
   */
  mentions: string;
  /** The resolution's hints for attaching an edited article later (see `ResolveHints`). */
  hintKeys: string[];
  /** Ids the hints name that are not (or no longer) entities of the index; referenced after the entities. */
  hintIds: string[];
  /** Per key of `hintKeys`: number of candidates, then (id reference, count) pairs. */
  hints: string;
  dropped: string[];
  /** One-word keys the corpus also uses as ordinary words, and per key which exceptions keep it a name (`ResolveHints.ordinary`). */
  ordinaryKeys: string[];
  ordinaryExceptions: number[];
}

/** An entity without its mentions (they are stored column-wise, file by file). */
type EntityRow = Omit<Entity, 'mentions'> & {
  /** Number of mentions. */
  n: number;
  /** Spellings of mentions that are neither the name nor an alias (never after a plain resolution). */
  extra?: string[];
};

/**
 * Units of work (about one mention encoded or decoded, or one entity or hint key handled) between two yields of the
 * stepwise forms: about a millisecond of CPU at 10k articles, so a caller watching the clock keeps every block short.
 */
const STEP = 4096;

/** Runs a stepwise form to completion. */
/** The index as plain JSON data, in one synchronous run (see `exportEntityIndexSteps`). */
export function exportEntityIndex(index: EntityIndex): EntityIndexState {
  return runToEnd(exportEntityIndexSteps(index));
}

/**
 * The same export in steps: the generator yields every few thousand mentions, entities or hint keys (about a
 * millisecond each at 10k articles; the whole export is ~0.3 s there) and returns the state, identical to
 * `exportEntityIndex`'s. The index itself never changes; hints that edits (`withArticle`) add while it runs may or
 * may not be included, and either way the state is a valid one.
 */
export function* exportEntityIndexSteps(index: EntityIndex): Generator<void, EntityIndexState, void> {
  const spent = workBudget(STEP);

  const entities = index.entities;
  const entityNo = new Map<string, number>();
  const rows: EntityRow[] = new Array(entities.length);
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    entityNo.set(e.id, i);
    const row: EntityRow = {
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: e.aliases.slice(),
      definition: e.definition,
      related: e.related,
      n: mentionCount(e),
    };
    if (e.glossary) row.glossary = e.glossary;
    rows[i] = row;
    if (spent(2 + e.aliases.length)) yield;
  }
  // Each entity's spellings, numbered: its name, its aliases, then any other surface met among its mentions.
  const surfaceNo = new Map<Entity, Map<string, number>>();
  /** Work done by `surfaceOf` beyond one unit a mention (numbering an entity's spellings on first use). */
  let numbered = 0;
  const surfaceOf = (ei: number, e: Entity, surface: string): number => {
    if (surface === e.name) return 0;
    let m = surfaceNo.get(e);
    if (!m) {
      m = new Map();
      e.aliases.forEach((a, i) => {
        if (!m!.has(a)) m!.set(a, i + 1);
      });
      if (!m.has(e.name)) m.set(e.name, 0);
      surfaceNo.set(e, m);
      numbered += e.aliases.length;
    }
    let n = m.get(surface);
    if (n === undefined) {
      const row = rows[ei];
      const extra = row.extra ?? (row.extra = []);
      n = e.aliases.length + 1 + extra.length;
      extra.push(surface);
      m.set(surface, n);
    }
    return n;
  };

  const perFile = index instanceof IndexState ? index.perFile : columnsOf(index.entities, yield* perFileSteps(index.entities, spent)).files;
  const files = [...perFile.keys()];
  if (spent(files.length)) yield;
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield;
  const w = new PackedIntWriter();
  for (const file of files) {
    const cols = perFile.get(file)!;
    const { ids, surfaces } = cols;
    w.uint(cols.length);
    let start = 0;
    let passage = 0;
    for (let i = 0; i < cols.length; i++) {
      const ei = entityNo.get(ids[i]);
      if (ei === undefined) throw new Error(`mention of unknown entity ${ids[i]}`);
      const mStart = cols.start(i);
      const mPassage = cols.passage(i);
      w.uint(ei);
      w.uint(mStart - start);
      w.uint(cols.end(i) - mStart);
      w.int(mPassage - passage);
      w.uint(surfaceOf(ei, entities[ei], surfaces[i]));
      start = mStart;
      passage = mPassage;
    }
    // Between files only: a file has at most a few hundred mentions.
    const units = cols.length + 1 + numbered;
    numbered = 0;
    if (spent(units)) yield;
  }
  const mentions = w.done();
  if (spent(mentions.length >> 4)) yield;

  const hints: ResolveHints = index instanceof IndexState ? index.hints : { byKey: new Map(), dropped: new Set<string>() };
  const hintKeys: string[] = [];
  const hintIds: string[] = [];
  const hintIdNo = new Map<string, number>();
  const idRef = (id: string): number => {
    const n = entityNo.get(id);
    if (n !== undefined) return n;
    let x = hintIdNo.get(id);
    if (x === undefined) {
      x = entities.length + hintIds.length;
      hintIds.push(id);
      hintIdNo.set(id, x);
    }
    return x;
  };
  const hw = new PackedIntWriter();
  for (const [key, list] of hints.byKey) {
    hintKeys.push(key);
    hw.uint(list.length);
    for (const c of list) {
      hw.uint(idRef(c.id));
      hw.uint(c.n);
    }
    if (spent(list.length + 1)) yield;
  }
  const hintText = hw.done();
  const dropped = [...hints.dropped];
  const ordinary = [...(hints.ordinary ?? [])];

  return {
    format: FORMAT,
    version: VERSION,
    files,
    entities: rows,
    mentions,
    hintKeys,
    hintIds,
    hints: hintText,
    dropped,
    ordinaryKeys: ordinary.map(([key]) => key),
    ordinaryExceptions: ordinary.map(([, exceptions]) => exceptions),
  };
}

/** An index restored from `exportEntityIndex`'s data, or null when the data is malformed or of another version. */
export function importEntityIndex(state: unknown): EntityIndex | null {
  return runToEnd(importEntityIndexSteps(state));
}

/**
 * The same import in steps: the generator yields every few thousand mentions, entities or hint keys (about a
 * millisecond each at 10k articles; the whole import is ~0.3 s there) and returns the index, or null, exactly as
 * `importEntityIndex`. The state must not change until it is done.
 */
export function* importEntityIndexSteps(state: unknown): Generator<void, EntityIndex | null, void> {
  try {
    return yield* importState(state);
  } catch {
    return null;
  }
}

function* importState(state: unknown): Generator<void, EntityIndex | null, void> {
  const spent = workBudget(STEP);

  if (!isObject(state) || state.format !== FORMAT || state.version !== VERSION) return null;
  const { files, entities: rows, mentions, hintKeys, hintIds, hints, dropped, ordinaryKeys, ordinaryExceptions } = state;
  if (!isStrings(files) || !Array.isArray(rows) || typeof mentions !== 'string' || !isStrings(hintKeys) || !isStrings(hintIds)) return null;
  if (typeof hints !== 'string' || !isStrings(dropped) || !isStrings(ordinaryKeys) || !Array.isArray(ordinaryExceptions)) return null;
  if (ordinaryExceptions.length !== ordinaryKeys.length || !ordinaryExceptions.every((x) => Number.isInteger(x) && x >= 0)) return null;
  if (spent((files.length + hintKeys.length + hintIds.length + dropped.length) >> 2)) yield;

  for (let i = 1; i < files.length; i++) if (!(files[i - 1] < files[i])) return null;
  const entities: IndexedEntity[] = [];
  const counts: number[] = [];
  const spellings: string[][] = [];
  for (const row of rows as unknown[]) {
    if (!isObject(row) || typeof row.id !== 'string' || typeof row.name !== 'string' || !KINDS.has(row.kind as string)) return null;
    if (!isStrings(row.aliases) || !Array.isArray(row.related) || (row.extra !== undefined && !isStrings(row.extra))) return null;
    if (row.definition !== null && !isDefinition(row.definition)) return null;
    if (row.glossary !== undefined && !isRange(row.glossary)) return null;
    if (!(row.related as unknown[]).every((x) => isObject(x) && typeof x.id === 'string' && typeof x.relation === 'string')) return null;
    if (!Number.isInteger(row.n) || !((row.n as number) >= 0 && (row.n as number) <= mentions.length)) return null;
    const e: Entity = {
      id: row.id,
      name: row.name,
      kind: row.kind as EntityKind,
      aliases: row.aliases,
      definition: row.definition as Definition | null,
      related: row.related as Entity['related'],
      mentions: [],
    };
    if (row.glossary) e.glossary = row.glossary as Entity['glossary'];
    entities.push(new IndexedEntity(e, [], 0));
    counts.push(row.n as number);
    spellings.push([row.name, ...row.aliases, ...((row.extra as string[] | undefined) ?? [])]);
    if (spent(4 + row.aliases.length * 2 + (row.related as unknown[]).length)) yield;
  }

  // Straight into the index's columns: no mention object is made.
  const filled = new Int32Array(entities.length);
  const runs: EntityRuns = { lastFile: new Int32Array(entities.length).fill(-1), inFile: new Int32Array(entities.length) };
  const r = new PackedIntReader(mentions);
  const perFile = new Map<string, FileMentionColumns>();
  for (let fi = 0; fi < files.length; fi++) {
    const cols = readFileMentions(r, files[fi], fi, entities, spellings, counts, filled, runs);
    if (!cols) return null;
    perFile.set(files[fi], cols);
    // Between files only: the count at the head of a file is bounded by the string's length, not by the budget.
    if (spent(cols.length + 1)) yield;
  }
  if (!r.atEnd()) return null;
  for (let i = 0; i < entities.length; i++) if (filled[i] !== counts[i]) return null;
  if (spent(entities.length >> 2)) yield;

  const idList = entities.map((e) => e.id).concat(hintIds);
  const hr = new PackedIntReader(hints);
  const byKey: ResolveHints['byKey'] = new Map();
  for (const key of hintKeys) {
    const n = hr.uint();
    const list: { id: string; n: number }[] = [];
    for (let i = 0; i < n; i++) {
      const id = idList[hr.uint()];
      if (id === undefined) return null;
      list.push({ id, n: hr.uint() });
    }
    byKey.set(key, list);
    if (spent(n + 2)) yield;
  }
  if (!hr.atEnd()) return null;
  const ordinary = new Map(ordinaryKeys.map((key, i) => [key, ordinaryExceptions[i] as number]));
  return indexOver(entities, perFile, { byKey, dropped: new Set(dropped), ordinary });
}

/** Per entity, the last file (index into the file table) it was given a run of, and how many of its mentions that file holds. */
interface EntityRuns {
  lastFile: Int32Array;
  inFile: Int32Array;
}

/**
 * One file's mentions, read from `r` into the file's columns and its entities' runs (`filled` counts each entity's
 * mentions so far); null when the data does not hold together. A plain function called once a file rather than a loop
 * inside the stepwise import: it is optimised after the first few files, where the generator's loop over a million
 * mentions ran unoptimised for much of the one import a warm start makes.
 */
function readFileMentions(
  r: PackedIntReader,
  file: string,
  fi: number,
  entities: IndexedEntity[],
  spellings: string[][],
  counts: number[],
  filled: Int32Array,
  runs: EntityRuns,
): FileMentionColumns | null {
  const n = r.uint();
  if (n > r.remaining) return null;
  const spans = new Int32Array(n * 3);
  const surfaces: string[] = new Array(n);
  const ids: string[] = new Array(n);
  const named: number[] = [];
  let start = 0;
  let passage = 0;
  for (let i = 0; i < n; i++) {
    const ei = r.uint();
    const e = entities[ei];
    if (!e || filled[ei] >= counts[ei]) return null;
    filled[ei]++;
    start += r.uint();
    const end = start + r.uint();
    passage += r.int();
    const surface = spellings[ei][r.uint()];
    if (surface === undefined) return null;
    spans[i * 3] = start;
    spans[i * 3 + 1] = end;
    spans[i * 3 + 2] = passage;
    surfaces[i] = surface;
    ids[i] = e.id;
    if (runs.lastFile[ei] !== fi) {
      runs.lastFile[ei] = fi;
      runs.inFile[ei] = 0;
      named.push(ei);
    }
    runs.inFile[ei]++;
  }
  const cols = new FileMentionColumns(file, spans, surfaces, ids);
  // Files come in path order: every entity's runs do too.
  for (const ei of named) entities[ei].addRun(cols, runs.inFile[ei]);
  return cols;
}

const KINDS = new Set(['person', 'group', 'place', 'other']);

const ORIGINS = new Set(['glossary', 'appositive', 'title', 'acronym', 'role']);
const isNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const isStringOrNull = (x: unknown): boolean => x === null || typeof x === 'string';

function isDefinition(d: unknown): boolean {
  return (
    isObject(d) &&
    typeof d.text === 'string' &&
    ORIGINS.has(d.origin as string) &&
    isStringOrNull(d.file) &&
    isStringOrNull(d.outlet) &&
    isStringOrNull(d.date) &&
    (d.start === undefined || isNumber(d.start)) &&
    (d.end === undefined || isNumber(d.end))
  );
}

const isRange = (x: unknown): boolean => isObject(x) && typeof x.file === 'string' && isNumber(x.start) && isNumber(x.end);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
