// Bundles benchmark entries (TypeScript that imports the core and the test helpers) into test/bench/out/NAME.cjs with
// esbuild, each module's `import.meta.url` kept as the URL of its own source file: the test helpers find fixtures
// relative to themselves (`new URL('../fixtures/…', import.meta.url)`), which in one CommonJS bundle would otherwise
// all point at the bundle.
//
//   node test/bench/bundle.mjs ENTRY.ts …   (from the repository root)
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Replaces `import.meta.url` in every TypeScript module by its own file's URL. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const entries = process.argv.slice(2);
if (!entries.length) throw new Error('usage: node test/bench/bundle.mjs ENTRY.ts …');
await build({
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  // jsonc-parser's main entry is a UMD build esbuild cannot follow; its ES module entry bundles.
  mainFields: ['module', 'main'],
  outdir: path.join(here, 'out'),
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
});
