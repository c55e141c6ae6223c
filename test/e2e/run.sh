#!/usr/bin/env bash
# npm run test:e2e — Parallax in a real VS Code (code-server) on this machine:
#   1. installs its tools into test/e2e/.cache (setup.sh; fast when cached),
#   2. builds the VSIX (npm run package) and installs it into a fresh code-server profile,
#   3. runs the UI scenarios (Playwright + Debian Chromium) and the extension-host API suite (test/host/).
# Screenshots and server logs go to test/e2e/artifacts/. Exit status is non-zero when anything failed.
# Env: PARALLAX_VSIX=path (test that VSIX instead of building one), PARALLAX_E2E_ONLY=ui|host,
#      PARALLAX_E2E_GREP=regex (UI scenarios by name), PARALLAX_E2E_CACHE=dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash test/e2e/setup.sh

# Every server the runner starts writes its process-group id here; whatever way the runner ends (crash,
# Ctrl-C, timeout), the trap stops those groups so no code-server or extension host is left behind.
PGIDS="$(mktemp)"
export PARALLAX_E2E_PGID_FILE="$PGIDS"
cleanup() {
  while read -r g; do
    [ -n "$g" ] && kill -- "-$g" 2>/dev/null || true
  done <"$PGIDS"
  rm -f "$PGIDS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
node test/e2e/run.mjs "$@"
