// Show Other Coverage (quick pick with preview), Next/Previous Related Passage (cycle without the list) and
// Peek Other Coverage (VS Code's peek view) for the passage at the cursor.
import * as vscode from 'vscode';
import type { RelatedPassageLike } from '../corpusApi';
import { coverageLabel, excerpt } from '../format';
import { rangeInRecord, showRange } from '../navigation';
import type { WorkspaceIndex } from '../workspaceIndex';

const LIMIT = 20;

interface Source {
  key: string;
  offset: number;
  /** Several passages at once (a CodeLens over a line with several passages); `offset` is the first. */
  offsets?: number[];
  editor?: vscode.TextEditor;
}

interface Cycle {
  key: string;
  passageStart: number;
  results: RelatedPassageLike[];
  at: number;
}

interface Item extends vscode.QuickPickItem {
  result: RelatedPassageLike;
}

/**
 * The passage a command is about: explicit [uri, offset or offsets] (from a CodeLens) or the active editor's
 * cursor.
 */
export function sourceOf(index: WorkspaceIndex, uriArg?: unknown, offsetArg?: unknown): Source | undefined {
  const editor = vscode.window.activeTextEditor;
  const offsets =
    typeof offsetArg === 'number'
      ? [offsetArg]
      : Array.isArray(offsetArg)
        ? offsetArg.filter((o): o is number => typeof o === 'number')
        : [];
  if (typeof uriArg === 'string' && offsets.length > 0) {
    const match = editor?.document.uri.toString() === uriArg ? editor : undefined;
    if (match) index.ensureFresh(match.document);
    return index.corpus.get(uriArg) ? { key: uriArg, offset: offsets[0], offsets, editor: match } : undefined;
  }
  if (!editor) return undefined;
  const key = index.ensureFresh(editor.document);
  return key ? { key, offset: editor.document.offsetAt(editor.selection.active), editor } : undefined;
}

/** Quick pick / tree text for one linked passage. */
export function describe(index: WorkspaceIndex, r: RelatedPassageLike): { label: string; description: string; detail: string } {
  const meta = index.corpus.get(r.file)?.meta;
  return {
    label: coverageLabel({ outlet: meta?.outlet ?? null, date: meta?.date?.iso ?? null, title: meta?.title ?? null, author: null }),
    description: r.reason,
    detail: excerpt(r.text, r.shared),
  };
}

