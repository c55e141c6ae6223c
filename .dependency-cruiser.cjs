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
      from: {},
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
