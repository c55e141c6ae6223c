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
  return vscode.Disposable.from(registerEditInGlossary(index, log), registerHideName(index, log));
}

/**
 * parallax.hideName (Names view context menu): the reader says a listed name is no name (page furniture, a
 * misread word). The choice is kept in the glossary file as `"hidden": true`, a normal undoable edit, so it
 * survives reindexing and can be undone by deleting the entry.
 */
function registerHideName(index: WorkspaceIndex, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.hideName', async (node?: unknown) => {
    const entityId = entityIdOf(node);
    const entity = entityId ? index.corpus.entities().byId(entityId) : undefined;
    if (!entity || !vscode.workspace.workspaceFolders?.length) {
      log.warn(`Hide name: ${!entity ? 'no such name in the index' : 'no workspace folder to hold a glossary'}.`);
      return;
    }
    // The same glossary file Edit in glossary uses (sidecarLocation.ts): an existing one, or one the reader places.
    const uri = await sidecarFor(index, 'glossary');
    if (!uri) return;
    const current = await openIfExists(uri);
    const plan = planGlossaryInsert(current?.getText() ?? null, {
      name: entity.name,
      aliases: entity.aliases.filter((a) => a !== entity.name),
      kind: entity.kind,
      definition: '',
      hidden: true,
    });
    if (!plan.ok) {
      log.warn(`Hide name: ${index.label(uri)}: ${plan.reason}.`);
      return;
    }
    if (!current) {
      await createSidecar(uri, plan.text);
      log.info(`Hide name: created ${index.label(uri)}.`);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, current.positionAt(plan.offset), plan.text);
    if (!(await vscode.workspace.applyEdit(edit))) log.warn(`Hide name: the edit to ${index.label(uri)} was not applied.`);
    else await current.save();
  });
}

/** The entity id of a Names view node (`{ kind: 'entity', entity }`) or an id given directly. */
function entityIdOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const e = (node as { entity?: { id?: unknown } } | undefined)?.entity;
  return typeof e?.id === 'string' ? e.id : undefined;
}

function registerEditInGlossary(index: WorkspaceIndex, log: Log): vscode.Disposable {
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
