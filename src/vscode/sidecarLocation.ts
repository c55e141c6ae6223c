// Which *.parallax.json file Parallax writes to (a glossary entry, a metadata correction): one that exists, or, when
// there is none yet, the one the reader picks when asked, once. Creating the file writes it directly with
// workspace.fs instead of a WorkspaceEdit's createFile: a created-file edit makes VS Code reveal the new file in the
// Explorer, which switches the side bar away from Parallax.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

export const DEFAULT_SIDECAR = 'parallax.glossary.parallax.json';

/**
 * An existing *.parallax.json for `near` (the article or folder in question): the deepest one in its folder or a
 * folder above it inside the workspace folder, else the first one of the workspace. Undefined when there is none.
 */
export function existingSidecar(index: WorkspaceIndex, near?: vscode.Uri): vscode.Uri | undefined {
  const sidecars = index.corpus.glossaryFiles().map((k) => index.uriOf(k));
  if (sidecars.length === 0) return undefined;
  if (near) {
    const folder = near.path.slice(0, near.path.lastIndexOf('/'));
    const enclosing = sidecars
      .filter(
        (u) => u.scheme === near.scheme && u.authority === near.authority && folder.startsWith(u.path.slice(0, u.path.lastIndexOf('/'))),
      )
      .sort((a, b) => b.path.length - a.path.length);
    if (enclosing[0]) return enclosing[0];
  }
  return [...sidecars].sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path))[0];
}

/**
 * Where to create the first *.parallax.json: asks the reader (the workspace folder, the article's folder, or a folder
 * of their choice). Undefined when they cancel.
 */
export async function askNewSidecar(what: string, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  type Choice = vscode.QuickPickItem & { uri?: vscode.Uri };
  const choices: Choice[] = [];
  const seen = new Set<string>();
  const add = (dir: vscode.Uri, detail: string) => {
    const uri = vscode.Uri.joinPath(dir, DEFAULT_SIDECAR);
    if (seen.has(uri.toString())) return;
    seen.add(uri.toString());
    choices.push({ label: vscode.workspace.asRelativePath(uri, folders.length > 1), detail, uri });
  };
  const home = near ? (vscode.workspace.getWorkspaceFolder(near) ?? folders[0]) : folders[0];
  add(home.uri, 'In the workspace folder: applies to every article in it');
  if (near) add(vscode.Uri.joinPath(near, '..'), 'Beside the article: applies to the articles of this folder and below');
  for (const f of folders) if (f !== home) add(f.uri, `In the workspace folder ${f.name}`);
  choices.push({ label: 'Choose a folder…', detail: 'A *.parallax.json anywhere in the workspace' });
  const picked = await vscode.window.showQuickPick(choices, {
    title: `Parallax: where should the ${what} be kept?`,
    placeHolder: `No *.parallax.json file yet: Parallax will create one (it holds glossary entries and metadata corrections, never the articles)`,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const dirs = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: home.uri,
    openLabel: 'Keep it here',
  });
  return dirs?.[0] ? vscode.Uri.joinPath(dirs[0], DEFAULT_SIDECAR) : undefined;
}

/** The sidecar to write to, asking where to create one when there is none. */
export async function sidecarFor(index: WorkspaceIndex, what: string, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  return existingSidecar(index, near) ?? (await askNewSidecar(what, near));
}

/**
 * Writes a new file's whole text atomically: to a temporary name first (not a *.parallax.json, so no watcher reads
 * it half written), then renamed into place without overwriting a file created meanwhile.
 */
export async function createSidecar(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: false });
  } finally {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
  }
  return vscode.workspace.openTextDocument(uri);
}

/** The document of a file when it exists (or is open unsaved), else undefined. */
export async function openIfExists(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}
