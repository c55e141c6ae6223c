// The index of a workspace's articles: the one object the VS Code layer and the CLI talk to.
//
// Data flow: bytes → decodeBytes → parseArticle (meta, passages) → per-article name extraction → global entity
// resolution → event index. Parsing is eager (the tree needs it at once); names, events and full-text search are
// derived indexes (derived/), built on the first query that needs them or by link() and prepareSearch(), so filling
// the tree never waits on them. This class is the facade: it holds the given (store.ts), the persisted index's
// restore and export, and answers queries; derived/derivedIndexes.ts decides when a derived index is refreshed.
import { parseArticle } from './article';
import { makeExcludeFilter, makeFileFilter, type FileFilter } from './fileFilter';
import { sizeCapReason } from './reasons';
import { contentHash } from './kit/hash';
import { ownCopy } from './kit/strings';
import { decodeBytes, foldSpace } from './text';
import type { ArticleMeta, OffsetRange, ParsedArticle, Passage, ReadOptions } from './types';
import { hoverMarkdown, type ArticleNames, type Entity, type EntityIndex, type Mention } from './names';
import { parseGlossary } from './glossary';
import { coveragePassageAt, coveragePassageByIndex, coverageRangeOf } from './coveragePassage';
import type { WordTable } from './words/wordTable';
import { stem } from './words/stem';
import { partitionPoint } from './kit/search';
import { pauser, runInSlices, runToEnd, type SliceOptions } from './kit/steps';
import { buildTree, type TreeOutlet } from './tree';
import { cacheSalt, decodeCache, encodeCache, encodeCacheParts, type CacheEntry, type FileStamp, type RestoredEntry } from './cache';
import type { FileStat } from './workspace';
import { rankArticles } from './searchArticles';
import { applyCorrection, comparableKey, correctionTarget, parseCorrections, type MetaCorrection } from './corrections';
import { Article, type ArticleRecord } from './record';
import { ArticleStore } from './store';
import { DerivedIndexes, type LinkedState } from './derived/derivedIndexes';
import type { DerivedState } from './derived/state';

export type { ArticleRecord } from './record';
export type { DerivedState } from './derived/state';

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
  /**
   * Decodes the text again from the file's bytes (setBytes gives it when the bytes take less memory than the text):
   * the record then keeps this instead of the text (see `Article`).
   */
  reread?: (() => string) | null;
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
  /** The linked article is a near copy of this one carried elsewhere (a wire story): coverage, listed after the rest. */
  copy?: boolean;
  /** The linked article is this one under another file name: listed last, never coverage. */
  duplicate?: boolean;
}

export interface HoverResult extends OffsetRange {
  entity: string | null;
  markdown: string;
}

export type SetBytesResult = { ok: true; record: ArticleRecord } | { ok: false; reason: string };

/** Related passages shown from any one other article. */
const RELATED_PER_ARTICLE = 2;

/** Longest passage text handed out in search/related results (the full range is always given). */
const RESULT_TEXT_CHARS = 400;

export class Corpus {
  /** The articles, glossaries and corrections as given; `derived` holds everything computed from them. */
  private readonly store = new ArticleStore();
  private readonly records = this.store.records;
  private readonly derived = new DerivedIndexes(this.store);
  private readonly filter: FileFilter;
  private readonly excluded: FileFilter;
  private readonly readOptions: ReadOptions;
  readonly maxFileBytes: number;
  readonly sizeCapSetting: string;

  /** Parse results restored from a persisted index, by content hash, for setText to use instead of parsing. */
  private restored = new Map<string, RestoredEntry<ArticleNames>>();
  /** Size, mtime and content hash of each file when the persisted index was written (see trustedHash). */
  private restoredStamps = new Map<string, FileStamp>();
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
    if (source.hash && this.restored.has(source.hash)) {
      // Size and mtime vouch for these bytes being the ones the persisted index saw (trustedHash), and stamps are kept
      // only for files that decoded without a warning: the text is decoded when first needed, not at every start.
      const lazyText = () => {
        const decoded = decodeBytes(bytes);
        return decoded.ok ? decoded.text : '';
      };
      return this.indexed(file, () => this.setRecord(file, lazyText, [], source));
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
    const reread = rereadable(bytes, decoded.text, decoded.warnings);
    return this.indexed(file, () => this.setText(file, decoded.text, decoded.warnings, { ...source, reread }));
  }

