// npm run test:electron — the extension-host API suite (test/host/) in desktop VS Code via
// @vscode/test-electron, on a machine that can download VS Code (it cannot here: use npm run test:e2e,
// which runs the same suite in code-server). Builds the extension, makes a scratch workspace from corpus/
// plus the CRLF and front-matter variants, and runs the suite with the repository as the extension under
// development. Env: VSCODE_VERSION (default "stable"), e.g. "1.90.0" for the oldest supported engine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addHostFixtures } from './fixtures.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { runTests } = await import('@vscode/test-electron');

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-electron-'));
const ws = path.join(scratch, 'workspace');
fs.cpSync(path.join(REPO, 'corpus'), ws, { recursive: true });
addHostFixtures(ws);
const results = path.join(scratch, 'host-results.json');

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test', 'host', 'index.js'),
    extensionTestsEnv: { PARALLAX_HOST_RESULTS: results },
    launchArgs: [
      ws,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(scratch, 'user-data'),
    ],
  });
} catch (e) {
  console.error('test-electron failed:', e?.message ?? e);
}
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  for (const t of r.tests)
    console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.name}  (${(t.ms / 1000).toFixed(1)} s)${t.ok ? '' : `\n      ${t.error}`}`);
  const passed = r.tests.filter((t) => t.ok).length;
  console.log(`${passed} passed, ${r.tests.length - passed} failed`);
  if (!r.finished || passed < r.tests.length) code ||= 1;
}
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(code);
