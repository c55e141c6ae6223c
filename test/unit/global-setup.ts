// Runs once before the test workers start (vitest.config.ts globalSetup): computes the inputs that several test files
// share and that cost seconds to compute, and keeps them on disk (fixture-cache.ts), so that the two workers read them
// instead of each computing them (FA-KES parsed with its names resolved: ~4 s of CPU per worker; FA-KES parsed with
// its names extracted, as the names tests read it, and the ECB+ train topics likewise). Every answer of an index of
// FA-KES, the event state tests' reference, is not computed here: only that test file reads it, and it answers it with
// the index it builds anyway (events-names.ts, fakesEventReference).
import { fakesEventInputs } from './events-names';
import { ecbTrainNamesInputs, fakesNamesInputs } from './names-inputs';

// Vitest calls the global setup once for the root and once for each project inheriting it (`extends: true`), all in its
// main process: after the first call the files are on disk, and each further call only read and parsed 33 MB of them
// again (~1.5 s before any worker could start). (In watch mode a rerun skips it too: a fixture whose sources changed
// is then computed by the first test that reads it, the same value.)
const DONE = Symbol.for('parallax.test.globalSetupDone');

export default function setup(): void {
  const state = globalThis as { [DONE]?: boolean };
  if (state[DONE]) return;
  state[DONE] = true;
  fakesEventInputs();
  fakesNamesInputs();
  ecbTrainNamesInputs();
}
