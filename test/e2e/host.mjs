// Runs test/host/index.js inside code-server's real extension host: the server is started with the smoke-test
// driver, the page is opened with a `payload` that names the extension under development (the VSIX as
// installed in the profile) and the tests module; the exit code comes back through codeAutomationExit and the
// per-test results through a JSON file (the extension host's console does not reach the page).
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, REPO, installedExtensionDir, launchBrowser, log, startServer } from './harness.mjs';
import { copyExtHostLogs } from './ui.mjs';

const TIMEOUT_MS = 180000;

export async function runHostSuite({ profile, ws, record }) {
  const resultsFile = path.join(profile.dir, 'host-results.json');
  fs.rmSync(resultsFile, { force: true });
  const server = await startServer(profile, ws, {
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { PARALLAX_HOST_RESULTS: resultsFile },
  });
  const browser = await launchBrowser();
  const { page } = browser;
  const t0 = Date.now();
  let exitCode;
  try {
    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', async (code) => {
        exitCode = code;
        resolve();
      });
    });
    const extDev = installedExtensionDir(profile);
    const tests = path.join(REPO, 'test', 'host', 'index.js');
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${extDev}`],
      ['extensionTestsPath', `vscode-remote://${server.host}${tests}`],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    await Promise.race([
      exited,
      new Promise((r) => {
        timer = setTimeout(r, TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    log(`extension-host suite exited with ${exitCode} after ${Date.now() - t0} ms`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'host-final.png') }).catch(() => {});
  } finally {
    await browser.close();
    await server.stop();
    fs.copyFileSync(profile.log, path.join(ARTIFACTS, 'host-server.log'));
    copyExtHostLogs(profile, 'host');
  }
  if (!fs.existsSync(resultsFile)) {
    record({
      suite: 'host',
      name: 'extension-host suite ran',
      ms: Date.now() - t0,
      ok: false,
      error: exitCode === undefined ? `no exit within ${TIMEOUT_MS / 1000} s and no results file` : `exit ${exitCode}, no results file`,
    });
    return;
  }
  fs.copyFileSync(resultsFile, path.join(ARTIFACTS, 'host-results.json'));
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const r of results.tests) record({ suite: 'host', name: r.name, ms: r.ms, ok: r.ok, error: r.error });
  if (!results.finished)
    record({
      suite: 'host',
      name: 'extension-host suite finished',
      ms: Date.now() - t0,
      ok: false,
      error: 'the suite stopped before its end',
    });
  if (exitCode !== 0 && results.tests.every((r) => r.ok)) {
    record({ suite: 'host', name: 'extension-host exit code', ms: 0, ok: false, error: `exit code ${exitCode}` });
  }
}
