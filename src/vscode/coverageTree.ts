// The Other Coverage view: follows the cursor and lists the passages in other articles that cover the same
// event as the passage under it, grouped by outlet (best-scored outlet first), under a timeline of who told it
// when (timeline.ts; the same `related` results, in date order).
import * as vscode from 'vscode';
import { describe, sourceOf } from './commands/otherCoverage';
import type { RelatedPassageLike } from './corpusApi';
import { UNKNOWN_OUTLET } from './format';
import { rangeInRecord } from './navigation';
import { dateText, timelineRows, timelineSummary, type TimelineRow } from './timeline';
import type { WorkspaceIndex } from './workspaceIndex';

const FOLLOW_MS = 250;
const LIMIT = 30;

type Node =
  | { kind: 'timeline'; rows: TimelineRow[] }
  | { kind: 'moment'; row: TimelineRow }
  | { kind: 'outlet'; outlet: string; results: RelatedPassageLike[] }
  | { kind: 'passage'; result: RelatedPassageLike };

export function registerCoverageTree(index: WorkspaceIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let groups: Node[] = [];
  /** What the view shows now: file and passage start, so moving inside one passage does not recompute. */
  let shownFor = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) return groups;
      if (node.kind === 'timeline') return node.rows.map((row) => ({ kind: 'moment' as const, row }));
      return node.kind === 'outlet' ? node.results.map((result) => ({ kind: 'passage' as const, result })) : [];
    },
    getTreeItem(node) {
      if (node.kind === 'timeline') {
        const item = new vscode.TreeItem('Timeline', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'timeline';
        item.description = timelineSummary(node.rows);
        item.tooltip = 'Who told this event when: the articles linked to this passage, by publication date.';
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      if (node.kind === 'moment') return momentItem(index, node.row);
      if (node.kind === 'outlet') {
        const item = new vscode.TreeItem(node.outlet, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.results.length);
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      const r = node.result;
      const meta = index.corpus.get(r.file)?.meta;
      const text = describe(index, r);
      const item = new vscode.TreeItem(meta?.title ?? text.label, vscode.TreeItemCollapsibleState.None);
      item.description = [meta?.date?.iso ?? 'Undated', r.reason].filter(Boolean).join(' · ');
      const md = new vscode.MarkdownString();
      md.appendMarkdown('**')
        .appendText(text.label)
        .appendMarkdown('**  \n')
        .appendText(r.reason)
        .appendMarkdown('\n\n')
        .appendText(r.text);
      item.tooltip = md;
      item.iconPath = new vscode.ThemeIcon('link');
      const range = rangeInRecord(index, r.file, r.start, r.end);
      item.command = {
        command: 'vscode.open',
        title: 'Open Passage',
        // Focus stays in the article being read, so the list keeps following its cursor.
        arguments: [index.uriOf(r.file), { viewColumn: vscode.ViewColumn.Beside, selection: range, preserveFocus: true }],
      };
      return item;
    },
  };

  const view = vscode.window.createTreeView('parallax.coverage', { treeDataProvider: provider });

  const recompute = (force: boolean) => {
    timer = undefined;
    if (!view.visible) return;
    if (!index.ready) {
      // Linking needs the whole corpus; recomputing it for every indexed batch would only slow indexing.
      set([], '', 'Other coverage appears when indexing is done…');
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme === 'output') return;
    const src = sourceOf(index);
    if (!src) {
      set([], '', 'Put the cursor in a passage of an article to see how other outlets cover it.');
      return;
    }
    const passage = index.corpus.coveragePassageAt(src.key, src.offset);
    const id = `${src.key}#${passage?.start ?? -1}`;
    if (!force && id === shownFor) return;
    if (!passage || passage.kind === 'boilerplate') {
      set([], id, 'The cursor is not in a passage of body text.');
      return;
    }
    const results = index.corpus.related(src.key, src.offset, LIMIT);
    const byOutlet = new Map<string, RelatedPassageLike[]>();
    for (const r of results) {
      const outlet = index.corpus.get(r.file)?.meta.outlet ?? UNKNOWN_OUTLET;
      let list = byOutlet.get(outlet);
      if (!list) byOutlet.set(outlet, (list = []));
      list.push(r);
    }
    const meta = (file: string) => index.corpus.get(file)?.meta;
    const here = meta(src.key);
    const timeline = timelineRows([
      {
        file: src.key,
        outlet: here?.outlet ?? null,
        title: here?.title ?? null,
        date: here?.date?.iso ?? null,
        current: true,
        start: passage.start,
        end: passage.end,
      },
      // A duplicate is this article under another name, not another telling of the event.
      ...results
        .filter((r) => !r.duplicate)
        .map((r) => ({
          file: r.file,
          outlet: meta(r.file)?.outlet ?? null,
          title: meta(r.file)?.title ?? null,
          date: meta(r.file)?.date?.iso ?? null,
          current: false,
          start: r.start,
          end: r.end,
        })),
    ]);
    set(
      [
        ...(results.length > 0 ? [{ kind: 'timeline' as const, rows: timeline }] : []),
        ...[...byOutlet].map(([outlet, rs]) => ({ kind: 'outlet' as const, outlet, results: rs })),
      ],
      id,
      results.length === 0 ? 'No other outlet covers this passage.' : undefined,
    );
  };

  const set = (next: Node[], id: string, message: string | undefined) => {
    groups = next;
    shownFor = id;
    view.message = message;
    changed.fire();
  };

  const schedule = (force = false) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => recompute(force), FOLLOW_MS);
  };

  schedule();
  return vscode.Disposable.from(
    changed,
    view,
    { dispose: () => timer && clearTimeout(timer) },
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) schedule();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => schedule()),
    view.onDidChangeVisibility(() => schedule(true)),
    index.onDidChange(() => schedule(true)),
    index.onDidChangeState(() => schedule(true)),
  );
}

function momentItem(index: WorkspaceIndex, row: TimelineRow): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
  item.id = `moment:${row.file}`;
  item.description = row.description;
  item.tooltip = `${row.title ?? '(untitled)'}\n${row.date ? dateText(row.date) : 'Undated'} · ${row.description}`;
  item.iconPath = new vscode.ThemeIcon(row.current ? 'circle-filled' : 'circle-outline');
  if (!row.current) {
    item.command = {
      command: 'vscode.open',
      title: 'Open Passage',
      arguments: [
        index.uriOf(row.file),
        { viewColumn: vscode.ViewColumn.Beside, selection: rangeInRecord(index, row.file, row.start, row.end), preserveFocus: true },
      ],
    };
  }
  return item;
}
