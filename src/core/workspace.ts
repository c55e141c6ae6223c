// The one seam between the core and the world: how files are listed and read. The VS Code layer implements it over
// `vscode.workspace.fs` with an overlay of unsaved editors (src/vscode/vscodeWorkspace.ts, so virtual workspaces
// work), the CLI, tests and benchmark over Node's fs (src/node/fsWorkspace.ts), tests also in memory. The core never
// touches a file system by itself; everything it reads comes through `loader.ts`.

export interface FileStat {
  size: number;
  mtime: number;
}

export interface Workspace {
  /**
   * Candidate files (not yet filtered): '/'-separated paths relative to the workspace root, or any other name the
   * workspace understands (the extension lists URIs, one per file of every workspace folder).
   */
  listFiles(): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Size in bytes and modification time in ms; a file whose mtime cannot be trusted (an unsaved buffer) has NaN. */
  stat(path: string): Promise<FileStat>;
  /**
   * The '/'-separated path the include/exclude globs are matched against, or undefined for a file outside every
   * workspace folder. Omitted: the listed name is that path.
   */
  relativePath?(path: string): string | undefined;
}

/** An in-memory workspace: for tests and for the browser build's unsaved buffers. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) this.write(path, content);
  }

  /** `mtime`: the modification time to report (default: now), e.g. to set up an unchanged-looking file. */
  write(path: string, content: string | Uint8Array, mtime = Date.now()): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(path, { bytes, mtime });
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw new Error(`file not found: ${path}`);
    return f.bytes;
  }

  async stat(path: string): Promise<FileStat> {
    const f = this.files.get(path);
    if (!f) throw new Error(`file not found: ${path}`);
    return { size: f.bytes.length, mtime: f.mtime };
  }
}