export function registerOtherCoverage(index: WorkspaceIndex): vscode.Disposable {
  let cycle: Cycle | undefined;

  const related = (src: Source): RelatedPassageLike[] => {
    if (!src.offsets || src.offsets.length < 2) return index.corpus.related(src.key, src.offset, LIMIT);
    // Several passages: each linked passage once, with its best score.
    const best = new Map<string, RelatedPassageLike>();
    for (const offset of src.offsets) {
      for (const r of index.corpus.related(src.key, offset, LIMIT)) {
        const id = `${r.file}#${r.passage}`;
        const had = best.get(id);
        if (!had || had.score < r.score) best.set(id, r);
      }
    }
    // As one passage's list has them: coverage first, then copies of this article, then duplicates; best first in each.
    const order = (r: RelatedPassageLike) => (r.duplicate ? 2 : r.copy ? 1 : 0);
    return [...best.values()].sort((a, b) => order(a) - order(b) || b.score - a.score).slice(0, LIMIT);
  };
  const rangeOf = (r: RelatedPassageLike) => rangeInRecord(index, r.file, r.start, r.end) ?? new vscode.Range(0, 0, 0, 0);
  // One Parallax message at a time: a new one replaces the last instead of queueing behind it.
  let message: vscode.Disposable | undefined;
  const say = (text: string, ms: number) => {
    message?.dispose();
    message = vscode.window.setStatusBarMessage(`Parallax: ${text}`, ms);
  };
  const nothing = (why: string) => say(why, 4000);

  const remember = (src: Source, results: RelatedPassageLike[], at: number) => {
    const passage = index.corpus.coveragePassageAt(src.key, src.offset);
    cycle = { key: src.key, passageStart: passage?.start ?? src.offset, results, at };
  };

  // Editor context menus pass the document's Uri object; only a CodeLens passes [uri string, offset].
  const show = async (uriArg?: unknown, offsetArg?: unknown) => {
    const src = sourceOf(index, uriArg, offsetArg);
    if (!src) return nothing('put the cursor in a passage of an article to see its other coverage');
    const results = related(src);
    if (results.length === 0) return nothing('no other outlet covers this passage');
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = 'Other coverage of this passage';
    qp.placeholder = 'Outlet · date · title — move to preview, Enter to open beside';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = results.map((result) => ({ ...describe(index, result), result }));
    let accepted = false;
    qp.onDidChangeActive(([item]) => {
      if (item && !accepted) {
        void showRange(index.uriOf(item.result.file), rangeOf(item.result), {
          viewColumn: vscode.ViewColumn.Beside,
          preview: true,
          preserveFocus: true,
        });
      }
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      accepted = true;
      qp.hide();
      remember(src, results, results.indexOf(item.result));
      void showRange(index.uriOf(item.result.file), rangeOf(item.result), { viewColumn: vscode.ViewColumn.Beside, highlight: true });
    });
    qp.onDidHide(() => qp.dispose());
    qp.show();
  };

  const step = async (delta: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    const key = editor ? index.ensureFresh(editor.document) : undefined;
    const offset = editor ? editor.document.offsetAt(editor.selection.active) : 0;
    const current = cycle?.results[cycle.at];
    const inSource = cycle && key === cycle.key && index.corpus.coveragePassageAt(key, offset)?.start === cycle.passageStart;
    // In the passage last shown (the cursor may sit anywhere in it, or not be placed yet).
    const inShown = current && key === current.file && (index.corpus.coveragePassageAt(key, offset)?.start ?? -1) === current.start;
    if (cycle && (inSource || inShown)) {
      cycle.at = (cycle.at + delta + cycle.results.length) % cycle.results.length;
    } else {
      if (!editor || !key) return nothing('put the cursor in a passage of an article to see its other coverage');
      const src: Source = { key, offset, editor };
      const results = related(src);
      if (results.length === 0) return nothing('no other outlet covers this passage');
      remember(src, results, delta > 0 ? 0 : results.length - 1);
    }
    const c = cycle!;
    const r = c.results[c.at];
    // From the source, open beside it; from a shown passage, replace it in the same column.
    const column = inShown && editor?.viewColumn ? editor.viewColumn : vscode.ViewColumn.Beside;
    await showRange(index.uriOf(r.file), rangeOf(r), { viewColumn: column, highlight: true });
    say(`related passage ${c.at + 1}/${c.results.length} — ${describe(index, r).label}`, 5000);
  };

  // A key held down or pressed twice quickly: each step starts from where the previous one landed.
  let last: Promise<unknown> = Promise.resolve();
  const queued = (fn: () => Promise<unknown>) => (last = last.then(fn, fn));

  const peek = async () => {
    const src = sourceOf(index);
    if (!src?.editor) return nothing('put the cursor in a passage of an article to see its other coverage');
    const results = related(src);
    if (results.length === 0) return nothing('no other outlet covers this passage');
    const locations = results.map((r) => new vscode.Location(index.uriOf(r.file), rangeOf(r)));
    await vscode.commands.executeCommand(
      'editor.action.peekLocations',
      src.editor.document.uri,
      src.editor.selection.active,
      locations,
      'peek',
    );
  };

  return vscode.Disposable.from(
    { dispose: () => message?.dispose() },
    vscode.commands.registerCommand('parallax.showOtherCoverage', (uri?: unknown, offset?: unknown) => show(uri, offset)),
    vscode.commands.registerCommand('parallax.nextRelatedPassage', () => queued(() => step(1))),
    vscode.commands.registerCommand('parallax.previousRelatedPassage', () => queued(() => step(-1))),
    vscode.commands.registerCommand('parallax.peekOtherCoverage', () => peek()),
  );
}
