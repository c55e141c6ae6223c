// Shared mechanics of the end-to-end run and `npm start`: where the cached tools live, building and
// installing the VSIX into a fresh code-server profile, scratch workspaces, the server's lifecycle (its own
// process group, loopback only, stopped as a group so no extension host is orphaned) and the browser.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const CACHE = process.env.PARALLAX_E2E_CACHE ?? path.join(HERE, '.cache');
export const ARTIFACTS = process.env.PARALLAX_E2E_ARTIFACTS ?? path.join(HERE, 'artifacts');
export const NODE24 = path.join(CACHE, 'node24', 'bin', 'node');
export const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.PARALLAX_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_ID = 'parallax-dev.parallax';

export function log(...args) {
  console.log('[e2e]', ...args);
}

/** Runs test/e2e/setup.sh (idempotent; fast once the cache is filled). */
export function ensureSetup() {
  const r = spawnSync('bash', [path.join(HERE, 'setup.sh')], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`setup.sh failed with status ${r.status}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (status ${r.status}):\n${out}`);
  }
  return r.stdout;
}

/** Builds the VSIX with the project's own `npm run package`; falls back to Node 24 when vsce rejects this node. */
export function buildVsix() {
  if (process.env.PARALLAX_VSIX) return path.resolve(process.env.PARALLAX_VSIX);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  try {
    run('npm', ['run', '-s', 'package'], { cwd: REPO });
  } catch (e) {
    log('npm run package failed under', process.version, '- retrying with Node 24:', String(e.message).split('\n')[0]);
    const env = { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}` };
    run('npm', ['run', '-s', 'package'], { cwd: REPO, env });
  }
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

const USER_SETTINGS = {
  // A clean screen: nothing opens by itself, no chat panel, no tips, no network look-ups.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  // Hovers show up quickly so the hover scenarios stay short.
  'editor.hover.delay': 100,
  // VS Code's default: Parallax itself opens article files wrapped (issue 14), and scenario 8 checks that it does
  // so without wrapping other files or touching this setting.
  'editor.wordWrap': 'off',
};

/**
 * A fresh code-server profile inside the cache's scratch folder: config, user data and extensions dirs,
 * with the VSIX installed. Returns the paths and the code-server arguments that select this profile.
 */
export function freshProfile(name, vsix) {
  const dir = path.join(CACHE, 'scratch', name);
  fs.rmSync(dir, { recursive: true, force: true });
  const ud = path.join(dir, 'user-data');
  const ext = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = path.join(dir, 'config.yaml');
  // Auth and bind address are given on the command line; the config file only keeps code-server from
  // writing one into the home directory.
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const args = ['--config', config, '--user-data-dir', ud, '--extensions-dir', ext];
  if (vsix) {
    const out = run(NODE24, [CODE_SERVER, ...args, '--install-extension', vsix]);
    if (!/successfully installed/i.test(out)) throw new Error(`VSIX install did not report success:\n${out}`);
  }
  return { dir, ud, ext, config, args, log: path.join(dir, 'server.log') };
}

/** The installed extension's folder inside a profile (the VSIX contents as VS Code unpacked them). */
export function installedExtensionDir(profile) {
  const names = fs.readdirSync(profile.ext).filter((n) => n.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (names.length !== 1) throw new Error(`expected one ${EXTENSION_ID} in ${profile.ext}, found ${names.join(', ') || 'none'}`);
  return path.join(profile.ext, names[0]);
}

/** Copies corpus/ (or another folder) to a scratch workspace and returns its path. */
export function makeWorkspace(name, from = path.join(REPO, 'corpus')) {
  const ws = path.join(CACHE, 'scratch', `ws-${name}`);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(from, ws, { recursive: true });
  return ws;
}

/** sha256 of every file under dir (relative path → hex), skipping folders that tools may create. */
export function hashTree(dir, skip = /^(\.vscode|\.parallax-cache|node_modules)(\/|$)/) {
  const out = {};
  const walk = (rel) => {
    for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (skip.test(r)) continue;
      if (ent.isDirectory()) walk(r);
      else if (ent.isFile())
        out[r] = crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, r)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

export function diffHashes(before, after) {
  const changed = [];
  for (const [f, h] of Object.entries(before)) if (after[f] !== h) changed.push(after[f] ? `changed ${f}` : `deleted ${f}`);
  for (const f of Object.keys(after)) if (!(f in before)) changed.push(`created ${f}`);
  return changed;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set();

/**
 * Starts code-server on 127.0.0.1 in its own process group (detached = setsid) and waits for /healthz.
 * Returns { url, host, pid, stop() }. stop() kills the whole group, so the extension host goes too.
 */
export async function startServer(profile, workspace, { extraArgs = [], env = {}, port } = {}) {
  port ??= await freePort();
  const logFd = fs.openSync(profile.log, 'a');
  const args = [
    CODE_SERVER,
    ...profile.args,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '15',
    ...extraArgs,
    workspace,
  ];
  const child = spawn(NODE24, args, {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, ...env },
  });
  fs.closeSync(logFd);
  const pgid = child.pid;
  if (process.env.PARALLAX_E2E_PGID_FILE) fs.appendFileSync(process.env.PARALLAX_E2E_PGID_FILE, `${pgid}\n`);
  let exited = null;
  child.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  const server = {
    port,
    pid: pgid,
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      running.delete(server);
      killGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
    },
  };
  running.add(server);
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${profile.log}`);
    try {
      const r = await fetch(`${server.url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 60000) {
      await server.stop();
      throw new Error(`code-server not healthy after 60 s; see ${profile.log}`);
    }
    await sleep(100);
  }
  log(`code-server on ${server.url} (pgid ${pgid}) ready in ${Date.now() - t0} ms`);
  return server;
}

function killGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig);
  } catch {
    /* already gone */
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Synchronous last resort for exit paths (process 'exit' handlers cannot await). */
export function killAllServersNow() {
  for (const s of running) {
    killGroup(s.pid, 'SIGKILL');
  }
  running.clear();
}
process.on('exit', killAllServersNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllServersNow();
    process.exit(130);
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** playwright-core from the cache (it is not a project dependency). */
export async function playwright() {
  const entry = path.join(CACHE, 'pw', 'node_modules', 'playwright-core', 'index.mjs');
  return import(pathToFileURL(entry).href);
}

/** Debian's Chromium, headless, with a throw-away profile. Returns { ctx, page, close() }. */
export async function launchBrowser() {
  const { chromium } = await playwright();
  const udd = fs.mkdtempSync(path.join(CACHE, 'scratch', 'chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
  ctx.setDefaultTimeout(20000);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return {
    ctx,
    page,
    async close() {
      await ctx.close().catch(() => {});
      fs.rmSync(udd, { recursive: true, force: true });
    },
  };
}
