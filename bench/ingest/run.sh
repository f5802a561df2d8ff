#!/usr/bin/env bash
# Ingest benchmark: generates N bannedbook-shaped pages (default 10000) and times
# `./samizdat ingest` on them, JVM start included: a cold run into an empty content folder, then
# a re-run over the same pages (everything unchanged). Uses hyperfine when installed, else
# /usr/bin/time. Target: 10,000 pages in under 5 s wall on 2 cores.
#
# usage: bench/ingest/run.sh [N] [WORKDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../settle.sh
. "$here/../settle.sh"
repo=$(cd "$here/../.." && pwd)
n=${1:-10000}
work=${2:-$repo/bench/work/ingest}
pages="$work/pages-$n"
content="$work/content"

"$repo/samizdat" --version >/dev/null   # builds the jar if it is stale, outside the timing
if [ ! -d "$pages" ]; then
  echo "generating $n pages in $pages ..." >&2
  python3 "$here/generate.py" "$n" "$pages"
fi
echo "pages: $(find -L "$pages" -name '*.html' | wc -l), $(du -shL "$pages" | cut -f1); cores: $(nproc)" >&2
# One untimed ingest of a single page first, so that the timed runs find the jar in the page cache.
rm -rf "$work/warmup" "$work/warmup-pages"   # a few files: too few to slow anything
mkdir -p "$work/warmup-pages"
cp "$(find -L "$pages" -name '*.html' | head -n 1)" "$work/warmup-pages/"
"$repo/samizdat" ingest --quiet --content "$work/warmup" "$work/warmup-pages" >/dev/null
echo "load average now: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine skews wall times)" >&2

jar="$repo/target/samizdat.jar"
run() { "$repo/samizdat" ingest --quiet --content "$content" "$pages" | tail -n 1; }

# Old outputs are moved aside and deleted after the timed runs, and the timed runs wait until an
# earlier deletion no longer slows file creation (see ../settle.sh).
trash="$work/trash"
mkdir -p "$trash"
discard() { if [ -e "$1" ]; then mv "$1" "$trash/$(basename "$1").$$.$RANDOM"; fi; }

echo "--- cold: empty content folder" >&2
discard "$content"
settle_wait
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" bash -c "$(declare -f run); repo=$repo content=$content pages=$pages; run"
else
  start=$(date +%s.%N); run; end=$(date +%s.%N); echo "wall $(echo "$end - $start" | bc) s"
fi
echo "--- warm: same pages again (all unchanged)" >&2
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" bash -c "$(declare -f run); repo=$repo content=$content pages=$pages; run"
else
  start=$(date +%s.%N); run; end=$(date +%s.%N); echo "wall $(echo "$end - $start" | bc) s"
fi
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 --prepare "[ ! -e '$content' ] || mv '$content' '$trash/content.hf.\$RANDOM'" \
    "'$repo/samizdat' ingest --quiet --content '$content' '$pages'"
fi
echo "deleting old outputs in $trash" >&2
settle_delete "$trash"
