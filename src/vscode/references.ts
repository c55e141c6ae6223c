// Find All References (Shift+F12) on a name: every mention of the entity, under every spelling, corpus-wide.
import * as vscode from 'vscode';
import { rangeInRecord } from './navigation';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerReferences(index: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    provideReferences(doc, position) {
      const key = index.ensureFresh(doc);
      // Until the workspace is read, answers about names would be partial (and slow to compute).
      if (!key || !index.ready) return undefined;
      const out: vscode.Location[] = [];
      for (const m of index.corpus.references(key, doc.offsetAt(position))) {
        const range = rangeInRecord(index, m.file, m.start, m.end);
        if (range) out.push(new vscode.Location(index.uriOf(m.file), range));
      }
      return out;
    },
  });
}
