// extensionTestsPath entry for both runners (code-server via test/e2e/host.mjs, @vscode/test-electron via
// test/e2e/electron.mjs): VS Code calls run() inside the extension host; a rejection means failure.
exports.run = function run() {
  return require('./suite').run();
};
