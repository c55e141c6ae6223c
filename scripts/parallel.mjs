#!/usr/bin/env node
// `node scripts/parallel.mjs a b c` runs the npm scripts a, b and c at the same time and fails when any of them fails.
// The build runs three esbuild bundles and the type check two tsc runs that do not depend on each other: one after the
// other they left one of the machine's two cores idle (the clean type checks alone, 12 s and 6 s of CPU, took 18 s in
// turn). `npm run lint` runs the type checks beside ESLint, dependency-cruiser and Prettier (none reads what tsc
// checks); `npm test` no longer runs them (CI runs lint before the tests).
// Each runs through npm itself (npm_execpath), so this works wherever npm does, without a shell's `&`.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (!names.length) {
  process.stderr.write('usage: node scripts/parallel.mjs <npm script>...\n');
  process.exit(2);
}
const npm = process.env.npm_execpath;
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const child = npm
        ? spawn(process.execPath, [npm, 'run', '--silent', name], { stdio: 'inherit' })
        : spawn('npm', ['run', '--silent', name], { stdio: 'inherit', shell: process.platform === 'win32' });
      child.on('error', (e) => resolve({ name, code: 1, why: e.message }));
      child.on('exit', (code, signal) => resolve({ name, code: code ?? 1, why: signal ?? `exit code ${code}` }));
    }),
);
const failed = (await Promise.all(runs)).filter((r) => r.code !== 0);
for (const r of failed) process.stderr.write(`parallel: ${r.name} failed (${r.why})\n`);
process.exit(failed.length ? 1 : 0);
