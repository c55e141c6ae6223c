// Why a file is not read, one text per reason wherever it is noticed (listing, stat, reading, decoding), so the CLI's
// stderr, the extension's log and the tests all say the same thing.

/** A file over the size cap; `setting` is how the user raises it (the VS Code setting, or the CLI's option). */
export function sizeCapReason(size: number, cap: number, setting: string): string {
  return `larger than the size cap (${megabytes(size)} MB > ${megabytes(cap)} MB); raise ${setting} to read it`;
}

/** Node's ENOENT and VS Code's FileSystemError.FileNotFound, recognised without importing either. */
export function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound (FileSystemError)';
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

function megabytes(bytes: number): string {
  return (bytes / (1 << 20)).toFixed(1);
}