  private indexed(file: string, index: () => ArticleRecord): SetBytesResult {
    try {
      return { ok: true, record: index() };
    } catch (e) {
      // A parser or indexer bug must cost this one file, never the index: leave no half-indexed record behind.
      this.remove(file);
      return { ok: false, reason: `could not be indexed (${e instanceof Error ? e.message : String(e)})` };
    }
  }

  /** Index (or re-index) one article from its text; unchanged text is a no-op. */
  setText(file: string, text: string, decodeWarnings: string[] = [], source: ArticleSource = {}): ArticleRecord {
    return this.setRecord(file, text, decodeWarnings, source);
  }

  /** setText for a text given now or decoded when first needed (then `source.hash` is its known hash). */
  private setRecord(file: string, text: string | (() => string), decodeWarnings: string[], source: ArticleSource): ArticleRecord {
    const reread = source.reread ?? null;
    const hash = source.hash ?? contentHash(typeof text === 'string' ? text : text());
    const existing = this.records.get(file);
    if (existing && existing.hash === hash) {
      // Same text, newer stamp (touched, or saved unchanged): remembered for the next start's trustedHash.
      if (source.stat) existing.stat = source.stat;
      return existing;
    }
    // Kept until the next export: identical files (copies, re-posted wire stories) share one entry.
    const cached = this.restored.get(hash);
    // The restored passages are unpacked when first needed (the tree needs only the metadata).
    const parsed = cached ? () => cached.parsed : parseArticle(typeof text === 'string' ? text : text(), this.readOptions);
    // A record that lets its text go must hold nothing cut out of it (see `ownParseStrings`).
    if (!cached && (reread || typeof text !== 'string')) ownParseStrings(parsed as ParsedArticle);
    const inferred = cached ? cached.meta : (parsed as ParsedArticle).meta;
    const parseWarnings = cached ? cached.warnings : (parsed as ParsedArticle).warnings;
    if (cached) this.stats.restored++;
    else this.stats.parsed++;
    this.store.changed();
    const meta = applyCorrection(inferred, this.correctionFor(file));
    const warnings = [...decodeWarnings, ...parseWarnings];
    const record = new Article(file, reread ?? text, hash, parsed, meta, warnings, source.stat, decodeWarnings.length === 0);
    this.records.set(file, record);
    this.derived.articleChanged(file, record, cached);
    return record;
  }

