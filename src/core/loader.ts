// The one ingestion path (as Foam's `bootstrap`): list, stat, size cap, read, decode, skip with one reason text,
// glossaries, and single-file changes from a watcher. The CLI, the extension (src/vscode/workspaceIndex.ts), the tests
// and the benchmark all read a workspace through here, so each of them measures and tests the same code.
//
// Bulk indexing runs in slices that give the event loop back, so the extension host (or a browser tab) stays
// responsive however large the folder is. A file whose size and modification time equal what the persisted index
// recorded is not hashed again (git's rule: see Corpus.trustedHash).
import type { Corpus } from './corpus';
import { pauser } from './kit/steps';
import { errorMessage, isNotFound, sizeCapReason } from './reasons';
import { decodeBytes } from './text';
import type { FileStat, Workspace } from './workspace';

export interface LoadOptions {
  /** Called after each slice with the number of files handled so far. */
  onProgress?(done: number, total: number): void;
  /** Called for every file that is not indexed, with a reason a user can act on. */
  onSkip?(file: string, reason: string): void;
  /** Called for every indexed article whose reading left warnings (a guessed encoding, broken front matter…). */
  onWarnings?(file: string, warnings: readonly string[]): void;
  /** Called once the workspace is listed, with the corpus keys of the articles and glossaries it will read. */
  onListed?(articles: string[], glossaries: string[]): void;
  /** Called for every glossary read (errors: what is wrong in it; the last good version stays in use) or dropped. */
  onGlossary?(file: string, report: GlossaryReport): void;
  /** Files read concurrently per batch. */
  batchSize?: number;
  /** Longest stretch of synchronous parsing before yielding, in milliseconds. */
  sliceMs?: number;
  /** Give the event loop back; defaults to a macrotask. */
  yieldNow?(): Promise<void>;
  isCancelled?(): boolean;
  /** Corpus keys to skip reading because the caller already has them (e.g. restored from a cache). */
  known?(file: string): boolean;
  now?(): number;
  /**
   * The corpus key of a listed file (default: the listed path itself). Multi-root callers prefix each folder's
   * paths (e.g. with the folder URI) so two folders with the same relative path never share a key.
   */
  keyOf?(file: string): string;
  /** How the user changes the size cap, named in the skip message (default: the corpus's `sizeCapSetting`). */
  sizeCapSetting?: string;
}

export interface LoadResult {
  indexed: number;
  skipped: { file: string; reason: string }[];
  cancelled: boolean;
}

export interface GlossaryReport {
  /** The text the errors point into; null when the glossary is gone or unreadable (then `reason` says why). */
  text: string | null;
  errors: { message: string; start: number; end: number }[];
  reason?: string;
}

/** What happened to one article file. */
export type FileOutcome = { kind: 'indexed'; changed: boolean } | { kind: 'skipped'; reason: string };

/** Glossary files, wherever they are (not limited by the include globs; the exclude globs apply). */
export function isGlossaryPath(relativePath: string): boolean {
  return relativePath.toLowerCase().endsWith('.parallax.json');
}

/**
 * Read every accepted file of a workspace into the corpus: first the glossaries (names resolve against them), then
 * the articles. Never throws because of a single file: a file that cannot be stat'ed or read (deleted or renamed
 * meanwhile, a permission error), is over the size cap, is binary or empty, or makes the parser throw is reported
 * through onSkip with a reason and removed from the corpus if it was there, and the rest of the workspace is
 * indexed. Only a failure to list the workspace at all rejects.
 */
export async function indexWorkspace(ws: Workspace, corpus: Corpus, options: LoadOptions = {}): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 64;
  const skipped: { file: string; reason: string }[] = [];
  const keyOf = options.keyOf ?? ((file: string) => file);
  const skip = (file: string, reason: string) => {
    // A file that was indexed before (a reindex) and is unreadable or unwanted now must not linger.
    corpus.remove(keyOf(file));
    skipped.push({ file, reason });
    options.onSkip?.(file, reason);
  };

  const listed = await ws.listFiles();
  const pathOf = (file: string) => (ws.relativePath ? ws.relativePath(file) : file);
  const files: string[] = [];
  const glossaries: string[] = [];
  for (const file of listed) {
    const rel = pathOf(file);
    if (rel === undefined) continue;
    if (isGlossaryPath(rel)) {
      if (corpus.acceptsGlossary(rel)) glossaries.push(file);
    } else if (corpus.accepts(rel)) {
      files.push(file);
    }
  }
  options.onListed?.(files.map(keyOf), glossaries.map(keyOf));
  for (const file of glossaries) await readGlossary(ws, corpus, file, keyOf(file), options);
  let done = 0;
  let indexed = 0;
  const pause = pauser({
    yieldNow: options.yieldNow,
    sliceMs: options.sliceMs,
    now: options.now,
    beforeYield: () => options.onProgress?.(done, files.length),
  });
  const readBatch = (i: number) =>
    Promise.all(files.slice(i, i + batchSize).map((file) => readChecked(ws, corpus, file, keyOf(file), options)));
  // Reads of the next batch are in flight while this one is parsed: reading is waiting on the disk, parsing is
  // this thread's work, and doing them in turn left the thread idle for a third of a warm start.
  let pending: Promise<ReadOutcome[]> | null = files.length ? readBatch(0) : null;
  for (let i = 0; i < files.length; i += batchSize) {
    if (options.isCancelled?.()) {
      void pending?.catch(() => undefined);
      return { indexed, skipped, cancelled: true };
    }
    const batch = files.slice(i, i + batchSize);
    const contents = await pending!;
    pending = i + batchSize < files.length ? readBatch(i + batchSize) : null;
    for (let j = 0; j < batch.length; j++) {
      const file = batch[j];
      done++;
      const key = keyOf(file);
      const outcome = ingestRead(corpus, key, contents[j]);
      if (outcome.kind === 'skipped') skip(file, outcome.reason);
      else {
        indexed++;
        const warnings = contents[j].kind === 'bytes' ? corpus.get(key)?.warnings : undefined;
        if (warnings?.length) options.onWarnings?.(file, warnings);
      }
      await pause();
    }
  }
  options.onProgress?.(done, files.length);
  corpus.loadFinished();
  return { indexed, skipped, cancelled: false };
}

