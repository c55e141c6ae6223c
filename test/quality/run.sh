#!/bin/sh
# Bundles and runs a quality script of this folder: test/quality/run.sh run-names.ts dev --chains
set -e
here=$(dirname "$0")
script=$1; shift
npx esbuild "$here/$script" --bundle --platform=node --format=esm --packages=external --log-level=warning --outfile="$here/.${script%.ts}.mjs"
node "$here/.${script%.ts}.mjs" "$@"
