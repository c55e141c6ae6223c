// Runs once before the test workers start (vitest.config.ts globalSetup): computes the inputs that several test files
// share and that cost seconds to compute, and keeps them on disk (fixture-cache.ts), so that the two workers read them
// instead of each computing them (FA-KES parsed with its names resolved: ~4 s of CPU per worker; FA-KES parsed with
// its names extracted, as the names tests read it, and the ECB+ train topics likewise). Every answer of an index of
// FA-KES, the event state tests' reference, is not computed here: only that test file reads it, and it answers it with
// the index it builds anyway (events-names.ts, fakesEventReference).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fakesEventInputs } from './events-names';
import { ecbTrainNamesInputs, fakesNamesInputs } from './names-inputs';

// Vitest calls the global setup once for the root and once for each project inheriting it (`extends: true`), all in its
// main process: after the first call the files are on disk, and each further call only read and parsed 33 MB of them
// again (~1.5 s before any worker could start). (In watch mode a rerun skips it too: a fixture whose sources changed
// is then computed by the first test that reads it, the same value.)
const DONE = Symbol.for('parallax.test.globalSetupDone');

const HERE = path.dirname(fileURLToPath(import.meta.url));

export default async function setup(): Promise<void> {
  const state = globalThis as { [DONE]?: boolean };
  if (state[DONE]) return;
  state[DONE] = true;
  // The names inputs in a child process while this one computes the event inputs: the two use both cores.
  const names = namesInputsInChild();
  fakesEventInputs();
  if (!(await names)) {
    // The child could not compute them (its error is on stderr): computed here, as before, so the run still has them.
    fakesNamesInputs();
    ecbTrainNamesInputs();
  }
}

/** Runs setup-names-inputs.ts, bundled, in a child process: true when it computed and kept both inputs. */
async function namesInputsInChild(): Promise<boolean> {
  const { build } = await import('esbuild');
  const entry = path.join(HERE, 'setup-names-inputs.ts');
  const out = path.join(HERE, '..', '..', 'node_modules', '.cache', 'parallax-test', `setup-names-inputs-${process.pid}.cjs`);
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      outfile: out,
      logLevel: 'warning',
      // Every module it bundles that reads import.meta.url (names-inputs.ts, fixture-cache.ts, test/quality/names-eval.ts)
      // resolves paths two folders down from the repository, as from this folder.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
    });
    return await new Promise<boolean>((resolve) => {
      const child = spawn(process.execPath, [out], { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
    });
  } catch (e) {
    process.stderr.write(`global setup: names inputs not computed in a child process: ${String(e)}\n`);
    return false;
  } finally {
    rmSync(out, { force: true });
  }
}
