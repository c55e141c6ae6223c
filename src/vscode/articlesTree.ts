// The Articles view: Outlet → month → article, newest first, "Unknown outlet" last (order from corpus.tree()).
// Follows every corpus change (file create/change/delete/rename, unsaved edits) without a reload.
import * as vscode from 'vscode';
import type { TreeArticleLike, TreeMonthLike, TreeOutletLike } from './corpusApi';
import { articleDescription, metadataRows, UNTITLED } from './format';
import type { WorkspaceIndex } from './workspaceIndex';

type Node =
  | { kind: 'outlet'; outlet: TreeOutletLike }
  | { kind: 'month'; outlet: string; month: TreeMonthLike }
  | { kind: 'article'; article: TreeArticleLike };

export function registerArticlesTree(index: WorkspaceIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let roots: TreeOutletLike[] | null = null;

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) return (roots ??= index.corpus.tree()).map((outlet) => ({ kind: 'outlet' as const, outlet }));
      if (node.kind === 'outlet') return node.outlet.months.map((month) => ({ kind: 'month' as const, outlet: node.outlet.outlet, month }));
      if (node.kind === 'month') return node.month.articles.map((article) => ({ kind: 'article' as const, article }));
      return [];
    },
    getTreeItem(node) {
      switch (node.kind) {
        case 'outlet': {
          const item = new vscode.TreeItem(node.outlet.outlet, vscode.TreeItemCollapsibleState.Collapsed);
          item.id = `outlet:${node.outlet.outlet}`;
          item.description = String(node.outlet.count);
          item.tooltip = `${node.outlet.outlet}: ${plural(node.outlet.count, 'article')}`;
          item.iconPath = new vscode.ThemeIcon('library');
          item.contextValue = 'parallax.outlet';
          return item;
        }
        case 'month': {
          const item = new vscode.TreeItem(node.month.label, vscode.TreeItemCollapsibleState.Collapsed);
          item.id = `month:${node.outlet}:${node.month.key}`;
          item.description = String(node.month.articles.length);
          item.tooltip = `${node.outlet}, ${node.month.label}: ${plural(node.month.articles.length, 'article')}`;
          item.iconPath = new vscode.ThemeIcon('calendar');
          item.contextValue = 'parallax.month';
          return item;
        }
        case 'article':
          return articleItem(index, node.article);
      }
    },
  };

  const view = vscode.window.createTreeView('parallax.articles', { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => {
    roots = null;
    changed.fire();
  };
  const updateMessage = () => {
    // "No articles found" only once the workspace has been read completely: before the first indexing starts, and
    // while it lists files, there are no articles yet either (it used to flash then).
    const s = index.indexState;
    view.message = s.articles > 0 ? undefined : index.ready && !s.indexing ? noArticlesMessage() : 'Indexing articles…';
  };
  updateMessage();
  return vscode.Disposable.from(changed, view, index.onDidChange(refresh), index.onDidChangeState(updateMessage));
}

function articleItem(index: WorkspaceIndex, a: TreeArticleLike): vscode.TreeItem {
  const uri = index.uriOf(a.file);
  const item = new vscode.TreeItem(a.title ?? UNTITLED, vscode.TreeItemCollapsibleState.None);
  item.id = `article:${a.file}`;
  item.description = articleDescription(a);
  item.resourceUri = uri;
  item.iconPath = new vscode.ThemeIcon('file-text');
  item.contextValue = 'parallax.article';
  item.command = { command: 'vscode.open', title: 'Open Article', arguments: [uri] };
  const meta = index.corpus.get(a.file)?.meta;
  if (meta) {
    const md = new vscode.MarkdownString();
    for (const [label, value] of metadataRows(meta, index.label(uri))) {
      md.appendMarkdown(`**${label}:** `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    }
    item.tooltip = md;
  }
  return item;
}

function noArticlesMessage(): string | undefined {
  // Without a folder the view's welcome content (package.json viewsWelcome) offers to open one.
  return (vscode.workspace.workspaceFolders?.length ?? 0) === 0
    ? undefined
    : 'No articles found. Check the parallax.include and parallax.exclude settings, or see Parallax: Show Log.';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
