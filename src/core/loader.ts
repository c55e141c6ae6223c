// Bulk indexing of a workspace into a Corpus, in slices that give the event loop back, so the extension host (or
// a browser tab) stays responsive however large the folder is.
import type { Corpus } from './corpus';
import type { Workspace } from './workspace';

export interface LoadOptions {
  /** Called after each slice with the number of files handled so far. */
  onProgress?(done: number, total: number): void;
  /** Called for every file that is not indexed, with a reason a user can act on. */
  onSkip?(file: string, reason: string): void;
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
  /** How the user changes the size cap, named in the skip message (default: the VS Code setting). */
  sizeCapSetting?: string;
}

export interface LoadResult {
  indexed: number;
  skipped: { file: string; reason: string }[];
  cancelled: boolean;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Read every accepted file of a workspace into the corpus. Never throws because of a single file: a file that cannot
 * be stat'ed or read (deleted or renamed meanwhile, a permission error), is over the size cap, is binary or empty, or
 * makes the parser throw is reported through onSkip with a reason and removed from the corpus if it was there, and
 * the rest of the workspace is indexed. Only a failure to list the workspace at all rejects.
 */
export async function indexWorkspace(ws: Workspace, corpus: Corpus, options: LoadOptions = {}): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 64;
  const sliceMs = options.sliceMs ?? 12;
  const yieldNow = options.yieldNow ?? defaultYield;
  const now = options.now ?? (() => Date.now());
  const skipped: { file: string; reason: string }[] = [];
  const keyOf = options.keyOf ?? ((file: string) => file);
  const skip = (file: string, reason: string) => {
    // A file that was indexed before (a reindex) and is unreadable or unwanted now must not linger.
    corpus.remove(keyOf(file));
    skipped.push({ file, reason });
    options.onSkip?.(file, reason);
  };

  const files = (await ws.listFiles()).filter((f) => corpus.accepts(f));
  let done = 0;
  let indexed = 0;
  let sliceStart = now();
  const readBatch = (i: number) => Promise.all(files.slice(i, i + batchSize).map((file) => readChecked(ws, corpus, file, keyOf(file), options)));
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
      const c = contents[j];
      done++;
      if (c.kind === 'known') {
        indexed++;
      } else if (c.kind === 'skip') {
        skip(file, c.reason);
      } else {
        try {
          const result = corpus.setBytes(keyOf(file), c.bytes);
          if (result.ok) indexed++;
          else skip(file, result.reason);
        } catch (e) {
          // A parser bug must cost one file, never the whole index.
          skip(file, `could not be read: ${errorMessage(e)}`);
        }
      }
      if (now() - sliceStart >= sliceMs) {
        options.onProgress?.(done, files.length);
        await yieldNow();
        sliceStart = now();
      }
    }
  }
  options.onProgress?.(done, files.length);
  return { indexed, skipped, cancelled: false };
}

type ReadOutcome = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'skip'; reason: string } | { kind: 'known' };

async function readChecked(ws: Workspace, corpus: Corpus, file: string, key: string, options: LoadOptions): Promise<ReadOutcome> {
  try {
    if (options.known?.(key)) return { kind: 'known' };
    if (corpus.maxFileBytes > 0) {
      const st = await ws.stat(file);
      if (st.size > corpus.maxFileBytes) {
        // Checked before reading, so a huge file costs a stat, never its bytes.
        const setting = options.sizeCapSetting ?? 'parallax.maxFileSizeMB';
        return { kind: 'skip', reason: `larger than the size cap (${megabytes(st.size)} MB > ${megabytes(corpus.maxFileBytes)} MB); raise ${setting} to read it` };
      }
    }
    return { kind: 'bytes', bytes: await ws.readFile(file) };
  } catch (e) {
    if (isNotFound(e)) return { kind: 'skip', reason: 'no longer exists (deleted or renamed while indexing)' };
    // Unreadable (permissions, a dangling link, an I/O error): skip it and go on.
    return { kind: 'skip', reason: `could not be read (${errorMessage(e)})` };
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1 << 20)).toFixed(1);
}

/** Node's ENOENT and VS Code's FileSystemError.FileNotFound, recognised without importing either. */
function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound (FileSystemError)';
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
