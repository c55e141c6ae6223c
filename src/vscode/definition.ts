// Go to Definition (F12) on a name: its glossary entry, else the passage its definition comes from.
import * as vscode from 'vscode';
import { rangeIn } from './navigation';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerDefinition(index: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, {
    async provideDefinition(doc, position) {
      const key = index.ensureFresh(doc);
      // Until the workspace is read, answers about names would be partial (and slow to compute).
      if (!key || !index.ready) return undefined;
      const target = index.corpus.definition(key, doc.offsetAt(position));
      if (!target) return undefined;
      return new vscode.Location(index.uriOf(target.file), await rangeIn(index, target.file, target.start, target.end));
    },
  });
}
