// The index of a workspace's articles: the one object the VS Code layer and the CLI talk to.
//
// Data flow: bytes → decodeBytes → parseArticle (meta, passages) → per-article name extraction → global entity
// resolution → event index. Parsing is eager (the tree needs it at once); names and events are derived lazily on
// the first query that needs them and kept until an article changes, so filling the tree never waits on them.
import { parseArticle } from './article';
import { makeExcludeFilter, makeFileFilter, type FileFilter } from './fileFilter';
import { sizeCapReason } from './reasons';
import { contentHash } from './kit/hash';
import { decodeBytes, foldSpace, LineMap } from './text';
import type { ArticleMeta, OffsetRange, ParsedArticle, Passage, ReadOptions } from './types';
import {
  exportEntityIndexSteps,
  extractNames,
  hoverMarkdown,
  importEntityIndexSteps,
  resolveEntities,
  resolveEntitiesSteps,
  type ArticleNames,
  type Entity,
  type EntityIndex,
  type Mention,
} from './names';
import { parseGlossary, type GlossaryEntry } from './glossary';
import { coveragePassageAt, coveragePassageByIndex, coverageRangeOf } from './coveragePassage';
import { EventIndex, type BackgroundRarity } from './events';
import type { WordTable } from './words/wordTable';
import { stem } from './words/stem';
import { partitionPoint } from './kit/search';
import { pauser, runInSlices, runToEnd, type SliceOptions } from './kit/steps';
import { buildTree, type TreeOutlet } from './tree';
import { cacheSalt, decodeCache, encodeCache, encodeCacheParts, type CacheEntry, type FileStamp, type RestoredEntry } from './cache';
import type { FileStat } from './workspace';
import { rankArticles } from './searchArticles';
import { newPassageIndex, rankPassages, type PassageIndex } from './search';
import { applyCorrection, comparableKey, correctionTarget, parseCorrections, type MetaCorrection } from './corrections';

export interface CorpusOptions {
  read?: ReadOptions;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Files larger than this are skipped with a message (0 or undefined: no cap). */
  maxFileBytes?: number;
  /** How the user raises the size cap, named in the skip message (default: the VS Code setting). */
  sizeCapSetting?: string;
}

/** Where an article's bytes came from: its stat (kept for the persisted index) and, when trusted, its known hash. */
export interface ArticleSource {
  stat?: FileStat;
  /** The content hash, when size and mtime vouch for it (Corpus.trustedHash): the text is then not hashed again. */
  hash?: string | null;
}

export interface ArticleRecord {
  file: string;
  text: string;
  hash: string;
  /** Line starts, computed on first use (a warm start never needs most of them). */
  readonly lines: LineMap;
  parsed: ParsedArticle;
  /**
   * The metadata shown everywhere (tree, hovers, CLI, search, names, events): `parsed.meta` with the reader's
   * corrections from *.parallax.json files over it. `parsed` stays as inferred: it is cached by content hash.
   */
  meta: ArticleMeta;
  warnings: string[];
  /** Size and mtime of the file the text was read from (none for an editor buffer). */
  stat?: FileStat;
}

/** An article record whose line map is built when first asked for. */
class Article implements ArticleRecord {
  private lineMap: LineMap | null = null;
  constructor(
    readonly file: string,
    readonly text: string,
    readonly hash: string,
    readonly parsed: ParsedArticle,
    public meta: ArticleMeta,
    readonly warnings: string[],
    public stat: FileStat | undefined,
  ) {}

  get lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.text));
  }
}

export interface PassageHit {
  file: string;
  passage: number;
  start: number;
  end: number;
  score: number;
  text: string;
}

export interface ArticleHit {
  file: string;
  score: number;
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
}

export interface RelatedPassage extends PassageHit {
  reason: string;
  shared: string[];
}

export interface HoverResult extends OffsetRange {
  entity: string | null;
  markdown: string;
}

/** How a derived index (names, events, search) stands: see Corpus.derivedStates. */
export type DerivedState = 'absent' | 'restored' | 'approximate' | 'exact';

export type SetBytesResult = { ok: true; record: ArticleRecord } | { ok: false; reason: string };

/** Related passages shown from any one other article. */
const RELATED_PER_ARTICLE = 2;

/** Longest passage text handed out in search/related results (the full range is always given). */
const RESULT_TEXT_CHARS = 400;

interface CachedDerived {
  names?: ArticleNames;
  /** The persisted extraction for this text, unpacked only when a resolution needs it (most warm starts never do). */
  restoredNames?: RestoredEntry<ArticleNames>;
}

/** Corpus-wide state persisted beside the per-file entries (see cache.ts), as exported by `exportLinked`. */
interface LinkedState {
  /** Fingerprint of the files (path and content hash) and glossaries the state was computed from. */
  fingerprint: string;
  entities: unknown;
  events: unknown;
  /** Per-file signature (hash and mention entity ids) of what the event index was fed. */
  signatures: [string, string][];
}

export class Corpus {
  private readonly records = new Map<string, ArticleRecord>();
  private readonly derived = new Map<string, CachedDerived>();
  private readonly glossaries = new Map<string, GlossaryEntry[]>();
  /** Metadata corrections by the *.parallax.json file holding them, then by the article (a comparableKey). */
  private readonly corrections = new Map<string, Map<string, MetaCorrection>>();
  private readonly filter: FileFilter;
  private readonly excluded: FileFilter;
  private readonly readOptions: ReadOptions;
  readonly maxFileBytes: number;
  readonly sizeCapSetting: string;

