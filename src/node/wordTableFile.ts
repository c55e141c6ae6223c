// Loads the shipped word table from disk for the CLI, tests and benchmarks (the extension reads it through
// vscode.workspace.fs: src/vscode/wordTableLoader.ts). Never part of the extension bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WORD_TABLE_FILE_NAME, WordTable } from '../core/words/wordTable';

/**
 * Where media/words.bin is: next to the bundle's folder (dist/cli.js → ../media) or, when running from the sources
 * (tests: src/node/ → ../../media), in the repository.
 */
export function wordTablePath(): string {
  const candidates = [
    path.join(__dirname, '..', 'media', WORD_TABLE_FILE_NAME),
    path.join(__dirname, '..', '..', 'media', WORD_TABLE_FILE_NAME),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`Parallax word table not found (looked for ${candidates.join(', ')})`);
  return found;
}

const loaded = new Map<string, WordTable>();

/** The word table at `file` (default: the shipped one), read once per process. */
export function loadWordTable(file: string = wordTablePath()): WordTable {
  const key = path.resolve(file);
  let table = loaded.get(key);
  if (!table) {
    table = WordTable.fromBytes(fs.readFileSync(key));
    loaded.set(key, table);
  }
  return table;
}
