// Activation wires the VS Code features to one WorkspaceIndex and returns at once; indexing starts after
// activate() has returned, so activation stays fast however large the workspace is.
import * as vscode from 'vscode';
import { registerArticlesTree } from './articlesTree';
import { registerArticleWordWrap } from './articleWordWrap';
import { registerCodeLens } from './codeLens';
import { registerCorrectMetadata } from './commands/correctMetadata';
import { registerEditInGlossary } from './commands/editInGlossary';
import { registerHideName } from './commands/hideName';
import { registerOpenArticle } from './commands/openArticle';
import { registerOpenMention } from './commands/openMention';
import { registerOtherCoverage } from './commands/otherCoverage';
import { registerSearchPassages } from './commands/searchPassages';
import { readConfig } from './config';
import { registerCoverageTree } from './coverageTree';
import { registerDecorations } from './decorations';
import { registerDefinition } from './definition';
import { expandBraces } from './globs';
import { registerGlossaryDiagnostics } from './glossaryDiagnostics';
import { registerHover } from './hover';
import { IndexCache } from './indexCache';
import { createLog } from './log';
import { disposeNavigation } from './navigation';
import { registerNamesTree } from './namesTree';
import { registerReferences } from './references';
import { registerStatusBar } from './statusBar';
import { createWordTableLoader } from './wordTableLoader';
import { WorkspaceIndex } from './workspaceIndex';

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const log = createLog(context);
  const cache = context.storageUri ? new IndexCache(context.storageUri, String(context.extension.packageJSON.version), log) : undefined;
  const index = new WorkspaceIndex(log, cache);
  // Event linking blends in the word table's background rarity; it loads after activation returns.
  void createWordTableLoader(context.extensionUri)().then(
    (table) => index.setWordTable(table),
    (err) => log.error('Word table not loaded; event links use the workspace word rarity alone', err),
  );
  const selector = articleSelector();
  context.subscriptions.push(
    index,
    registerStatusBar(index),
    registerArticlesTree(index),
    registerNamesTree(index),
    registerCoverageTree(index),
    registerHover(index, selector),
    registerDefinition(index, selector),
    registerReferences(index, selector),
    registerCodeLens(index, selector),
    registerDecorations(index),
    registerArticleWordWrap(index),
    registerGlossaryDiagnostics(index),
    registerOpenArticle(index),
    registerSearchPassages(index),
    registerOtherCoverage(index),
    registerEditInGlossary(index, log),
    registerHideName(index, log),
    registerCorrectMetadata(index, log),
    registerOpenMention(index),
    vscode.commands.registerCommand('parallax.reindex', () => index.reindex()),
    vscode.commands.registerCommand('parallax.showOutput', () => log.show()),
    { dispose: disposeNavigation },
  );
  log.info(`Activated in ${Date.now() - started} ms${vscode.workspace.isTrusted ? '' : ' (restricted mode)'}.`);
  index.start();
}

export function deactivate(): void {}

/**
 * Providers are registered for plain text, Markdown and the include globs; each provider then asks the index
 * whether the document is an article (include/exclude settings, inside a workspace folder).
 */
function articleSelector(): vscode.DocumentSelector {
  const patterns = readConfig()
    .include.flatMap(expandBraces)
    .map((pattern) => ({ pattern }));
  return [{ language: 'plaintext' }, { language: 'markdown' }, ...patterns];
}
