// Test runner settings. Test files share one module graph per worker (isolate: false): importing the core and its
// fixtures again for every file was a third of `npm test`. A file that mocks modules (vi.mock) gets a graph of its own,
// found here by reading the files, so a new mocking test needs no entry in this config.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { FileSeconds, LongestFirst } from './test/unit/file-order';

const UNIT = 'test/unit';
const MOCKING = readdirSync(UNIT)
  .filter((f) => f.endsWith('.test.ts') && /\bvi\.(mock|doMock)\(/.test(readFileSync(`${UNIT}/${f}`, 'utf8')))
  .map((f) => `${UNIT}/${f}`);

export default defineConfig({
  test: {
    pool: 'threads',
    // Inputs several files share (FA-KES with its names resolved) are computed once, before the workers start.
    globalSetup: [`${UNIT}/global-setup.ts`],
    // Longest files first, by the seconds each took in the last run (test/unit/file-order.ts).
    sequence: { sequencer: LongestFirst },
    reporters: ['default', new FileSeconds()],
    // One worker per core. Vitest's default leaves a core to its main process (cores - 1), which on a 2-core machine
    // ran every file in a single worker; the main process only waits on the workers (and spawned CLIs block only
    // their own worker), so it needs no core of its own.
    maxWorkers: availableParallelism(),
    // A guard against hangs, not a speed check (speed targets are benchmark scripts): the 5 s default failed tests that
    // index FA-KES when the machine's two cores are shared with other work. Tests that give their own limit keep it.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: [`${UNIT}/**/*.test.ts`], exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'mocking', include: MOCKING, isolate: true } },
    ],
  },
});
