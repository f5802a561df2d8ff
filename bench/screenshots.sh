#!/usr/bin/env bash
# Screenshots of the built site for docs/screenshots/: the front page, an article, search and the
# tag index, at phone (390 px) and desktop (1280 px) width, light and dark, from file:// in
# Debian's headless Chromium (no network). The archive is bench/build's generated content (300
# articles, seed 1), so the pictures are the same from run to run, bar font rendering.
#
#   bench/screenshots.sh [OUTDIR]      default OUTDIR: docs/screenshots
#
# Needs: JDK 17, chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/screenshots}"
WORK=bench/work/screenshots
command -v chromium >/dev/null || { echo "screenshots.sh: chromium not found (apt-get install -y chromium)" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK" "$OUT"
java bench/build/GenerateContent.java 300 "$WORK/content" 1 >/dev/null
./samizdat build --quiet --content "$WORK/content" --out "$WORK/site" --cache "$WORK/site.state"
SITE="$(cd "$WORK/site" && pwd)"
# an article with a figure
ARTICLE="$(grep -l '<figure>' -r "$SITE/a" | sort | sed -n 1p)"
QUERY="%E9%A6%99%E6%B8%AF" # 香港
shot() { # name width height url [dark]
  local flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
    --disable-background-networking --disable-component-update --virtual-time-budget=4000
    "--window-size=$2,$3" "--screenshot=$OUT/$1.png")
  if [ "${5:-}" = dark ]; then flags+=(--force-dark-mode); fi
  chromium "${flags[@]}" "$4" >/dev/null 2>&1
  echo "screenshots.sh: $OUT/$1.png" >&2
}
for scheme in light dark; do
  shot "front-390-$scheme" 390 844 "file://$SITE/index.html" "$scheme"
  shot "front-1280-$scheme" 1280 900 "file://$SITE/index.html" "$scheme"
  shot "article-390-$scheme" 390 844 "file://$ARTICLE" "$scheme"
  shot "article-1280-$scheme" 1280 900 "file://$ARTICLE" "$scheme"
  shot "search-390-$scheme" 390 844 "file://$SITE/search/index.html?q=$QUERY" "$scheme"
  shot "search-1280-$scheme" 1280 900 "file://$SITE/search/index.html?q=$QUERY" "$scheme"
  shot "tags-390-$scheme" 390 844 "file://$SITE/tags/index.html" "$scheme"
  shot "tags-1280-$scheme" 1280 900 "file://$SITE/tags/index.html" "$scheme"
done