  /**
   * The loader read the whole workspace (indexWorkspace calls this once it is done): a persisted index that differs
   * from the corpus by a few files (edited while the editor was closed) can now be adopted with those files attached
   * one by one, instead of resolving every name again; until then a difference may only mean files still loading.
   */
  loadFinished(): void {
    this.derived.loadFinished();
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
      const names = this.derived.names.persisted(r.file);
      // The text only to pack an unpacked extraction (a text still undecoded is not decoded for the export).
      yield { hash: r.hash, parsed: r.parsed, ...names, text: names.names ? r.text : undefined };
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
      // A file whose reading gave warnings is read again at every start, so the warnings are reported again.
      if (st && r.cleanDecode && Number.isFinite(st.mtime) && st.mtime < now - RACY_WINDOW_MS)
        out.push({ file: r.file, size: st.size, mtime: st.mtime, hash: r.hash });
    }
    return out;
  }

  /** The resolved entities and the event index, when both are settled and current (else the next start rebuilds them). */
  private exportLinked(): LinkedState | null {
    return runToEnd(this.exportLinkedSteps());
  }

  /** exportLinked in steps; null when the corpus changed in between (the next start then rebuilds). */
  private exportLinkedSteps(): Generator<void, LinkedState | null, void> {
    return this.derived.exportLinkedSteps();
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
    this.derived.restore(result.linked);
    return { ok: true, entries: result.entries.size };
  }

  private cacheSalt(salt: unknown): string {
    return cacheSalt({ read: this.readOptions, host: salt });
  }

  remove(file: string): boolean {
    const had = this.records.delete(file);
    if (had) {
      this.store.changed();
      this.derived.articleChanged(file, null);
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
      this.store.glossaries.set(file, entries);
      this.store.changed();
      this.derived.definitionsChanged();
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
    if (this.store.glossaries.delete(file)) {
      this.store.changed();
      this.derived.definitionsChanged();
    }
    this.setCorrections(file, null);
  }

  /** The reader's correction of an article's metadata, merged over every *.parallax.json that corrects it. */
  correctionFor(file: string): MetaCorrection | undefined {
    if (this.store.corrections.size === 0) return undefined;
    const key = comparableKey(file);
    let merged: MetaCorrection | undefined;
    for (const sidecar of [...this.store.corrections.keys()].sort()) {
      const c = this.store.corrections.get(sidecar)!.get(key);
      if (c) merged = { ...merged, ...c };
    }
    return merged;
  }

  /** Replaces one sidecar's corrections and re-applies them to the articles whose shown metadata changes. */
  private setCorrections(sidecar: string, byTarget: Map<string, MetaCorrection> | null): void {
    const before = this.store.corrections.get(sidecar);
    if (!before && !byTarget) return;
    if (byTarget) this.store.corrections.set(sidecar, byTarget);
    else this.store.corrections.delete(sidecar);
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
    this.store.changed();
    this.derived.definitionsChanged();
  }

  glossaryFiles(): string[] {
    return [...this.store.glossaries.keys()];
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
    this.derived.setBackground(table ? table.byStem(stem) : null);
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
    for (const r of this.derived.search.search(this.records, query, limit)) {
      const record = this.records.get(r.file);
      const passage = record?.parsed.passages[r.passage];
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
    return this.derived.entities();
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
    const events = this.derived.eventIndex();
    const out: RelatedPassage[] = [];
    const perArticle = new Map<string, number>();
    for (const link of events.related(file, passageIndex, limit * 4)) {
      const seen = perArticle.get(link.file) ?? 0;
      if (seen >= RELATED_PER_ARTICLE) continue;
      const target = this.coverageTarget(link.file, link.passage);
      if (!target) continue;
      const { passage, range: p } = target;
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
        ...(link.copy ? { copy: true } : {}),
        ...(link.duplicate ? { duplicate: true } : {}),
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Every candidate of the passage at a cursor place with its feature values, no cut-off: what `npm run fit:events`
   * fits the weights on.
   */
  coverageCandidates(
    file: string,
    offset: number,
  ): { file: string; start: number; end: number; score: number; features: number[]; line: number[] }[] {
    const passage = this.coveragePassageAt(file, offset);
    if (!passage || passage.kind === 'boilerplate') return [];
    return this.derived
      .eventIndex()
      .candidates(file, passage.index)
      .flatMap((c) => {
        const r = this.coverageTarget(c.file, c.passage)?.range;
        return r ? [{ file: c.file, start: r.start, end: r.end, score: c.score, features: c.features, line: c.line }] : [];
      });
  }

  /** An event link's passage in another article (its index in the event index), and the range a reader is shown. */
  private coverageTarget(file: string, passageIndex: number): { passage: Passage; range: ReturnType<typeof coverageRangeOf> } | undefined {
    const record = this.records.get(file);
    const passage = record && coveragePassageByIndex(record.text, record.parsed.passages, record.parsed.bodyStart, passageIndex);
    if (!record || !passage) return undefined;
    return { passage, range: coverageRangeOf(record.text, record.parsed.passages, record.parsed.bodyStart, passage) };
  }

  relatedArticles(file: string, limit = 10): { file: string; score: number; passages: number; copy?: boolean }[] {
    if (!this.records.has(file)) return [];
    return this.derived
      .eventIndex()
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

  /**
   * Derives names and events for the whole corpus ahead of the first query, in time slices that give the event
   * loop back: per-article name extraction and event features are most of the work, and doing them here keeps the
   * extension host responsive where a first hover would otherwise block it. Returns false when cancelled or when
   * the corpus changed meanwhile (queries then finish the remainder on demand). `onAnswering`: called once every
   * feature can answer without blocking; after a warm start with a few files changed since (or edits in the session)
   * that is before the full resolution of names, which then runs in the background while the index updated article
   * by article answers (derivedStates() says "approximate" until it is done).
   */
  async link(options: SliceOptions & { onAnswering?: () => void } = {}): Promise<boolean> {
    // The full-text index is not built here: it costs as much CPU as names and events together and a third of the
    // memory, and only a search needs it (prepareSearch, when the reader opens Search Passages).
    return this.derived.link(pauser(options), options.onAnswering);
  }

  /**
   * Where each derived index (names, events, search) stands: absent, restored from the persisted index, approximate
   * after edits, or exact (derived/state.ts). Each index object reports its own state; derived/derivedIndexes.ts is
   * the one place that decides when they are refreshed.
   */
  derivedStates(): { names: DerivedState; events: DerivedState; search: DerivedState } {
    return this.derived.states();
  }

  /** Whether the full-text passage index is built (else the first search builds it: prepareSearch does it in slices). */
  get searchReady(): boolean {
    return this.derived.search.ready;
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
    return this.derived.search.build(this.records, () => {
      done++;
      return pause();
    });
  }
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

/**
 * How a record gets its text back from the file's bytes, when holding them costs less than holding the text: a text
 * with any character past U+00FF is a string of two bytes a character, its UTF-8 mostly one. Null (keep the text):
 * a one-byte string already, or a file whose reading gave warnings (decoded again, it would warn again unseen).
 */
function rereadable(bytes: Uint8Array, text: string, warnings: string[]): (() => string) | null {
  if (warnings.length || bytes.length === text.length || bytes.length >= 2 * text.length || !TWO_BYTE.test(text)) return null;
  // A view into a larger buffer (an editor host's read) would keep all of it.
  const own = bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  // UTF-8 that decoded without a warning (a UTF-16 text takes two bytes a character, ruled out above): decoded again
  // as decodeBytes did, after its byte-order mark, without sniffing the bytes again.
  const bom = own[0] === 0xef && own[1] === 0xbb && own[2] === 0xbf ? 3 : 0;
  return () => UTF8.decode(own.subarray(bom));
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Replaces the strings of a parse that can be views cut out of the article's text (metadata, headings, sections,
 * warnings) by copies: V8 cuts a substring of 13 characters or more as a view that keeps the whole text alive, so a
 * dateline or a byline would keep a text its record let go.
 */
function ownParseStrings(parsed: ParsedArticle): void {
  const meta = parsed.meta;
  meta.title = ownCopyOrNull(meta.title);
  meta.outlet = ownCopyOrNull(meta.outlet);
  meta.author = ownCopyOrNull(meta.author);
  meta.dateline = ownCopyOrNull(meta.dateline);
  for (const h of parsed.headings) h.text = ownCopy(h.text);
  for (const p of parsed.passages) {
    if (p.section !== undefined) p.section = ownCopy(p.section);
    if (p.reason !== undefined) p.reason = ownCopy(p.reason);
  }
  parsed.warnings = parsed.warnings.map(ownCopy);
}

/** `ownCopy` of a string that may be absent. */
function ownCopyOrNull<T extends string | null>(s: T): T {
  return (s === null ? s : ownCopy(s)) as T;
}

/** A character that makes a JavaScript string take two bytes a character. */
const TWO_BYTE = /[^\u0000-\u00ff]/;
