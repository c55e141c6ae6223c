// The extension's life cycle of the Corpus for the open workspace: when to index (start, Reindex, settings and
// folder changes), what to do on file-watcher and editor events, progress, debounced change events and cache saves.
// How files are listed, stat'ed, capped, read, decoded and skipped is the core's one ingestion path (core/loader.ts)
// over a VscodeWorkspace (workspace.fs plus unsaved buffers). Views listen to `onDidChange`.
import type { WordTable } from '../core/words/wordTable';
import * as vscode from 'vscode';
import { Corpus } from '../core/corpus';
import { indexFile, indexGlossary, indexWorkspace, type GlossaryReport as CoreGlossaryReport } from '../core/loader';
import { affectsIndex, readConfig, type ParallaxConfig } from './config';
import type { CorpusApi } from './corpusApi';
import { expandBraces } from './globs';
import type { IndexCache } from './indexCache';
import type { Log } from './log';
import { GLOSSARY_GLOB, openDocument, relativePath, VscodeWorkspace } from './vscodeWorkspace';

export interface IndexState {
  /** Reading files (and then linking, see below): answers may be missing or partial until it ends. */
  indexing: boolean;
  /** The last step of indexing: resolving names and linking events across the whole corpus. */
  linking: boolean;
  done: number;
  total: number;
  articles: number;
}

export interface GlossaryReport {
  uri: vscode.Uri;
  /** The text the errors point into; null when the glossary is gone. */
  text: string | null;
  errors: { message: string; start: number; end: number }[];
}

/** Views refresh at most this often after a change. */
const CHANGE_DEBOUNCE_MS = 100;
/** While bulk indexing, views refresh at most this often (the tree fills in as files arrive). */
const INDEXING_REFRESH_MS = 1000;
/** Typing in an article re-indexes its buffer after this pause (providers sync at once when asked). */
const BUFFER_DEBOUNCE_MS = 250;
/** Watcher events for one file within this window are read once (create is usually followed by change). */
const WATCH_DEBOUNCE_MS = 50;
/** Workspaces with at least this many candidate files get a progress notification. */
const NOTIFY_THRESHOLD = 200;
/** The parse cache is saved this long after the last change (and once after each full indexing). */
const CACHE_SAVE_MS = 15_000;

export class WorkspaceIndex implements vscode.Disposable {
  private current: CorpusApi;
  /** The shipped word table once loaded (event linking blends its word rarity in); null until then. */
  private wordTable: WordTable | null = null;
  private config: ParallaxConfig;
  private files: VscodeWorkspace;
  private generation = 0;
  private state: IndexState = { indexing: false, linking: false, done: 0, total: 0, articles: 0 };
  /** The current corpus has been fully indexed at least once. */
  private readyCorpus: CorpusApi | undefined;
  /** Files whose indexed text came from an editor buffer, with the document version it came from. */
  private readonly bufferVersions = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private lastChangeFired = 0;
  private watchers: vscode.Disposable[] = [];
  /** The corpus the cache was last loaded into (a rebuilt corpus loads it again). */
  private cacheLoadedInto: CorpusApi | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  private readonly glossaryEmitter = new vscode.EventEmitter<GlossaryReport>();
  /** The corpus changed (debounced). */
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;
  /** A glossary was read (with its parse errors, if any) or removed. */
  readonly onDidReadGlossary = this.glossaryEmitter.event;

