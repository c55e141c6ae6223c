// Activation cost: time to require the built extension bundle and run activate() against a stub `vscode` module
// (every API is a no-op that returns another stub), i.e. the extension's own work before indexing starts.
// Usage: node activation.cjs dist/extension.js → JSON on the last line of stdout.
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

function stub(name) {
  const fn = function () {};
  const cache = new Map();
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // awaiting a stub resolves at once
      if (prop === Symbol.toPrimitive) return () => (typeof name === 'string' ? name : '');
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'length') return 0;
      if (prop === 'toString') return () => String(name);
      if (!cache.has(prop)) cache.set(prop, stub(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
    set: (_t, prop, value) => (cache.set(prop, value), true),
  });
}

// Bundles copy a module's own property names (esbuild's __toESM), so the API's names must be own properties.
const API = `window workspace commands languages env extensions debug tasks tests scm comments authentication l10n
  Uri EventEmitter Disposable Position Range Selection Location Hover MarkdownString CodeLens Diagnostic
  DiagnosticSeverity TreeItem TreeItemCollapsibleState ThemeIcon ThemeColor StatusBarAlignment ProgressLocation
  ViewColumn FileType WorkspaceEdit DecorationRangeBehavior OverviewRulerLane TextEditorRevealType RelativePattern
  CancellationTokenSource ConfigurationTarget QuickPickItemKind TextEdit SnippetString`.split(/\s+/);
const api = {};
for (const name of API) api[name] = stub(`vscode.${name}`);
// A window with no editor open, as at startup: a stub editor would hand the extension a stub URI where a string path
// is expected (article word wrap looks at the active editor on activation).
api.window.activeTextEditor = undefined;
api.window.visibleTextEditors = [];
api.workspace.textDocuments = [];
const vscode = new Proxy(api, { get: (t, p) => (p in t ? t[p] : (t[p] = stub(`vscode.${String(p)}`))) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const bundle = require('node:path').resolve(process.argv[2]);
const subscriptions = [];
const context = new Proxy(
  {
    subscriptions,
    extensionUri: stub('extensionUri'),
    storageUri: stub('storageUri'),
    globalStorageUri: stub('globalStorageUri'),
    extension: { packageJSON: { version: '0.1.0' } },
  },
  { get: (t, p) => (p in t ? t[p] : stub(`context.${String(p)}`)) },
);

const t0 = performance.now();
const ext = require(bundle);
const t1 = performance.now();
let error = null;
try {
  ext.activate(context);
} catch (e) {
  error = String(e && e.message ? e.message : e);
}
const t2 = performance.now();
const r = (n) => Math.round(n * 10) / 10;
process.stdout.write('\n' + JSON.stringify({ requireMs: r(t1 - t0), activateMs: r(t2 - t1), totalMs: r(t2 - t0), error }) + '\n');
setTimeout(() => process.exit(0), 10);
