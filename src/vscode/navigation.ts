// Turning corpus offsets into editor ranges and showing them. Shared by every feature that jumps somewhere.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

/** The range of [start, end) in an indexed file, from its line map (no document needs to be opened). */
export function rangeInRecord(index: WorkspaceIndex, file: string, start: number, end: number): vscode.Range | undefined {
  const record = index.corpus.get(file);
  if (!record) return undefined;
  const a = record.lines.position(start);
  const b = record.lines.position(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

/** Like rangeInRecord, but also works for files that are not articles (glossaries) by opening them. */
export async function rangeIn(index: WorkspaceIndex, file: string, start: number, end: number): Promise<vscode.Range> {
  const known = rangeInRecord(index, file, start, end);
  if (known) return known;
  const doc = await vscode.workspace.openTextDocument(index.uriOf(file));
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

export interface ShowOptions {
  viewColumn?: vscode.ViewColumn;
  preview?: boolean;
  preserveFocus?: boolean;
  /** Briefly highlight the range as well as selecting it. */
  highlight?: boolean;
}

/** Open a file with `range` selected and revealed in the middle of the editor. */
export async function showRange(uri: vscode.Uri, range: vscode.Range, options: ShowOptions = {}): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: options.viewColumn,
    preview: options.preview ?? false,
    preserveFocus: options.preserveFocus ?? false,
    selection: range,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (options.highlight) flash(editor, range);
  return editor;
}

let highlightType: vscode.TextEditorDecorationType | undefined;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Mark a range with the find-match background for a few seconds, so a jump target is easy to spot. */
function flash(editor: vscode.TextEditor, range: vscode.Range): void {
  highlightType ??= vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  const type = highlightType;
  for (const e of vscode.window.visibleTextEditors) e.setDecorations(type, []);
  editor.setDecorations(type, [range]);
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    for (const e of vscode.window.visibleTextEditors) e.setDecorations(type, []);
  }, 4000);
}

export function disposeNavigation(): void {
  highlightType?.dispose();
  highlightType = undefined;
  if (clearTimer) clearTimeout(clearTimer);
}
