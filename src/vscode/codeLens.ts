// "Also in: WSWS, Havana Times" above each passage that other outlets cover; clicking it opens Show Other
// Coverage for that passage. Setting parallax.codeLens.enabled turns it off.
import * as vscode from 'vscode';
import { readConfig } from './config';
import { alsoIn } from './format';
import type { WorkspaceIndex } from './workspaceIndex';

/** Passages beyond this many in one file get no lens (keeps a huge file responsive). */
const MAX_PASSAGES = 400;

export function registerCodeLens(index: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc, token) {
      if (!readConfig().codeLensEnabled || !index.ready) return [];
      const key = index.ensureFresh(doc);
      const record = key ? index.corpus.get(key) : undefined;
      if (!key || !record) return [];
      const corpus = index.corpus;
      if (corpus.relatedArticles(key, 1).length === 0) return [];
      const lenses: vscode.CodeLens[] = [];
      let seen = 0;
      for (const p of record.parsed.passages) {
        if (token.isCancellationRequested || ++seen > MAX_PASSAGES) break;
        if (p.kind === 'boilerplate') continue;
        const related = corpus.related(key, p.start, 10);
        if (related.length === 0) continue;
        const at = record.lines.position(p.start);
        lenses.push(
          new vscode.CodeLens(new vscode.Range(at.line, at.character, at.line, at.character), {
            title: alsoIn(related.map((r) => corpus.get(r.file)?.parsed.meta.outlet ?? null)),
            tooltip: 'Show other coverage of this passage',
            command: 'parallax.showOtherCoverage',
            arguments: [doc.uri.toString(), p.start],
          }),
        );
      }
      return lenses;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(selector, provider),
    index.onDidChange(() => changed.fire()),
    index.onDidChangeState(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('parallax.codeLens.enabled')) changed.fire();
    }),
  );
}
