// The `parallax` program (dist/cli.js, package.json `bin`): the command line's arguments, the process's streams and
// its exit code around runCli (cli.ts).
import { runCli } from './cli';

void runCli(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
  (code) => {
    process.exitCode = code;
  },
);
