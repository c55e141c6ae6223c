// House rules, checked by `npm run lint` (CI runs it before the tests). Style is Prettier's business
// (.prettierrc.json), import cycles dependency-cruiser's (.dependency-cruiser.cjs); this file holds the layer rules
// (what may import what) and the code-quality rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Node's built-in modules under every spelling an import can use ('fs', 'fs/promises', 'node:fs'). */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    '__dirname',
    '__filename',
    'require',
    'exports',
    'module',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'performance',
    'URL',
    'TextDecoder',
    'TextEncoder',
    'fetch',
    'global',
    'globalThis',
    'structuredClone',
    'AbortController',
  ].map((g) => [g, g === 'module' || g === 'exports' ? 'writable' : 'readonly']),
);

const restrict = (message, paths, patterns = []) => [
  'error',
  { paths: paths.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/quality/.*.mjs',
      'test/e2e/.cache/**',
      'test/bench/out/**',
      'test/fixtures/**',
      'coverage/**',
      '**/*.vsix',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names are also compile errors (noUnusedLocals/noUnusedParameters); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters in patterns are the point where they occur: binary detection, JSON escaping, test inputs.
      'no-control-regex': 'off',
    },
  },
  {
    // The pure core runs in the extension host, the CLI and a browser tab alike; files come in through `Workspace`.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'src/core is pure: no vscode, no Node built-ins, nothing from src/vscode, src/node or the CLI (ARCHITECTURE.md).',
        ['vscode', ...NODE_BUILTINS],
        ['**/vscode/**', '**/node/**', '**/cli', '**/cli.ts', '**/cliProcess', '**/cliProcess.ts'],
      ),
    },
  },
  {
    // The extension is also bundled for the browser: the Node workspace and Node built-ins stay out of it.
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'src/vscode runs in the browser too: no Node built-ins, nothing from src/node or the CLI (ARCHITECTURE.md).',
        NODE_BUILTINS,
        ['**/node/**', '**/cli', '**/cli.ts', '**/cliProcess', '**/cliProcess.ts'],
      ),
    },
  },
  {
    // src/node is the Node side of the Workspace seam: it may use the core, never the editor.
    files: ['src/node/**/*.ts', 'src/cli.ts', 'src/cliProcess.ts'],
    rules: { 'no-restricted-imports': restrict('The CLI and src/node run without VS Code.', ['vscode'], ['**/vscode/**']) },
  },
  {
    // Scripts (scripts/, the root configs) and tests run in Node (test/host and *.cjs as CommonJS).
    files: ['test/**/*.{ts,mjs,js,cjs}', 'scripts/**/*.{ts,mjs,js,cjs}', '*.{mjs,cjs}', '.*.cjs'],
    languageOptions: { globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Functions handed to Playwright's page.evaluate run in the browser page.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', NodeFilter: 'readonly' } },
  },
);
