#!/bin/sh
# Runs every fuzz target for the given number of seconds each (default 600), seeded
# with the bundled site's files. cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP
# lets the stable toolchain build with them.
# Usage: fuzz/run_all.sh [SECONDS]
set -eu
cd "$(dirname "$0")"
SECONDS_EACH=${1:-600}
mkdir -p corpus/plan_yaml corpus/markdown corpus/site_build corpus/commentary_attributes
for f in ../content/plans/*/plan.yaml; do cp "$f" "corpus/plan_yaml/$(basename "$(dirname "$f")").yaml"; done
for f in ../content/plans/*/index.*.md ../content/index.*.md; do cp "$f" "corpus/markdown/$(echo "$f" | tr '/' '_')"; done
cp ../src/scaffold/starter/content/plans/example-2025/plan.yaml corpus/site_build/starter.yaml
printf '#top .note' > corpus/commentary_attributes/id-class
printf 'href="../x/" title="t"' > corpus/commentary_attributes/link
for target in plan_yaml markdown site_build commentary_attributes; do
  dict=""
  if [ -f "$target.dict" ]; then dict="-dict=$target.dict"; fi
  echo "== $target for ${SECONDS_EACH}s (full log: fuzz/$target.log)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" -- -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 $dict \
    >"$target.log" 2>&1 || echo "   $target stopped with a finding: see fuzz/artifacts/$target/"
  grep -E "DONE|^Done|panicked|SUMMARY" "$target.log" | tail -3
done
