// The core's `Workspace` over VS Code: every workspace folder through `vscode.workspace.fs` (so virtual workspaces and
// the browser build work), with an overlay of unsaved editors: a file open with unsaved changes is read as its buffer
// holds it, because that is what the reader sees (and hovers must follow). Files are named by URI string, which is
// also the corpus key, so two folders with the same relative path never share a key.
import * as vscode from 'vscode';
import { PRUNED_DIRECTORIES, PRUNED_GLOBS } from '../core/fileFilter';
import type { FileStat, Workspace } from '../core/workspace';
import { joinGlobs } from './globs';

export const GLOSSARY_GLOB = '**/*.parallax.json';

/** Deepest folder nesting walked on file systems without a search provider. */
const MAX_WALK_DEPTH = 32;

export class VscodeWorkspace implements Workspace {
  private prefetched: Promise<string[]> | null = null;

  constructor(private readonly globs: { include: readonly string[]; exclude: readonly string[] }) {}

  /**
   * Start listing now (VS Code's file search runs in another process) for the next listFiles to return, so a caller
   * can decode its cache meanwhile.
   */
  prefetchListing(): void {
    const listing = this.list();
    listing.catch(() => undefined); // rejected again to whoever awaits it in listFiles
    this.prefetched = listing;
  }

  /** Articles (include globs) and glossaries of every folder, minus the exclude globs, as URI strings. */
  async listFiles(): Promise<string[]> {
    const listing = this.prefetched ?? this.list();
    this.prefetched = null;
    return listing;
  }

  async readFile(file: string): Promise<Uint8Array> {
    const doc = unsavedDocument(file);
    if (doc) return new TextEncoder().encode(doc.getText());
    return vscode.workspace.fs.readFile(vscode.Uri.parse(file));
  }

  async stat(file: string): Promise<FileStat> {
    const doc = unsavedDocument(file);
    // An unsaved buffer has no modification time to trust: NaN never matches a persisted one.
    if (doc) return { size: new TextEncoder().encode(doc.getText()).length, mtime: Number.NaN };
    const st = await vscode.workspace.fs.stat(vscode.Uri.parse(file));
    if (st.type & vscode.FileType.Directory) throw new Error('a folder, not a file');
    return { size: st.size, mtime: st.mtime };
  }

  relativePath(file: string): string | undefined {
    return relativePath(vscode.Uri.parse(file));
  }

  private async list(): Promise<string[]> {
    const seen = new Set<string>();
    // One search for all globs: each findFiles call is a full walk of the workspace.
    const include = joinGlobs([...this.globs.include, GLOSSARY_GLOB]);
    const exclude = joinGlobs([...this.globs.exclude, ...PRUNED_GLOBS]);
    if (include) for (const uri of await vscode.workspace.findFiles(include, exclude)) seen.add(uri.toString());
    if (seen.size === 0) {
      // Some virtual file systems offer no search provider: walk them with workspace.fs instead.
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') for (const uri of await walk(folder.uri, 0)) seen.add(uri.toString());
      }
    }
    return [...seen].sort();
  }
}

/** The '/'-separated path inside its workspace folder, or undefined outside every folder. */
export function relativePath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** The open editor of a file, when it holds changes not saved yet. */
export function unsavedDocument(file: string): vscode.TextDocument | undefined {
  const doc = openDocument(file);
  return doc?.isDirty ? doc : undefined;
}

export function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === file);
}

/** Every file under a folder; the caller filters. Symbolic links are not followed (a link back up would loop). */
async function walk(dir: vscode.Uri, depth: number): Promise<vscode.Uri[]> {
  if (depth > MAX_WALK_DEPTH) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const out: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    if (type & vscode.FileType.SymbolicLink) continue;
    const child = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) {
      if (!PRUNED_DIRECTORIES.has(name)) out.push(...(await walk(child, depth + 1)));
    } else {
      out.push(child);
    }
  }
  return out;
}
