// Article files open wrapped: FA-KES articles are one line of thousands of characters. VS Code has no per-file
// word-wrap setting; the per-editor toggle (`editor.action.toggleWordWrap`) is the one mechanism that changes the
// wrapping of one document without touching any setting: its override lives on the open document's model and ends
// when the document is closed. Settings would be wrong here: `[plaintext]`/`[markdown]` defaults or a language
// override would wrap every text or Markdown file of the reader, not just the articles. So the first time an
// article is shown in the active editor while `editor.wordWrap` is "off" for it, it is toggled once; a reader who
// toggles it back keeps it that way until the document is closed. `parallax.wordWrap: false` turns this off.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerArticleWordWrap(index: WorkspaceIndex): vscode.Disposable {
  // Documents already seen: an article is wrapped once per opening, never toggled back and forth.
  const seen = new WeakSet<vscode.TextDocument>();
  let pending: Promise<unknown> = Promise.resolve();
  const wrap = (editor: vscode.TextEditor | undefined) => {
    if (!editor || seen.has(editor.document)) return;
    const doc = editor.document;
    if (!index.isArticle(doc.uri)) return;
    seen.add(doc);
    if (!vscode.workspace.getConfiguration('parallax', doc).get<boolean>('wordWrap', true)) return;
    if (vscode.workspace.getConfiguration('editor', doc).get<string>('wordWrap', 'off') !== 'off') return;
    // The command acts on the active editor: run it while this one still is (serially, when several open at once).
    pending = pending
      .then(async () => {
        if (vscode.window.activeTextEditor !== editor) {
          seen.delete(doc); // wrapped when it is shown in the active editor again
          return;
        }
        await vscode.commands.executeCommand('editor.action.toggleWordWrap');
      })
      .catch(() => undefined);
  };
  wrap(vscode.window.activeTextEditor);
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(wrap));
}