  /**
   * Full-text index of passages, built on the first search: it costs as much as the rest of indexing together, and
   * neither the tree, hovers nor a warm start need it.
   */
  private passageSearch: PassageIndex | null = null;
  /** Every article is in passageSearch (while it is built in slices, some are not yet). */
  private searchComplete = false;
  /** MiniSearch document id → where the passage lives; ids are never reused while the index lives. */
  private readonly passageIds = new Map<number, { file: string; index: number }>();
  private readonly idsByFile = new Map<string, number[]>();
  private nextPassageId = 1;

  private entityIndex: EntityIndex | null = null;
  /**
   * The entity index was updated article by article since the last full resolution (fast, but can miss merges only
   * whole-corpus statistics find): `link()` resolves everything again.
   */
  private entityIndexApproximate = false;
  /** Files changed since the event index was last synced, when only those need re-feeding; null: check every file. */
  private eventsPending: Set<string> | null = null;
  /** Articles attached one by one since the last full resolution: past a few, one full resolution is cheaper. */
  private incrementalEdits = 0;
  private events: EventIndex | null = null;
  private background: BackgroundRarity | null = null;
  /** Per-file signature of the entity ids its mentions resolved to when last fed to the event index. */
  private readonly eventSignatures = new Map<string, string>();
  /** The entity resolution the event index was last brought up to date with: queries in between cost nothing. */
  private eventsSyncedWith: EntityIndex | null = null;
  /** Parse results restored from a persisted index, by content hash, for setText to use instead of parsing. */
  private restored = new Map<string, RestoredEntry<ArticleNames>>();
  /** Size, mtime and content hash of each file when the persisted index was written (see trustedHash). */
  private restoredStamps = new Map<string, FileStamp>();
  /** Counts changes to articles and glossaries, so work done in slices can tell that it went stale. */
  private mutations = 0;
  /** Corpus-wide state from the persisted index, until the first query adopts (or discards) it. */
  private restoredLinked: LinkedState | null = null;
  /** Files parsed from text vs restored from the persisted index since this corpus was created. */
  readonly stats = { parsed: 0, restored: 0 };

  constructor(options: CorpusOptions = {}) {
    this.filter = makeFileFilter(options.include, options.exclude);
    this.excluded = makeExcludeFilter(options.exclude);
    this.readOptions = options.read ?? {};
    this.maxFileBytes = options.maxFileBytes ?? 0;
    this.sizeCapSetting = options.sizeCapSetting ?? 'parallax.maxFileSizeMB';
  }

  /** Whether a workspace-relative path is an article file under the include/exclude settings. */
  accepts(relativePath: string): boolean {
    return this.filter(relativePath);
  }

  /** Whether a workspace-relative glossary path is read (glossaries are not limited by include, only by exclude). */
  acceptsGlossary(relativePath: string): boolean {
    return !this.excluded(relativePath);
  }

  /**
   * The content hash of a file whose size and modification time are exactly those the persisted index recorded for
   * it, when that index also holds its parse: git's rule for an unchanged file, so a warm start does not hash every
   * text again. Stamps too close to the moment the index was written are never recorded (a file changed again within
   * the clock's resolution would look unchanged), and an unsaved buffer has no mtime to match (NaN).
   */
  trustedHash(file: string, stat: FileStat): string | null {
    const stamp = this.restoredStamps.get(file);
    if (!stamp || stamp.size !== stat.size || stamp.mtime !== stat.mtime) return null;
    return this.restored.has(stamp.hash) ? stamp.hash : null;
  }

  get size(): number {
    return this.records.size;
  }

  get(file: string): ArticleRecord | undefined {
    return this.records.get(file);
  }

  all(): ArticleRecord[] {
    return [...this.records.values()];
  }

  files(): string[] {
    return [...this.records.keys()];
  }

  setBytes(file: string, bytes: Uint8Array, source: ArticleSource = {}): SetBytesResult {
    if (this.maxFileBytes > 0 && bytes.length > this.maxFileBytes) {
      this.remove(file);
      return { ok: false, reason: sizeCapReason(bytes.length, this.maxFileBytes, this.sizeCapSetting) };
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      this.remove(file);
      return { ok: false, reason: decoded.reason };
    }
    // A test, not trim(): trim copies every text that ends in a newline (all of them), a third of a warm start's garbage.
    if (!/\S/.test(decoded.text)) {
      this.remove(file);
      return { ok: false, reason: decoded.text === '' ? 'empty file' : 'empty file (only whitespace)' };
    }
    try {
      return { ok: true, record: this.setText(file, decoded.text, decoded.warnings, source) };
    } catch (e) {
      // A parser or indexer bug must cost this one file, never the index: leave no half-indexed record behind.
      this.remove(file);
      return { ok: false, reason: `could not be indexed (${e instanceof Error ? e.message : String(e)})` };
    }
  }

  /** Index (or re-index) one article from its text; unchanged text is a no-op. */
  setText(file: string, text: string, decodeWarnings: string[] = [], source: ArticleSource = {}): ArticleRecord {
    const hash = source.hash ?? contentHash(text);
    const existing = this.records.get(file);
    if (existing && existing.hash === hash) {
      // Same text, newer stamp (touched, or saved unchanged): remembered for the next start's trustedHash.
      if (source.stat) existing.stat = source.stat;
      return existing;
    }
    // Kept until the next export: identical files (copies, re-posted wire stories) share one entry.
    const cached = this.restored.get(hash);
    const parsed = cached ? cached.parsed : parseArticle(text, this.readOptions);
    if (cached) this.stats.restored++;
    else this.stats.parsed++;
    this.mutations++;
    const meta = applyCorrection(parsed.meta, this.correctionFor(file));
    const record = new Article(file, text, hash, parsed, meta, [...decodeWarnings, ...parsed.warnings], source.stat);
    this.dropDerived(file);
    if (cached) this.derived.set(file, { restoredNames: cached });
    this.records.set(file, record);
    this.updateEntities(file, record);
    if (this.passageSearch) this.indexPassages(this.passageSearch, record);
    return record;
  }

