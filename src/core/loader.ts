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
  /** Files to skip reading because the caller already has them (e.g. restored from a cache). */
  known?(file: string): boolean;
  now?(): number;
}

export interface LoadResult {
  indexed: number;
  skipped: { file: string; reason: string }[];
  cancelled: boolean;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function indexWorkspace(ws: Workspace, corpus: Corpus, options: LoadOptions = {}): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 32;
  const sliceMs = options.sliceMs ?? 12;
  const yieldNow = options.yieldNow ?? defaultYield;
  const now = options.now ?? (() => Date.now());
  const skipped: { file: string; reason: string }[] = [];
  const skip = (file: string, reason: string) => {
    skipped.push({ file, reason });
    options.onSkip?.(file, reason);
  };

  const files = (await ws.listFiles()).filter((f) => corpus.accepts(f));
  let done = 0;
  let indexed = 0;
  let sliceStart = now();
  for (let i = 0; i < files.length; i += batchSize) {
    if (options.isCancelled?.()) return { indexed, skipped, cancelled: true };
    const batch = files.slice(i, i + batchSize);
    const contents = await Promise.all(batch.map((file) => readChecked(ws, corpus, file, options)));
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
          const result = corpus.setBytes(file, c.bytes);
          if (result.ok) indexed++;
          else skip(file, result.reason);
        } catch (e) {
          // A parser bug must cost one file, never the whole index.
          skip(file, `could not be read: ${(e as Error).message}`);
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

async function readChecked(ws: Workspace, corpus: Corpus, file: string, options: LoadOptions): Promise<ReadOutcome> {
  try {
    if (options.known?.(file)) return { kind: 'known' };
    if (corpus.maxFileBytes > 0) {
      const st = await ws.stat(file);
      if (st.size > corpus.maxFileBytes) {
        return { kind: 'skip', reason: `larger than the size cap (${(st.size / (1 << 20)).toFixed(1)} MB > ${(corpus.maxFileBytes / (1 << 20)).toFixed(1)} MB, setting parallax.maxFileSizeMB)` };
      }
    }
    return { kind: 'bytes', bytes: await ws.readFile(file) };
  } catch (e) {
    // Deleted or renamed while indexing, unreadable, a dangling link: skip it and go on.
    return { kind: 'skip', reason: `could not be read (${(e as Error).message})` };
  }
}
