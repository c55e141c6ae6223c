// The one seam between the core and the world: how files are listed and read. The VS Code layer
// implements it over `vscode.workspace.fs` (so virtual workspaces work), the CLI over Node's fs, the tests
// in memory. The core never touches a file system by itself.

export interface FileStat {
  size: number;
  mtime: number;
}

export interface Workspace {
  /** Candidate files as '/'-separated paths relative to the workspace root (not yet filtered). */
  listFiles(): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStat>;
}

/** An in-memory workspace: for tests and for the browser build's unsaved buffers. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(path, { bytes, mtime: Date.now() });
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
