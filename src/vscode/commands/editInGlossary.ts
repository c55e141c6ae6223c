// parallax.editInGlossary [entityId] (hover link): open the entity's glossary entry, or add one to the glossary
// (sidecarLocation.ts: an existing *.parallax.json, or, with none yet, one created where the reader says, asked once)
// as a normal, undoable edit.
import * as vscode from 'vscode';
import { insertGlossaryEntry } from '../glossaryInsert';
import { rangeIn, showRange } from '../navigation';
import type { Log } from '../log';
import { sidecarFor } from '../sidecarLocation';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerEditInGlossary(index: WorkspaceIndex, log: Log): vscode.Disposable {
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
    const added = await insertGlossaryEntry(index, log, 'Edit in glossary', uri, {
      name: entity.name,
      aliases: entity.aliases.filter((a) => a !== entity.name),
      kind: entity.kind,
      definition: definitionText(entity.definition),
    });
    if (!added) return;
    // Select the definition so the reader can type over it at once.
    const { doc } = added;
    await showRange(uri, new vscode.Range(doc.positionAt(added.definitionStart), doc.positionAt(added.definitionEnd)));
  });
}

function definitionText(d: unknown): string {
  if (typeof d === 'string') return d;
  if (d && typeof d === 'object' && typeof (d as { text?: unknown }).text === 'string') return (d as { text: string }).text;
  return '';
}
