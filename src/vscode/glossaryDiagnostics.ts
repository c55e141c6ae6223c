// Broken glossary files (*.parallax.json) show their problems in the Problems panel; the core keeps using
// the last good version meanwhile. Cleared when the file is fixed or removed.
import * as vscode from 'vscode';
import { LineMap } from '../core/text';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerGlossaryDiagnostics(index: WorkspaceIndex): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('parallax');
  return vscode.Disposable.from(
    diagnostics,
    index.onDidReadGlossary(({ uri, text, errors }) => {
      if (text === null || errors.length === 0) {
        diagnostics.delete(uri);
        return;
      }
      const lines = new LineMap(text);
      diagnostics.set(
        uri,
        errors.map((e) => {
          const a = lines.position(Math.max(0, Math.min(e.start, text.length)));
          const b = lines.position(Math.max(0, Math.min(Math.max(e.end, e.start), text.length)));
          const d = new vscode.Diagnostic(
            new vscode.Range(a.line, a.character, b.line, b.character),
            `${e.message} (Parallax keeps using the last valid version of this glossary)`,
            vscode.DiagnosticSeverity.Error,
          );
          d.source = 'Parallax';
          return d;
        }),
      );
    }),
  );
}
