// Parallax: Correct Article Metadata… — the reader fixes an article's title, outlet, author or date. Four quick
// inputs, each prefilled with what Parallax shows now; the answer is stored in the "articles" section of a
// *.parallax.json beside the articles (core/corrections.ts), never in the article. Only values that differ from what
// Parallax inferred are stored, so an unchanged field keeps following the text. The file is edited as text (one
// property, comments and formatting kept) and saved; the index picks it up like any glossary change.
import * as vscode from 'vscode';
import {
  CORRECTABLE_FIELDS,
  planCorrectionEdits,
  relativeToSidecar,
  type CorrectableField,
  type MetaCorrection,
} from '../../core/corrections';
import type { ArticleMeta } from '../../core/types';
import type { Log } from '../log';
import { createSidecar, openIfExists, sidecarFor } from '../sidecarLocation';
import type { WorkspaceIndex } from '../workspaceIndex';

const PROMPTS: Record<CorrectableField, { label: string; placeholder: string }> = {
  title: { label: 'Title', placeholder: 'The headline' },
  outlet: { label: 'Outlet', placeholder: 'Who published it (articles of one outlet are grouped under this name)' },
  author: { label: 'Author', placeholder: 'Byline: author(s) or agency; empty when unknown' },
  date: { label: 'Date', placeholder: 'YYYY-MM-DD, or YYYY-MM when only the month is known; empty when unknown' },
};

export function registerCorrectMetadata(index: WorkspaceIndex, log: Log): vscode.Disposable {
  return vscode.commands.registerCommand('parallax.correctMetadata', async (target?: unknown) => {
    const uri = articleUri(index, target);
    const key = uri && index.keyOf(uri);
    const record = key ? index.corpus.get(key) : undefined;
    if (!uri || !key || !record) {
      void vscode.window.showInformationMessage('Parallax: open an article (or pick one in the Articles view) to correct its metadata.');
      return;
    }
    const values: MetaCorrection = {};
    for (const [i, field] of CORRECTABLE_FIELDS.entries()) {
      const value = await vscode.window.showInputBox({
        title: `Correct Article Metadata (${i + 1}/${CORRECTABLE_FIELDS.length}): ${PROMPTS[field].label}`,
        prompt: `${PROMPTS[field].label} of ${index.label(uri)}${record.parsed.meta[field] ? '' : ' (Parallax found none)'}`,
        placeHolder: PROMPTS[field].placeholder,
        value: shown(record.meta, field),
        ignoreFocusOut: true,
        validateInput: (v) =>
          field === 'date' && v.trim() && !/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(v.trim())
            ? 'A date is YYYY-MM-DD or YYYY-MM'
            : undefined,
      });
      if (value === undefined) return; // Escape: nothing is stored
      values[field] = value.trim();
    }
    const correction = storedCorrection(record.parsed.meta, values);
    const sidecar = await sidecarFor(index, 'metadata corrections', uri);
    if (!sidecar) return;
    const relative = relativeToSidecar(index.keyOf(sidecar), key);
    if (relative === null) {
      void vscode.window.showWarningMessage(
        `Parallax: ${index.label(sidecar)} is not in a folder above ${index.label(uri)}; choose a file beside the articles.`,
      );
      return;
    }
    const current = await openIfExists(sidecar);
    try {
      if (!current) {
        const edits = planCorrectionEdits(null, relative, correction);
        if (edits.length === 0) return;
        await createSidecar(sidecar, edits[0].content);
      } else {
        const edits = planCorrectionEdits(current.getText(), relative, correction);
        if (edits.length === 0) return;
        const edit = new vscode.WorkspaceEdit();
        for (const e of edits)
          edit.replace(sidecar, new vscode.Range(current.positionAt(e.offset), current.positionAt(e.offset + e.length)), e.content);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
        await current.save();
      }
    } catch (err) {
      log.warn(`Correct Article Metadata: ${index.label(sidecar)}: ${err instanceof Error ? err.message : String(err)}.`);
      void vscode.window.showWarningMessage(
        `Parallax: could not store the correction in ${index.label(sidecar)} (${err instanceof Error ? err.message : String(err)}). Fix the file first (see the Problems panel).`,
      );
      return;
    }
    log.info(`Corrected the metadata of ${index.label(uri)} in ${index.label(sidecar)}.`);
    vscode.window.setStatusBarMessage(`Parallax: metadata of ${index.label(uri)} stored in ${index.label(sidecar)}`, 5000);
  });
}

/** The article the command is about: a tree item, a URI (explorer or editor title), else the active editor. */
function articleUri(index: WorkspaceIndex, target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (target && typeof target === 'object') {
    const t = target as { resourceUri?: unknown; article?: { file?: unknown }; file?: unknown };
    if (t.resourceUri instanceof vscode.Uri) return t.resourceUri;
    const file = typeof t.article?.file === 'string' ? t.article.file : typeof t.file === 'string' ? t.file : undefined;
    if (file) return index.uriOf(file);
  }
  const doc = vscode.window.activeTextEditor?.document;
  return doc && index.isArticle(doc.uri) ? doc.uri : undefined;
}

function shown(meta: ArticleMeta, field: CorrectableField): string {
  return field === 'date' ? (meta.date?.iso ?? '') : (meta[field] ?? '');
}

/** The fields to store: those the reader set to something other than what Parallax inferred from the text. */
function storedCorrection(inferred: ArticleMeta, values: MetaCorrection): MetaCorrection {
  const out: MetaCorrection = {};
  for (const f of CORRECTABLE_FIELDS) {
    const v = values[f] ?? '';
    if (v !== '' && v !== shown(inferred, f)) out[f] = v;
  }
  return out;
}
