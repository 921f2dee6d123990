#!/bin/sh
# Builds the bundled site under the sub-path /plans/ and runs the browser checks on it:
# axe-core, care mode, keyboard, network, sub-path and file:// styles, and vnu; and
# checks the editors' JSON Schemas against the bundled site and a new starter site.
# Needs Debian's chromium and fonts-noto-cjk, Node.js with npm, and Java (see README).
# Usage: tests/e2e/run.sh [SCREENSHOT_DIR]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SITE=$(mktemp -d)/site
STARTER=$(dirname "$SITE")/starter
cd "$ROOT"
cargo run --quiet --release --locked -- build --output "$SITE" --base-url https://e2e.example/plans/
cargo run --quiet --release --locked -- new "$STARTER" >/dev/null
cd "$HERE"
npm ci --no-audit --no-fund --loglevel=error
node schema.mjs "$ROOT" "$STARTER"
node check.js "$SITE" ${1:-}
./vnu.sh "$SITE"
rm -rf "$(dirname "$SITE")"
