// Which workspace files are articles: include/exclude globs over '/'-separated relative paths.
// picomatch/posix has no Node imports, so the same matcher runs in the browser build.
import picomatch from 'picomatch/posix';

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md'];
export const DEFAULT_EXCLUDE = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
  '**/.vscode/**',
  '**/.vscode-test/**',
  '**/dist/**',
  '**/out/**',
];

/** Directory names never descended into when walking a tree (the common heavy ones). */
export const PRUNED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

export interface FileFilter {
  (relativePath: string): boolean;
}

export function makeFileFilter(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): FileFilter {
  const opts = { dot: true, nocase: true };
  const inc = picomatch([...include], opts);
  const exc = exclude.length ? picomatch([...exclude], opts) : () => false;
  return (relativePath: string) => inc(relativePath) && !exc(relativePath);
}
