// The order in which the test files start: longest first, so that the two workers finish together. Vitest's own order
// starts large files first in a clean clone, and later the files whose tests took longest; both started the FA-KES
// evaluations last (small files whose work happens while they load, which vitest does not count as test time), and
// one worker ran them alone for over a minute at the end of the run.
//
// The seconds per file come from the last run on this machine (written by FileSeconds below into
// node_modules/.cache/parallax-test/durations.json: load plus tests, per file) and, for files that run has not seen
// (a clean clone), from the committed table test/unit/durations.json. So the order follows the files' cost as it
// changes, without anyone keeping a table by hand.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

const COMMITTED = 'test/unit/durations.json';
const CACHE_DIR = 'node_modules/.cache/parallax-test';
const MEASURED = `${CACHE_DIR}/durations.json`;

function readSeconds(file: string): Record<string, number> {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { seconds: Record<string, number> }).seconds;
  } catch {
    return {};
  }
}

const key = (root: string, moduleId: string) => relative(root, moduleId).split('\\').join('/');

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = { ...readSeconds(COMMITTED), ...readSeconds(MEASURED) };
    const cost = (f: TestSpecification) => seconds[key(f.project.config.root, f.moduleId)] ?? 0;
    // Array.prototype.sort is stable: files with no known cost keep vitest's order after the others.
    return (await super.sort(files)).sort((a, b) => cost(b) - cost(a));
  }
}

/** Records each file's seconds (loading it, which runs its describe blocks, plus its tests) for the next run's order. */
export class FileSeconds implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const seconds = readSeconds(MEASURED);
    for (const m of modules) {
      const d = m.diagnostic();
      if (d.collectDuration + d.duration > 0)
        seconds[key(m.project.config.root, m.moduleId)] = Math.round((d.collectDuration + d.duration) / 100) / 10;
    }
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${MEASURED}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ seconds }, null, 2) + '\n');
    renameSync(tmp, MEASURED);
  }
}
