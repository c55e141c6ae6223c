// npm start — see Parallax on the bundled sample articles with one command.
// With a desktop `code` on PATH: builds the extension and opens VS Code on corpus/ with Parallax loaded in
// development mode. Without one: installs the e2e tools (test/e2e/setup.sh, cached), builds the VSIX, installs
// it into a fresh code-server profile, serves a copy of corpus/ on 127.0.0.1 and prints the URL to open;
// Ctrl-C stops the server (its whole process group).
// Env: PORT (default: 8080 when free, else any free port), PARALLAX_START_SERVER=1 (use code-server even
// when `code` is installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

if (onPath('code') && !process.env.PARALLAX_START_SERVER) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log('Opening VS Code on corpus/ with Parallax in development mode…');
  const code = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${REPO}`, path.join(REPO, 'corpus')], { stdio: 'inherit' });
  process.exit(code.status ?? 0);
}

const h = await import('./harness.mjs');
h.ensureSetup();
console.log('Building the VSIX…');
const vsix = h.buildVsix();
const profile = h.freshProfile('start', vsix);
const ws = h.makeWorkspace('start');
const wanted = Number(process.env.PORT ?? 8080);
const port = (await portFree(wanted)) ? wanted : await h.freePort();
const server = await h.startServer(profile, ws, { port });
const url = `${server.url}/?folder=${encodeURIComponent(ws)}`;
console.log(`
Parallax ${path.basename(vsix)} is installed in a local VS Code (code-server, 127.0.0.1 only).
Open:  ${url}
Then click the Parallax icon in the activity bar, open an article and hover a name.
Workspace: ${ws} (a copy of corpus/)   Server log: ${profile.log}
Press Ctrl-C to stop.`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep running while the server does; if it dies on its own, say so and exit.
for (;;) {
  await h.sleep(2000);
  try {
    process.kill(server.pid, 0);
  } catch {
    console.error(`code-server stopped; see ${profile.log}`);
    process.exit(1);
  }
}
