// "Also in: WSWS, Havana Times" above each passage that other articles cover strongly (weaker links are still
// listed by Show Other Coverage); clicking it opens Show Other
// Coverage for that passage. Passages that start on the same line (a long one-line body split into sentences)
// share one lens, so a line never carries a row of lenses. Setting parallax.codeLens.enabled turns it off.
import * as vscode from 'vscode';
import { readConfig } from './config';
import { alsoIn, type CoveringOutlet } from './format';
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
      /** Per line: the passages starting there that have coverage, and the outlets covering them (best first). */
      const lines = new Map<number, { offsets: number[]; outlets: CoveringOutlet[] }>();
      let seen = 0;
      for (const p of record.parsed.passages) {
        if (token.isCancellationRequested || ++seen > MAX_PASSAGES) break;
        if (p.kind === 'boilerplate') continue;
        // The same answer Show Other Coverage gives (above the fitted cut-off), so the lens and the list never
        // disagree (issue 12); a duplicate of this article is no coverage, a copy carried elsewhere is (marked).
        const related = corpus.related(key, p.start, 10).filter((r) => !r.duplicate);
        if (related.length === 0) continue;
        // The lead's lens sits on the title line: the title belongs to the lead (coveragePassage.ts).
        const line = record.lines.position(corpus.coveragePassageAt(key, p.start)?.start ?? p.start).line;
        let entry = lines.get(line);
        if (!entry) lines.set(line, (entry = { offsets: [], outlets: [] }));
        entry.offsets.push(p.start);
        entry.outlets.push(...related.map((r) => ({ outlet: corpus.get(r.file)?.meta.outlet ?? null, copy: r.copy === true })));
      }
      return [...lines].map(
        ([line, { offsets, outlets }]) =>
          new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: alsoIn(outlets),
            tooltip:
              offsets.length > 1
                ? `Show other coverage of the ${offsets.length} passages on this line`
                : 'Show other coverage of this passage',
            command: 'parallax.showOtherCoverage',
            arguments: [doc.uri.toString(), offsets.length === 1 ? offsets[0] : offsets],
          }),
      );
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