/**
 * One article file again (created or changed on disk, or its unsaved buffer closed): the same checks and reasons as
 * indexWorkspace. A skipped file is removed from the corpus. `changed`: whether what the corpus holds for it changed.
 */
export async function indexFile(
  ws: Workspace,
  corpus: Corpus,
  file: string,
  options: Pick<LoadOptions, 'keyOf' | 'sizeCapSetting'> = {},
): Promise<FileOutcome> {
  const key = options.keyOf?.(file) ?? file;
  const outcome = ingestRead(corpus, key, await readChecked(ws, corpus, file, key, options));
  if (outcome.kind === 'skipped') corpus.remove(key);
  return outcome;
}

/** One glossary file again (created, changed or its buffer closed); reported through onGlossary like at startup. */
export async function indexGlossary(
  ws: Workspace,
  corpus: Corpus,
  file: string,
  options: Pick<LoadOptions, 'keyOf' | 'onGlossary'> = {},
): Promise<GlossaryReport> {
  return readGlossary(ws, corpus, file, options.keyOf?.(file) ?? file, options);
}

async function readGlossary(
  ws: Workspace,
  corpus: Corpus,
  file: string,
  key: string,
  options: Pick<LoadOptions, 'onGlossary'>,
): Promise<GlossaryReport> {
  let report: GlossaryReport;
  try {
    // Decoded like articles (BOM, UTF-16), so offsets in error messages match what an editor shows.
    const decoded = decodeBytes(await ws.readFile(file));
    if (decoded.ok) {
      const { errors } = corpus.setGlossary(key, decoded.text);
      report = { text: decoded.text, errors };
    } else {
      corpus.removeGlossary(key);
      report = { text: null, errors: [], reason: decoded.reason };
    }
  } catch (e) {
    corpus.removeGlossary(key);
    report = { text: null, errors: [], reason: isNotFound(e) ? 'no longer exists' : `could not be read (${errorMessage(e)})` };
  }
  options.onGlossary?.(file, report);
  return report;
}

type ReadOutcome =
  { kind: 'bytes'; bytes: Uint8Array; stat: FileStat; trustedHash: string | null } | { kind: 'skip'; reason: string } | { kind: 'known' };

function ingestRead(corpus: Corpus, key: string, c: ReadOutcome): FileOutcome {
  if (c.kind === 'known') return { kind: 'indexed', changed: false };
  if (c.kind === 'skip') return { kind: 'skipped', reason: c.reason };
  const before = corpus.get(key)?.hash;
  try {
    const result = corpus.setBytes(key, c.bytes, { stat: c.stat, hash: c.trustedHash });
    return result.ok ? { kind: 'indexed', changed: result.record.hash !== before } : { kind: 'skipped', reason: result.reason };
  } catch (e) {
    // A parser bug must cost one file, never the whole index.
    return { kind: 'skipped', reason: `could not be read: ${errorMessage(e)}` };
  }
}

async function readChecked(
  ws: Workspace,
  corpus: Corpus,
  file: string,
  key: string,
  options: Pick<LoadOptions, 'known' | 'sizeCapSetting'>,
): Promise<ReadOutcome> {
  try {
    if (options.known?.(key)) return { kind: 'known' };
    const stat = await ws.stat(file);
    if (corpus.maxFileBytes > 0 && stat.size > corpus.maxFileBytes) {
      // Checked before reading, so a huge file costs a stat, never its bytes.
      return { kind: 'skip', reason: sizeCapReason(stat.size, corpus.maxFileBytes, options.sizeCapSetting ?? corpus.sizeCapSetting) };
    }
    return { kind: 'bytes', bytes: await ws.readFile(file), stat, trustedHash: corpus.trustedHash(key, stat) };
  } catch (e) {
    if (isNotFound(e)) return { kind: 'skip', reason: 'no longer exists (deleted or renamed while indexing)' };
    // Unreadable (permissions, a dangling link, an I/O error): skip it and go on.
    return { kind: 'skip', reason: `could not be read (${errorMessage(e)})` };
  }
}
