// The import-cycle check of `npm run lint`. It also sees `import type` (ESLint's import-x/no-cycle does not): a cycle
// through types still ties modules into one that cannot be understood, moved or tested alone. The layer rules (what
// src/core may import) live in eslint.config.mjs.
/** @type {import('dependency-cruiser').IDependencyCruiserConfig} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module may depend on itself through others (ARCHITECTURE.md, "Invariants").',
      // KNOWN EXCEPTION, to delete after merging branch `names` (which removes it): glossary.ts → names/resolve.ts →
      // names/incremental.ts → names/votes.ts → names/resolve.ts, all through `import type`. Only these four files.
      from: { pathNot: '^src/core/(glossary|names/(resolve|incremental|votes))[.]ts$' },
      to: {
        circular: true,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|test/fixtures)' },
  },
};