  // ---------------------------------------------------------------- persistence

  /**
   * The per-file parse results (and name extractions) of every indexed article, keyed by content hash, for the
   * host to store and hand back to importCache at the next start. Also drops restored entries no file claimed.
   */
  exportCache(salt: unknown = null): string {
    this.restored = new Map();
    this.restoredStamps = new Map();
    return encodeCache(this.cacheEntries(), this.cacheSalt(salt), this.exportLinked(), this.fileStamps());
  }

  /**
   * exportCache in slices that give the event loop back (at 10k articles the cache is ~100 MB of JSON, seconds of
   * work). Changes made meanwhile are safe: entries are keyed by content hash, and the corpus-wide state is taken at
   * the end with the fingerprint of the corpus as it is then.
   */
  async exportCacheInSlices(salt: unknown = null, options: { yieldNow?: () => Promise<void>; sliceMs?: number } = {}): Promise<string> {
    this.restored = new Map();
    this.restoredStamps = new Map();
    const parts: string[] = [];
    const pause = pauser(options);
    const linked = (await runInSlices(this.exportLinkedSteps(), pause))?.value ?? null;
    const stamps = this.fileStamps();
    for (const part of encodeCacheParts(this.cacheEntries(), this.cacheSalt(salt), () => linked, stamps)) {
      parts.push(part);
      await pause();
    }
    return parts.join('');
  }

  private *cacheEntries(): Generator<CacheEntry<ArticleNames>> {
    for (const r of [...this.records.values()]) {
      const d = this.derived.get(r.file);
      yield {
        hash: r.hash,
        parsed: r.parsed,
        names: d?.names,
        packedNames: d?.names ? undefined : d?.restoredNames?.packedNames(),
        text: r.text,
      };
    }
  }

  /**
   * Size, mtime and hash of every article read from a file, for trustedHash at the next start. A stamp within two
   * seconds of now is left out (git's "racily clean" entries): the file could change again, keeping size and mtime.
   */
  private fileStamps(now = Date.now()): FileStamp[] {
    const out: FileStamp[] = [];
    for (const r of this.records.values()) {
      const st = r.stat;
      if (st && Number.isFinite(st.mtime) && st.mtime < now - RACY_WINDOW_MS)
        out.push({ file: r.file, size: st.size, mtime: st.mtime, hash: r.hash });
    }
    return out;
  }

  /** The resolved entities and the event index, when both are settled and current (else the next start rebuilds them). */
  private exportLinked(): LinkedState | null {
    return runToEnd(this.exportLinkedSteps());
  }

  /** exportLinked in steps; null when the corpus changed in between (the next start then rebuilds). */
  private *exportLinkedSteps(): Generator<void, LinkedState | null, void> {
    const entities = this.entityIndex;
    const events = this.events;
    if (!entities || this.entityIndexApproximate || !events || this.eventsSyncedWith !== entities) return null;
    const generation = this.mutations;
    const fingerprint = this.fingerprint();
    const signatures = [...this.eventSignatures];
    try {
      const entityState = yield* exportEntityIndexSteps(entities);
      const eventState = yield* events.exportStateSteps();
      if (this.mutations !== generation || this.entityIndex !== entities || this.events !== events) return null;
      return { fingerprint, entities: entityState, events: eventState, signatures };
    } catch {
      // The event index refuses to be exported while it is edited: this cache simply has no corpus-wide state.
      return null;
    }
  }

