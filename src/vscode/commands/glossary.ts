// parallax.editInGlossary [entityId] (hover link): open the entity's glossary entry, or add one to the glossary
// (sidecarLocation.ts: an existing *.parallax.json, or, with none yet, one created where the reader says, asked once)
// as a normal, undoable edit.
import * as vscode from 'vscode';
import { planGlossaryInsert } from '../glossaryEdit';
import { rangeIn, showRange } from '../navigation';
import type { Log } from '../log';
import { createSidecar, openIfExists, sidecarFor } from '../sidecarLocation';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerGlossaryCommand(index: WorkspaceIndex, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.editInGlossary', async (entityId?: unknown) => {
    if (typeof entityId !== 'string') return;
    const corpus = index.corpus;
    const existing = corpus.glossaryEntryFor(entityId);
    if (existing) {
      await showRange(index.uriOf(existing.file), await rangeIn(index, existing.file, existing.start, existing.end));
      return;
    }
    const entity = corpus.entities().byId(entityId);
    if (!entity || !vscode.workspace.workspaceFolders?.length) {
      log.warn(`Edit in glossary: ${!entity ? `no entity ${entityId} in the index` : 'no workspace folder to hold a glossary'}.`);
      return;
    }
    const article = vscode.window.activeTextEditor?.document.uri;
    const uri = await sidecarFor(index, 'glossary', article && index.isArticle(article) ? article : undefined);
    if (!uri) return;
    const current = await openIfExists(uri);
    const plan = planGlossaryInsert(current?.getText() ?? null, {
      name: entity.name,
      aliases: entity.aliases.filter((a) => a !== entity.name),
      kind: entity.kind,
      definition: definitionText(entity.definition),
    });
    if (!plan.ok) {
      log.warn(`Edit in glossary: ${index.label(uri)}: ${plan.reason}.`);
      if (current) await vscode.window.showTextDocument(current);
      return;
    }
    let doc: vscode.TextDocument;
    if (!current) {
      doc = await createSidecar(uri, plan.text);
      log.info(`Edit in glossary: created ${index.label(uri)}.`);
    } else {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, current.positionAt(plan.offset), plan.text);
      if (!(await vscode.workspace.applyEdit(edit))) {
        log.warn(`Edit in glossary: the edit to ${index.label(uri)} was not applied.`);
        return;
      }
      doc = current;
    }
    // Select the definition so the reader can type over it at once.
    await showRange(uri, new vscode.Range(doc.positionAt(plan.definitionStart), doc.positionAt(plan.definitionEnd)));
  });
}

function definitionText(d: unknown): string {
  if (typeof d === 'string') return d;
  if (d && typeof d === 'object' && typeof (d as { text?: unknown }).text === 'string') return (d as { text: string }).text;
  return '';
}
