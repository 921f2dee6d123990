#!/bin/sh
# The W3C Nu HTML checker (npm vnu-jar, on Java) over every page of a built site.
# Usage: vnu.sh SITE_DIR. Exit 0 when the site has no errors. A deliberately invalid
# page is checked first, so a clean result can be trusted.
set -u
SITE=${1:?usage: vnu.sh SITE_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/node_modules/vnu-jar/build/dist/vnu.jar"
echo "vnu $(java -jar "$JAR" --version)"
CONTROL=$(mktemp -d)
printf '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>bad</p></span><img src=x></body></html>\n' > "$CONTROL/bad.html"
if java -jar "$JAR" --errors-only --skip-non-html "$CONTROL" 2> "$CONTROL/out.txt"; then
  echo "FAIL vnu positive control: an invalid page passed (checker broken)"
  rm -rf "$CONTROL"
  exit 1
fi
echo "ok   vnu positive control: $(grep -c 'error:' "$CONTROL/out.txt") errors in an invalid page"
rm -rf "$CONTROL"
PAGES=$(find "$SITE" -name '*.html' | wc -l)
if java -jar "$JAR" --errors-only --skip-non-html "$SITE"; then
  echo "ok   vnu: $PAGES pages, no errors"
else
  echo "FAIL vnu: errors above"
  exit 1
fi
