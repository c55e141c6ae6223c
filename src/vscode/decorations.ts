// A subtle dotted underline under recognised names (mentions of recurring entities), so a reader knows
// where a hover will say something. Setting parallax.decorations.enabled turns it off.
import * as vscode from 'vscode';
import { readConfig } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

const REFRESH_MS = 150;
/** After the corpus changed (typing re-indexes the buffer), wait for a pause: re-resolving names costs the most. */
const AFTER_CHANGE_MS = 600;

export function registerDecorations(index: WorkspaceIndex): vscode.Disposable {
  const type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted rgba(128, 128, 128, 0.6)',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /**
   * The ids of recurring entities, once per corpus change; a file's mentions come from the entity index's per-file
   * columns (making every entity's mention objects to find one file's would cost a pass over the whole corpus).
   */
  let recurring: Set<string> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const mentionsIn = (file: string) => {
    recurring ??= new Set(index.corpus.recurringEntities().map((e) => e.id));
    const ids = recurring;
    return index.corpus
      .entities()
      .mentionsIn(file)
      .filter((m) => ids.has(m.entityId));
  };

  const update = () => {
    timer = undefined;
    const enabled = readConfig().decorationsEnabled;
    for (const editor of vscode.window.visibleTextEditors) {
      // While bulk indexing the entity index would be rebuilt on every batch; wait for the end.
      const key = enabled && index.ready ? index.ensureFresh(editor.document) : undefined;
      if (!key) {
        editor.setDecorations(type, []);
        continue;
      }
      const doc = editor.document;
      editor.setDecorations(
        type,
        mentionsIn(key).map((m) => new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))),
      );
    }
  };
  const schedule = (ms = REFRESH_MS) => {
    if (!timer) timer = setTimeout(update, ms);
  };

  schedule();
  return vscode.Disposable.from(
    type,
    { dispose: () => timer && clearTimeout(timer) },
    index.onDidChange(() => {
      recurring = null;
      schedule(AFTER_CHANGE_MS);
    }),
    index.onDidChangeState(() => schedule()),
    vscode.window.onDidChangeVisibleTextEditors(() => schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('parallax.decorations.enabled')) schedule();
    }),
  );
}
