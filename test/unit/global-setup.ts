// Runs once before the test workers start (vitest.config.ts globalSetup): computes the inputs that several test files
// share and that cost seconds to compute, and keeps them on disk (fixture-cache.ts), so that the two workers read them
// instead of each computing them (FA-KES parsed with its names resolved: ~4 s of CPU per worker; FA-KES parsed with
// its names extracted, as the names tests read it, and the ECB+ train topics likewise; every answer of an index of FA-KES,
// the event state tests' reference).
import { fakesBuiltAnswers, fakesEventInputs } from './events-names';
import { ecbTrainNamesInputs, fakesNamesInputs } from './names-inputs';

export default function setup(): void {
  fakesEventInputs();
  fakesBuiltAnswers();
  fakesNamesInputs();
  ecbTrainNamesInputs();
}
