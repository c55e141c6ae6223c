// The end-to-end run (started by run.sh after setup): VSIX → fresh profile → UI scenarios → extension-host
// API suite. Prints one line per scenario with its run time and closes with "N passed, M failed".
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, buildVsix, diffHashes, freshProfile, hashTree, log, makeWorkspace } from './harness.mjs';
import { runUiSuite } from './ui.mjs';
import { runHostSuite } from './host.mjs';
import { addHostFixtures } from './fixtures.mjs';

const only = process.env.PARALLAX_E2E_ONLY ?? '';
const t0 = Date.now();
fs.rmSync(ARTIFACTS, { recursive: true, force: true });
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** @type {{suite: string, name: string, ms: number, ok: boolean, error?: string}[]} */
const results = [];
const record = (r) => {
  results.push(r);
  console.log(
    `${r.ok ? 'PASS' : 'FAIL'}  [${r.suite}] ${r.name}  (${(r.ms / 1000).toFixed(1)} s)${r.ok ? '' : `\n      ${String(r.error).split('\n').join('\n      ')}`}`,
  );
};

let vsix;
{
  const s = Date.now();
  try {
    vsix = buildVsix();
    record({
      suite: 'setup',
      name: `build VSIX (${path.basename(vsix)}, ${Math.round(fs.statSync(vsix).size / 1024)} KB)`,
      ms: Date.now() - s,
      ok: true,
    });
  } catch (e) {
    record({ suite: 'setup', name: 'build VSIX with npm run package', ms: Date.now() - s, ok: false, error: e.message });
  }
}

if (vsix && only !== 'host') {
  const s = Date.now();
  try {
    const profile = freshProfile('ui', vsix);
    const ws = makeWorkspace('ui');
    const before = hashTree(ws);
    await runUiSuite({ profile, ws, record });
    // Scenario 5 adds and deletes its own file; every other byte of the workspace must be as it was.
    const changed = diffHashes(before, hashTree(ws));
    record({ suite: 'ui', name: 'no article file changed on disk', ms: 0, ok: changed.length === 0, error: changed.join(', ') });
  } catch (e) {
    record({ suite: 'ui', name: 'UI suite infrastructure', ms: Date.now() - s, ok: false, error: e.stack ?? e.message });
  }
}

if (vsix && only !== 'ui') {
  const s = Date.now();
  try {
    const profile = freshProfile('host', vsix);
    const ws = makeWorkspace('host');
    addHostFixtures(ws);
    const before = hashTree(ws);
    await runHostSuite({ profile, ws, record });
    const changed = diffHashes(before, hashTree(ws));
    record({
      suite: 'host',
      name: 'no workspace file changed on disk (seen from outside)',
      ms: 0,
      ok: changed.length === 0,
      error: changed.join(', '),
    });
  } catch (e) {
    record({ suite: 'host', name: 'extension-host suite infrastructure', ms: Date.now() - s, ok: false, error: e.stack ?? e.message });
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify(results, null, 2));
log(`artifacts: ${ARTIFACTS}`);
log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
