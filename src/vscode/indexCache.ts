// The persisted parse cache under the extension's workspace storage (context.storageUri), so a warm start does
// not re-parse unchanged files. Written atomically (temp file, then rename); a missing, corrupt or mismatched
// cache is ignored quietly and the index is simply built from the files.
import * as vscode from 'vscode';
import type { Log } from './log';

export interface CacheHost {
  exportCacheInSlices(salt?: unknown): Promise<string>;
  importCache(data: string | Uint8Array, salt?: unknown): { ok: true; entries: number } | { ok: false; reason: string };
}

const FILE = 'index-cache.json';

export class IndexCache {
  constructor(
    private readonly dir: vscode.Uri,
    /** Versions the cache (the extension version): an update that changes the parser never reads old results. */
    private readonly salt: string,
    private readonly log: Log,
  ) {}

  async load(corpus: CacheHost): Promise<void> {
    let data: Uint8Array;
    try {
      data = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, FILE));
    } catch {
      return; // first start in this workspace
    }
    try {
      const result = corpus.importCache(data, this.salt);
      if (result.ok) this.log.info(`Parse cache: ${result.entries} entries restored.`);
      else this.log.info(`Parse cache ignored: ${result.reason}.`);
    } catch (err) {
      this.log.info(`Parse cache ignored: ${err instanceof Error ? err.message : String(err)}.`);
    }
  }

  async save(corpus: CacheHost): Promise<void> {
    const target = vscode.Uri.joinPath(this.dir, FILE);
    const temp = vscode.Uri.joinPath(this.dir, `${FILE}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    try {
      // Encoded in slices: at 10k articles this is seconds of work the extension host must not block on.
      const bytes = new TextEncoder().encode(await corpus.exportCacheInSlices(this.salt));
      await vscode.workspace.fs.createDirectory(this.dir);
      await vscode.workspace.fs.writeFile(temp, bytes);
      // Readers see the old cache or the new one, never half of one.
      await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    } catch (err) {
      this.log.warn(`Parse cache not saved: ${err instanceof Error ? err.message : String(err)}.`);
      try {
        await vscode.workspace.fs.delete(temp);
      } catch {
        // nothing was written
      }
    }
  }
}
