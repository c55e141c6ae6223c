// Parallax: Search Passages… — full-text search over passages (any inflection of the words; see core/search.ts),
// previewing each result as the selection moves; Enter opens the passage and selects it; Escape returns to where
// the reader was. Each row names its article first (outlet · date · title) and shows the passage on the line
// below, so a long passage never pushes the article out of view.
import * as vscode from 'vscode';
import { queryTerms } from '../../core/search';
import { coverageLabel, excerpt } from '../format';
import { rangeInRecord, showRange } from '../navigation';
import type { WorkspaceIndex } from '../workspaceIndex';

const LIMIT = 50;
const TYPING_MS = 80;

interface Item extends vscode.QuickPickItem {
  hit: { file: string; start: number; end: number };
}

export function registerSearchPassages(index: WorkspaceIndex): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.searchPassages', () => {
    const origin = vscode.window.activeTextEditor;
    const originSelection = origin?.selection;
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = 'Search Passages';
    qp.placeholder = 'Words from the passage (any inflection): move to preview, Enter to open';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let accepted = false;
    let previewed = false;

    let ready = index.corpus.searchReady;
    const update = () => {
      if (!ready) return; // the results come once the full-text index is built (below)
      const q = qp.value.trim();
      // Stems ("evacu", "bomb") start the inflected words they match, so the excerpt centres on the first one.
      const terms = queryTerms(q);
      qp.items = index.corpus.searchPassages(q, LIMIT).map((h) => {
        const meta = index.corpus.get(h.file)?.meta;
        return {
          label: coverageLabel({ outlet: meta?.outlet ?? null, date: meta?.date?.iso ?? null, title: meta?.title ?? null, author: null }),
          // The list shows ~90 characters of it: start just before where the query's words are.
          detail: excerpt(h.text, terms, 110, 24),
          alwaysShow: true,
          hit: h,
        };
      });
    };
    const rangeOf = (h: Item['hit']) => rangeInRecord(index, h.file, h.start, h.end) ?? new vscode.Range(0, 0, 0, 0);

    const refresh = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, TYPING_MS);
    };
    qp.onDidChangeValue(refresh);
    // Opened before the articles were all read (the command itself can activate Parallax): a query typed meanwhile
    // is run again as they arrive while it has found nothing, and once more when indexing ends.
    const subscriptions = [
      index.onDidChange(() => {
        if (qp.value.trim() && qp.items.length === 0) refresh();
      }),
      index.onDidChangeState((s) => {
        if (!s.indexing && !s.linking && qp.value.trim()) refresh();
      }),
    ];
    qp.onDidChangeActive(([item]) => {
      if (!item || accepted) return;
      previewed = true;
      void showRange(index.uriOf(item.hit.file), rangeOf(item.hit), { preview: true, preserveFocus: true });
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      accepted = true;
      qp.hide();
      void showRange(index.uriOf(item.hit.file), rangeOf(item.hit), { preview: false, highlight: true });
    });
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      subscriptions.forEach((d) => d.dispose());
      qp.dispose();
      // Escape after previewing: go back to the editor and selection the reader left.
      if (!accepted && previewed && origin && originSelection) {
        void showRange(origin.document.uri, originSelection, { viewColumn: origin.viewColumn });
      }
    });
    qp.show();
    if (!ready) {
      // Built on the first search of a session, in slices (seconds for thousands of articles): the reader can
      // already type; the results appear when it is done.
      const corpus = index.corpus;
      const placeholder = qp.placeholder;
      qp.busy = true;
      qp.placeholder = 'Building the full-text index (first search of this session)…';
      void corpus
        .prepareSearch({
          isCancelled: () => index.corpus !== corpus,
          onProgress: (done, total) => {
            qp.placeholder = `Building the full-text index (first search of this session): ${Math.round((100 * done) / Math.max(1, total))}%`;
          },
        })
        .then(
          () => {
            ready = true;
            qp.busy = false;
            qp.placeholder = placeholder;
            update();
          },
          () => {
            qp.busy = false;
            qp.placeholder = placeholder;
          },
        );
    }
  });
}
