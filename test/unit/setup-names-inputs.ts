// The names tests' shared inputs (FA-KES and the ECB+ train topics, each article parsed with its names extracted),
// computed and kept on disk (names-inputs.ts, fixture-cache.ts) in a child process of the global setup, bundled by it
// with esbuild: the setup computes the event tests' inputs at the same time, on the other core, instead of the four
// seconds of these running after them while that core waited.
import { ecbTrainNamesInputs, fakesNamesInputs } from './names-inputs';

fakesNamesInputs();
ecbTrainNamesInputs();
