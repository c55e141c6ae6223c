// Test inputs that cost seconds to compute from a fixture (FA-KES parsed and its names resolved) are computed once per
// run, not once per test worker, and kept on disk between runs: the global setup (global-setup.ts) computes them before
// the workers start and each worker reads the file. The file is keyed by the bytes of everything the value is computed
// from (the fixture, the core's sources, the helper that computes it, the installed dependencies): any change there
// gives another key, so a kept value is always the value a fresh computation would give.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = path.join(REPO, 'node_modules', '.cache', 'parallax-test');

/** Every file under `rel` (a file or a folder, relative to the repository), sorted, as `name\0bytes` into the hash. */
function hashSources(hash: ReturnType<typeof createHash>, rel: string): void {
  const abs = path.join(REPO, rel);
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) hashSources(hash, path.posix.join(rel, name));
    return;
  }
  hash.update(rel).update('\0').update(readFileSync(abs)).update('\0');
}

/** Where `name`'s value computed from `sources` is kept: the file name carries the hash of the sources. */
export function fixtureCachePath(name: string, sources: readonly string[]): string {
  const hash = createHash('sha256').update(process.version).update('\0');
  for (const rel of [...sources, 'package-lock.json']) hashSources(hash, rel);
  return path.join(CACHE_DIR, `${name}-${hash.digest('hex').slice(0, 16)}.json`);
}

/**
 * `compute()` as JSON: read from the kept file when there is one for these sources, else computed and kept (written to
 * a temporary file and renamed, so a reader never sees half a file). The value is JSON-shaped either way (read back
 * from its JSON), so a test sees the same whether or not this run computed it.
 */
export function cachedFixture<T>(name: string, sources: readonly string[], compute: () => T): T {
  const file = fixtureCachePath(name, sources);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // Not kept yet (or unreadable): computed below.
  }
  const json = JSON.stringify(compute());
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, file);
  return JSON.parse(json) as T;
}
