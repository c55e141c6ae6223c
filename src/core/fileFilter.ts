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

/**
 * The pruned directories as globs: excluded whatever the exclude setting says, so the extension's file search skips
 * exactly the folders the CLI's walk never enters.
 */
export const PRUNED_GLOBS: readonly string[] = [...PRUNED_DIRECTORIES].map((d) => `**/${d}/**`);

export interface FileFilter {
  (relativePath: string): boolean;
}

const GLOB_OPTIONS = { dot: true, nocase: true };

export function makeFileFilter(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = DEFAULT_EXCLUDE): FileFilter {
  const inc = picomatch([...include], GLOB_OPTIONS);
  const exc = makeExcludeFilter(exclude);
  return (relativePath: string) => inc(relativePath) && !exc(relativePath);
}

/** Whether a path is excluded (glossaries are read wherever they are, unless excluded). */
export function makeExcludeFilter(exclude: readonly string[] = DEFAULT_EXCLUDE): FileFilter {
  return picomatch([...exclude, ...PRUNED_GLOBS], GLOB_OPTIONS);
}