  constructor(
    private readonly log: Log,
    private readonly cache?: IndexCache,
  ) {
    this.config = readConfig();
    this.current = createCorpus(this.config);
    this.files = new VscodeWorkspace(this.config);
    this.current.setWordTable(this.wordTable);
    this.disposables.push(
      this.changeEmitter,
      this.stateEmitter,
      this.glossaryEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.bufferChanged(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.bufferSaved(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.bufferClosed(doc)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => this.renamed(f.oldUri, f.newUri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.deleted(uri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsIndex(e)) void this.rebuild();
      }),
    );
    this.watch();
  }

  get corpus(): CorpusApi {
    return this.current;
  }

  get indexState(): IndexState {
    return this.state;
  }

  /**
   * True once the workspace has been read completely (a Reindex keeps it true: the previous answers stay good
   * meanwhile). Before that, answers about names and events would be partial and costly to compute.
   */
  get ready(): boolean {
    return this.readyCorpus === this.current;
  }

  keyOf(uri: vscode.Uri): string {
    return uri.toString();
  }

  uriOf(key: string): vscode.Uri {
    return vscode.Uri.parse(key);
  }

  /** A short name for messages: the path inside its workspace folder. */
  label(uriOrKey: vscode.Uri | string): string {
    const uri = typeof uriOrKey === 'string' ? this.uriOf(uriOrKey) : uriOrKey;
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /** The '/'-separated path inside its workspace folder, or undefined outside every folder. */
  relativePath(uri: vscode.Uri): string | undefined {
    return relativePath(uri);
  }

  isArticle(uri: vscode.Uri): boolean {
    const rel = this.relativePath(uri);
    return rel !== undefined && this.current.accepts(rel);
  }

  isGlossary(uri: vscode.Uri): boolean {
    const rel = this.relativePath(uri);
    return rel !== undefined && rel.toLowerCase().endsWith('.parallax.json') && this.current.acceptsGlossary(rel);
  }

  /**
   * Make the index agree with an open document before answering a question about it (hover, definition…):
   * an unsaved buffer is indexed as it is now. Returns the corpus key, or undefined for non-articles.
   */
  ensureFresh(doc: vscode.TextDocument): string | undefined {
    if (!this.isArticle(doc.uri)) return undefined;
    const key = this.keyOf(doc.uri);
    const record = this.current.get(key);
    const fromBuffer = doc.isDirty || this.bufferVersions.has(key);
    if (fromBuffer ? this.bufferVersions.get(key) !== doc.version : !record && this.state.indexing) {
      // Not yet reached by the initial indexing: the open buffer is the same text, so index it now.
      this.syncBuffer(doc);
    }
    return this.current.get(key) ? key : undefined;
  }

  /** Start the initial indexing after activation returns, so activation itself stays fast. */
  start(): void {
    setTimeout(() => void this.reindex(), 0);
  }

  /** Read every article and glossary of the workspace again (files that vanished are dropped). */
  async reindex(): Promise<void> {
    const gen = ++this.generation;
    const started = Date.now();
    let completed = false;
    this.setState({ indexing: true, linking: false, done: 0, total: 0 });
    let finishProgress = () => {};
    try {
      // Listing the workspace (VS Code's file search, another process) runs while the cache is decoded here.
      this.files.prefetchListing();
      if (this.cache && this.cacheLoadedInto !== this.current) {
        this.cacheLoadedInto = this.current;
        await this.cache.load(this.current);
      }
      if (gen !== this.generation) return;
      let listed = started;
      let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
      const result = await indexWorkspace(this.files, this.current, {
        isCancelled: () => gen !== this.generation,
        onListed: (articles, glossaries) => {
          listed = Date.now();
          this.dropMissing(articles, glossaries);
          this.setState({ total: articles.length });
          if (articles.length >= NOTIFY_THRESHOLD) {
            const finished = new Promise<void>((resolve) => (finishProgress = resolve));
            void vscode.window.withProgress(
              { location: vscode.ProgressLocation.Notification, title: 'Parallax: indexing articles' },
              (p) => {
                progress = p;
                return finished;
              },
            );
          }
        },
        onProgress: (done, total) => {
          const increment = ((done - this.state.done) / Math.max(1, total)) * 100;
          this.setState({ done });
          progress?.report({ increment, message: `${done}/${total}` });
          this.changed(INDEXING_REFRESH_MS);
        },
        onSkip: (file, reason) => this.log.warn(`Skipped ${this.label(file)}: ${reason}.`),
        onWarnings: (file, warnings) => warnings.forEach((w) => this.log.info(`${this.label(file)}: ${w}`)),
        onGlossary: (file, report) => this.glossaryRead(file, report),
      });
      finishProgress();
      if (result.cancelled || gen !== this.generation) return;
      const done = Date.now();
      await this.link(gen);
      if (gen !== this.generation) return;
      this.readyCorpus = this.current;
      const { parsed, restored } = this.current.stats;
      this.log.info(
        `Indexed ${this.current.size} articles in ${done - started} ms (listing ${listed - started} ms, reading ${done - listed} ms; ${parsed} parsed, ${restored} restored from the cache).`,
      );
      completed = true;
    } catch (err) {
      this.log.error('Indexing failed', err);
    } finally {
      finishProgress();
      if (gen === this.generation) {
        this.setState({ indexing: false, linking: false });
        this.changed(0);
        if (completed) this.debounce('cache', 0, () => this.cache?.save(this.current));
      }
    }
  }

  /**
   * Resolve names and link events across the corpus now, with the status bar saying so, instead of on the
   * first hover (where the same work would look like a hang). The core does it in slices that yield.
   */
  private async link(gen: number): Promise<void> {
    if (this.current.size === 0) return;
    this.setState({ linking: true });
    try {
      const t0 = performance.now();
      const done = await this.current.link({
        isCancelled: () => gen !== this.generation,
        // After a warm start with files edited since, features answer from the restored index with those files
        // attached while names are resolved in full in the background (the status bar still says linking).
        onAnswering: () => {
          if (gen !== this.generation) return;
          this.readyCorpus = this.current;
          this.changed(0);
        },
      });
      if (done)
        this.log.info(
          `Resolved ${this.current.recurringEntities().length} recurring names and linked events in ${Math.round(performance.now() - t0)} ms.`,
        );
    } catch (err) {
      this.log.error('Linking names and events failed', err);
    }
  }

  /** The word table arrived (loaded after activation): links from now on use its background word rarity. */
  setWordTable(table: WordTable): void {
    this.wordTable = table;
    this.current.setWordTable(table);
    this.changed(0);
  }

  /** Settings that decide how articles are read changed: start from a fresh corpus. */
  private async rebuild(): Promise<void> {
    this.config = readConfig();
    this.current = createCorpus(this.config);
    this.files = new VscodeWorkspace(this.config);
    this.current.setWordTable(this.wordTable);
    this.bufferVersions.clear();
    this.watch();
    this.changed(0);
    await this.reindex();
  }

  dispose(): void {
    this.generation++;
    for (const t of this.timers.values()) clearTimeout(t);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.watchers.forEach((d) => d.dispose());
    this.disposables.forEach((d) => d.dispose());
  }

  // ---------------------------------------------------------------- finding and reading files

  /** A reindex listed these files: whatever the corpus holds besides them is gone from the workspace. */
  private dropMissing(articles: readonly string[], glossaries: readonly string[]): void {
    const wanted = new Set(articles);
    for (const file of this.current.files()) if (!wanted.has(file)) this.current.remove(file);
    const wantedGlossaries = new Set(glossaries);
    for (const file of this.current.glossaryFiles()) {
      if (!wantedGlossaries.has(file)) this.forgetGlossary(this.uriOf(file));
    }
  }

  /** Index one article from disk (or from its open, unsaved buffer). Skips are logged with their reason. */
  private async readArticle(uri: vscode.Uri): Promise<void> {
    const key = this.keyOf(uri);
    const dirty = openDocument(key);
    if (dirty?.isDirty) {
      this.syncBuffer(dirty);
      return;
    }
    this.bufferVersions.delete(key);
    const outcome = await indexFile(this.files, this.current, key);
    if (outcome.kind === 'skipped') this.log.warn(`Skipped ${this.label(uri)}: ${outcome.reason}.`);
    else if (outcome.changed) for (const w of this.current.get(key)?.warnings ?? []) this.log.info(`${this.label(uri)}: ${w}`);
  }

  private async readGlossary(uri: vscode.Uri): Promise<void> {
    await indexGlossary(this.files, this.current, this.keyOf(uri), { onGlossary: (file, report) => this.glossaryRead(file, report) });
  }

  /** A glossary was read by the core (at startup or after a change), or found unreadable and dropped. */
  private glossaryRead(file: string, report: CoreGlossaryReport): void {
    const uri = this.uriOf(file);
    if (report.errors.length > 0)
      this.log.warn(`Glossary ${this.label(uri)} has ${report.errors.length} problem(s); the last good version stays in use.`);
    if (report.reason) this.log.warn(`Glossary ${this.label(uri)} ignored: ${report.reason}.`);
    this.glossaryEmitter.fire({ uri, text: report.text, errors: report.errors });
    this.changed(CHANGE_DEBOUNCE_MS);
  }

  private applyGlossary(uri: vscode.Uri, text: string): void {
    try {
      const { errors } = this.current.setGlossary(this.keyOf(uri), text);
      if (errors.length > 0)
        this.log.warn(`Glossary ${this.label(uri)} has ${errors.length} problem(s); the last good version stays in use.`);
      this.glossaryEmitter.fire({ uri, text, errors });
    } catch (err) {
      this.log.error(`Glossary ${this.label(uri)} could not be read`, err);
    }
    this.changed(CHANGE_DEBOUNCE_MS);
  }

  private forgetGlossary(uri: vscode.Uri): void {
    this.current.removeGlossary(this.keyOf(uri));
    this.glossaryEmitter.fire({ uri, text: null, errors: [] });
    this.changed(CHANGE_DEBOUNCE_MS);
  }

  // ---------------------------------------------------------------- watching the disk

  private watch(): void {
    this.watchers.forEach((d) => d.dispose());
    this.watchers = [];
    for (const glob of [...new Set(this.config.include.flatMap(expandBraces))]) {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      this.watchers.push(
        w,
        w.onDidCreate((uri) => this.fileChanged(uri)),
        w.onDidChange((uri) => this.fileChanged(uri)),
        w.onDidDelete((uri) => this.deleted(uri)),
      );
    }
    const g = vscode.workspace.createFileSystemWatcher(GLOSSARY_GLOB);
    this.watchers.push(
      g,
      g.onDidCreate((uri) => this.fileChanged(uri)),
      g.onDidChange((uri) => this.fileChanged(uri)),
      g.onDidDelete((uri) => this.deleted(uri)),
    );
  }

  private fileChanged(uri: vscode.Uri): void {
    if (this.isGlossary(uri)) {
      this.debounce(`g:${uri}`, WATCH_DEBOUNCE_MS, () => void this.readGlossary(uri));
    } else if (this.isArticle(uri)) {
      this.debounce(`a:${uri}`, WATCH_DEBOUNCE_MS, async () => {
        const before = this.current.get(this.keyOf(uri))?.hash;
        await this.readArticle(uri);
        if (this.current.get(this.keyOf(uri))?.hash !== before) this.changed(CHANGE_DEBOUNCE_MS);
      });
    }
  }

  /** A file or a whole folder was deleted: drop everything indexed under it. */
  private deleted(uri: vscode.Uri): void {
    const key = this.keyOf(uri);
    let any = false;
    for (const file of this.current.files()) {
      if (file === key || file.startsWith(key + '/')) {
        if (openDocument(file)?.isDirty) continue; // the unsaved buffer is still being read
        any = this.current.remove(file) || any;
        this.bufferVersions.delete(file);
      }
    }
    for (const file of this.current.glossaryFiles()) {
      if (file === key || file.startsWith(key + '/')) this.forgetGlossary(this.uriOf(file));
    }
    if (any) this.changed(CHANGE_DEBOUNCE_MS);
  }

  /** A file or folder was renamed inside VS Code: move what is indexed without reading it again. */
  private renamed(from: vscode.Uri, to: vscode.Uri): void {
    const fromKey = this.keyOf(from);
    const moves: [string, vscode.Uri][] = [];
    for (const file of this.current.files()) {
      if (file === fromKey) moves.push([file, to]);
      else if (file.startsWith(fromKey + '/'))
        moves.push([
          file,
          vscode.Uri.joinPath(
            to,
            file
              .slice(fromKey.length + 1)
              .split('/')
              .map(decodeURIComponent)
              .join('/'),
          ),
        ]);
    }
    for (const [file, target] of moves) {
      if (this.isArticle(target)) this.current.rename(file, this.keyOf(target));
      else this.current.remove(file);
      this.bufferVersions.delete(file);
    }
    if (moves.length === 0 && this.isArticle(to)) void this.readArticle(to).then(() => this.changed(CHANGE_DEBOUNCE_MS));
    for (const file of this.current.glossaryFiles()) {
      if (file === fromKey || file.startsWith(fromKey + '/')) this.forgetGlossary(this.uriOf(file));
    }
    if (this.isGlossary(to)) void this.readGlossary(to);
    if (moves.length > 0) this.changed(CHANGE_DEBOUNCE_MS);
  }

  // ---------------------------------------------------------------- unsaved buffers

  private bufferChanged(doc: vscode.TextDocument): void {
    if (this.isGlossary(doc.uri)) {
      this.debounce(`g:${doc.uri}`, BUFFER_DEBOUNCE_MS, () => {
        if (!doc.isClosed) this.applyGlossary(doc.uri, doc.getText());
      });
    } else if (this.isArticle(doc.uri)) {
      this.debounce(`b:${doc.uri}`, BUFFER_DEBOUNCE_MS, () => this.syncBuffer(doc));
    }
  }

  private syncBuffer(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const key = this.keyOf(doc.uri);
    const text = doc.getText();
    // A file skipped for its size stays skipped while it is edited (a char is at least one byte).
    if (this.config.maxFileBytes > 0 && text.length > this.config.maxFileBytes && !this.current.get(key)) return;
    const before = this.current.get(key)?.hash;
    try {
      this.current.setText(key, text);
    } catch (err) {
      this.log.error(`${this.label(doc.uri)}: the reader failed on the unsaved text`, err);
      return;
    }
    this.bufferVersions.set(key, doc.version);
    if (this.current.get(key)?.hash !== before) this.changed(CHANGE_DEBOUNCE_MS);
  }

  private bufferSaved(doc: vscode.TextDocument): void {
    const key = this.keyOf(doc.uri);
    if (this.isArticle(doc.uri)) {
      this.syncBuffer(doc);
      this.bufferVersions.delete(key); // the disk now holds what was indexed
    } else if (this.isGlossary(doc.uri)) {
      this.applyGlossary(doc.uri, doc.getText());
    }
  }

  private bufferClosed(doc: vscode.TextDocument): void {
    const key = this.keyOf(doc.uri);
    if (this.bufferVersions.delete(key)) {
      // Closed without saving: the disk text is the article again.
      void this.readArticle(doc.uri).then(() => this.changed(CHANGE_DEBOUNCE_MS));
    } else if (this.isGlossary(doc.uri) && this.current.glossaryFiles().includes(key)) {
      void this.readGlossary(doc.uri);
    }
  }

  // ---------------------------------------------------------------- events

  private setState(patch: Partial<IndexState>): void {
    this.state = { ...this.state, ...patch, articles: this.current.size };
    this.stateEmitter.fire(this.state);
  }

  /** Tell listeners the corpus changed, at most once per `delay` ms. */
  private changed(delay: number): void {
    if (this.state.articles !== this.current.size) this.setState({});
    if (delay === 0) {
      if (this.changeTimer) clearTimeout(this.changeTimer);
      this.changeTimer = undefined;
      this.fireChange();
      return;
    }
    if (this.changeTimer) return;
    const wait = Math.max(CHANGE_DEBOUNCE_MS, delay - (Date.now() - this.lastChangeFired));
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.fireChange();
    }, wait);
  }

  private fireChange(): void {
    this.lastChangeFired = Date.now();
    this.changeEmitter.fire();
    if (this.cache && !this.state.indexing) this.debounce('cache', CACHE_SAVE_MS, () => this.cache?.save(this.current));
  }

  private debounce(id: string, ms: number, fn: () => void | Promise<void>): void {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        void Promise.resolve(fn()).catch((err) => this.log.error('Update failed', err));
      }, ms),
    );
  }
}

function createCorpus(config: ParallaxConfig): CorpusApi {
  return new Corpus({
    read: { outletSignatures: config.outletSignatures },
    include: config.include,
    exclude: config.exclude,
    maxFileBytes: config.maxFileBytes,
    sizeCapSetting: 'parallax.maxFileSizeMB',
  });
}