  /**
   * What the corpus-wide state depends on: every file's path and content hash, and the glossaries. Entity resolution
   * looks at the whole corpus, so any difference means resolving again.
   */
  private fingerprint(): string {
    const files = [...this.records.values()].map((r) => r.file + '\u0000' + r.hash).sort();
    const glossaries = [...this.glossaries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    // Corrected outlets and dates reach entity definitions and event dates: a correction means computing again.
    const corrections = [...this.corrections].map(([f, m]) => [f, [...m]]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return contentHash(files.join('\n')) + '.' + contentHash(JSON.stringify(glossaries) + JSON.stringify(corrections)) + '.' + files.length;
  }

  /**
   * Adopt the persisted corpus-wide state: the entity index when the corpus is exactly the one it was computed from,
   * and with it the event index. Once the corpus is `settled` (loaded) and differs, the event index alone is
   * adopted (see adoptEvents). Before that (a hover while files are still loading) a mismatch keeps the state for
   * the settled attempt.
   */
  private adoptLinked(settled: boolean): void {
    runToEnd(this.adoptLinkedSteps(settled));
  }

  /**
   * adoptLinked in steps (at 10k articles each index is a few tenths of a second to decode), for link() to run
   * between pauses. Articles changed in between mean the entities no longer fit exactly: only the events are adopted.
   */
  private *adoptLinkedSteps(settled: boolean): Generator<void, void, void> {
    const linked = this.restoredLinked;
    if (!linked) return;
    const exact = linked.fingerprint === this.fingerprint();
    if (!exact && !settled) return;
    const generation = this.mutations;
    let entities = exact ? yield* importEntityIndexSteps(linked.entities) : null;
    // Only decoded when it can be adopted (an event index built meanwhile stays, unless exact entities replace it).
    const events = entities || !this.events ? yield* EventIndex.fromStateSteps(linked.events) : null;
    // A query adopted it in between (synchronously).
    if (this.restoredLinked !== linked) return;
    if (this.mutations !== generation) entities = null;
    if (entities) {
      this.installResolution(entities);
      // Whatever was linked while files were loading is superseded by the state of exactly this corpus.
      this.events = null;
    }
    this.adoptEvents(entities, events);
  }

  /**
   * Adopt the persisted event index, whatever the entities: it is checked per article, by a signature of the
   * article's hash and its mentions' entities, and syncEvents re-feeds the articles that differ, one by one.
   * `entities`: the resolution it was computed with, when that was adopted too (then nothing needs re-feeding).
   */
  private adoptEvents(entities: EntityIndex | null, restored?: EventIndex | null): void {
    const linked = this.restoredLinked;
    this.restoredLinked = null;
    if (!linked || this.events) return;
    const events = restored !== undefined ? restored : EventIndex.fromState(linked.events);
    if (!events) return;
    this.events = events;
    events.setBackground(this.background);
    this.eventSignatures.clear();
    for (const [file, signature] of linked.signatures) this.eventSignatures.set(file, signature);
    this.eventsSyncedWith = entities;
    if (entities) this.eventsPending = new Set();
  }

  /**
   * Restore a persisted index before loading: files whose text hashes to a cached entry are then indexed without
   * parsing. A corrupt, truncated or version-mismatched cache is ignored (the reason says why) and costs nothing.
   * `salt` is whatever the host versions the cache by (e.g. the extension version); it must match exportCache's.
   */
  importCache(data: string | Uint8Array, salt: unknown = null): { ok: true; entries: number } | { ok: false; reason: string } {
    const result = decodeCache<ArticleNames>(data, this.cacheSalt(salt));
    if (!result.ok) return result;
    this.restored = result.entries;
    this.restoredStamps = new Map(result.files.map((f) => [f.file, f]));
    this.restoredLinked = isLinkedState(result.linked) ? result.linked : null;
    return { ok: true, entries: result.entries.size };
  }

  private cacheSalt(salt: unknown): string {
    return cacheSalt({ read: this.readOptions, host: salt });
  }

  remove(file: string): boolean {
    const had = this.records.delete(file);
    if (had) {
      this.mutations++;
      this.dropDerived(file);
      this.updateEntities(file, null);
    }
    return had;
  }

  rename(from: string, to: string): void {
    const record = this.records.get(from);
    if (!record) return;
    this.remove(from);
    this.setText(to, record.text, [], { stat: record.stat, hash: record.hash });
  }

  // ---------------------------------------------------------------- glossaries

  /**
   * Parse a *.parallax.json file: its glossary entries and its metadata corrections (see corrections.ts). On
   * errors the last good version of that part of the file stays in use.
   */
  setGlossary(file: string, text: string): { errors: { message: string; start: number; end: number }[] } {
    const { entries, errors } = parseGlossary(file, text);
    if (errors.length === 0) {
      this.glossaries.set(file, entries);
      this.mutations++;
      this.dropEntities();
    }
    const corrections = parseCorrections(text);
    if (corrections.errors.length === 0) {
      const byTarget = new Map<string, MetaCorrection>();
      for (const [path, c] of corrections.corrections) byTarget.set(correctionTarget(file, path), c);
      this.setCorrections(file, byTarget.size > 0 ? byTarget : null);
    }
    return { errors: [...errors, ...corrections.errors] };
  }

  removeGlossary(file: string): void {
    if (this.glossaries.delete(file)) {
      this.mutations++;
      this.dropEntities();
    }
    this.setCorrections(file, null);
  }

  /** The reader's correction of an article's metadata, merged over every *.parallax.json that corrects it. */
  correctionFor(file: string): MetaCorrection | undefined {
    if (this.corrections.size === 0) return undefined;
    const key = comparableKey(file);
    let merged: MetaCorrection | undefined;
    for (const sidecar of [...this.corrections.keys()].sort()) {
      const c = this.corrections.get(sidecar)!.get(key);
      if (c) merged = { ...merged, ...c };
    }
    return merged;
  }

  /** Replaces one sidecar's corrections and re-applies them to the articles whose shown metadata changes. */
  private setCorrections(sidecar: string, byTarget: Map<string, MetaCorrection> | null): void {
    const before = this.corrections.get(sidecar);
    if (!before && !byTarget) return;
    if (byTarget) this.corrections.set(sidecar, byTarget);
    else this.corrections.delete(sidecar);
    const affected = new Set([...(before?.keys() ?? []), ...(byTarget?.keys() ?? [])]);
    let changed = false;
    for (const record of this.records.values()) {
      if (!affected.has(comparableKey(record.file))) continue;
      const meta = applyCorrection(record.parsed.meta, this.correctionFor(record.file));
      if (JSON.stringify(meta) === JSON.stringify(record.meta)) continue;
      record.meta = meta;
      changed = true;
    }
    if (!changed) return;
    // Entity definitions carry their source's outlet and date, and events read the date: derive them again.
    this.mutations++;
    this.dropEntities();
  }

  glossaryFiles(): string[] {
    return [...this.glossaries.keys()];
  }

  // ---------------------------------------------------------------- articles and passages

  tree(): TreeOutlet[] {
    return buildTree([...this.records.values()].map((r) => ({ file: r.file, meta: r.meta })));
  }

  passageAt(file: string, offset: number): Passage | undefined {
    const passages = this.records.get(file)?.parsed.passages;
    if (!passages) return undefined;
    // Passages are in text order and do not overlap: the first one ending at or after the offset is the candidate.
    const p = passages[partitionPoint(0, passages.length, (i) => passages[i].end < offset)];
    return p && p.start <= offset ? p : undefined;
  }

  /**
   * The shipped word table (media/words.bin): word rarity in news at large, blended into the workspace's own when
   * linking events, so a small workspace ranks as a large one does. Without it, the workspace's rarity alone.
   */
  setWordTable(table: WordTable | null): void {
    this.background = table ? table.byStem(stem) : null;
    this.events?.setBackground(this.background);
  }

  /**
   * The passage a cursor place asks about for other coverage (coveragePassage.ts): title, dateline and headline
   * run-in belong to the lead, a heading to the passage below it. Every coverage feature uses this one mapping.
   */
  coveragePassageAt(file: string, offset: number): Passage | undefined {
    const record = this.records.get(file);
    if (!record) return undefined;
    return coveragePassageAt(record.text, record.parsed.passages, record.parsed.bodyStart, offset);
  }

  passageText(file: string, passage: Passage): string {
    const text = this.records.get(file)?.text ?? '';
    return foldSpace(text.slice(passage.start, passage.end));
  }

  /**
   * Full-text passage search over word stems (see search.ts): passages of the articles holding the most of the
   * query's words first, each article's best passage before its others.
   */
  searchPassages(query: string, limit = 50): PassageHit[] {
    if (!query.trim()) return [];
    const hits: PassageHit[] = [];
    const ranked = rankPassages(
      this.searchIndex(),
      query,
      (id) => this.passageIds.get(id)?.file,
      limit,
      (file) => this.records.get(file)?.meta.title,
    );
    for (const r of ranked) {
      const ref = this.passageIds.get(r.id);
      const record = ref && this.records.get(ref.file);
      const passage = ref && record?.parsed.passages[ref.index];
      if (!record || !passage) continue;
      hits.push({
        file: record.file,
        passage: passage.index,
        start: passage.start,
        end: passage.end,
        score: round(r.score),
        text: clip(this.passageText(record.file, passage)),
      });
    }
    return hits;
  }

  /** Open Article: by title first, then outlet, then date, author and file name (see searchArticles.ts). */
  searchArticles(query: string, limit = 50): ArticleHit[] {
    const toHit = (file: string, score: number): ArticleHit | null => {
      const r = this.records.get(file);
      return r ? { file, score: round(score), ...metaFields(r.meta) } : null;
    };
    if (!query.trim()) {
      return this.tree()
        .flatMap((o) => o.months.flatMap((m) => m.articles))
        .slice(0, limit)
        .map((a) => toHit(a.file, 0)!)
        .filter(Boolean);
    }
    return rankArticles([...this.records.values()], query, limit)
      .map((a) => toHit(a.file, a.score))
      .filter((h): h is ArticleHit => h !== null);
  }

  // ---------------------------------------------------------------- names

  entities(): EntityIndex {
    if (!this.entityIndex) this.adoptLinked(false);
    if (!this.entityIndex) this.installResolution(resolveEntities(this.resolveInputs(), this.glossaryEntries()));
    return this.entityIndex!;
  }

  private resolveInputs(): { file: string; meta: ArticleMeta; names: ArticleNames }[] {
    return [...this.records.values()].map((r) => ({ file: r.file, meta: r.meta, names: this.namesOf(r) }));
  }

  private glossaryEntries(): GlossaryEntry[] {
    return [...this.glossaries.values()].flat();
  }

  private installResolution(index: EntityIndex): void {
    this.entityIndex = index;
    this.entityIndexApproximate = false;
    this.eventsPending = null;
    this.incrementalEdits = 0;
  }

  /**
   * One article changed (null: removed). An existing entity index is updated for that article alone: resolving the
   * whole corpus again costs seconds at 10k articles, and `link()` does it once indexing settles.
   */
  private updateEntities(file: string, record: ArticleRecord | null): void {
    if (!this.entityIndex) return;
    // Each update copies the id and file tables; a bulk change (a branch switch) is cheaper resolved once.
    if (++this.incrementalEdits > Math.max(50, this.records.size / 20)) {
      this.dropEntities();
      return;
    }
    try {
      const input = record ? { meta: record.meta, names: this.namesOf(record) } : null;
      this.entityIndex = this.entityIndex.withArticle(file, input);
      this.entityIndexApproximate = true;
      this.eventsPending?.add(file);
    } catch {
      // A bug in the update must not leave a wrong index: the next query resolves the corpus in full.
      this.dropEntities();
    }
  }

  private dropEntities(): void {
    this.entityIndex = null;
    this.entityIndexApproximate = false;
    this.eventsPending = null;
  }

  recurringEntities(): Entity[] {
    return this.entities().recurring();
  }

  entityAt(file: string, offset: number): { entity: Entity; mention: Mention } | null {
    if (!this.records.has(file)) return null;
    return this.entities().at(file, offset);
  }

  hover(file: string, offset: number): HoverResult | null {
    const hit = this.entityAt(file, offset);
    if (!hit) return null;
    const markdown = hoverMarkdown(hit.entity, hit.mention, {
      snippet: (f, s, e) => this.snippet(f, s, e),
      meta: (f) => this.records.get(f)?.meta,
      lineOf: (f, o) => this.position(f, o),
    });
    return { entity: hit.entity.id, markdown, start: hit.mention.start, end: hit.mention.end };
  }

  /** Where an entity is defined: its glossary entry, else the passage its definition comes from, else its first mention. */
  definition(file: string, offset: number): { file: string; start: number; end: number } | null {
    const hit = this.entityAt(file, offset);
    if (!hit) return null;
    const e = hit.entity;
    if (e.glossary) return e.glossary;
    const d = e.definition;
    if (d && d.file && d.start !== undefined && d.end !== undefined) return { file: d.file, start: d.start, end: d.end };
    const first = e.mentions[0];
    return first ? { file: first.file, start: first.start, end: first.end } : null;
  }

  references(file: string, offset: number): Mention[] {
    return this.entityAt(file, offset)?.entity.mentions ?? [];
  }

  glossaryEntryFor(entityId: string): { file: string; start: number; end: number } | null {
    return this.entities().byId(entityId)?.glossary ?? null;
  }

  /** Text around a range, whitespace folded, for hover and result snippets. */
  snippet(file: string, start: number, end: number, context = 60): string {
    const record = this.records.get(file);
    if (!record) return '';
    const text = record.text;
    // Stay inside the passage (or at least the body): a snippet must never show front matter or a neighbouring
    // footer as if it were part of the sentence.
    const passage = this.passageAt(file, start);
    const lo = passage ? passage.start : record.parsed.bodyStart;
    const hi = passage ? passage.end : text.length;
    let s = Math.max(lo, start - context);
    let e = Math.min(hi, end + context);
    // Widen to word boundaries so snippets never start or end mid-word.
    while (s > lo && /\S/.test(text[s - 1]) && start - s < context + 20) s--;
    while (e < hi && /\S/.test(text[e]) && e - end < context + 20) e++;
    return (s > lo ? '… ' : '') + foldSpace(text.slice(s, e)) + (e < hi ? ' …' : '');
  }

  // ---------------------------------------------------------------- events

  related(file: string, offset: number, limit = 10): RelatedPassage[] {
    const passage = this.coveragePassageAt(file, offset);
    if (!passage || passage.kind === 'boilerplate') return [];
    return this.relatedToPassage(file, passage.index, limit);
  }

  /**
   * Passages of other articles covering the same event as this one, best first. At most two per article: the point
   * is to compare outlets, and a long article otherwise fills the list with its own neighbouring paragraphs.
   */
  relatedToPassage(file: string, passageIndex: number, limit = 10): RelatedPassage[] {
    const events = this.eventIndex();
    const out: RelatedPassage[] = [];
    const perArticle = new Map<string, number>();
    for (const link of events.related(file, passageIndex, limit * 4)) {
      const record = this.records.get(link.file);
      const passage = record && coveragePassageByIndex(record.text, record.parsed.passages, record.parsed.bodyStart, link.passage);
      if (!record || !passage) continue;
      const p = coverageRangeOf(record.text, record.parsed.passages, record.parsed.bodyStart, passage);
      const seen = perArticle.get(link.file) ?? 0;
      if (seen >= RELATED_PER_ARTICLE) continue;
      perArticle.set(link.file, seen + 1);
      out.push({
        file: link.file,
        passage: p.index,
        start: p.start,
        end: p.end,
        score: round(link.score),
        reason: link.reason,
        shared: link.shared,
        text: clip(this.passageText(link.file, passage)),
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Every candidate of the passage at a cursor place with its feature values, no cut-off: what `npm run fit:events`
   * fits the weights on.
   */
  coverageCandidates(file: string, offset: number): { file: string; start: number; end: number; score: number; features: number[] }[] {
    const passage = this.coveragePassageAt(file, offset);
    if (!passage || passage.kind === 'boilerplate') return [];
    return this.eventIndex()
      .candidates(file, passage.index)
      .flatMap((c) => {
        const record = this.records.get(c.file);
        const p = record && coveragePassageByIndex(record.text, record.parsed.passages, record.parsed.bodyStart, c.passage);
        if (!record || !p) return [];
        const r = coverageRangeOf(record.text, record.parsed.passages, record.parsed.bodyStart, p);
        return [{ file: c.file, start: r.start, end: r.end, score: c.score, features: c.features }];
      });
  }

  relatedArticles(file: string, limit = 10): { file: string; score: number; passages: number }[] {
    if (!this.records.has(file)) return [];
    return this.eventIndex()
      .relatedArticles(file, limit)
      .map((a) => ({ ...a, score: round(a.score) }));
  }

  // ---------------------------------------------------------------- positions

  position(file: string, offset: number): { line: number; character: number } {
    const r = this.records.get(file);
    return r ? r.lines.position(offset) : { line: 0, character: 0 };
  }

  offsetAt(file: string, line: number, character: number): number {
    const r = this.records.get(file);
    return r ? Math.min(r.text.length, r.lines.offset(line, character)) : 0;
  }

  // ---------------------------------------------------------------- internals

  private namesOf(record: ArticleRecord): ArticleNames {
    let d = this.derived.get(record.file);
    if (!d) this.derived.set(record.file, (d = {}));
    if (!d.names && d.restoredNames) {
      d.names = d.restoredNames.names(record.text, record.file);
      d.restoredNames = undefined;
    }
    if (!d.names) {
      d.names = extractNames({
        file: record.file,
        text: record.text,
        passages: record.parsed.passages,
        headings: record.parsed.headings,
        meta: record.parsed.meta,
      });
    }
    return d.names;
  }

  /** The event index, brought up to date with the current entity resolution (only changed articles are re-fed). */
  private eventIndex(): EventIndex {
    const entities = this.entities();
    if (this.events && this.eventsSyncedWith === entities) return this.events;
    for (const _ of this.syncEvents(entities)) {
      // run to completion
    }
    return this.events!;
  }

  /** Feeds the event index article by article, yielding after each one so `link()` can give the event loop back. */
  private *syncEvents(entities: EntityIndex): Generator<void, boolean> {
    if (!this.events) this.adoptEvents(null);
    if (!this.events) {
      this.events = new EventIndex();
      this.events.setBackground(this.background);
      this.eventSignatures.clear();
    }
    const events = this.events;
    const pending = this.eventsPending;
    if (pending && this.eventsSyncedWith) {
      // Only these files changed since the last sync, and the other files' mentions were left as they were.
      const files = [...pending];
      for (const file of files) {
        if (this.entityIndex !== entities) return false;
        const record = this.records.get(file);
        if (!record) {
          events.removeArticle(file);
          this.eventSignatures.delete(file);
        } else {
          const mentions = entities.mentionsIn(file);
          events.setArticle({
            file,
            text: record.text,
            passages: record.parsed.passages,
            bodyStart: record.parsed.bodyStart,
            meta: record.meta,
            mentions,
          });
          this.eventSignatures.set(file, eventSignature(record, mentions));
        }
        pending.delete(file);
        yield;
      }
      this.eventsSyncedWith = entities;
      return true;
    }
    for (const file of [...this.eventSignatures.keys()]) {
      if (!this.records.has(file)) {
        events.removeArticle(file);
        this.eventSignatures.delete(file);
      }
    }
    // Each article's mentions come from the entity index's per-file lists: collecting them from every entity first
    // was one block over every mention of the corpus (seconds at 50k articles).
    let unchanged = 0;
    for (const record of [...this.records.values()]) {
      // The corpus changed while we were paused: the next query re-syncs against the new resolution.
      if (this.entityIndex !== entities) return false;
      if (this.records.get(record.file) !== record) continue;
      const mentions = entities.mentionsIn(record.file);
      const signature = eventSignature(record, mentions);
      if (this.eventSignatures.get(record.file) === signature) {
        // Checking is cheap but not free: a warm start with a few changed articles checks all of them.
        if (++unchanged % 64 === 0) yield;
        continue;
      }
      events.setArticle({
        file: record.file,
        text: record.text,
        passages: record.parsed.passages,
        bodyStart: record.parsed.bodyStart,
        meta: record.meta,
        mentions,
      });
      this.eventSignatures.set(record.file, signature);
      yield;
    }
    this.eventsSyncedWith = entities;
    if (this.entityIndex === entities) this.eventsPending = new Set();
    return true;
  }

  /**
   * Derives names and events for the whole corpus ahead of the first query, in time slices that give the event
   * loop back: per-article name extraction and event features are most of the work, and doing them here keeps the
   * extension host responsive where a first hover would otherwise block it. Returns false when cancelled or when
   * the corpus changed meanwhile (queries then finish the remainder on demand).
   */
  async link(options: SliceOptions = {}): Promise<boolean> {
    const pause = pauser(options);
    if (!(await runInSlices(this.adoptLinkedSteps(true), pause))) return false;
    // Per-article extraction only when the corpus is to be resolved (a warm start of an unchanged corpus is not).
    const resolving = !this.entityIndex || this.entityIndexApproximate;
    for (const record of resolving ? [...this.records.values()] : []) {
      if (this.records.get(record.file) !== record) continue;
      this.namesOf(record);
      if (!(await pause())) return false;
    }
    // Edits since the last full resolution were attached approximately; settle them with a full one.
    if (this.entityIndexApproximate) this.dropEntities();
    // Resolution looks at the whole corpus at once (seconds at 10k articles): run in steps between pauses. When an
    // article or glossary changes meanwhile, that resolution is stale: start again (a few times; after that, a
    // corpus still changing is left to resolve on demand).
    for (let attempt = 0; attempt < 3 && !this.entityIndex; attempt++) {
      const generation = this.mutations;
      const steps = resolveEntitiesSteps(this.resolveInputs(), this.glossaryEntries());
      let step = steps.next();
      while (!step.done && this.mutations === generation && !this.entityIndex) {
        if (!(await pause())) return false;
        step = steps.next();
      }
      // (this.entityIndex set meanwhile: a query needed names and resolved them itself.)
      if (step.done && this.mutations === generation && !this.entityIndex) this.installResolution(step.value);
    }
    const entities = this.entities();
    if (!(await pause())) return false;
    const steps = this.syncEvents(entities);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      if (!(await pause())) return false;
    }
    // syncEvents gave up because the corpus changed under it: queries finish the remainder on demand.
    if (this.eventsSyncedWith !== entities) return false;
    // What the first edit and the first query would otherwise build in one block (~0.1-0.2 s each at 10k).
    if (!(await runInSlices(entities.prepareEditsSteps(), pause))) return false;
    if (!(await runInSlices(this.events!.prepareQueriesSteps(), pause))) return false;
    // The full-text index is not built here: it costs as much CPU as everything above and a third of the memory,
    // and only a search needs it (prepareSearch, when the reader opens Search Passages).
    return true;
  }

  /**
   * Where each derived index stands, read in this one place from the fields that decide refreshes (entityIndex and
   * entityIndexApproximate, restoredLinked, events with eventsSyncedWith and eventsPending, passageSearch with
   * searchComplete): `absent` — not built (the next query or link() builds it); `restored` — persisted state waiting
   * to be adopted or checked against the files; `approximate` — updated article by article since the last full build
   * (names), or behind the current names or partly built (events, search); `exact` — computed from exactly this corpus.
   */
  derivedStates(): { names: DerivedState; events: DerivedState; search: DerivedState } {
    const names: DerivedState = this.entityIndex
      ? this.entityIndexApproximate
        ? 'approximate'
        : 'exact'
      : this.restoredLinked
        ? 'restored'
        : 'absent';
    let events: DerivedState;
    if (!this.events) events = this.restoredLinked ? 'restored' : 'absent';
    else if (this.eventsSyncedWith === null || this.eventsSyncedWith !== this.entityIndex)
      events = this.eventsSyncedWith === null && !this.entityIndex ? 'restored' : 'approximate';
    else events = names === 'exact' ? 'exact' : 'approximate';
    const search: DerivedState = !this.passageSearch ? 'absent' : this.searchComplete ? 'exact' : 'approximate';
    return { names, events, search };
  }

  /** Whether the full-text passage index is built (else the first search builds it: prepareSearch does it in slices). */
  get searchReady(): boolean {
    return this.passageSearch !== null && this.searchComplete;
  }

  /**
   * Build the full-text passage index article by article between pauses, before the first search needs it (at 10k
   * articles it is ~17 s of work that would otherwise block that search). False when cancelled.
   */
  async prepareSearch(options: SliceOptions & { onProgress?: (done: number, total: number) => void } = {}): Promise<boolean> {
    if (this.searchReady) return true;
    let done = 0;
    const total = this.records.size;
    const pause = pauser({ ...options, beforeYield: () => options.onProgress?.(done, total) });
    return this.buildSearchInSlices(() => {
      done++;
      return pause();
    });
  }

  /**
   * The full-text passage index, built article by article between pauses (at 10k articles it is ~17 s of work that
   * would otherwise block the first search). It is installed at once so edits made meanwhile keep it consistent;
   * if the build is cancelled it is dropped and the first search builds it.
   */
  private async buildSearchInSlices(pause: () => Promise<boolean>): Promise<boolean> {
    if (!this.passageSearch) {
      this.passageSearch = newPassageIndex();
      this.searchComplete = false;
    }
    const search = this.passageSearch;
    for (const record of [...this.records.values()]) {
      // Completed meanwhile by a synchronous search, or dropped: either way this build is over.
      if (this.passageSearch !== search || this.searchComplete) return this.passageSearch === search;
      if (this.records.get(record.file) !== record || this.idsByFile.has(record.file)) continue;
      this.indexPassages(search, record);
      if (!(await pause())) return false; // what is indexed stays: the next build or search goes on from there
    }
    if (this.passageSearch !== search) return false;
    this.searchComplete = true;
    return true;
  }

  /** The full-text index, completed synchronously when a search comes before prepareSearch is done (e.g. the CLI). */
  private searchIndex(): PassageIndex {
    if (!this.passageSearch) this.passageSearch = newPassageIndex();
    if (!this.searchComplete) {
      for (const record of this.records.values()) if (!this.idsByFile.has(record.file)) this.indexPassages(this.passageSearch, record);
      this.searchComplete = true;
    }
    return this.passageSearch;
  }

  private indexPassages(search: PassageIndex, record: ArticleRecord): void {
    const ids: number[] = [];
    const docs: { id: number; text: string }[] = [];
    for (const p of record.parsed.passages) {
      if (p.kind === 'boilerplate') continue;
      const id = this.nextPassageId++;
      ids.push(id);
      this.passageIds.set(id, { file: record.file, index: p.index });
      docs.push({ id, text: record.text.slice(p.start, p.end) });
    }
    search.addAll(docs);
    this.idsByFile.set(record.file, ids);
  }

  private dropDerived(file: string): void {
    this.derived.delete(file);
    const ids = this.idsByFile.get(file);
    if (ids) {
      for (const id of ids) {
        this.passageSearch?.discard(id);
        this.passageIds.delete(id);
      }
      this.idsByFile.delete(file);
    }
  }
}

/**
 * What an article was fed to the event index with: its text (by hash), its date when a reader corrected it, and the
 * entity of each of its mentions. Hashed: the ids of a long article's mentions run to kilobytes, and only equality
 * matters.
 */
function eventSignature(record: ArticleRecord, mentions: { entityId: string }[]): string {
  let ids = '';
  for (const m of mentions) ids += m.entityId + ',';
  const date = record.meta.date === record.parsed.meta.date ? '' : '@' + (record.meta.date?.iso ?? '');
  return record.hash + date + '|' + contentHash(ids);
}

function isLinkedState(v: unknown): v is LinkedState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.fingerprint === 'string' &&
    Array.isArray(o.signatures) &&
    o.signatures.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string')
  );
}

function metaFields(meta: ArticleMeta): Omit<ArticleHit, 'file' | 'score'> {
  return { title: meta.title, outlet: meta.outlet, author: meta.author, date: meta.date?.iso ?? null };
}

function clip(s: string): string {
  return s.length > RESULT_TEXT_CHARS ? s.slice(0, RESULT_TEXT_CHARS - 1).trimEnd() + '…' : s;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Modification times this close to the moment the index is written are not trusted at the next start. */
const RACY_WINDOW_MS = 2000;

export type { TreeOutlet } from './tree';
export type { Entity, Mention } from './names';
