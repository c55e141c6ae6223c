// parallax.hideName (Names view context menu): the reader says a listed name is no name (page furniture, a
// misread word). The choice is kept in the glossary file as `"hidden": true`, a normal undoable edit, so it
// survives reindexing and can be undone by deleting the entry.
import * as vscode from 'vscode';
import { insertGlossaryEntry } from '../glossaryInsert';
import type { Log } from '../log';
import { sidecarFor } from '../sidecarLocation';
import type { WorkspaceIndex } from '../workspaceIndex';

export function registerHideName(index: WorkspaceIndex, log: Log): vscode.Disposable {
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
    const added = await insertGlossaryEntry(index, log, 'Hide name', uri, {
      name: entity.name,
      aliases: entity.aliases.filter((a) => a !== entity.name),
      kind: entity.kind,
      definition: '',
      hidden: true,
    });
    // A new file is already written; an edit to an open glossary is saved so the hiding takes effect at once.
    if (added && !added.created) await added.doc.save();
  });
}

/** The entity id of a Names view node (`{ kind: 'entity', entity }`) or an id given directly. */
function entityIdOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const e = (node as { entity?: { id?: unknown } } | undefined)?.entity;
  return typeof e?.id === 'string' ? e.id : undefined;
}
