// The shipped word table (media/words.bin) for the extension: read through vscode.workspace.fs, so it works in the
// browser build and remote hosts too, and only when first asked for, so activation does not pay for it.
import * as vscode from 'vscode';
import { WORD_TABLE_FILE_NAME, WordTable } from '../core/words/wordTable';

/**
 * A function that gives the word table, reading and decoding it on the first call and sharing that one promise
 * afterwards. A missing or damaged file rejects with the reason (a WordTableFormatError says what is wrong).
 */
export function createWordTableLoader(extensionUri: vscode.Uri): () => Promise<WordTable> {
  let pending: Promise<WordTable> | undefined;
  return () => {
    pending ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', WORD_TABLE_FILE_NAME))).then(
      (bytes) => WordTable.fromBytes(bytes),
    );
    return pending;
  };
}
