// `node dist/cli.js …` as a child process, for the tests whose question is about the process (exit codes, stderr,
// JSON on stdout, no writes, time taken, hangs). It returns a promise instead of blocking: a test that asks several
// independent commands starts them together (Promise.all), so its worker is not held idle while each runs in turn.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const CLI_PATH = path.resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  /** Exit code, or null when the process was killed. */
  code: number | null;
  /** The signal that killed it (the timeout's SIGTERM), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from the start of the process to its exit. */
  ms: number;
}

/**
 * Runs the CLI with these arguments (and `input` on stdin), killed with SIGTERM after `timeoutMs` as spawnSync's
 * `timeout` does. Never rejects: a process that cannot start reports its error on stderr with a null code.
 */
export function cliProcess(args: string[], options: { timeoutMs?: number; input?: string } = {}): Promise<CliRun> {
  return nodeProcess(CLI_PATH, args, options);
}

/** cliProcess() for another Node script (a test's own child, such as core-session.ts bundled). */
export function nodeProcess(script: string, args: string[], options: { timeoutMs?: number; input?: string } = {}): Promise<CliRun> {
  const { timeoutMs = 120_000, input } = options;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let error = '';
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', (e) => void (error = String(e)));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + error,
        ms: performance.now() - t0,
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}
