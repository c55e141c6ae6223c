// Status bar: "$(book) 5 articles" when idle, "$(sync~spin) Parallax indexing 120/804" while indexing.
// Clicking it shows the Parallax log (what was skipped and why).
import * as vscode from 'vscode';
import { statusText } from './format';
import type { IndexState, WorkspaceIndex } from './workspaceIndex';

export function registerStatusBar(index: WorkspaceIndex): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('parallax.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Parallax';
  item.command = 'parallax.showOutput';
  const update = (s: IndexState) => {
    item.text = statusText(s);
    item.tooltip = s.linking
      ? 'Parallax is resolving names and linking passages that cover the same events'
      : s.indexing
        ? 'Parallax is reading the workspace articles'
        : `Parallax: ${s.articles} articles indexed. Click to show the log.`;
  };
  update(index.indexState);
  item.show();
  return vscode.Disposable.from(item, index.onDidChangeState(update));
}
