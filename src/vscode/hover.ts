// Hover on a recognised name: the core writes the markdown (article text already escaped there); here it
// becomes a MarkdownString whose command links may run only Parallax's own hover commands.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

export const HOVER_COMMANDS = ['parallax.openMention', 'parallax.editInGlossary'];

export function registerHover(index: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const key = index.ensureFresh(doc);
      // Until the workspace is read, answers about names would be partial (and slow to compute).
      if (!key || !index.ready) return undefined;
      const hit = index.corpus.hover(key, doc.offsetAt(position));
      if (!hit) return undefined;
      const md = new vscode.MarkdownString(hit.markdown);
      md.isTrusted = { enabledCommands: HOVER_COMMANDS };
      md.supportHtml = false;
      md.supportThemeIcons = false;
      return new vscode.Hover(md, new vscode.Range(doc.positionAt(hit.start), doc.positionAt(hit.end)));
    },
  });
}
