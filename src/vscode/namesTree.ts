// The Names view: recurring people, groups, places and others with mention counts; an entity expands to the
// articles that mention it; clicking an entity or article opens the (first) mention.
import * as vscode from 'vscode';
import { filesOf, mentionCount } from '../core/names';
import type { EntityLike, MentionLike } from './corpusApi';
import { KIND_ORDER, kindLabel, UNTITLED } from './format';
import { rangeInRecord } from './navigation';
import type { WorkspaceIndex } from './workspaceIndex';

type Kind = (typeof KIND_ORDER)[number];
type Node =
  | { kind: 'group'; label: Kind; entities: EntityLike[] }
  | { kind: 'entity'; entity: EntityLike }
  | { kind: 'article'; entity: EntityLike; file: string; mentions: MentionLike[] };

export function registerNamesTree(index: WorkspaceIndex): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let groups: Node[] | null = null;
  /** A change arrived while the view was hidden: refresh when it is shown (names are costly to resolve). */
  let stale = false;

  const build = (): Node[] => {
    const byKind = new Map<Kind, EntityLike[]>();
    for (const e of index.corpus.recurringEntities()) {
      const k = kindLabel(e.kind);
      let list = byKind.get(k);
      if (!list) byKind.set(k, (list = []));
      list.push(e);
    }
    return KIND_ORDER.filter((k) => byKind.has(k)).map((k) => ({
      kind: 'group' as const,
      label: k,
      // Counts, not `mentions`: the index makes an entity's mention objects when they are read.
      entities: byKind.get(k)!.sort((a, b) => mentionCount(b) - mentionCount(a) || a.name.localeCompare(b.name)),
    }));
  };

  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: changed.event,
    getChildren(node) {
      if (!node) {
        // Resolving names needs the whole corpus: wait until the initial indexing is done.
        if (!index.ready) return [];
        groups ??= build();
        updateMessage();
        return groups;
      }
      if (node.kind === 'group') return node.entities.map((entity) => ({ kind: 'entity' as const, entity }));
      if (node.kind === 'entity') {
        return [...filesOf(node.entity)].map((f) => ({ kind: 'article' as const, entity: node.entity, file: f.file, mentions: f.all() }));
      }
      return [];
    },
    getTreeItem(node) {
      switch (node.kind) {
        case 'group': {
          const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
          item.id = `kind:${node.label}`;
          item.description = String(node.entities.length);
          item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.label]);
          return item;
        }
        case 'entity': {
          const e = node.entity;
          const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
          item.id = `entity:${e.id}`;
          const byFile = [...filesOf(e)];
          const files = byFile.length;
          const n = mentionCount(e);
          item.description = `${n} in ${files}`;
          const others = e.aliases.filter((a) => a !== e.name);
          const md = new vscode.MarkdownString();
          md.appendText(`${e.name} (${e.kind}) — ${n} mentions in ${files} articles`);
          if (others.length) md.appendMarkdown('  \n').appendText(`Also written: ${others.join(', ')}`);
          item.tooltip = md;
          item.contextValue = 'parallax.entity';
          if (byFile.length) item.command = openCommand(byFile[0].first());
          return item;
        }
        case 'article': {
          const title = index.corpus.get(node.file)?.meta.title ?? UNTITLED;
          const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
          item.id = `entity:${node.entity.id}:${node.file}`;
          item.description = String(node.mentions.length);
          item.resourceUri = index.uriOf(node.file);
          item.iconPath = new vscode.ThemeIcon('file-text');
          item.command = openCommand(node.mentions[0]);
          return item;
        }
      }
    },
  };

  const openCommand = (m: MentionLike): vscode.Command => {
    const range = rangeInRecord(index, m.file, m.start, m.end);
    return {
      command: 'vscode.open',
      title: 'Open Mention',
      arguments: [index.uriOf(m.file), range ? { selection: range } : undefined],
    };
  };

  const view = vscode.window.createTreeView('parallax.names', { treeDataProvider: provider, showCollapseAll: true });
  const updateMessage = () => {
    view.message = namesMessage(index.ready, index.corpus.size, groups === null ? null : groups.length);
  };
  updateMessage();
  let wasReady = index.ready;
  return vscode.Disposable.from(
    changed,
    view,
    index.onDidChange(() => {
      groups = null;
      if (view.visible) changed.fire();
      else stale = true;
    }),
    index.onDidChangeState(() => {
      updateMessage();
      if (wasReady !== index.ready) {
        groups = null;
        changed.fire();
      }
      wasReady = index.ready;
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible && stale) {
        stale = false;
        changed.fire();
      }
    }),
  );
}

const KIND_ICONS: Record<Kind, string> = { Person: 'person', Group: 'organization', Place: 'location', Other: 'symbol-misc' };

/** The Names view's message: while indexing, and when there is nothing to list (an empty view says nothing). */
function namesMessage(ready: boolean, articles: number, groups: number | null): string | undefined {
  if (!ready) return 'Names appear when indexing is done…';
  if (articles === 0) return 'No articles indexed yet: names appear once Parallax has read some.';
  if (groups === 0)
    return 'No recurring names yet: a person, group or place is listed once two articles name it, or when a *.parallax.json glossary defines it.';
  return undefined;
}
