// Parallax: Open Article… — a quick pick over title, outlet, author and date, fuzzy (MiniSearch in the core).
import * as vscode from 'vscode';
import { articleDescription, UNKNOWN_OUTLET, UNTITLED } from '../format';
import type { WorkspaceIndex } from '../workspaceIndex';

const LIMIT = 100;
const TYPING_MS = 60;

interface Item extends vscode.QuickPickItem {
  file: string;
}

export function registerOpenArticle(index: WorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.openArticle', () => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = 'Open Article';
    qp.placeholder =
      index.corpus.size === 0 ? 'No articles indexed yet' : `Search ${index.corpus.size} articles by title, outlet, author or date`;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      // alwaysShow: the core's fuzzy ranking decides; VS Code's own filter would hide fuzzy matches.
      qp.items = index.corpus.searchArticles(qp.value, LIMIT).map((a) => ({
        label: a.title ?? UNTITLED,
        description: [a.outlet ?? UNKNOWN_OUTLET, articleDescription(a)].filter(Boolean).join(' · '),
        detail: index.label(a.file),
        alwaysShow: true,
        file: a.file,
      }));
    };
    update();
    qp.onDidChangeValue(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, TYPING_MS);
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
      if (item) void vscode.window.showTextDocument(index.uriOf(item.file), { preview: false });
    });
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      qp.dispose();
    });
    qp.show();
  });
}
