// parallax.openMention [file, line0, character0]: the hover links to other mentions. `file` is a URI string
// (how the VS Code layer keys files) or a path relative to a workspace folder; line and character are 0-based.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerOpenMention(index: WorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.openMention', async (file?: unknown, line?: unknown, character?: unknown) => {
    const uri = typeof file === 'string' ? await resolve(index, file) : undefined;
    if (!uri) return;
    const pos = new vscode.Position(toInt(line), toInt(character));
    const record = index.corpus.get(index.keyOf(uri));
    // Select the whole name when the index knows it, so the reader sees which word the link meant.
    let range = new vscode.Range(pos, pos);
    if (record) {
      const offset = record.lines.offset(pos.line, pos.character);
      const ref = index.corpus
        .references(index.keyOf(uri), offset)
        .find((m) => m.file === index.keyOf(uri) && m.start <= offset && offset < m.end);
      if (ref) {
        const a = record.lines.position(ref.start);
        const b = record.lines.position(ref.end);
        range = new vscode.Range(a.line, a.character, b.line, b.character);
      }
    }
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

/** A URI string as is; a relative path against the workspace folder that has it (first folder otherwise). */
async function resolve(index: WorkspaceIndex, file: string): Promise<vscode.Uri | undefined> {
  // A scheme is at least two characters, so Windows drive letters ("c:\…") are not taken for one.
  if (/^[a-zA-Z][\w+.-]+:/.test(file)) return vscode.Uri.parse(file);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const rel = file.replace(/\\/g, '/').replace(/^\/+/, '');
  for (const folder of folders) {
    const candidate = vscode.Uri.joinPath(folder.uri, rel);
    if (index.corpus.get(index.keyOf(candidate))) return candidate;
  }
  return folders[0] ? vscode.Uri.joinPath(folders[0].uri, rel) : undefined;
}

function toInt(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
