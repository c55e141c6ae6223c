#!/usr/bin/env node
// npm run fit:events: fits the event-linking weights (src/core/events/weights.json). The work is in
// fit-events-main.ts, bundled here with esbuild so that it runs the same core the extension ships.
// `node scripts/fit-events.mjs misses` runs fit-events-misses.ts instead: ECB+ train's misses at 3, by cause.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'parallax-fit-'));
try {
  const file = join(out, 'fit.mjs');
  await build({
    entryPoints: [join(here, process.argv[2] === 'misses' ? 'fit-events-misses.ts' : 'fit-events-main.ts')],
    bundle: true,
    platform: 'node',
    // jsonc-parser's main entry is a UMD build esbuild cannot follow; its ES module entry bundles.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    // import.meta.url of the bundled test helpers must still point at the repository's fixtures.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(here, '..', 'test', 'unit', 'x.ts')).href) },
    // The word table is found from __dirname (src/node/wordTableFile.ts): here, next to the repository's media/.
    banner: {
      js: `import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); const __dirname = ${JSON.stringify(here)};`,
    },
  });
  await import(pathToFileURL(file).href);
} finally {
  rmSync(out, { recursive: true, force: true });
}
