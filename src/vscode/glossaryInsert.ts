// Adding one entry to a glossary file from a command (Edit in glossary, Hide name): plan the insertion
// (glossaryEdit.ts), then create the file or apply the insertion as a normal, undoable edit, and save nothing the
// reader did not ask for. One place, so both commands report the same outcomes in the same words.
import * as vscode from 'vscode';
import { planGlossaryInsert, type NewGlossaryEntry } from './glossaryEdit';
import type { Log } from './log';
import { createSidecar, openIfExists } from './sidecarLocation';
import type { WorkspaceIndex } from './workspaceIndex';

export interface InsertedEntry {
  doc: vscode.TextDocument;
  /** Whether the glossary file was created for this entry (it did not exist). */
  created: boolean;
  definitionStart: number;
  definitionEnd: number;
}

/** Adds `entry` to the glossary at `uri`; `command` names the command in the log. Undefined when nothing was added. */
export async function insertGlossaryEntry(
  index: WorkspaceIndex,
  log: Log,
  command: string,
  uri: vscode.Uri,
  entry: NewGlossaryEntry,
): Promise<InsertedEntry | undefined> {
  const current = await openIfExists(uri);
  const plan = planGlossaryInsert(current?.getText() ?? null, entry);
  if (!plan.ok) {
    log.warn(`${command}: ${index.label(uri)}: ${plan.reason}.`);
    if (current) await vscode.window.showTextDocument(current);
    return undefined;
  }
  const span = { definitionStart: plan.definitionStart, definitionEnd: plan.definitionEnd };
  if (!current) {
    const doc = await createSidecar(uri, plan.text);
    log.info(`${command}: created ${index.label(uri)}.`);
    return { doc, created: true, ...span };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, current.positionAt(plan.offset), plan.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    log.warn(`${command}: the edit to ${index.label(uri)} was not applied.`);
    return undefined;
  }
  return { doc: current, created: false, ...span };
}
